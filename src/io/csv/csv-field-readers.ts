/**
 * Field readers: turn field i of a CSV record into a value appended to a column builder. Each
 * reader tries the bytes first (ints, plain decimals, default-format timestamps and dates,
 * strings interned by their bytes) and otherwise takes the general text path (Spark's
 * null/empty rules, then the type's converter), which also decides every unusual case, so the
 * two paths always agree.
 */
import { DateType, DoubleType, IntegerType, LongType, StringType, TimestampType, type DataType } from "../../types/data-types.js";
import { normalizeZone } from "../../values/datetime.js";
import { BAD, converterFor, type ColumnBuilder, type TextConversion } from "../text-columns.js";
import type { CsvRecord } from "./csv-record.js";
import type { CsvReadOptions } from "./csv-options.js";
import { bytesEqual, dateFromBytes, doubleFromBytes, intFromBytes, timestampFromBytes } from "./csv-bytes.js";
import { StringColumnBuilder } from "./string-column-builder.js";

/** Appends field i of the record to b; returns false when the text is not a valid value (null appended). */
export type FieldReader = (t: CsvRecord, i: number, b: ColumnBuilder) => boolean;

/** Field i's text after Spark's null/empty rules, or null. */
export function fieldText(t: CsvRecord, i: number, o: CsvReadOptions): string | null {
  if (t.isEmpty(i)) {
    if (!t.quoted[i]) return null;
    return o.emptyValue === o.nullValue ? null : o.emptyValue;
  }
  const v = t.text(i);
  return v === o.nullValue ? null : v;
}

/**
 * Text a byte fast path could accept (digits, signs, '.', ':', 'T', space). When nullValue (or a
 * NaN/Infinity spelling) looks like that, the fast paths are off: the text path compares it first.
 */
const NUMERIC_LIKE = /^[-+\d.:T ]+$/;

const encoder = new TextEncoder();

/** True when the record's field i is a non-empty plain byte range (fast paths apply). */
function plainBytes(t: CsvRecord, i: number): boolean {
  return t.bytes !== null && t.plain(i) && t.fieldEnd(i) > t.fieldStart(i);
}

/** The reader for a column of `type`. */
export function fieldReader(type: DataType, o: CsvReadOptions, conv: TextConversion): FieldReader {
  const convert = converterFor(type, conv);
  const general: FieldReader = (t, i, b) => {
    const s = fieldText(t, i, o);
    if (s === null) {
      b.push(null);
      return true;
    }
    const v = convert(s);
    if (v === BAD) {
      b.push(null);
      return false;
    }
    b.push(v);
    return true;
  };
  if (type instanceof StringType) {
    const nullBytes = encoder.encode(o.nullValue);
    return (t, i, b) => {
      if (b instanceof StringColumnBuilder && plainBytes(t, i)) {
        const buf = t.bytes!;
        const s = t.fieldStart(i);
        const e = t.fieldEnd(i);
        if (nullBytes.length === 0 || !bytesEqual(buf, s, e, nullBytes)) {
          b.pushBytes(buf, s, e);
          return true;
        }
      }
      return general(t, i, b);
    };
  }
  const fastOk = !NUMERIC_LIKE.test(o.nullValue);
  if (!fastOk) return general;
  if (type instanceof IntegerType || type instanceof LongType) {
    const [min, max] = type instanceof IntegerType ? [-2147483648, 2147483647] : [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
    return (t, i, b) => {
      if (plainBytes(t, i)) {
        const v = intFromBytes(t.bytes!, t.fieldStart(i), t.fieldEnd(i), min, max);
        if (v !== undefined) {
          b.push(v);
          return true;
        }
      }
      return general(t, i, b);
    };
  }
  if (type instanceof DoubleType && ![conv.nanValue, conv.positiveInf, conv.negativeInf].some((s) => NUMERIC_LIKE.test(s))) {
    return (t, i, b) => {
      if (plainBytes(t, i)) {
        const v = doubleFromBytes(t.bytes!, t.fieldStart(i), t.fieldEnd(i));
        if (v !== undefined) {
          b.push(v);
          return true;
        }
      }
      return general(t, i, b);
    };
  }
  if (type instanceof TimestampType && conv.timestampFormat === null) {
    const zone = conv.timeZone;
    const utc = normalizeZone(zone) === "UTC";
    return (t, i, b) => {
      if (plainBytes(t, i)) {
        const v = timestampFromBytes(t.bytes!, t.fieldStart(i), t.fieldEnd(i), zone, utc);
        if (v !== undefined) {
          b.push(v);
          return true;
        }
      }
      return general(t, i, b);
    };
  }
  if (type instanceof DateType && conv.dateFormat === null) {
    return (t, i, b) => {
      if (plainBytes(t, i)) {
        const v = dateFromBytes(t.bytes!, t.fieldStart(i), t.fieldEnd(i));
        if (v !== undefined) {
          b.push(v);
          return true;
        }
      }
      return general(t, i, b);
    };
  }
  return general;
}
