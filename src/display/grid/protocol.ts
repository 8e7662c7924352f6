/**
 * The messages between the grid's front end (esm.ts) and the kernel, carried as anywidget
 * "custom" messages (`model.send(content)` <-> comm_msg `{method: "custom", content}`).
 *
 * The front end asks for one page at a time; the kernel answers with only that page's cells, so a
 * DataFrame of millions of rows never travels to the browser. Everything that arrives here comes
 * from the page, so it is checked and clamped before it reaches a query.
 */

/** One column as the grid shows it: its name and Spark type (`simpleString`, e.g. "bigint"). */
export interface GridColumn {
  name: string;
  type: string;
}

/** Sort on one column; Spark's default null order (ascending: nulls first, descending: last). */
export interface GridSort {
  column: string;
  ascending: boolean;
}

/** What the front end asks for. `filter` maps a column name to its filter text (see filter-text.ts). */
export interface GridRequest {
  /** Increases with every request; the front end ignores replies to older ones. */
  seq: number;
  offset: number;
  limit: number;
  sort: GridSort | null;
  filter: Record<string, string>;
}

/** The kernel's answer: the page's cells formatted as show() formats them (null = SQL NULL). */
export interface GridPage {
  type: "page";
  seq: number;
  offset: number;
  rows: (string | null)[][];
  /** Rows after the filter (counted once per filter, not per page). */
  totalRows: number;
}

/** A request the kernel could not answer (a bad filter value, a failed query): shown in the grid. */
export interface GridError {
  type: "error";
  seq: number;
  message: string;
}

/** The most rows one request may ask for: a page is for looking at, not for exporting. */
export const MAX_PAGE_ROWS = 500;

function int(v: unknown, fallback: number): number {
  return typeof v === "number" && Number.isFinite(v) ? Math.trunc(v) : fallback;
}

/**
 * Reads a request from a custom message's content; returns null when it is not a page request.
 * Offsets below 0 become 0 and limits are clamped to 1..MAX_PAGE_ROWS; unknown columns are left to
 * the query, which names them in its error.
 */
export function parseGridRequest(content: unknown): GridRequest | null {
  if (typeof content !== "object" || content === null) return null;
  const c = content as Record<string, unknown>;
  if (c["type"] !== "page") return null;
  const s = c["sort"] as Record<string, unknown> | null | undefined;
  const sort = s && typeof s === "object" && typeof s["column"] === "string" ? { column: s["column"], ascending: s["ascending"] !== false } : null;
  const filter: Record<string, string> = {};
  const f = c["filter"];
  if (f && typeof f === "object") {
    for (const [k, v] of Object.entries(f as Record<string, unknown>)) if (typeof v === "string" && v.trim() !== "") filter[k] = v.trim();
  }
  return {
    seq: int(c["seq"], 0),
    offset: Math.max(0, int(c["offset"], 0)),
    limit: Math.min(MAX_PAGE_ROWS, Math.max(1, int(c["limit"], 50))),
    sort,
    filter,
  };
}
