/**
 * `df.plot`: PySpark 4's PySparkPlotAccessor with the plotly backend. Each method takes PySpark's
 * keyword arguments as one options object over column names and returns a Figure.
 *
 *   df.plot.bar({ x: "city", y: "revenue" })
 *   df.plot.line({ x: "day", y: ["min", "max"] })
 *   df.plot({ kind: "pie", x: "city", y: "revenue" })   // the call form
 */
import { periodAxis } from "./period-axis.js";
import { Figure } from "./figure.js";
import { allRows, columnIndex, plotValue, sampledRows, statColumns, toNumber, topRows } from "./data.js";
import { binEdges, boxStats, histogram, kde, kdePoints } from "./stats.js";
import { PALETTE } from "./types.js";
import type { BoxOptions, HistOptions, KdeOptions, Layout, PieOptions, PlotKind, PlotSource, Trace, XYOptions } from "./types.js";

type XYKind = "line" | "bar" | "barh" | "scatter" | "area";

function ys(y: string | string[]): string[] {
  const list = Array.isArray(y) ? y : [y];
  if (!list.length) throw new Error("`y` must name at least one column, e.g. { x: \"city\", y: \"revenue\" }.");
  return list;
}

/**
 * Layout defaults that make plotly.js look like plotly.py's default "plotly" template (which is
 * what PySpark users see), and like our static SVG.
 */
function baseLayout(title: string | undefined, extra: Record<string, unknown> | undefined): Layout {
  return {
    ...(title ? { title: { text: title } } : {}),
    colorway: PALETTE,
    plot_bgcolor: "#E5ECF6",
    paper_bgcolor: "#ffffff",
    font: { color: "#2a3f5f" },
    ...(extra ?? {}),
  };
}

/** Axis with the template's white grid. */
function axis(title: string): { title: { text: string }; gridcolor: string; zerolinecolor: string } {
  return { title: { text: title }, gridcolor: "white", zerolinecolor: "white" };
}

export class PlotAccessor {
  constructor(private readonly src: PlotSource) {}

  /** Call form: plot({ kind, ...options }) like PySpark's df.plot(kind=..., ...). Default kind "line". */
  call(options: { kind?: PlotKind } & Record<string, unknown>): Promise<Figure> {
    const { kind = "line", ...rest } = options;
    const m = (this as unknown as Record<string, (o: unknown) => Promise<Figure>>)[kind];
    if (typeof m !== "function" || kind === ("call" as PlotKind)) {
      throw new Error(`Unknown plot kind "${kind}"; use one of line, bar, barh, scatter, area, pie, box, hist, kde.`);
    }
    return m.call(this, rest);
  }

  line(o: XYOptions): Promise<Figure> {
    return this.xy("line", o);
  }
  bar(o: XYOptions): Promise<Figure> {
    return this.xy("bar", o);
  }
  barh(o: XYOptions): Promise<Figure> {
    return this.xy("barh", o);
  }
  scatter(o: XYOptions): Promise<Figure> {
    return this.xy("scatter", o);
  }
  area(o: XYOptions): Promise<Figure> {
    return this.xy("area", o);
  }

  private async xy(kind: XYKind, o: XYOptions): Promise<Figure> {
    if (!o || typeof o.x !== "string") throw new Error(`plot.${kind} needs { x: "column", y: "column" or ["c1", "c2"] }.`);
    const yCols = ys(o.y);
    const xi = columnIndex(this.src, o.x);
    const yi = yCols.map((c) => columnIndex(this.src, c));
    const rows = kind === "bar" || kind === "barh" ? await topRows(this.src) : await sampledRows(this.src);
    const xs = rows.map((r) => plotValue(r[xi]));
    const multi = yCols.length > 1;
    const data: Trace[] = yCols.map((name, k) => {
      const vals = rows.map((r) => plotValue(r[yi[k]!]));
      const t: Trace =
        kind === "bar" ? { type: "bar", name, x: xs, y: vals, orientation: "v" }
        : kind === "barh" ? { type: "bar", name, x: vals, y: xs, orientation: "h" }
        : kind === "scatter" ? { type: "scatter", name, x: xs, y: vals, mode: "markers" }
        : kind === "area" ? { type: "scatter", name, x: xs, y: vals, mode: "lines", stackgroup: "1" }
        : { type: "scatter", name, x: xs, y: vals, mode: "lines" };
      t.showlegend = multi;
      return t;
    });
    const valueTitle = multi ? "value" : yCols[0]!;
    const layout = baseLayout(o.title, o.layout);
    if (kind === "barh") {
      layout.xaxis = axis(valueTitle);
      layout.yaxis = { ...axis(o.x), ...periodAxis(xs) };
    } else {
      layout.xaxis = { ...axis(o.x), ...periodAxis(xs) };
      layout.yaxis = axis(valueTitle);
    }
    if (multi) layout.legend = { title: { text: "variable" } };
    if (kind === "bar" || kind === "barh") layout.barmode = "group";
    return new Figure(data, layout);
  }

