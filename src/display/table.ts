/**
 * Rich display of a DataFrame preview: the MIME bundle a notebook shows for `df` as a cell's last
 * expression.
 *
 * The DataFrame formats the cells (exactly as `show()` does, so learners see the same values in
 * both places) and hands them here; this file only decides presentation: text/plain (the show()
 * text), an escaped HTML table with the Spark type under each column name, and a
 * `application/vnd.dataresource+json` (Table Schema) payload for front ends that render data grids.
 */
import { escapeHtml, type MimeBundle } from "./html.js";

/** What the DataFrame gives the display layer (see the kernel contract in the docs). */
export interface TableData {
  /** Columns with their Spark simpleString type, e.g. "int", "string", "decimal(10,2)". */
  columns: { name: string; type: string }[];
  /** Cells formatted exactly as show() formats them; null = SQL NULL. */
  rows: (string | null)[][];
  /** JSON-safe values for application/vnd.dataresource+json, one object per row. */
  records: Record<string, unknown>[];
  /** Number of rows included in `rows`/`records`. */
  shownRows: number;
  /** Total number of rows of the DataFrame when known; enables "showing N of M rows". */
  totalRows: number | null;
  /** The show() text, used for text/plain. */
  plainText: string;
}

/**
 * CSS scoped to `.pijar-table` so it never restyles the rest of the notebook. Colours come from
 * JupyterLab's theme variables (light, dark, high contrast), with light fallbacks for other
 * front ends. Strings read left-aligned, numbers right: the alignment is `!important` because
 * JupyterLab 4 right-aligns every cell with `:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon td`,
 * which outranks any selector of one class (test/browser/executed-copies.mts measures it).
 */
const STYLE =
  "<style>" +
  "table.pijar-table{border-collapse:collapse;font-family:var(--jp-code-font-family,monospace);font-size:12px;color:var(--jp-content-font-color1,inherit)}" +
  "table.pijar-table th,table.pijar-table td{border:1px solid var(--jp-border-color2,#ccc);padding:2px 8px;text-align:left!important;vertical-align:top;white-space:pre}" +
  "table.pijar-table thead th{background:var(--jp-layout-color2,#eee);color:var(--jp-ui-font-color1,inherit)}" +
  "table.pijar-table .pijar-type{display:block;font-weight:normal;color:var(--jp-ui-font-color2,#757575);font-size:10px}" +
  "table.pijar-table td.pijar-null{color:var(--jp-ui-font-color3,#999);font-style:italic}" +
  "table.pijar-table td.pijar-num,table.pijar-table th.pijar-num{text-align:right!important}" +
  ".pijar-note{font-size:11px;color:var(--jp-ui-font-color2,#666);margin:2px 0 0 0}" +
  "</style>";

/** Spark types whose values read better right-aligned. */
function isNumericType(type: string): boolean {
  return /^(tinyint|smallint|int|bigint|float|double|decimal|byte|short|long|integer)\b/.test(type);
}

/** Maps a Spark simpleString to a Table Schema field type (frictionless data spec). */
export function tableSchemaType(type: string): string {
  if (/^(tinyint|smallint|int|bigint|byte|short|long|integer)$/.test(type)) return "integer";
  if (/^(float|double|decimal)/.test(type)) return "number";
  if (type === "boolean") return "boolean";
  if (type === "date") return "date";
  if (type.startsWith("timestamp")) return "datetime";
  if (type.startsWith("array")) return "array";
  if (type.startsWith("struct") || type.startsWith("map")) return "object";
  return "string";
}

/** The "showing N of M rows" note, or "" when every row is shown. */
export function rowCapNote(shown: number, total: number | null): string {
  const plural = (n: number) => (n === 1 ? "row" : "rows");
  if (total === null) return `only showing top ${shown} ${plural(shown)}`;
  if (total > shown) return `showing ${shown} of ${total} ${plural(total)}`;
  return "";
}

/** Builds the HTML table (escaped, with types under names and styled NULLs). */
export function tableHtml(t: TableData): string {
  const numeric = t.columns.map((c) => isNumericType(c.type));
  const head = t.columns
    .map((c, i) => `<th${numeric[i] ? ' class="pijar-num"' : ""}>${escapeHtml(c.name)}<span class="pijar-type">${escapeHtml(c.type)}</span></th>`)
    .join("");
  const body = t.rows
    .map((row) => {
      const cells = row.map((v, i) => {
        if (v === null) return `<td class="pijar-null${numeric[i] ? " pijar-num" : ""}">NULL</td>`;
        return numeric[i] ? `<td class="pijar-num">${escapeHtml(v)}</td>` : `<td>${escapeHtml(v)}</td>`;
      });
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("\n");
  // totalRows unknown and rows capped: we only know more may exist if the cap was hit, which the
  // caller signals by totalRows=null together with shownRows equal to the rows given.
  const capped = t.totalRows === null ? false : t.totalRows > t.shownRows;
  const note = capped ? `<p class="pijar-note">${escapeHtml(rowCapNote(t.shownRows, t.totalRows))}</p>` : "";
  const empty = t.rows.length === 0 ? `<p class="pijar-note">(no rows)</p>` : "";
  return `${STYLE}<table class="pijar-table"><thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>${empty}${note}`;
}

/** The Table Schema payload (application/vnd.dataresource+json). */
export function dataResource(t: TableData): Record<string, unknown> {
  return {
    schema: {
      fields: t.columns.map((c) => ({ name: c.name, type: tableSchemaType(c.type), sparkType: c.type })),
      pandas_version: "1.4.0",
    },
    data: t.records,
  };
}

/**
 * The MIME bundle for a DataFrame preview: text/plain (show() text), text/html and
 * application/vnd.dataresource+json.
 */
export function tableBundle(t: TableData): MimeBundle {
  return {
    "text/plain": t.plainText,
    "text/html": tableHtml(t),
    "application/vnd.dataresource+json": dataResource(t),
  };
}
