/**
 * Literals and types: numbers (Spark's suffix rules), strings (adjacent ones concatenate),
 * typed literals (`DATE '...'`, `X'..'`), intervals, and data types inside CAST / `::`.
 */
import type { DataType } from "../../types/data-types.js";
import { parseDataType } from "../../types/ddl.js";
import { timeTypeUnsupported } from "../../types/time-type.js";
import type { IntervalExpr, IntervalPart, LiteralExpr, LiteralType } from "../ast.js";
import { parseError } from "../parse-error.js";
import type { Token } from "../tokenizer.js";
import type { Cursor } from "./cursor.js";

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** Suffix -> type and the (inclusive) integer range that suffix allows. */
const INTEGRAL_SUFFIX: Record<string, { type: LiteralType; min: bigint; max: bigint; name: string }> = {
  Y: { type: "tinyint", min: -128n, max: 127n, name: "tinyint" },
  S: { type: "smallint", min: -32768n, max: 32767n, name: "smallint" },
  L: { type: "bigint", min: LONG_MIN, max: LONG_MAX, name: "bigint" },
};

/**
 * Types a numeric token as Spark does: `10` int (bigint, then decimal when too big), `10L`
 * bigint, `5S` smallint, `5Y` tinyint, `1.5` decimal(2,1), `1.5D`/`1e3` double, `1.5F` float,
 * `1.5BD` decimal. `negative` folds a leading minus in, as Spark's `MINUS? INTEGER_VALUE`.
 */
export function numberLiteral(p: Cursor, tok: Token, negative: boolean, start: number): LiteralExpr {
  const raw = tok.value;
  const upper = raw.toUpperCase();
  const end = tok.end;
  const sign = negative ? "-" : "";
  if (upper.endsWith("BD")) return decimalLiteral(sign + raw.slice(0, -2), start, end);
  const last = upper[upper.length - 1]!;
  const body = raw.replace(/[A-Za-z]+$/, "");
  if (last === "D") {
    return { kind: "literal", type: "double", value: Number(sign + body), start, end };
  }
  if (last === "F") return { kind: "literal", type: "float", value: Math.fround(Number(sign + body)), start, end };
  const integral = INTEGRAL_SUFFIX[last];
  if (integral) {
    if (!/^\d+$/.test(body)) throw p.fail();
    const v = BigInt(sign + body);
    if (v < integral.min || v > integral.max) {
      throw parseError("INVALID_NUMERIC_LITERAL_RANGE", {
        rawStrippedQualifier: sign + body, minValue: String(integral.min), maxValue: String(integral.max), typeName: integral.name,
      }, p.sql, start, end);
    }
    if (integral.type === "bigint") return { kind: "literal", type: "bigint", value: v, start, end };
    return { kind: "literal", type: integral.type, value: Number(v), start, end };
  }
  if (/E/i.test(body)) return { kind: "literal", type: "double", value: Number(sign + body), start, end };
  if (body.includes(".")) return decimalLiteral(sign + body, start, end);
  const v = BigInt(sign + body);
  if (v >= INT_MIN && v <= INT_MAX) return { kind: "literal", type: "int", value: Number(v), start, end };
  if (v >= LONG_MIN && v <= LONG_MAX) return { kind: "literal", type: "bigint", value: v, start, end };
  return decimalLiteral(sign + body, start, end);
}

/**
 * A decimal literal keeping its exact text, with Spark's precision/scale inference
 * (`1.5` -> (2,1), `.5` -> (1,1), `1.` -> (1,0), `1E-2BD` -> 0.01 (2,2)).
 */
