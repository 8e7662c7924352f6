/**
 * Static SVG rendering of our plotly figures (axes, ticks, grid, bars/lines/points/areas,
 * boxes, pies, legend, title), so charts show where no JavaScript runs (GitHub, nbconvert).
 * It covers exactly the traces this package produces, not plotly in general.
 */
import { escapeXml } from "../html.js";
import { formatDate, formatNumber, linear, niceTicks } from "./scale.js";
import { PALETTE, type Layout, type Trace } from "./types.js";

type AxisKind = "number" | "date" | "category";

interface Axis {
  kind: AxisKind;
  categories: string[];
  /** Data value -> numeric position (category index, ms, or number). */
  pos(v: unknown): number | null;
  min: number;
  max: number;
}

const DAY = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+Z?)?$/;
const FONT = `font-family="Open Sans, Arial, sans-serif"`;
const f = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

function num(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return null;
}

function positionAxis(values: unknown[], forceCategory: boolean): Axis {
  const present = values.filter((v) => v !== null && v !== undefined);
  let kind: AxisKind = "category";
  if (!forceCategory && present.length && present.every((v) => typeof v === "number")) kind = "number";
  else if (!forceCategory && present.length && present.every((v) => typeof v === "string" && ISO_DATE.test(v))) kind = "date";
  if (kind === "category") {
    const categories = [...new Set(present.map(String))];
    const index = new Map(categories.map((c, i) => [c, i]));
    return { kind, categories, pos: (v) => (v == null ? null : index.get(String(v)) ?? null), min: -0.5, max: categories.length - 0.5 };
  }
  const pos = kind === "date" ? (v: unknown) => (typeof v === "string" ? Date.parse(v) : null) : num;
  const ps = present.map(pos).filter((p): p is number => p !== null);
  return { kind, categories: [], pos, min: Math.min(...ps), max: Math.max(...ps) };
}

function ticksFor(axis: Axis): { at: number; label: string }[] {
  if (axis.kind === "category") {
    const every = Math.ceil(axis.categories.length / 20);
    return axis.categories.filter((_, i) => i % every === 0).map((c) => ({ at: axis.categories.indexOf(c), label: c }));
  }
  if (axis.kind === "date" && axis.max - axis.min > 2 * DAY) {
    // Whole days as steps so labels are dates, not odd times.
    const days = niceTicks(Math.ceil(axis.min / DAY), Math.floor(axis.max / DAY), 5).map((d) => d * DAY);
    return days.filter((t) => t >= axis.min && t <= axis.max).map((t) => ({ at: t, label: formatDate(t) }));
  }
  return niceTicks(axis.min, axis.max).map((t) => ({ at: t, label: axis.kind === "date" ? formatDate(t) : formatNumber(t) }));
}

/**
 * A label: 12px, dark blue, unless `attrs` sets its own font-size or fill. The default is left
 * out then rather than given twice: an attribute repeated makes the SVG invalid XML, which an
 * <img> (how JupyterLab, GitHub and nbconvert show image/svg+xml) refuses to draw at all.
 */
function text(x: number, y: number, s: string, attrs = ""): string {
  const size = /\bfont-size=/.test(attrs) ? "" : ` font-size="12"`;
  const fill = /\bfill=/.test(attrs) ? "" : ` fill="#2a3f5f"`;
  return `<text x="${f(x)}" y="${f(y)}" ${FONT}${size}${fill} ${attrs}>${escapeXml(s)}</text>`;
}

function clip(s: string, n = 14): string {
  return s.length > n ? s.slice(0, n - 1) + "…" : s;
}

