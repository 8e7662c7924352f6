/**
 * The measured plan as an SVG tree: one box per operator (name, details, rows · batches · time,
 * a bar for its share of the time), the root on top as in explain(), arrows pointing the way
 * the data flows (up, child to parent), pipeline breakers in a dashed amber box.
 *
 * Why these choices: the SVG must show wherever the notebook is read, GitHub included, so it is
 * one self-contained string (no fonts, scripts or links; generic font families only). Jupyter
 * and GitHub show SVG as an image, which cannot see the page's theme variables, so every box
 * and every label paints its own opaque background under its own text colour (readable on any
 * page), the lines use a grey that stands out on white and on black, and a
 * prefers-color-scheme rule gives the boxes dark colours where the viewer asks for them.
 */
import { escapeXml } from "../html.js";
import { formatMs, metricsText } from "../../execution/explain-analyze.js";
import type { PlanProfile, ProfiledNode } from "../../execution/profile.js";

const BOX_W = 280;
const BOX_H = 78;
const GAP_X = 24;
const GAP_Y = 46;
const PAD = 16;
const HEADER_H = 48;
/** Average glyph width of the 11 px monospace detail line, to cut it before the box edge. */
const DETAIL_CHARS = Math.floor((BOX_W - 20) / 6.7);
const NAME_CHARS = Math.floor((BOX_W - 20) / 7.6);

interface Placed {
  node: ProfiledNode;
  x: number;
  y: number;
  children: Placed[];
}

/** Width a subtree needs: its boxes side by side, or one box when that is wider. */
function subtreeWidth(n: ProfiledNode, memo: Map<ProfiledNode, number>): number {
  let w = memo.get(n);
  if (w !== undefined) return w;
  const kids = n.children.map((c) => subtreeWidth(c, memo));
  w = Math.max(BOX_W, kids.reduce((s, k) => s + k, 0) + GAP_X * Math.max(0, kids.length - 1));
  memo.set(n, w);
  return w;
}

/** Places each box centred above its children; `left` is where the subtree's span starts. */
function place(n: ProfiledNode, left: number, depth: number, memo: Map<ProfiledNode, number>): Placed {
  const width = memo.get(n)!;
  const childWidths = n.children.map((c) => memo.get(c)!);
  const childSpan = childWidths.reduce((s, k) => s + k, 0) + GAP_X * Math.max(0, childWidths.length - 1);
  let cx = left + (width - childSpan) / 2;
  const children = n.children.map((c, i) => {
    const p = place(c, cx, depth + 1, memo);
    cx += childWidths[i]! + GAP_X;
    return p;
  });
  return { node: n, x: left + width / 2 - BOX_W / 2, y: HEADER_H + depth * (BOX_H + GAP_Y), children };
}

function flatten(p: Placed, out: Placed[] = []): Placed[] {
  out.push(p);
  p.children.forEach((c) => flatten(c, out));
  return out;
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + "…";
}

const f1 = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

function box(p: Placed, totalSelfMs: number): string {
  const n = p.node;
  const m = n.metrics;
  const ran = !m || m.executions > 0;
  const cls = ["op", n.pipelineBreaker ? "breaker" : "", m ? "" : "logical", ran ? "" : "idle"].filter(Boolean).join(" ");
  const full = `${n.name}${n.detail ? " " + n.detail : ""}${n.pipelineBreaker ? " (pipeline breaker)" : ""} [${metricsText(n)}]`;
  const x = p.x, y = p.y;
  let s = `<g class="${cls}"><title>${escapeXml(full)}</title>`;
  s += `<rect class="box" x="${f1(x)}" y="${f1(y)}" width="${BOX_W}" height="${BOX_H}" rx="6"/>`;
  s += `<text class="name" x="${f1(x + 10)}" y="${f1(y + 19)}">${escapeXml(cut(n.name, NAME_CHARS - (n.pipelineBreaker ? 15 : 0)))}</text>`;
  if (n.pipelineBreaker) s += `<text class="badge" x="${f1(x + BOX_W - 10)}" y="${f1(y + 18)}" text-anchor="end">PIPELINE BREAKER</text>`;
  s += `<text class="detail" x="${f1(x + 10)}" y="${f1(y + 37)}">${escapeXml(cut(n.detail, DETAIL_CHARS))}</text>`;
  const stats = !m ? "subquery, runs per outer value" : m.executions === 0 ? "not run" : `${m.rows.toLocaleString("en-US")} row${m.rows === 1 ? "" : "s"} · ${m.batches} batch${m.batches === 1 ? "" : "es"} · ${formatMs(m.selfMs)}`;
  s += `<text class="stats" x="${f1(x + 10)}" y="${f1(y + 56)}">${escapeXml(stats)}</text>`;
  if (m && m.executions > 0) {
    // The bar is this operator's share of all operators' own time: where the run went.
    const share = totalSelfMs > 0 ? m.selfMs / totalSelfMs : 0;
    const barW = BOX_W - 20;
    s += `<rect class="track" x="${f1(x + 10)}" y="${f1(y + 64)}" width="${barW}" height="5" rx="2"/>`;
    if (share > 0) s += `<rect class="bar" x="${f1(x + 10)}" y="${f1(y + 64)}" width="${f1(Math.max(1, barW * share))}" height="5" rx="2"/>`;
  }
  return s + "</g>";
}

