/**
 * Casting one internal value between Spark types, with ANSI semantics: malformed input raises
 * CAST_INVALID_INPUT, out-of-range values raise CAST_OVERFLOW (`try_cast` turns both into null).
 */
import {
  ArrayType, BinaryType, BooleanType, ByteType, DataType, DateType, DecimalType, DoubleType, FloatType,
  IntegerType, LongType, MapType, ShortType, StringType, StructType, TimestampNTZType, TimestampType,
  YearMonthIntervalType, DayTimeIntervalType, CalendarIntervalType,
} from "../../types/data-types.js";
import { dayTimeAnsiText, yearMonthAnsiText } from "../../values/interval.js";
import { castIntervalToIntegral, castToInterval } from "./interval-cast.js";
import { PijarError } from "../../errors/pijar-error.js";
import { fitsPrecision, formatDecimal, parseDecimal, rescale, POW10, divRoundHalfUp } from "../../values/decimal.js";
import { daysOfTimestamp, formatDate, formatTimestamp, fromLocal, civilFromDays, parseDate, parseTimestamp, MICROS_PER_DAY } from "../../values/datetime.js";
import { javaDoubleString, javaFloatString } from "../../values/java-number-text.js";
import type { FunctionContext } from "../registry.js";
import { LONG_MAX, LONG_MIN, big, canonLong, longFromDouble, parseLong, type Long } from "../../values/long.js";

const INT_RANGE: Record<string, [number, number]> = {
  byte: [-128, 127], short: [-32768, 32767], integer: [-2147483648, 2147483647],
  long: [-9223372036854775808, 9223372036854775807],
};

function invalid(v: unknown, from: DataType, to: DataType): PijarError {
  const shown = typeof v === "string" ? `'${v}'` : String(v);
  // Spark raises SparkDateTimeException for dates and timestamps, NumberFormatException otherwise.
  const datetime = to instanceof DateType || to instanceof TimestampType || to instanceof TimestampNTZType;
  return new PijarError("CAST_INVALID_INPUT", { expression: shown, sourceType: `"${from.sql()}"`, targetType: `"${to.sql()}"` },
    datetime ? { exceptionType: "DateTimeException" } : {});
}

function overflow(v: unknown, from: DataType, to: DataType): PijarError {
  return new PijarError("CAST_OVERFLOW", { value: String(v), sourceType: `"${from.sql()}"`, targetType: `"${to.sql()}"` });
}

/** Text of a value as Spark's cast-to-string prints it. */
export function valueToString(v: unknown, t: DataType, ctx: FunctionContext): string {
  if (t instanceof StringType) return v as string;
  if (t instanceof BooleanType) return v ? "true" : "false";
  if (t instanceof DoubleType) return javaDoubleString(v as number);
  if (t instanceof FloatType) return javaFloatString(v as number);
  if (t instanceof DecimalType) return formatDecimal(v as bigint, t.scale);
  if (t instanceof DateType) return formatDate(v as number);
  if (t instanceof TimestampType) return formatTimestamp(v as number, ctx.timeZone);
  if (t instanceof TimestampNTZType) return formatTimestamp(v as number, "UTC");
  if (t instanceof BinaryType) return new TextDecoder().decode(v as Uint8Array);
  if (t instanceof YearMonthIntervalType) return yearMonthAnsiText(v as number, t.startField, t.endField);
  if (t instanceof DayTimeIntervalType) return dayTimeAnsiText(v as Long, t.startField, t.endField);
  if (t instanceof CalendarIntervalType) return String(v);
  if (t instanceof ArrayType) {
    return "[" + (v as unknown[]).map((e) => (e == null ? "null" : valueToString(e, t.elementType, ctx))).join(", ") + "]";
  }
  if (t instanceof StructType) {
    return "{" + (v as unknown[]).map((e, i) => (e == null ? "null" : valueToString(e, t.fields[i]!.dataType, ctx))).join(", ") + "}";
  }
  if (t instanceof MapType) {
    const parts: string[] = [];
    for (const [k, val] of v as Map<unknown, unknown>) {
      parts.push(`${valueToString(k, t.keyType, ctx)} -> ${val == null ? "null" : valueToString(val, t.valueType, ctx)}`);
    }
    return "{" + parts.join(", ") + "}";
  }
  return String(v);
}

