/**
 * Canonical text of values and rows, so a learner's answer can be compared with the answer
 * key PySpark produced (notebooks/lib/oracle.py writes the same text with the same rules:
 * keep both in sync). Numbers are rounded to 6 decimals so 0.1 + 0.2 equals 0.3.
 */
import { createHash } from "node:crypto";

/** One value as text; `type` is the Spark type name (e.g. "date") when known. */
export function canon(v: unknown, type = ""): string {
  if (v === null || v === undefined) return "∅";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number") return canonNumber(v);
  if (typeof v === "string") return v;
  if (v instanceof Date) return canonDate(v, type);
  if (Array.isArray(v)) {
    const inner = /^array<(.*)>$/.exec(type)?.[1] ?? "";
    return "[" + v.map((x) => canon(x, inner)).join(",") + "]";
  }
  if (v instanceof Map) return "{" + [...v].map(([k, x]) => `${canon(k)}=${canon(x)}`).join(",") + "}";
  if (typeof v === "object") {
    const fields = (v as { __fields__?: string[] }).__fields__;
    if (fields) return "{" + fields.map((f) => `${f}=${canon((v as Record<string, unknown>)[f])}`).join(",") + "}";
    // Decimal and other numeric wrappers convert with valueOf().
    const n = Number(v);
    if (!Number.isNaN(n) && typeof (v as { valueOf(): unknown }).valueOf() === "number") return canonNumber(n);
    return "{" + Object.entries(v).map(([k, x]) => `${k}=${canon(x)}`).join(",") + "}";
  }
  return String(v);
}

function canonNumber(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  const s = x.toFixed(6).replace(/0+$/, "").replace(/\.$/, "");
  return s === "-0" || s === "" ? "0" : s;
}

function canonDate(d: Date, type: string): string {
  const iso = d.toISOString();
  if (type === "date") return iso.slice(0, 10);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** A row as one line of text. */
export function canonRow(values: readonly unknown[], types: readonly string[] = []): string {
  return values.map((v, i) => canon(v, types[i])).join("\u001f");
}

/** Fingerprint of rows (sorted first unless the order matters). */
export function digest(rows: readonly string[]): string {
  return createHash("sha256").update(rows.join("\n")).digest("hex");
}

/** A canonical row made readable: `Bandung | 26207.15`. */
export function readable(row: string): string {
  return row.split("\u001f").join(" | ");
}