export function renderSvg(data: Trace[], layout: Layout, width: number, height: number): string {
  const parts: string[] = [];
  const legendItems = data.filter((t) => t.type !== "pie" && t.showlegend !== false && t.name && data.length > 1);
  const isPie = data.length > 0 && data.every((t) => t.type === "pie");
  const pieLabels = isPie ? [...new Set(data.flatMap((t) => (t.labels ?? []).map(String)))] : [];
  const hasLegend = legendItems.length > 0 || pieLabels.length > 0;
  const m = { l: 70, r: hasLegend ? 150 : 20, t: layout.title ? 50 : 20, b: 60 };
  const pw = width - m.l - m.r;
  const ph = height - m.t - m.b;
  if (layout.title) parts.push(text(width / 2, 28, layout.title.text, `font-size="16" text-anchor="middle"`));

  if (isPie) drawPie(parts, data, pieLabels, m.l + pw / 2, m.t + ph / 2, Math.min(pw, ph) / 2 - 5);
  else if (data.length) drawCartesian(parts, data, layout, m.l, m.t, pw, ph);

  const items = pieLabels.length ? pieLabels : legendItems.map((t) => t.name!);
  items.slice(0, 20).forEach((name, i) => {
    const y = m.t + 10 + i * 20;
    const x = width - m.r + 15;
    parts.push(`<rect x="${x}" y="${y - 9}" width="12" height="12" fill="${PALETTE[i % PALETTE.length]}"/>`);
    parts.push(text(x + 18, y + 1, clip(name, 18)));
  });

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>` +
    parts.join("") +
    `</svg>`
  );
}

function drawPie(parts: string[], data: Trace[], labels: string[], cx: number, cy: number, r: number): void {
  const t = data[0]!;
  const values = (t.values ?? []).map((v) => Math.max(0, num(v) ?? 0));
  const total = values.reduce((a, b) => a + b, 0) || 1;
  let angle = -Math.PI / 2;
  values.forEach((v, i) => {
    const a = (v / total) * Math.PI * 2;
    const color = PALETTE[labels.indexOf(String(t.labels?.[i])) % PALETTE.length];
    if (a >= Math.PI * 2 - 1e-9) {
      parts.push(`<circle cx="${f(cx)}" cy="${f(cy)}" r="${f(r)}" fill="${color}" stroke="#fff"/>`);
    } else if (a > 0) {
      const x0 = cx + r * Math.cos(angle);
      const y0 = cy + r * Math.sin(angle);
      const x1 = cx + r * Math.cos(angle + a);
      const y1 = cy + r * Math.sin(angle + a);
      parts.push(
        `<path d="M${f(cx)} ${f(cy)} L${f(x0)} ${f(y0)} A${f(r)} ${f(r)} 0 ${a > Math.PI ? 1 : 0} 1 ${f(x1)} ${f(y1)} Z" fill="${color}" stroke="#fff"/>`,
      );
      if (a > 0.25) {
        const mid = angle + a / 2;
        parts.push(text(cx + r * 0.65 * Math.cos(mid), cy + r * 0.65 * Math.sin(mid) + 4, `${((v / total) * 100).toFixed(1)}%`, `text-anchor="middle" fill="#fff"`));
      }
    }
    angle += a;
  });
}

function drawCartesian(parts: string[], data: Trace[], layout: Layout, x0: number, y0: number, pw: number, ph: number): void {
  const horizontal = data.some((t) => t.type === "bar" && t.orientation === "h");
  const posOf = (t: Trace) => (horizontal ? t.y : t.x) ?? [];
  const valOf = (t: Trace) => (horizontal ? t.x : t.y) ?? [];
  const isBox = data.every((t) => t.type === "box");
  const posValues = isBox ? data.map((t) => t.name ?? "") : data.flatMap(posOf);
  const pAxis = positionAxis(posValues, isBox || data.some((t) => t.type === "bar" && !t.width));

  // Value range: bars from 0, stacked areas cumulative, boxes their fences.
  const stacks = new Map<string, number[]>();
  const drawnValues: number[][] = data.map((t) => {
    const vs = valOf(t).map((v) => num(v) ?? NaN);
    if (!t.stackgroup) return vs;
    const base = stacks.get(t.stackgroup) ?? vs.map(() => 0);
    const cum = vs.map((v, i) => (Number.isNaN(v) ? base[i]! : base[i]! + v));
    stacks.set(t.stackgroup, cum);
    return cum;
  });
  const vals: number[] = drawnValues.flat().filter((v) => Number.isFinite(v));
  for (const t of data) if (t.type === "box") vals.push(...(t.lowerfence ?? []), ...(t.upperfence ?? []), ...((t.y as number[]) ?? []));
  if (data.some((t) => t.type === "bar" || t.stackgroup)) vals.push(0);
  const vTicks = niceTicks(Math.min(...vals), Math.max(...vals));
  const vMin = vTicks[0]!;
  const vMax = vTicks[vTicks.length - 1]!;

  // Pixel maps: position axis along x (vertical charts) or y (horizontal), value axis the other way.
  let pMin = pAxis.min;
  let pMax = pAxis.max;
  if (pAxis.kind !== "category") {
    const widths = data.flatMap((t) => t.width ?? []);
    const pad = widths.length ? Math.max(...widths) / 2 : (pMax - pMin) * 0.02 || 1;
    pMin -= pad;
    pMax += pad;
  }
  const pPix = horizontal ? linear(pMin, pMax, y0 + ph, y0) : linear(pMin, pMax, x0, x0 + pw);
  const vPix = horizontal ? linear(vMin, vMax, x0, x0 + pw) : linear(vMin, vMax, y0 + ph, y0);

  // Grid and ticks.
  parts.push(`<rect x="${x0}" y="${y0}" width="${pw}" height="${ph}" fill="#E5ECF6"/>`);
  for (const t of vTicks) {
    const p = vPix(t);
    parts.push(horizontal ? `<line x1="${f(p)}" y1="${y0}" x2="${f(p)}" y2="${y0 + ph}" stroke="#fff"/>` : `<line x1="${x0}" y1="${f(p)}" x2="${x0 + pw}" y2="${f(p)}" stroke="#fff"/>`);
    parts.push(horizontal ? text(p, y0 + ph + 16, formatNumber(t), `text-anchor="middle"`) : text(x0 - 6, p + 4, formatNumber(t), `text-anchor="end"`));
  }
  const pTicks = ticksFor({ ...pAxis, min: pMin, max: pMax }).filter((t) => t.at >= pMin && t.at <= pMax);
  for (const t of pTicks) {
    const p = pPix(t.at);
    if (pAxis.kind !== "category") {
      parts.push(horizontal ? `<line x1="${x0}" y1="${f(p)}" x2="${x0 + pw}" y2="${f(p)}" stroke="#fff"/>` : `<line x1="${f(p)}" y1="${y0}" x2="${f(p)}" y2="${y0 + ph}" stroke="#fff"/>`);
    }
    parts.push(horizontal ? text(x0 - 6, p + 4, clip(t.label, 10), `text-anchor="end"`) : text(p, y0 + ph + 16, clip(t.label), `text-anchor="middle"`));
  }
  const xTitle = layout.xaxis?.title?.text;
  const yTitle = layout.yaxis?.title?.text;
  if (xTitle) parts.push(text(x0 + pw / 2, y0 + ph + 42, xTitle, `text-anchor="middle" font-size="13"`));
  if (yTitle) parts.push(text(18, y0 + ph / 2, yTitle, `text-anchor="middle" font-size="13" transform="rotate(-90 18 ${f(y0 + ph / 2)})"`));

  // Traces.
  const bars = data.filter((t) => t.type === "bar");
  const band = pAxis.kind === "category" ? Math.abs(pPix(1) - pPix(0)) : 0;
  const zero = vPix(Math.max(vMin, Math.min(0, vMax)));
  data.forEach((t, ti) => {
    const color = PALETTE[ti % PALETTE.length];
    const ps = posOf(t).map((v) => pAxis.pos(v));
    const vs = drawnValues[ti]!;
    if (t.type === "bar") {
      const bi = bars.indexOf(t);
      ps.forEach((p, i) => {
        const v = vs[i]!;
        if (p === null || !Number.isFinite(v)) return;
        let c: number;
        let w: number;
        if (pAxis.kind === "category") {
          w = (band * 0.8) / bars.length;
          c = pPix(p) - (band * 0.8) / 2 + w * bi + w / 2;
        } else {
          const dw = t.width?.[i] ?? 1;
          w = Math.abs(pPix(p + dw / 2) - pPix(p - dw / 2));
          c = pPix(p);
        }
        const a = vPix(v);
        parts.push(
          horizontal
            ? `<rect x="${f(Math.min(a, zero))}" y="${f(c - w / 2)}" width="${f(Math.abs(a - zero))}" height="${f(w)}" fill="${color}"/>`
            : `<rect x="${f(c - w / 2)}" y="${f(Math.min(a, zero))}" width="${f(w)}" height="${f(Math.abs(a - zero))}" fill="${color}"${bars.length > 1 && pAxis.kind !== "category" ? ` fill-opacity="0.75"` : ""}/>`,
        );
      });
    } else if (t.type === "scatter") {
      const pts = ps.map((p, i) => (p === null || !Number.isFinite(vs[i]!) ? null : ([pPix(p), vPix(vs[i]!)] as const)));
      const valid = pts.filter((p): p is readonly [number, number] => p !== null);
      if (t.stackgroup) {
        const prev = data.slice(0, ti).reverse().find((o) => o.stackgroup === t.stackgroup);
        const base = prev ? drawnValues[data.indexOf(prev)]! : vs.map(() => 0);
        const lower = ps.map((p, i) => (p === null ? null : ([pPix(p), vPix(Number.isFinite(base[i]!) ? base[i]! : 0)] as const))).filter((p): p is readonly [number, number] => p !== null);
        const poly = [...valid, ...lower.reverse()].map(([x, y]) => `${f(x)},${f(y)}`).join(" ");
        parts.push(`<polygon points="${poly}" fill="${color}" fill-opacity="0.5" stroke="none"/>`);
      }
      if (t.mode !== "markers") {
        parts.push(`<polyline points="${valid.map(([x, y]) => `${f(x)},${f(y)}`).join(" ")}" fill="none" stroke="${color}" stroke-width="2"/>`);
      } else {
        for (const [x, y] of valid) parts.push(`<circle cx="${f(x)}" cy="${f(y)}" r="3.5" fill="${color}"/>`);
      }
    } else if (t.type === "box") {
      const p = pPix(ti);
      const w = band * 0.5;
      const [q1, med, q3, lo, hi] = [t.q1![0]!, t.median![0]!, t.q3![0]!, t.lowerfence![0]!, t.upperfence![0]!].map(vPix) as [number, number, number, number, number];
      parts.push(`<line x1="${f(p)}" y1="${f(lo)}" x2="${f(p)}" y2="${f(hi)}" stroke="${color}" stroke-width="1.5"/>`);
      parts.push(`<line x1="${f(p - w / 4)}" y1="${f(lo)}" x2="${f(p + w / 4)}" y2="${f(lo)}" stroke="${color}"/>`);
      parts.push(`<line x1="${f(p - w / 4)}" y1="${f(hi)}" x2="${f(p + w / 4)}" y2="${f(hi)}" stroke="${color}"/>`);
      parts.push(`<rect x="${f(p - w / 2)}" y="${f(Math.min(q1, q3))}" width="${f(w)}" height="${f(Math.abs(q1 - q3))}" fill="${color}" fill-opacity="0.5" stroke="${color}"/>`);
      parts.push(`<line x1="${f(p - w / 2)}" y1="${f(med)}" x2="${f(p + w / 2)}" y2="${f(med)}" stroke="${color}" stroke-width="2"/>`);
      for (const o of (t.y as number[] | undefined) ?? []) parts.push(`<circle cx="${f(p)}" cy="${f(vPix(o))}" r="2.5" fill="none" stroke="${color}"/>`);
    }
  });
}