function integralFromNumber(x: number, v: unknown, from: DataType, to: DataType): Long {
  if (!Number.isFinite(x)) throw overflow(v, from, to);
  const t = Math.trunc(x);
  if (to instanceof LongType) {
    // Spark compares with Long.MaxValue as a double (2^63), so 2^63 itself saturates to MAX.
    if (t > 2 ** 63 || t < -(2 ** 63)) throw overflow(v, from, to);
    return t === 2 ** 63 ? canonLong(LONG_MAX) : longFromDouble(t);
  }
  const [lo, hi] = INT_RANGE[to.typeName()]!;
  if (t < lo || t > hi) throw overflow(v, from, to);
  return t === 0 ? 0 : t;
}

/** An exact integer (canonical long or BigInt) into an integral type, CAST_OVERFLOW when out of range. */
function integralFromExact(x: Long | bigint, v: unknown, from: DataType, to: DataType): Long {
  const [lo, hi] = to instanceof LongType ? [LONG_MIN, LONG_MAX] : INT_RANGE[to.typeName()]!.map(BigInt) as [bigint, bigint];
  const b = big(x);
  if (b < lo || b > hi) throw overflow(v, from, to);
  return canonLong(b);
}

function parseDouble(s: string): number | null {
  const t = s.trim();
  if (/^[+-]?(NaN)$/i.test(t)) return NaN;
  if (/^[+]?(Infinity|inf)$/i.test(t)) return Infinity;
  if (/^-(Infinity|inf)$/i.test(t)) return -Infinity;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[dDfF]?$/.test(t)) return null;
  return Number(t.replace(/[dDfF]$/, ""));
}

function toDecimal(v: unknown, from: DataType, to: DecimalType): bigint {
  let unscaled: bigint | null;
  if (from instanceof DecimalType) unscaled = rescale(v as bigint, from.scale, to.scale);
  else if (from instanceof StringType) {
    unscaled = parseDecimal(v as string, to.scale);
    if (unscaled === null) throw invalid(v, from, to);
  } else if (from instanceof BooleanType) unscaled = (v ? 1n : 0n) * POW10[to.scale]!;
  else if (from instanceof DoubleType || from instanceof FloatType) {
    const x = v as number;
    if (!Number.isFinite(x)) throw overflow(v, from, to);
    unscaled = parseDecimal(String(x), to.scale);
  } else unscaled = big(v as Long) * POW10[to.scale]!;
  if (unscaled === null || !fitsPrecision(unscaled, to.precision)) {
    throw new PijarError("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", {
      value: from instanceof DecimalType ? formatDecimal(v as bigint, from.scale) : String(v),
      precision: String(to.precision), scale: String(to.scale), config: "\"spark.sql.ansi.enabled\"",
    });
  }
  return unscaled;
}

