/**
 * text/html output of a figure that draws with plotly.js without any network: the first figure
 * of a process inlines plotly.js (from the npm package plotly.js-dist-min) and later figures
 * wait for `window.Plotly`. If the page never got the library (e.g. only a later output is
 * rendered), the figure keeps its static SVG, which is drawn first.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";

let plotlySource: string | null = null;
let inlinedOnce = false;

function plotlyJs(): string {
  if (plotlySource === null) {
    const file = createRequire(import.meta.url).resolve("plotly.js-dist-min/plotly.min.js");
    // "</script" inside an inline script would end it early.
    plotlySource = readFileSync(file, "utf8").replace(/<\/script/gi, "<\\/script");
  }
  return plotlySource;
}

/** For tests: make the next figure inline plotly.js again. */
export function resetPlotlyInlining(): void {
  inlinedOnce = false;
}

/** Safe JSON for embedding in a <script> element. */
function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

export interface HtmlOptions {
  /** Force inlining plotly.js (default: only the first figure of the process). */
  inline?: boolean;
  /** Element id (default: random). */
  id?: string;
}

export function plotlyHtml(figure: { data: unknown; layout: unknown }, svg: string, opts: HtmlOptions = {}): string {
  const id = opts.id ?? `pijar-plot-${randomUUID()}`;
  const inline = opts.inline ?? !inlinedOnce;
  if (inline) inlinedOnce = true;
  const lib = inline ? `<script type="text/javascript">if(!window.Plotly){${plotlyJs()}\n}</script>` : "";
  const draw =
    `<script type="text/javascript">(function(){` +
    `var fig=${scriptJson(figure)};var tries=0;` +
    `function draw(){var el=document.getElementById(${scriptJson(id)});if(!el)return;` +
    `if(window.Plotly){el.innerHTML="";window.Plotly.newPlot(el,fig.data,fig.layout,{responsive:true,displaylogo:false});}` +
    `else if(tries++<100){setTimeout(draw,100);}}draw();})();</script>`;
  return `<div id="${id}" class="pijar-plot" style="min-height:420px">${svg}</div>${lib}${draw}`;
}
