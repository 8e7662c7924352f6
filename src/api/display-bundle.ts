/** The notebook display of a DataFrame: first rows (row cap from spark.conf) as a rich table. */
import type { DataFrame } from "./dataframe.js";
import { tableBundle } from "../display/table.js";
import { cellText } from "../display/text/cell-text.js";
import { showString } from "../display/text/show-string.js";
import { toJsValue } from "./row.js";
import { Decimal } from "../values/decimal-value.js";

function jsonSafe(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Decimal) return v.toString();
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return Array.from(v);
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [String(k), jsonSafe(x)]));
  if (Array.isArray(v)) return v.map(jsonSafe);
  if (typeof v === "object" && "__fields__" in (v as object)) {
    const r = v as unknown as { __fields__: string[] } & Record<string, unknown>;
    return Object.fromEntries(r.__fields__.map((f) => [f, jsonSafe(r[f])]));
  }
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  return v;
}

export async function dataFrameDisplay(df: DataFrame): Promise<Record<string, unknown>> {
  const conf = df.sparkSession.conf;
  const cap = Number(conf.get("spark.sql.repl.eagerEval.maxNumRows")) || 20;
  const truncate = Number(conf.get("spark.sql.repl.eagerEval.truncate")) || 20;
  const { rows, more } = await df._head(cap, "display");
  const fn = df.sparkSession._functionContext();
  const types = df.plan.output.map((a) => a.dataType);
  const names = df.columns;
  const cells = rows.map((r) => r.map((v, i) => cellText(v, types[i]!, fn)));
  const totalRows = more ? await df.count() : rows.length;
  return tableBundle({
    columns: names.map((n, i) => ({ name: n, type: types[i]!.simpleString() })),
    rows: rows.map((r, k) => r.map((v, i) => (v === null ? null : cells[k]![i]!))),
    records: rows.map((r) => Object.fromEntries(r.map((v, i) => [names[i]!, jsonSafe(toJsValue(v, types[i]!))]))),
    shownRows: rows.length,
    totalRows,
    plainText: showString(names, cells, cap, truncate, false, more),
  });
}
