/**
 * `df.grid()`: the DataFrame as an interactive grid widget (sort, filter, page) when the kernel can
 * host widgets, else the usual table. Displaying it opens one `jupyter.widget` comm whose page
 * requests run through GridQuery; the DataFrame stays in the kernel and only pages travel.
 *
 * Why a separate object instead of making every displayed `df` a grid: a widget lives only as long
 * as its kernel (a saved notebook, GitHub or nbconvert see the HTML fallback, and a reopened
 * notebook shows a dead widget) and each one keeps its DataFrame and a comm alive in the kernel;
 * the static table costs nothing and stays true in the saved file. So the table is the default and
 * a grid is asked for: `df.grid()` or `display(df, { grid: true })`.
 */
import type { DataFrame } from "./dataframe.js";
import { GridQuery } from "./grid-query.js";
import { gridViewBundle, gridWidgetState, isWidgetHost, WIDGET_PROTOCOL_VERSION, type WidgetComm } from "../display/grid/widget.js";
import { MAX_PAGE_ROWS, parseGridRequest, type GridError } from "../display/grid/protocol.js";

export interface GridOptions {
  /** Rows per page (1..500, default 50). */
  pageSize?: number;
}

export class DataGrid {
  /** The page queries of the last display (rowsSent counts what reached the front end). */
  readonly query: GridQuery;
  readonly pageSize: number;

  constructor(readonly df: DataFrame, options: GridOptions = {}) {
    const n = options.pageSize ?? 50;
    if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_ROWS) {
      // grid() is Pijar's own (PySpark has none), so a plain RangeError rather than a Spark class.
      throw new RangeError(`df.grid(): pageSize must be an integer from 1 to ${MAX_PAGE_ROWS}, got ${n}; pass e.g. df.grid({ pageSize: 100 }).`);
    }
    this.pageSize = n;
    this.query = new GridQuery(df);
  }

  /** Rows sent to the front end so far, over every page request. */
  get rowsSent(): number {
    return this.query.rowsSent;
  }

  /** Answers one comm message: page requests get a page or an error; request_state the state. */
  private async answer(comm: WidgetComm, state: Record<string, unknown>, data: Record<string, unknown>): Promise<void> {
    // A front end that reconnects (page reload) asks for the state of models it finds via comm_info.
    if (data["method"] === "request_state") {
      comm.send({ method: "update", state, buffer_paths: [] });
      return;
    }
    if (data["method"] !== "custom") return;
    const req = parseGridRequest(data["content"]);
    if (!req) return;
    try {
      comm.send({ method: "custom", content: await this.query.page(req) });
    } catch (e) {
      const reply: GridError = { type: "error", seq: req.seq, message: (e as Error)?.message ?? String(e) };
      comm.send({ method: "custom", content: reply });
    }
  }

  /** The display bundle; `host` is the kernel's comms (the Pijar kernel passes it). */
  async [Symbol.for("Jupyter.display")](host?: unknown): Promise<Record<string, unknown>> {
    // The DataFrame's own display (local or Spark Connect), so the fallback is what `df` shows.
    const show = (this.df as unknown as Record<symbol, () => Promise<Record<string, unknown>>>)[Symbol.for("Jupyter.display")]!;
    const fallback = await show.call(this.df);
    if (!isWidgetHost(host)) return fallback;
    const state = gridWidgetState(this.query.columns(), this.pageSize);
    const comm = host.open("jupyter.widget", { state, buffer_paths: [] }, { version: WIDGET_PROTOCOL_VERSION });
    comm.onMsg((data) => this.answer(comm, state, data));
    return gridViewBundle(comm.id, fallback);
  }

  toString(): string {
    return `DataGrid[${this.df.toString()}]`;
  }
}
