/**
 * A chart: plotly data + layout, displayable in notebooks.
 *
 * MIME bundle: application/vnd.plotly.v1+json (JupyterLab's plotly renderer), text/html
 * (plotly.js inlined, no network), image/svg+xml (static, rendered here in TS so GitHub and
 * nbconvert show the chart) and text/plain.
 */
import { JUPYTER_DISPLAY, type MimeBundle } from "../html.js";
import { renderSvg } from "./svg.js";
import { plotlyHtml } from "./plotly-html.js";
import type { Layout, Trace } from "./types.js";

export class Figure {
  constructor(
    readonly data: Trace[],
    readonly layout: Layout,
  ) {}

  /** Plotly's figure JSON ({data, layout}). */
  toJSON(): { data: Trace[]; layout: Layout } {
    return { data: this.data, layout: this.layout };
  }

  /** Static SVG rendering (width x height pixels). */
  toSvg(width = 700, height = 420): string {
    return renderSvg(this.data, this.layout, width, height);
  }

  /** Self-contained HTML that draws with plotly.js (inlined), falling back to the SVG. */
  toHtml(opts: { inline?: boolean; id?: string } = {}): string {
    return plotlyHtml(this.toJSON(), this.toSvg(), opts);
  }

  /** Like plotly's fig.show(): displays the figure in the running notebook cell. */
  async show(): Promise<void> {
    const display = (globalThis as { display?: (v: unknown) => unknown }).display;
    if (typeof display !== "function") throw new Error("Figure.show() needs a notebook (the Pijar kernel's display()); use toHtml() or toSvg() elsewhere.");
    await display(this);
  }

  [JUPYTER_DISPLAY](): MimeBundle {
    const svg = this.toSvg();
    const names = this.data.map((t) => t.name).filter(Boolean);
    return {
      "application/vnd.plotly.v1+json": { ...this.toJSON(), config: { displaylogo: false } },
      "text/html": plotlyHtml(this.toJSON(), svg),
      "image/svg+xml": svg,
      "text/plain": `Figure(${this.data[0]?.type ?? "empty"}${names.length ? `: ${names.join(", ")}` : ""})`,
    };
  }
}
