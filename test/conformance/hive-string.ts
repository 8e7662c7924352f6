/**
 * A collected Pijar row as the text Spark's golden files hold (Spark's HiveResult): cells
 * tab-separated; NULL at the top, null inside; strings bare at the top and double-quoted
 * inside; doubles and floats as Java prints them; arrays `[a,b]`; maps `{k:v}` with entries
 * sorted as text; structs `{"name":value}`; dates `yyyy-MM-dd`; timestamps in the session
 * time zone, fraction without trailing zeros.
 */
import { formatDate, formatTimestamp } from "../../src/values/datetime.js";
import { dayTimeHiveText, yearMonthHiveText } from "../../src/values/interval.js";

interface TypeLike {
  typeName(): string;
  simpleString(): string;
  elementType?: TypeLike;
  keyType?: TypeLike;
  valueType?: TypeLike;
  fields?: readonly { name: string; dataType: TypeLike }[];
}

export interface HiveOptions {
  timeZone: string;
  /** spark.sql.binaryOutputStyle (unset: UTF-8 text, as Spark's golden files show). */
  binaryStyle?: string;
}

/** Java's Double.toString (and Float.toString when `float`): shortest digits, E-notation outside [1e-3, 1e7). */
export function javaFloatString(v: number, float = false): string {
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "Infinity" : "-Infinity";
  if (v === 0) return Object.is(v, -0) ? "-0.0" : "0.0";
  let exp: string;
  if (float) {
    // The fewest digits that read back as the same float32.
    let p = 1;
    while (p < 9 && Math.fround(Number(v.toPrecision(p))) !== v) p++;
    exp = Number(v.toPrecision(p)).toExponential();
  } else exp = v.toExponential();
  const [mant, e] = exp.split("e") as [string, string];
  const e10 = Number(e);
  const neg = mant.startsWith("-");
  const digits = mant.replace("-", "").replace(".", "");
  const abs = Math.abs(v);
  let body: string;
  if (abs >= 1e-3 && abs < 1e7) {
    if (e10 >= 0) {
      const intPart = digits.slice(0, e10 + 1).padEnd(e10 + 1, "0");
      body = `${intPart}.${digits.slice(e10 + 1) || "0"}`;
    } else body = `0.${"0".repeat(-e10 - 1)}${digits}`;
  } else {
    body = `${digits[0]}.${digits.slice(1) || "0"}E${e10}`;
  }
  return (neg ? "-" : "") + body;
}

function binaryText(b: Uint8Array, style: string | undefined): string {
  switch ((style ?? "").toUpperCase()) {
    case "HEX": return [...b].map((x) => x.toString(16).toUpperCase().padStart(2, "0")).join("");
    case "HEX_DISCRETE": return `[${[...b].map((x) => x.toString(16).toUpperCase().padStart(2, "0")).join(" ")}]`;
    case "BASIC": return `[${[...b].map((x) => (x > 127 ? x - 256 : x)).join(", ")}]`;
    case "BASE64": return Buffer.from(b).toString("base64");
    default: return new TextDecoder().decode(b);
  }
}

export function hiveValue(v: unknown, t: TypeLike, nested: boolean, o: HiveOptions): string {
  if (v === null || v === undefined) return nested ? "null" : "NULL";
  const name = t.typeName();
  switch (name) {
    case "boolean": return String(v);
    case "double": return javaFloatString(Number(v));
    case "float": return javaFloatString(Number(v), true);
    case "string":
    case "char":
    case "varchar": return nested ? `"${String(v)}"` : String(v);
    case "date": return formatDate(Math.floor((v as Date).getTime() / 86_400_000));
    case "timestamp": return formatTimestamp(micros(v), o.timeZone);
    case "timestamp_ntz": return formatTimestamp(micros(v), "UTC");
    case "binary": return binaryText(v as Uint8Array, o.binaryStyle);
    // Hive text of intervals: `1-2` and `3 04:05:06.789000000` (collect() gives months and a TimeDelta).
    case "yearmonthinterval": return yearMonthHiveText(Number(v));
    case "daytimeinterval": return dayTimeHiveText((v as { micros: number | bigint }).micros);
    case "array": {
      const arr = v as unknown[];
      return `[${arr.map((x) => hiveValue(x, t.elementType!, true, o)).join(",")}]`;
    }
    case "map": {
      const entries = v instanceof Map ? [...v.entries()] : Object.entries(v as object);
      const items = entries.map(([k, x]) => `${hiveValue(k, t.keyType!, true, o)}:${hiveValue(x, t.valueType!, true, o)}`);
      return `{${items.sort().join(",")}}`;
    }
    case "struct": {
      const fields = t.fields!;
      const vals = structValues(v, fields.length);
      return `{${fields.map((f, i) => `"${f.name}":${hiveValue(vals[i], f.dataType, true, o)}`).join(",")}}`;
    }
    default: return String(v);
  }
}

function micros(v: unknown): number {
  const m = (v as { epochMicros?: number }).epochMicros;
  return typeof m === "number" ? m : (v as Date).getTime() * 1000;
}

function structValues(v: unknown, n: number): unknown[] {
  const row = v as { toArray?: () => unknown[] };
  if (typeof row.toArray === "function") return row.toArray();
  if (Array.isArray(v)) return v;
  return Object.values(v as object).slice(0, n);
}

/** One collected row as a Hive result line. */
export function hiveRow(row: unknown, fields: readonly { name: string; dataType: TypeLike }[], o: HiveOptions): string {
  const vals = structValues(row, fields.length);
  return fields.map((f, i) => hiveValue(vals[i], f.dataType, false, o)).join("\t");
}
