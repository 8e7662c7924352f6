/** Plotting for `df.plot` (PySpark 4, plotly backend). */
export { PlotAccessor, plotAccessor, type CallablePlot } from "./accessor.js";
export { Figure } from "./figure.js";
export { resetPlotlyInlining } from "./plotly-html.js";
export type { PlotSource, PlotKind, XYOptions, PieOptions, BoxOptions, HistOptions, KdeOptions, Trace, Layout } from "./types.js";
