/**
 * Shared types of the plotting layer (PySpark 4's `df.plot`, plotly backend).
 */

/** What a DataFrame gives the plotting layer. */
export interface PlotSource {
  columns: string[];
  /** [name, Spark simpleString] pairs. */
  dtypes: [string, string][];
  /** First `limit` rows as JS values (numbers, strings, Date, bigint, null...). */
  fetchRows(limit: number): Promise<unknown[][]>;
  count(): Promise<number>;
  /** Value of a Spark conf (e.g. spark.sql.pyspark.plotting.max_rows), when the DataFrame can read it. */
  conf?(key: string): string | undefined;
  /** The plotting row cap, when the DataFrame reads it itself (takes precedence over conf). */
  maxRows?(): number;
}

/** The chart kinds of PySpark 4's PySparkPlotAccessor. */
export type PlotKind = "line" | "bar" | "barh" | "scatter" | "area" | "pie" | "box" | "hist" | "kde";

/** Options shared by the x/y kinds (PySpark keyword arguments as one object). */
export interface XYOptions {
  x: string;
  /** One column or several (one trace each). */
  y: string | string[];
  /** Chart title (plotly `title`). */
  title?: string;
  /** Extra plotly layout fields merged into the figure's layout. */
  layout?: Record<string, unknown>;
}

export interface PieOptions {
  x: string;
  y: string;
  title?: string;
  layout?: Record<string, unknown>;
}

export interface BoxOptions {
  /** Column(s) to summarize; default: every numeric column. */
  column?: string | string[];
  /** Relative error of the percentile estimate (PySpark's `precision`, kept for compatibility). */
  precision?: number;
  title?: string;
  layout?: Record<string, unknown>;
}

export interface HistOptions {
  column?: string | string[];
  /** Number of equal-width bins (default 10). */
  bins?: number;
  title?: string;
  layout?: Record<string, unknown>;
}

export interface KdeOptions {
  column?: string | string[];
  /** Bandwidth: "scott" (default), "silverman" or a number (scalar factor, as scipy's). */
  bw_method?: "scott" | "silverman" | number;
  /** Evaluation points: their count (default 1000) or explicit values. */
  ind?: number | number[];
  title?: string;
  layout?: Record<string, unknown>;
}

/** A plotly trace (the subset we produce). */
export interface Trace {
  type: "bar" | "scatter" | "pie" | "box";
  name?: string;
  x?: unknown[];
  y?: unknown[];
  orientation?: "v" | "h";
  mode?: "lines" | "markers" | "lines+markers";
  stackgroup?: string;
  labels?: unknown[];
  values?: unknown[];
  q1?: number[];
  median?: number[];
  q3?: number[];
  lowerfence?: number[];
  upperfence?: number[];
  width?: number[];
  showlegend?: boolean;
  marker?: Record<string, unknown>;
  line?: Record<string, unknown>;
}

export interface Axis {
  title?: { text: string };
  type?: string;
  gridcolor?: string;
  zerolinecolor?: string;
  /** d3-format / d3-time-format of tick labels, and the step between ticks ("M1" = a month). */
  tickformat?: string;
  dtick?: string | number;
}

export interface Layout {
  title?: { text: string };
  xaxis?: Axis;
  yaxis?: Axis;
  legend?: { title?: { text: string } };
  barmode?: "group" | "stack" | "overlay" | "relative";
  bargap?: number;
  template?: string;
  [k: string]: unknown;
}

/** Plotly's default qualitative palette (plotly express "Plotly"). */
export const PALETTE = ["#636efa", "#EF553B", "#00cc96", "#ab63fa", "#FFA15A", "#19d3f3", "#FF6692", "#B6E880", "#FF97FF", "#FECB52"];

/** Default cap of rows plotted (spark.sql.pyspark.plotting.max_rows). */
export const DEFAULT_MAX_ROWS = 1000;
