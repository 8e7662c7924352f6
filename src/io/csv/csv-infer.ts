/**
 * CSV schema inference as Spark's CSVInferSchema: each column starts as NullType and each
 * value widens it along int -> bigint -> decimal (big integers) -> double -> date (preferDate)
 * -> timestamp -> boolean -> string; two types that do not meet become string.
 * Header names get Spark's fixes: empty -> `_c<i>`, duplicates -> `<name><i>`.
 */
import {
  BooleanType, DataType, DateType, DecimalType, DoubleType, IntegerType, LongType, NullType, StringType, StructField,
  StructType, TimestampType, booleanType, dateType, doubleType, integerType, longType, nullType, stringType, timestampType,
} from "../../types/data-types.js";
import { widerType } from "../../types/type-utils.js";
import { BAD, fastIsoDate, parseIntegral, parseJavaDouble } from "../text-columns.js";
import { compilePattern } from "../../values/datetime-pattern.js";
import { parseTimestamp } from "../../values/datetime.js";
import type { CsvReadOptions } from "./csv-options.js";

export class CsvTypeInferrer {
  private readonly parseDateStrict: (s: string) => boolean;
  private readonly parseTs: (s: string) => boolean;

  constructor(private readonly o: CsvReadOptions) {
    const dp = compilePattern(o.conversion.dateFormat ?? "yyyy-MM-dd");
    // The default pattern is checked by hand: inference sees every value of the file.
    this.parseDateStrict = o.conversion.dateFormat ? (s) => dp.parseDate(s) !== null
      : (s) => fastIsoDate(s) !== null;
    const tf = o.conversion.timestampFormat;
    const tp = tf ? compilePattern(tf) : null;
    const tz = o.conversion.timeZone;
    this.parseTs = tp ? (s) => tp.parseTimestamp(s, tz) !== null : (s) => parseTimestamp(s, tz) !== null;
  }

  /** The type of a column after seeing one more value. */
  infer(soFar: DataType, field: string | null): DataType {
    if (field === null || field === "" || field === this.o.nullValue) return soFar;
    let t: DataType;
    if (soFar instanceof NullType || soFar instanceof IntegerType) t = this.tryInt(field);
    else if (soFar instanceof LongType) t = this.tryLong(field);
    else if (soFar instanceof DecimalType) t = this.tryDecimal(field);
    else if (soFar instanceof DoubleType) t = this.tryDouble(field);
    else if (soFar instanceof DateType) t = this.tryDate(field);
    else if (soFar instanceof TimestampType) t = this.tryTimestamp(field);
    else if (soFar instanceof BooleanType) t = this.tryBoolean(field);
    else return stringType;
    return t === soFar ? t : mergeTypes(soFar, t);
  }

  private tryInt(s: string): DataType {
    return parseIntegral(s, -2147483648, 2147483647) !== BAD ? integerType : this.tryLong(s);
  }
  private tryLong(s: string): DataType {
    return /^[+-]?\d+$/.test(s) && fitsLong(s) ? longType : this.tryDecimal(s);
  }
  private tryDecimal(s: string): DataType {
    // Spark only infers decimals for integers too big for a long (no fraction digits).
    if (/^[+-]?\d+$/.test(s)) {
      const digits = s.replace(/^[+-]/, "").replace(/^0+(?=\d)/, "").length;
      if (digits <= 38) return new DecimalType(digits, 0);
    }
    return this.tryDouble(s);
  }
  private tryDouble(s: string): DataType {
    const c = this.o.conversion;
    if (parseJavaDouble(s) !== BAD || s === c.nanValue || s === c.positiveInf || s === c.negativeInf) return doubleType;
    return this.o.preferDate ? this.tryDate(s) : this.tryTimestamp(s);
  }
  private tryDate(s: string): DataType {
    return this.parseDateStrict(s) ? dateType : this.tryTimestamp(s);
  }
  private tryTimestamp(s: string): DataType {
    return this.parseTs(s) ? timestampType : this.tryBoolean(s);
  }
  private tryBoolean(s: string): DataType {
    const t = s.toLowerCase();
    return t === "true" || t === "false" ? booleanType : stringType;
  }
}

function fitsLong(s: string): boolean {
  const b = BigInt(s);
  return b >= -(2n ** 63n) && b < 2n ** 63n;
}

/** Spark's CSVInferSchema.compatibleType, falling back to string. */
export function mergeTypes(a: DataType, b: DataType): DataType {
  if (a instanceof StringType || b instanceof StringType) return stringType;
  if ((a instanceof BooleanType) !== (b instanceof BooleanType) && !(a instanceof NullType) && !(b instanceof NullType)) return stringType;
  const w = widerType(a, b);
  if (w instanceof DecimalType && w.precision > 38) return doubleType;
  return w ?? stringType;
}

/** Column names from a header record (or `_c<i>` without one), with Spark's fixes. */
export function headerNames(tokens: readonly (string | null)[] | null, count: number, nullValue: string): string[] {
  if (!tokens) return Array.from({ length: count }, (_, i) => `_c${i}`);
  const lower = tokens.map((t) => (t == null ? null : t.toLowerCase()));
  const seen = new Map<string, number>();
  for (const l of lower) if (l != null) seen.set(l, (seen.get(l) ?? 0) + 1);
  return tokens.map((t, i) => {
    if (t == null || t === "" || t === nullValue) return `_c${i}`;
    if ((seen.get(t.toLowerCase()) ?? 0) > 1) return `${t}${i}`;
    return t;
  });
}

/** Final schema: names plus inferred types (NullType columns become string). */
export function inferredSchema(names: readonly string[], types: readonly DataType[]): StructType {
  return new StructType(names.map((n, i) => new StructField(n, types[i] instanceof NullType || !types[i] ? stringType : types[i]!, true)));
}

export { nullType };
