/**
 * Field readers: turn field i of a CSV record into a value appended to a column builder, by
 * Spark's null/empty rules and the type's converter. This text path decides every case the
 * byte fast paths (csv-row-decoder.ts, chosen by fastKind) leave to it, so both always agree.
 */
import { DateType, DoubleType, IntegerType, LongType, StringType, TimestampType, type DataType } from "../../types/data-types.js";
import { BAD, converterFor, type ColumnBuilder, type TextConversion } from "../text-columns.js";
import type { CsvRecord } from "./csv-record.js";
import type { CsvReadOptions } from "./csv-options.js";

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

/** How a column's fields can be read from bytes (see csv-row-decoder.ts), or GENERAL: text only. */
export const enum FastKind { GENERAL, INT, LONG, DOUBLE, TIMESTAMP, DATE, STRING }

/**
 * The byte fast path a column of `type` may take with these options: none when nullValue (or
 * a NaN/Infinity spelling) looks like text the fast path accepts, or for non-default formats.
 */
export function fastKind(type: DataType, o: CsvReadOptions, conv: TextConversion): FastKind {
  if (type instanceof StringType) return FastKind.STRING;
  if (NUMERIC_LIKE.test(o.nullValue)) return FastKind.GENERAL;
  if (type instanceof IntegerType) return FastKind.INT;
  if (type instanceof LongType) return FastKind.LONG;
  if (type instanceof DoubleType) {
    return [conv.nanValue, conv.positiveInf, conv.negativeInf].some((s) => NUMERIC_LIKE.test(s)) ? FastKind.GENERAL : FastKind.DOUBLE;
  }
  if (type instanceof TimestampType && conv.timestampFormat === null) return FastKind.TIMESTAMP;
  if (type instanceof DateType && conv.dateFormat === null) return FastKind.DATE;
  return FastKind.GENERAL;
}

/** The text-path reader for a column of `type`: Spark's null/empty rules, then the converter. */
export function fieldReader(type: DataType, o: CsvReadOptions, conv: TextConversion): FieldReader {
  const convert = converterFor(type, conv);
  return (t, i, b) => {
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
}
