/**
 * Column builders for text readers (CSV, JSON): convert field text to a Spark type and fill
 * typed arrays directly (Int32Array, Float64Array...), so a batch becomes Arrow data without
 * boxing every value. Low-cardinality string columns become Dictionary<Int32, Utf8> data whose
 * dictionary only grows within a scan, so an index means the same string in every batch (see
 * csv/string-column-builder.ts, which also takes CSV fields as bytes).
 */
import { canonLong } from "../values/long.js";
import * as A from "apache-arrow";
import {
  BooleanType, DataType, DateType, DecimalType, DoubleType, FloatType, IntegerType, LongType, StringType,
  TimestampNTZType, TimestampType,
} from "../types/data-types.js";
import { buildData } from "../columnar/convert/build.js";
import { StringColumnBuilder, packValid } from "./csv/string-column-builder.js";
import { toArrowType } from "../types/arrow-types.js";
import { fitsPrecision, parseDecimal } from "../values/decimal.js";
import { compilePattern } from "../values/datetime-pattern.js";
import { daysFromCivil, daysInMonth, parseDate, parseTimestamp } from "../values/datetime.js";

/** How text becomes typed values (shared by CSV and JSON). */
export interface TextConversion {
  readonly timeZone: string;
  /** Explicit dateFormat, or null for Spark's default parsing (cast rules). */
  readonly dateFormat: string | null;
  readonly timestampFormat: string | null;
  readonly timestampNTZFormat: string | null;
  readonly nanValue: string;
  readonly positiveInf: string;
  readonly negativeInf: string;
}

/** Marks a field that could not be converted (the row is malformed). */
export const BAD = Symbol("bad");

export type Converter = (text: string) => unknown | typeof BAD;

const INT_MAX = 2147483647;
const INT_MIN = -2147483648;

/** Java's Integer.parseInt / Long.parseLong rules: optional sign, digits only, no spaces. */
export function parseIntegral(s: string, min: number, max: number): number | bigint | typeof BAD {
  const n = s.length;
  if (n === 0) return BAD;
  let i = 0;
  let neg = false;
  const c0 = s.charCodeAt(0);
  if (c0 === 45 || c0 === 43) {
    neg = c0 === 45;
    i = 1;
    if (n === 1) return BAD;
  }
  if (n - i > 15) {
    // Past 15 digits a double loses integers: check the range exactly.
    if (!/^[+-]?\d+$/.test(s)) return BAD;
    const b = BigInt(s);
    if (b < BigInt(min) || b > BigInt(max === Number.MAX_SAFE_INTEGER ? "9223372036854775807" : max)) return BAD;
    // A canonical long: exact as a bigint beyond 2^53.
    return canonLong(b);
  }
  let v = 0;
  for (; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return BAD;
    v = v * 10 + d;
  }
  // "-0" is the integer 0 (a JavaScript -0 would print as -0.0 in a double context).
  if (neg && v !== 0) v = -v;
  return v < min || v > max ? BAD : v;
}

// As a double this is exactly -2^63; the BigInt range check above decides the 19-digit cases.
const LONG_MIN = -9223372036854775808;
const DOUBLE_RE = /^[+-]?(?:NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?)$/;

/** Java's Double.parseDouble (what Spark uses): trims, accepts NaN/Infinity and a d/f suffix. */
export function parseJavaDouble(text: string): number | typeof BAD {
  // Fast path: plain decimal text (starts with a digit or '-', ends with a digit).
  const n = text.length;
  if (n > 0) {
    const a = text.charCodeAt(0);
    const z = text.charCodeAt(n - 1);
    if (((a >= 48 && a <= 57) || a === 45) && z >= 48 && z <= 57 && !(n > 1 && (text.charCodeAt(1) === 120 || text.charCodeAt(1) === 88 || text.charCodeAt(1) === 98 || text.charCodeAt(1) === 111))) {
      const v = Number(text);
      if (v === v) return v;
    }
  }
  const s = text.trim();
  if (!DOUBLE_RE.test(s)) return BAD;
  if (s.endsWith("NaN")) return NaN;
  const last = s.charCodeAt(s.length - 1);
  return Number(last > 57 && !s.endsWith("Infinity") ? s.slice(0, -1) : s);
}

