/**
 * Answers the grid's page requests by running a DataFrame query on the user's DataFrame through
 * the engine: filter -> count (once per filter) -> orderBy -> offset -> limit. Only the page's
 * rows are collected and formatted, so paging through 1M rows sends one page of cells each time.
 *
 * Kept apart from the comm (data-grid.ts) so the query logic is tested without a kernel.
 */
import type { DataFrame } from "./dataframe.js";
import type { Column } from "./column.js";
import { lit } from "./functions/core.js";
import { lower } from "./functions/string.js";
import { cellText } from "../display/text/cell-text.js";
import { parseFilterText } from "../display/grid/filter-text.js";
import type { GridColumn, GridPage, GridRequest } from "../display/grid/protocol.js";

export class GridQuery {
  /** Row counts by filter (sorting does not change a count, so it is not part of the key). */
  private readonly counts = new Map<string, number>();
  /** How many rows this grid has sent to the front end in all: the test of "not everything". */
  rowsSent = 0;

  constructor(readonly df: DataFrame) {}

  /** The columns with their Spark types, from the schema (no job runs). */
  columns(): GridColumn[] {
    return this.df.schema.fields.map((f) => ({ name: f.name, type: f.dataType.simpleString() }));
  }

  /** The condition one filter box stands for (see display/grid/filter-text.ts). */
  private condition(name: string, text: string): Column {
    const field = this.df.schema.fields.find((f) => f.name === name);
    const col = this.df.col(name); // df.col, not F.col: a dotted or odd name means just that column
    if (!field) return col; // df.col has already raised UNRESOLVED_COLUMN naming it
    const type = field.dataType.simpleString();
    const { op, value } = parseFilterText(text, type);
    if (op === "isNull") return col.isNull();
    if (op === "isNotNull") return col.isNotNull();
    if (op === "contains") return lower(col.cast("string")).contains(value.toLowerCase());
    // The value is read as the column's type, so `> 9` compares numbers, not text.
    const v = lit(value).cast(field.dataType);
    switch (op) {
      case "=": return col.equalTo(v);
      case "!=": return col.notEqual(v);
      case ">": return col.gt(v);
      case ">=": return col.geq(v);
      case "<": return col.lt(v);
      default: return col.leq(v);
    }
  }

  /** The DataFrame after the request's filters (in column order, so equal filters give one key). */
  private filtered(filter: Record<string, string>): { df: DataFrame; key: string } {
    let df = this.df;
    const entries = Object.entries(filter).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [name, text] of entries) df = df.filter(this.condition(name, text));
    return { df, key: JSON.stringify(entries) };
  }

  /** Runs one page request. Throws the engine's error (the caller sends it to the grid). */
  async page(req: GridRequest): Promise<GridPage> {
    const { df, key } = this.filtered(req.filter);
    let total = this.counts.get(key);
    if (total === undefined) {
      total = await df.count();
      this.counts.set(key, total);
    }
    let q = df;
    if (req.sort) {
      const c = df.col(req.sort.column);
      // limit(offset + limit) then offset: the same rows as offset then limit, but the limit sits
      // right on the sort, where the engine runs it as a top-N (1M rows: ~0.6 s instead of ~1.6 s
      // for a full sort), as Spark plans TakeOrderedAndProject with an offset.
      q = q.orderBy(req.sort.ascending ? c.asc() : c.desc()).limit(req.offset + req.limit).offset(req.offset);
    } else {
      q = q.offset(req.offset).limit(req.limit);
    }
    const { rows } = await q._head(null, "grid page");
    const fn = df.sparkSession._functionContext();
    const types = q.schema.fields.map((f) => f.dataType);
    const cells = rows.map((r) => r.map((v, i) => (v === null ? null : cellText(v, types[i]!, fn))));
    this.rowsSent += cells.length;
    return { type: "page", seq: req.seq, offset: req.offset, rows: cells, totalRows: total };
  }
}