/** A curved arrow from the child's top to the parent's bottom, with the child's role on it. */
function edge(parent: Placed, child: Placed): string {
  const x1 = child.x + BOX_W / 2, y1 = child.y;
  const x2 = parent.x + BOX_W / 2, y2 = parent.y + BOX_H + 4;
  const my = (y1 + y2) / 2;
  let s = `<path class="edge" d="M${f1(x1)},${f1(y1)} C${f1(x1)},${f1(my)} ${f1(x2)},${f1(my)} ${f1(x2)},${f1(y2)}" marker-end="url(#arrow)"/>`;
  // The label sits on the outer side of the curve so the line never crosses it.
  const left = x1 < x2;
  if (child.node.role) {
    // On its own opaque pill, as all text here, so it reads on any page colour.
    const w = child.node.role.length * 6.6 + 10;
    const px = left ? x1 - 4 - w : x1 + 4;
    s += `<rect class="pill" x="${f1(px)}" y="${f1(y1 - 19)}" width="${f1(w)}" height="15" rx="7"/>`;
    s += `<text class="role" x="${f1(px + w / 2)}" y="${f1(y1 - 8)}" text-anchor="middle">${escapeXml(child.node.role)}</text>`;
  }
  return s;
}

const STYLE = `
.op .box{fill:#f3f6fa;stroke:#5b6b82;stroke-width:1.2}
.op.breaker .box{fill:#fff5e3;stroke:#b86e00;stroke-width:1.6;stroke-dasharray:6 3}
.op.logical .box{fill:#f7f7f7;stroke:#8a94a6;stroke-dasharray:2 3}
.op.idle{opacity:.55}
.name{font:600 13px system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;fill:#1b2430}
.badge{font:600 10px system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;fill:#9a5a00}
.detail{font:11px ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;fill:#3b4656}
.stats{font:12px system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;fill:#1b2430}
.track{fill:#dfe5ec}
.bar{fill:#d0452f}
.edge{fill:none;stroke:#8a94a6;stroke-width:1.5}
#arrow path{fill:#8a94a6}
.panel,.pill{fill:#f3f6fa;stroke:#8a94a6;stroke-width:1}
.role,.head{font:12px system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;fill:#3b4656}
.role{font-size:11px}
.head.title{font-weight:600;fill:#1b2430}
@media (prefers-color-scheme: dark){
.op .box{fill:#1f2733;stroke:#8da2bf}
.op.breaker .box{fill:#35280f;stroke:#f0a030}
.op.logical .box{fill:#262a30;stroke:#8a94a6}
.panel,.pill{fill:#1f2733}
.name,.stats,.head.title{fill:#e6edf3}
.detail,.role,.head{fill:#b7c2d0}
.badge{fill:#f0a030}
.track{fill:#3a4452}
.bar{fill:#ff7b63}
}`;

/** The SVG text of a profile. */
export function planSvg(p: PlanProfile): string {
  const memo = new Map<ProfiledNode, number>();
  const width = subtreeWidth(p.root, memo);
  const root = place(p.root, PAD, 0, memo);
  const all = flatten(root);
  const depth = Math.max(...all.map((a) => a.y));
  const title = `Plan of the last action: ${p.action} · ${formatMs(p.wallMs)} in total${p.failure ? " · failed: " + cut(p.failure, 80) : ""}`;
  const note = "rows and batches each operator produced · time in the operator itself (bar: its share)";
  // Header text is not measured by the browser here; 6.6 px per glyph at 12 px is a safe width.
  const W = Math.ceil(Math.max(width + 2 * PAD, Math.max(title.length, note.length) * 6.6 + 2 * PAD));
  const H = Math.ceil(depth + BOX_H + PAD);
  const totalSelf = all.reduce((s, a) => s + (a.node.metrics?.selfMs ?? 0), 0);
  const edges = all.flatMap((a) => a.children.map((c) => edge(a, c))).join("");
  const boxes = all.map((a) => box(a, totalSelf)).join("");
  const panelW = Math.max(title.length, note.length) * 6.6 + 16;
  const head = `<rect class="panel" x="${PAD - 8}" y="2" width="${f1(panelW)}" height="${HEADER_H - 8}" rx="4"/>` +
    `<text class="head title" x="${PAD}" y="16">${escapeXml(title)}</text><text class="head" x="${PAD}" y="29">${escapeXml(note)}</text>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeXml(`Physical plan of ${p.action}`)}">` +
    `<style>${STYLE}</style>` +
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#8a94a6"/></marker></defs>` +
    head + edges + boxes +
    "</svg>"
  );
}