/**
 * Days of a strict "yyyy-MM-dd" text, or null: the common date shape parsed by hand, because
 * readers see it in every row (the general parsers handle everything else).
 */
export function fastIsoDate(s: string): number | null {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    y = y * 10 + d;
  }
  const m1 = s.charCodeAt(5) - 48, m2 = s.charCodeAt(6) - 48, d1 = s.charCodeAt(8) - 48, d2 = s.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return null;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return daysFromCivil(y, m, d);
}

/** A converter from text to the internal value of `type`. */
export function converterFor(type: DataType, conv: TextConversion): Converter {
  if (type instanceof StringType) return (s) => s;
  if (type instanceof IntegerType) return (s) => parseIntegral(s, INT_MIN, INT_MAX);
  if (type instanceof LongType) return (s) => parseIntegral(s, LONG_MIN, Number.MAX_SAFE_INTEGER);
  if (type.typeName() === "short") return (s) => parseIntegral(s, -32768, 32767);
  if (type.typeName() === "byte") return (s) => parseIntegral(s, -128, 127);
  if (type instanceof DoubleType || type instanceof FloatType) {
    const f32 = type instanceof FloatType;
    return (s) => {
      if (s === conv.nanValue) return NaN;
      if (s === conv.positiveInf) return Infinity;
      if (s === conv.negativeInf) return -Infinity;
      const v = parseJavaDouble(s);
      return f32 && v !== BAD ? Math.fround(v) : v;
    };
  }
  if (type instanceof BooleanType) {
    return (s) => {
      const t = s.toLowerCase();
      return t === "true" ? true : t === "false" ? false : BAD;
    };
  }
  if (type instanceof DecimalType) {
    return (s) => {
      const v = parseDecimal(s, type.scale);
      return v === null || !fitsPrecision(v, type.precision) ? BAD : v;
    };
  }
  if (type instanceof DateType) {
    if (conv.dateFormat) {
      const p = compilePattern(conv.dateFormat);
      return (s) => p.parseDate(s) ?? BAD;
    }
    return (s) => fastIsoDate(s) ?? parseDate(s) ?? BAD;
  }
  if (type instanceof TimestampType) {
    if (conv.timestampFormat) {
      const p = compilePattern(conv.timestampFormat);
      return (s) => p.parseTimestamp(s, conv.timeZone) ?? BAD;
    }
    return (s) => parseTimestamp(s, conv.timeZone) ?? BAD;
  }
  if (type instanceof TimestampNTZType) {
    if (conv.timestampNTZFormat) {
      const p = compilePattern(conv.timestampNTZFormat);
      return (s) => p.parseTimestampNTZ(s) ?? BAD;
    }
    return (s) => (/[zZ]|[+-]\d\d:?\d\d$|\//.test(s.slice(10)) ? BAD : parseTimestamp(s, "UTC") ?? BAD);
  }
  if (type.typeName() === "binary") return (s) => new TextEncoder().encode(s);
  return () => BAD;
}

/** Collects one column of a batch. */
export interface ColumnBuilder {
  /** Appends a converted internal value (never BAD), or null. */
  push(v: unknown): void;
  /** Keeps only the first n values of the current batch (drops a malformed row's values). */
  truncate(n: number): void;
  /** Arrow data of the values pushed since the last finish; resets the builder. */
  finish(): A.Data;
}

/**
 * Numbers into a typed array plus a validity array. 64-bit values are written as two 32-bit
 * words of the BigInt64Array's memory: a BigInt per value would cost an allocation per row.
 */
export class TypedBuilder implements ColumnBuilder {
  private vals: Int32Array | Float64Array | BigInt64Array;
  /** The values' memory as 32-bit words (i64 only). */
  private words: Int32Array;
  private valid: Uint8Array;
  private n = 0;
  private nulls = 0;
  constructor(private readonly type: DataType, private readonly kind: "i32" | "f64" | "i64", cap: number) {
    this.vals = this.alloc(cap);
    this.words = new Int32Array(this.vals.buffer);
    this.valid = new Uint8Array(cap);
  }
  private alloc(n: number) {
    return this.kind === "i32" ? new Int32Array(n) : this.kind === "f64" ? new Float64Array(n) : new BigInt64Array(n);
  }
  push(v: unknown): void {
    const n = this.n;
    if (n === this.valid.length) this.grow();
    if (v !== null) {
      if (this.kind === "i64" && typeof v === "bigint") (this.vals as BigInt64Array)[n] = v;
      else if (this.kind === "i64") {
        const x = v as number;
        const hi = Math.floor(x / 4294967296);
        this.words[2 * n] = (x - hi * 4294967296) | 0;
        this.words[2 * n + 1] = hi | 0;
      } else (this.vals as Float64Array)[n] = v as number;
      this.valid[n] = 1;
    } else {
      this.valid[n] = 0;
      this.nulls++;
    }
    this.n = n + 1;
  }
  /** Appends a non-null number (no boxing when inlined: the fast paths call this). */
  pushNumber(x: number): void {
    const n = this.n;
    if (n === this.valid.length) this.grow();
    if (this.kind === "i64") {
      const hi = Math.floor(x / 4294967296);
      this.words[2 * n] = (x - hi * 4294967296) | 0;
      this.words[2 * n + 1] = hi | 0;
    } else (this.vals as Float64Array)[n] = x;
    this.valid[n] = 1;
    this.n = n + 1;
  }
  truncate(n: number): void {
    for (let i = n; i < this.n; i++) if (!this.valid[i]) this.nulls--;
    if (n < this.n) this.n = n;
  }
  private grow(): void {
    const v = this.alloc(this.vals.length * 2 || 16);
    v.set(this.vals as never);
    this.vals = v;
    this.words = new Int32Array(v.buffer);
    const b = new Uint8Array(v.length);
    b.set(this.valid);
    this.valid = b;
  }
  finish(): A.Data {
    const n = this.n;
    // Without nulls there is no validity to pack.
    const { bitmap, nullCount } = packValid(this.valid, n, this.nulls);
    const d = A.makeData({ type: toArrowType(this.type) as A.Int, length: n, nullCount, nullBitmap: bitmap, data: this.vals.subarray(0, n) as Int32Array });
    // `valid` is reused (the output holds a packed copy); the values match its size.
    this.vals = this.alloc(this.valid.length);
    this.words = new Int32Array(this.vals.buffer);
    this.n = 0;
    this.nulls = 0;
    return d;
  }
}

class ValuesBuilder implements ColumnBuilder {
  private vals: unknown[] = [];
  constructor(private readonly type: DataType) {}
  push(v: unknown): void {
    this.vals.push(v);
  }
  truncate(n: number): void {
    if (n < this.vals.length) this.vals.length = n;
  }
  finish(): A.Data {
    const d = buildData(this.type, this.vals);
    this.vals = [];
    return d;
  }
}

/** Distinct strings kept in a column's dictionary before it falls back to plain Utf8. */
export const DICTIONARY_MAX_DISTINCT = 4096;

/** A builder for a column of `type` with room for `cap` rows. */
export function columnBuilder(type: DataType, cap: number, dictionaryStrings = true): ColumnBuilder {
  if (type instanceof IntegerType || type instanceof DateType) return new TypedBuilder(type, "i32", cap);
  if (type instanceof DoubleType) return new TypedBuilder(type, "f64", cap);
  if (type instanceof LongType || type instanceof TimestampType || type instanceof TimestampNTZType) return new TypedBuilder(type, "i64", cap);
  if (type instanceof StringType) return new StringColumnBuilder(type, cap, dictionaryStrings ? DICTIONARY_MAX_DISTINCT : 0);
  return new ValuesBuilder(type);
}
