/**
 * The .slt file format, Pijar side: parsing (twin of slt_format.py) and the canonical text of
 * a value. The text rules are Python's (the oracle writes the files), so doubles are printed
 * as Python's repr() prints them ("1.0", "1e-05", "1.5e+16").
 */
import { normalizeRow, type TypeLike } from "../golden/normalize.js";

/** One `statement` or `query` record; `line` (1-based, of its header) is its id in pending.txt. */
export interface SltRecord {
  line: number;
  kind: "statement" | "query";
  mode: "ok" | "rowsort" | "ordered" | "error";
  error: string | null;
  sql: string;
  rows: string[];
}

/** Parses a file into its records (free text between them is skipped). */
export function parseSlt(text: string): SltRecord[] {
  const lines = text.split("\n");
  const out: SltRecord[] = [];
  let i = 0;
  while (i < lines.length) {
    const words = lines[i]!.trim().split(/\s+/);
    if (words[0] !== "statement" && words[0] !== "query") {
      i++;
      continue;
    }
    const kind = words[0];
    const line = i + 1;
    const mode = words[1] === "error" ? "error" : kind === "statement" ? "ok" : words[1] === "rowsort" ? "rowsort" : "ordered";
    const error = mode === "error" ? (words[2] ?? null) : null;
    i++;
    const sql: string[] = [];
    const rows: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== "" && lines[i] !== "----") sql.push(lines[i++]!);
    if (lines[i] === "----") {
      i++;
      while (i < lines.length && lines[i] !== "") rows.push(lines[i++]!);
    }
    if (!sql.length) throw new Error(`line ${line}: a ${kind} record needs SQL on the next line`);
    out.push({ line, kind, mode, error, sql: sql.join("\n").trim(), rows });
  }
  return out;
}

/** Python's repr() of a float, from JS's shortest round-trip digits (the same digits Python picks). */
export function pyFloatRepr(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "Infinity" : "-Infinity";
  if (v === 0) return Object.is(v, -0) ? "-0.0" : "0.0";
  const [mant, expText] = v.toExponential().split("e") as [string, string];
  const exp = Number(expText);
  const neg = mant.startsWith("-");
  const digits = mant.replace("-", "").replace(".", "");
  let body: string;
  if (exp >= -5 + 1 && exp < 16) {
    // Python switches to exponent form below 1e-4 and from 1e16 on.
    if (exp >= 0) {
      const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
      const frac = digits.slice(exp + 1);
      body = `${intPart}.${frac || "0"}`;
    } else {
      body = `0.${"0".repeat(-exp - 1)}${digits}`;
    }
  } else {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    body = `${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  return (neg ? "-" : "") + body;
}

function escape(s: string): string {
  if (s === "") return "(empty)";
  return s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/** Canonical JSON with sorted keys, as Python's json.dumps(sort_keys=True, separators=(",", ":")). */
function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(",")}}`;
  }
  return JSON.stringify(v);
}

/** One normalized value of Spark type `t` in the canonical text form (see README.md). */
export function cellText(n: unknown, t: TypeLike): string {
  if (n === null || n === undefined) return "NULL";
  if (typeof n === "boolean") return n ? "true" : "false";
  if (typeof n === "number") {
    const name = t.typeName();
    return name === "double" || name === "float" ? pyFloatRepr(n) : String(n);
  }
  if (typeof n === "string") return escape(n);
  return escape(canonicalJson(n));
}

/** A collected row as one tab-separated line. */
export function rowLine(row: unknown, schema: { fields: readonly { name: string; dataType: TypeLike }[] }): string {
  const vals = normalizeRow(row, schema);
  return vals.map((v, i) => cellText(v, schema.fields[i]!.dataType)).join("\t");
}