/** Casts a non-null value. Throws on invalid input (ANSI). */
export function castValue(v: unknown, from: DataType, to: DataType, ctx: FunctionContext): unknown {
  if (from.equals(to)) return v;
  if (to instanceof StringType) return valueToString(v, from, ctx);
  if (to instanceof YearMonthIntervalType || to instanceof DayTimeIntervalType || to instanceof CalendarIntervalType) {
    return castToInterval(v, from, to);
  }
  if (from instanceof YearMonthIntervalType || from instanceof DayTimeIntervalType) {
    if (to instanceof ByteType || to instanceof ShortType || to instanceof IntegerType || to instanceof LongType) {
      return integralFromExact(castIntervalToIntegral(v, from), v, from, to);
    }
  }
  const toName = to.typeName();
  if (to instanceof ByteType || to instanceof ShortType || to instanceof IntegerType || to instanceof LongType) {
    if (from instanceof StringType) {
      // Spark parses the text as the target type: out-of-range text is invalid input, not overflow.
      const n = parseLong(v as string);
      if (n === null) throw invalid(v, from, to);
      if (to instanceof LongType) return n;
      const [lo, hi] = INT_RANGE[toName]!;
      if (typeof n !== "number" || n < lo || n > hi) throw invalid(v, from, to);
      return n;
    }
    if (from instanceof BooleanType) return v ? 1 : 0;
    if (from instanceof DecimalType) {
      const q = (v as bigint) / POW10[from.scale]!;
      return integralFromExact(q, formatDecimal(v as bigint, from.scale), from, to);
    }
    if (from instanceof TimestampType || from instanceof TimestampNTZType) return Math.floor((v as number) / 1_000_000);
    if (typeof v === "bigint" || from instanceof LongType) return integralFromExact(v as Long, v, from, to);
    return integralFromNumber(v as number, v, from, to);
  }
  if (to instanceof DoubleType || to instanceof FloatType) {
    let x: number;
    if (from instanceof StringType) {
      const p = parseDouble(v as string);
      if (p === null) throw invalid(v, from, to);
      x = p;
    } else if (from instanceof BooleanType) x = v ? 1 : 0;
    else if (from instanceof DecimalType) x = Number(formatDecimal(v as bigint, from.scale));
    else if (from instanceof TimestampType || from instanceof TimestampNTZType) x = (v as number) / 1_000_000;
    else x = Number(v as number | bigint);
    return to instanceof FloatType ? Math.fround(x) : x;
  }
  if (to instanceof DecimalType) return toDecimal(v, from, to);
  if (to instanceof BooleanType) {
    if (from instanceof StringType) {
      const s = (v as string).trim().toLowerCase();
      if (["t", "true", "y", "yes", "1"].includes(s)) return true;
      if (["f", "false", "n", "no", "0"].includes(s)) return false;
      throw invalid(v, from, to);
    }
    if (from instanceof DecimalType) return (v as bigint) !== 0n;
    return typeof v === "bigint" ? v !== 0n : (v as number) !== 0;
  }
  if (to instanceof DateType) {
    if (from instanceof StringType) {
      const d = parseDate(v as string);
      if (d === null) throw invalid(v, from, to);
      return d;
    }
    if (from instanceof TimestampType) return daysOfTimestamp(v as number, ctx.timeZone);
    if (from instanceof TimestampNTZType) return Math.floor((v as number) / MICROS_PER_DAY);
  }
  if (to instanceof TimestampType || to instanceof TimestampNTZType) {
    const tz = to instanceof TimestampType ? ctx.timeZone : "UTC";
    if (from instanceof StringType) {
      const t = parseTimestamp(v as string, tz);
      if (t === null) throw invalid(v, from, to);
      return t;
    }
    if (from instanceof DateType) {
      const { y, m, d } = civilFromDays(v as number);
      return fromLocal(y, m, d, 0, 0, 0, 0, tz);
    }
    if (from instanceof TimestampType) {
      // instant -> wall clock in the session zone
      const days = daysOfTimestamp(v as number, ctx.timeZone);
      void days;
      return v;
    }
    if (from instanceof TimestampNTZType) return v;
    if (from instanceof DecimalType) return Number(divRoundHalfUp((v as bigint) * 1_000_000n, POW10[from.scale]!));
    if (from instanceof BooleanType) return v ? 1_000_000 : 0;
    return Math.trunc(Number(v as number | bigint) * 1_000_000);
  }
  if (to instanceof BinaryType && from instanceof StringType) return new TextEncoder().encode(v as string);
  if (to instanceof ArrayType && from instanceof ArrayType) {
    return (v as unknown[]).map((e) => (e == null ? null : castValue(e, from.elementType, to.elementType, ctx)));
  }
  if (to instanceof StructType && from instanceof StructType) {
    return (v as unknown[]).map((e, i) => (e == null ? null : castValue(e, from.fields[i]!.dataType, to.fields[i]!.dataType, ctx)));
  }
  if (to instanceof MapType && from instanceof MapType) {
    const out = new Map<unknown, unknown>();
    for (const [k, val] of v as Map<unknown, unknown>) {
      out.set(castValue(k, from.keyType, to.keyType, ctx), val == null ? null : castValue(val, from.valueType, to.valueType, ctx));
    }
    return out;
  }
  throw new PijarError("DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION", {
    sqlExpr: `"CAST(value AS ${to.sql()})"`, srcType: `"${from.sql()}"`, targetType: `"${to.sql()}"`,
  });
  void toName;
}

/** Casts a column of values; `try` mode yields null instead of raising. */
export function castColumn(values: readonly unknown[], from: DataType, to: DataType, mode: "ansi" | "try", ctx: FunctionContext): unknown[] {
  const n = values.length;
  const out = new Array<unknown>(n);
  if (from.equals(to)) return values as unknown[];
  // Widening between number-held types needs no per-value work (int -> bigint/double, float -> double).
  const f = from.typeName();
  const t = to.typeName();
  const small = f === "byte" || f === "short" || f === "integer";
  if ((small && (t === "long" || t === "double" || t === "integer" && f !== "integer")) || (f === "float" && t === "double")) {
    for (let i = 0; i < n; i++) out[i] = values[i] ?? null;
    return out;
  }
  if (f === "long" && t === "double") {
    // Canonical longs: numbers pass through, bigints (beyond 2^53) round to the nearest double.
    for (let i = 0; i < n; i++) {
      const v = values[i];
      out[i] = v == null ? null : typeof v === "bigint" ? Number(v) : v;
    }
    return out;
  }
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v == null) {
      out[i] = null;
      continue;
    }
    if (mode === "try") {
      try {
        out[i] = castValue(v, from, to, ctx);
      } catch {
        out[i] = null;
      }
    } else out[i] = castValue(v, from, to, ctx);
  }
  return out;
}
