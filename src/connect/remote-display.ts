/**
 * The notebook display of a Spark Connect DataFrame: the same table bundle as local mode
 * (src/display/table.ts), with rows and types from the server and the plain-text form taken
 * from the server's own show() text.
 */
import { tableBundle } from "../display/table.js";
import { cellText } from "../display/text/cell-text.js";
import { toJsValue } from "../api/row.js";
import { Decimal } from "../values/decimal-value.js";
import type { RemoteDataFrame } from "./remote-dataframe.js";
import { isExactLong } from "./arrow-results.js";

function jsonValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === "bigint" || v instanceof Decimal) return v.toString();
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return Array.from(v);
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [String(k), jsonValue(x)]));
  if (Array.isArray(v)) return v.map(jsonValue);
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  if (typeof v === "object" && typeof (v as { asDict?: unknown }).asDict === "function") return (v as { asDict(r: boolean): unknown }).asDict(true);
  return v;
}

export async function remoteDisplay(df: RemoteDataFrame): Promise<Record<string, unknown>> {
  const conf = df.sparkSession.conf;
  const cap = Number(conf.get("spark.sql.repl.eagerEval.maxNumRows", "20")) || 20;
  const truncate = Number(conf.get("spark.sql.repl.eagerEval.truncate", "20")) || 20;
  const [{ rows, more }, plainText] = await Promise.all([df._head(cap, "display"), df._showString(cap, truncate)]);
  const fields = df.schema.fields;
  const fn = df.sparkSession._functionContext();
  const cells = rows.map((r) => r.map((v, i) => (v === null ? null : isExactLong(v, fields[i]!.dataType) ? String(v) : cellText(v, fields[i]!.dataType, fn))));
  return tableBundle({
    columns: fields.map((f) => ({ name: f.name, type: f.dataType.simpleString() })),
    rows: cells,
    records: rows.map((r) => Object.fromEntries(r.map((v, i) => [fields[i]!.name, jsonValue(isExactLong(v, fields[i]!.dataType) ? v : toJsValue(v, fields[i]!.dataType))]))),
    shownRows: rows.length,
    totalRows: more ? await df.count() : rows.length,
    plainText: plainText.replace(/\n$/, ""),
  }) as unknown as Record<string, unknown>;
}