function decimalLiteral(text: string, start: number, end: number): LiteralExpr {
  const neg = text.startsWith("-");
  let t = neg ? text.slice(1) : text;
  let exp = 0;
  const e = /e/i.exec(t);
  if (e) {
    exp = Number(t.slice(e.index + 1));
    t = t.slice(0, e.index);
  }
  let [intPart = "", frac = ""] = t.split(".");
  // Apply the exponent by moving the decimal point.
  let digits = intPart + frac;
  let scale = frac.length - exp;
  if (scale < 0) {
    digits += "0".repeat(-scale);
    scale = 0;
  }
  digits = digits.replace(/^0+(?=\d)/, "");
  const unscaled = digits.replace(/^0+/, "") || "0";
  const precision = Math.max(unscaled.length, scale, 1);
  intPart = digits.length > scale ? digits.slice(0, digits.length - scale) : "0";
  frac = digits.length >= scale ? digits.slice(digits.length - scale) : digits.padStart(scale, "0");
  const value = (neg ? "-" : "") + intPart.replace(/^0+(?=\d)/, "") + (scale > 0 ? "." + frac : "");
  return { kind: "literal", type: "decimal", value, precision, scale, start, end };
}

/** One or more adjacent string tokens: Spark concatenates `'a' 'b'` into 'ab'. */
export function stringLiteral(p: Cursor): LiteralExpr {
  const first = p.next();
  let value = first.value;
  while (p.peek().type === "string") value += p.next().value;
  return { kind: "literal", type: "string", value, start: first.start, end: p.lastEnd };
}

const TYPED_LITERALS: Record<string, LiteralType> = {
  DATE: "date",
  TIMESTAMP: "timestamp",
  TIMESTAMP_LTZ: "timestamp",
  TIMESTAMP_NTZ: "timestamp_ntz",
  X: "binary",
};

/** True when the cursor is at `WORD 'text'`, a typed literal (or an unsupported one Spark rejects). */
export function atTypedLiteral(p: Cursor): boolean {
  return p.peek().type === "ident" && p.peek(1).type === "string" && p.peek().upper !== "INTERVAL";
}

