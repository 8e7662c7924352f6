/** How Spark prints a literal inside a column name (`Literal.toString`). */
import type { DataType } from "../../types/data-types.js";
import { formatDecimal } from "../../values/decimal.js";
import { formatDate, formatTimestamp } from "../../values/datetime.js";

export function formatLiteral(value: unknown, dataType: DataType): string {
  if (value === null || value === undefined) return "NULL";
  switch (dataType.typeName()) {
    case "decimal": return formatDecimal(value as bigint, (dataType as unknown as { scale: number }).scale);
    case "date": return `DATE '${formatDate(value as number)}'`;
    case "timestamp": return `TIMESTAMP '${formatTimestamp(value as number, "UTC")}'`;
    case "timestamp_ntz": return `TIMESTAMP_NTZ '${formatTimestamp(value as number, "UTC")}'`;
    case "double": return formatDouble(value as number);
    case "float": return formatFloat(value as number);
    case "binary": return "X'" + [...(value as Uint8Array)].map((b) => b.toString(16).padStart(2, "0").toUpperCase()).join("") + "'";
    case "array": return `[${(value as unknown[]).map(String).join(",")}]`;
    default: return String(value);
  }
}

/** Java's Double.toString as Spark prints doubles: 1.0, 0.1, 1.0E10, NaN, Infinity. */
export function formatDouble(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "Infinity";
  if (v === -Infinity) return "-Infinity";
  if (v === 0) return Object.is(v, -0) ? "-0.0" : "0.0";
  const abs = Math.abs(v);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(v);
    return s.includes(".") || s.includes("e") ? s : s + ".0";
  }
  // Java uses computerized scientific notation: mantissa with at least one decimal, E, exponent.
  const [mant, exp] = v.toExponential().split("e") as [string, string];
  const m = mant.includes(".") ? mant : mant + ".0";
  return `${m}E${Number(exp)}`;
}

/**
 * Java's Float.toString: the shortest decimal that reads back as the same float32, printed
 * as Double.toString prints it (1.6777216E7, 0.3, 1.0E-5).
 */
export function formatFloat(v: number): string {
  if (!Number.isFinite(v) || v === 0) return formatDouble(v);
  const f = Math.fround(v);
  for (let p = 1; p <= 9; p++) {
    const shortest = Number(f.toPrecision(p));
    if (Math.fround(shortest) === f) return formatDouble(shortest);
  }
  return formatDouble(f);
}