  /** Pie of y by label x (first max_rows rows). */
  async pie(o: PieOptions): Promise<Figure> {
    if (!o || typeof o.x !== "string" || typeof o.y !== "string") throw new Error(`plot.pie needs { x: "label column", y: "value column" }.`);
    const xi = columnIndex(this.src, o.x);
    const yi = columnIndex(this.src, o.y);
    const rows = await topRows(this.src);
    const data: Trace[] = [{ type: "pie", name: o.y, labels: rows.map((r) => plotValue(r[xi])), values: rows.map((r) => plotValue(r[yi])) }];
    return new Figure(data, baseLayout(o.title, o.layout));
  }

  private async numericColumns(column: string | string[] | undefined): Promise<{ name: string; values: number[] }[]> {
    const cols = statColumns(this.src, column);
    const idx = cols.map((c) => columnIndex(this.src, c));
    const rows = await allRows(this.src);
    return cols.map((name, k) => ({
      name,
      values: rows.map((r) => toNumber(r[idx[k]!])).filter((v): v is number => v !== null),
    }));
  }

  /** Box plot per numeric column (Tukey whiskers at 1.5 IQR). */
  async box(o: BoxOptions = {}): Promise<Figure> {
    const cols = await this.numericColumns(o.column);
    const data: Trace[] = cols.map(({ name, values }) => {
      const s = boxStats(values);
      return { type: "box", name, x: [name], q1: [s.q1], median: [s.median], q3: [s.q3], lowerfence: [s.lowerfence], upperfence: [s.upperfence] };
    });
    const layout = baseLayout(o.title, o.layout);
    layout.yaxis = axis("value");
    return new Figure(data, layout);
  }

  /** Histogram with `bins` equal-width bins shared by all columns. */
  async hist(o: HistOptions = {}): Promise<Figure> {
    const bins = o.bins ?? 10;
    if (!Number.isInteger(bins) || bins < 1) throw new Error(`bins must be a positive integer, got ${bins}.`);
    const cols = await this.numericColumns(o.column);
    const edges = binEdges(cols.flatMap((c) => c.values), bins);
    const mids = edges.slice(0, -1).map((e, i) => (e + edges[i + 1]!) / 2);
    const width = edges[1]! - edges[0]!;
    const data: Trace[] = cols.map(({ name, values }) => ({
      type: "bar",
      name,
      x: mids,
      y: histogram(values, edges),
      width: mids.map(() => width),
      showlegend: cols.length > 1,
    }));
    const layout = baseLayout(o.title, o.layout);
    layout.barmode = "overlay";
    layout.bargap = 0;
    layout.xaxis = axis(cols.length === 1 ? cols[0]!.name : "value");
    layout.yaxis = axis("count");
    return new Figure(data, layout);
  }

  /** Kernel density estimate per numeric column (Gaussian kernel, Scott's bandwidth by default). */
  async kde(o: KdeOptions = {}): Promise<Figure> {
    const cols = await this.numericColumns(o.column);
    const all = cols.flatMap((c) => c.values);
    const points = Array.isArray(o.ind) ? o.ind : kdePoints(all, o.ind ?? 1000);
    const data: Trace[] = cols.map(({ name, values }) => ({
      type: "scatter",
      mode: "lines",
      name,
      x: points,
      y: kde(values, points, o.bw_method ?? "scott"),
      showlegend: cols.length > 1,
    }));
    const layout = baseLayout(o.title, o.layout);
    layout.xaxis = axis("value");
    layout.yaxis = axis("density");
    return new Figure(data, layout);
  }
}

/** A callable `df.plot`: both `df.plot({kind, ...})` and `df.plot.bar({...})` work. */
export type CallablePlot = PlotAccessor & ((options: { kind?: PlotKind } & Record<string, unknown>) => Promise<Figure>);

/** Builds the callable accessor the DataFrame exposes as `df.plot`. */
export function plotAccessor(src: PlotSource): CallablePlot {
  const acc = new PlotAccessor(src);
  const fn = ((options: { kind?: PlotKind } & Record<string, unknown>) => acc.call(options)) as CallablePlot;
  for (const k of ["line", "bar", "barh", "scatter", "area", "pie", "box", "hist", "kde", "call"] as const) {
    (fn as any)[k] = (acc as any)[k].bind(acc);
  }
  return fn;
}