/** `DATE '2024-01-01'`, `TIMESTAMP '...'`, `TIMESTAMP_NTZ '...'`, `X'0AFF'`. */
export function typedLiteral(p: Cursor): LiteralExpr {
  const word = p.next();
  const type = TYPED_LITERALS[word.upper];
  if (word.upper === "TIME") throw timeTypeUnsupported();
  if (!type) {
    throw parseError("UNSUPPORTED_TYPED_LITERAL", {
      unsupportedType: `"${word.upper}"`,
      supportedTypes: `"DATE", "TIMESTAMP_NTZ", "TIMESTAMP_LTZ", "TIMESTAMP", "INTERVAL", "X"`,
    }, p.sql, word.start, p.peek().end);
  }
  const str = stringLiteral(p);
  const text = str.value as string;
  if (type === "binary") {
    const hex = text.length % 2 ? "0" + text : text;
    if (!/^[0-9a-fA-F]*$/.test(hex)) {
      throw parseError("INVALID_TYPED_LITERAL", { valueType: `"X"`, value: `'${text}'` }, p.sql, word.start, str.end);
    }
    const bytes = new Uint8Array(hex.length / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
    return { kind: "literal", type, value: bytes, start: word.start, end: str.end };
  }
  return { kind: "literal", type, value: text, start: word.start, end: str.end };
}

const INTERVAL_UNITS = new Map<string, string>([
  ["YEAR", "YEAR"], ["YEARS", "YEAR"], ["MONTH", "MONTH"], ["MONTHS", "MONTH"], ["WEEK", "WEEK"], ["WEEKS", "WEEK"],
  ["DAY", "DAY"], ["DAYS", "DAY"], ["HOUR", "HOUR"], ["HOURS", "HOUR"], ["MINUTE", "MINUTE"], ["MINUTES", "MINUTE"],
  ["SECOND", "SECOND"], ["SECONDS", "SECOND"], ["MILLISECOND", "MILLISECOND"], ["MILLISECONDS", "MILLISECOND"],
  ["MICROSECOND", "MICROSECOND"], ["MICROSECONDS", "MICROSECOND"],
  // Spark's grammar takes these too, then rejects them with INVALID_INTERVAL_FORMAT.INVALID_UNIT.
  ["NANOSECOND", "NANOSECOND"], ["NANOSECONDS", "NANOSECONDS"],
]);

function unitAt(p: Cursor, ahead = 0): string | undefined {
  const t = p.peek(ahead);
  return t.type === "ident" ? INTERVAL_UNITS.get(t.upper) : undefined;
}

/**
 * After the INTERVAL keyword: `'1' DAY`, `3 DAYS`, `'1-2' YEAR TO MONTH`, `'1 day 2 hours'`,
 * `1 DAY 2 HOURS`, `-3 DAYS`.
 */
export function intervalLiteral(p: Cursor): IntervalExpr {
  const start = p.expectKw("INTERVAL").start;
  const parts: IntervalPart[] = [];
  let toUnit: string | undefined;
  for (;;) {
    const neg = p.isOp("-") && (p.peek(1).type === "number" || p.peek(1).type === "string");
    const valueTok = p.peek(neg ? 1 : 0);
    if (valueTok.type !== "number" && valueTok.type !== "string") break;
    if (!unitAt(p, neg ? 2 : 1)) {
      // `INTERVAL '1 day 2 hours'`: the units are inside the string.
      if (parts.length === 0 && !neg && valueTok.type === "string") {
        p.next();
        return { kind: "interval", parts, text: valueTok.value, start, end: p.lastEnd };
      }
      break;
    }
    if (neg) p.next();
    p.next();
    const unit = unitAt(p)!;
    p.next();
    parts.push({ value: (neg ? "-" : "") + valueTok.value, unit });
    if (p.isKw("TO") && unitAt(p, 1)) {
      p.next();
      toUnit = unitAt(p);
      p.next();
      break;
    }
  }
  if (parts.length === 0) throw p.fail();
  return { kind: "interval", parts, ...(toUnit ? { toUnit } : {}), start, end: p.lastEnd };
}

/**
 * A data type inside SQL (`INT`, `decimal(10, 2)`, `array<struct<a:int>>`, `map<string,int>`).
 * Collects the type's tokens (balancing `<>` and `()`) and hands the text to the shared DDL
 * parser so SQL and `df.cast("...")` accept exactly the same types.
 */
export function dataType(p: Cursor): { dataType: DataType; text: string; start: number } {
  const first = p.peek();
  if (first.type !== "ident" && first.type !== "quoted") throw p.fail();
  const start = first.start;
  p.next();
  // `INTERVAL DAY TO SECOND`, `INTERVAL YEAR`: the field words are separate tokens.
  if (first.type === "ident" && first.upper === "INTERVAL" && unitAt(p)) {
    let end = p.peek().end;
    p.next();
    if (p.isKw("TO") && unitAt(p, 1)) {
      p.next();
      end = p.peek().end;
      p.next();
    }
    return typeFromText(p, p.sql.slice(start, end), start, end);
  }
  let angle = 0;
  let paren = 0;
  let end = first.end;
  // `>>` and `>>>` are single tokens to the lexer but close several nested types here.
  for (;;) {
    const t = p.peek();
    if (t.type === "eof") break;
    if (t.type === "op" && t.value === "<") angle++;
    else if (t.type === "op" && /^>+$/.test(t.value)) {
      if (angle < t.value.length) break;
      angle -= t.value.length;
    } else if (t.type === "op" && t.value === "(" && (angle > 0 || end === first.end)) paren++;
    else if (t.type === "op" && t.value === ")") {
      if (paren === 0) break;
      paren--;
    } else if (angle === 0 && paren === 0) break;
    p.next();
    end = t.end;
    if (angle === 0 && paren === 0) break;
  }
  return typeFromText(p, p.sql.slice(start, end), start, end);
}

/** The collected type text through the shared DDL parser; its errors point into the query. */
function typeFromText(p: Cursor, text: string, start: number, end: number): { dataType: DataType; text: string; start: number } {
  try {
    return { dataType: parseDataType(text), text, start };
  } catch (e) {
    // Re-raise with the position inside the query so the caret points at the type.
    const err = e as { errorClass?: string; messageParameters?: Record<string, string>; message?: string; exceptionType?: string };
    // An analysis error (the TIME type) stays one, as Spark raises it after parsing.
    if (err.errorClass && err.exceptionType === "ParseException") {
      const body = (err.message ?? "").replace(/^\[[^\]]+\]\s*/, "").replace(/\s*SQLSTATE: \S+$/, "");
      throw parseError(err.errorClass, err.messageParameters ?? {}, p.sql, start, end, body);
    }
    throw e;
  }
}
