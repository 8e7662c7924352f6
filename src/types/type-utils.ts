/** Type predicates and Spark's implicit widening rules, shared by the analyzer and the kernels. */
import {
  ArrayType, BinaryType, BooleanType, ByteType, DataType, DateType, DecimalType, DoubleType, FloatType,
  IntegerType, LongType, MapType, NullType, ShortType, StringType, StructType, TimestampNTZType, TimestampType,
  doubleType, stringType, StructField, DayTimeIntervalType, YearMonthIntervalType, CalendarIntervalType,
} from "./data-types.js";

export const isIntegral = (t: DataType) =>
  t instanceof ByteType || t instanceof ShortType || t instanceof IntegerType || t instanceof LongType;
export const isFractional = (t: DataType) => t instanceof FloatType || t instanceof DoubleType;
export const isDecimal = (t: DataType): t is DecimalType => t instanceof DecimalType;
export const isNumeric = (t: DataType) => isIntegral(t) || isFractional(t) || isDecimal(t);
export const isString = (t: DataType) => t instanceof StringType;
export const isBoolean = (t: DataType) => t instanceof BooleanType;
export const isNull = (t: DataType) => t instanceof NullType;
export const isDate = (t: DataType) => t instanceof DateType;
export const isTimestamp = (t: DataType) => t instanceof TimestampType || t instanceof TimestampNTZType;
export const isDatetime = (t: DataType) => isDate(t) || isTimestamp(t);
export const isBinary = (t: DataType) => t instanceof BinaryType;
export const isYearMonthInterval = (t: DataType): t is YearMonthIntervalType => t instanceof YearMonthIntervalType;
export const isDayTimeInterval = (t: DataType): t is DayTimeIntervalType => t instanceof DayTimeIntervalType;
/** Spark's AnsiIntervalType: the two interval types that can be ordered and stored. */
export const isAnsiInterval = (t: DataType) => isYearMonthInterval(t) || isDayTimeInterval(t);
export const isCalendarInterval = (t: DataType) => t instanceof CalendarIntervalType;
/** Whether values of a type can be sorted and compared for order (Spark's RowOrdering.isOrderable). */
export function isOrderable(t: DataType): boolean {
  if (t instanceof CalendarIntervalType || t instanceof MapType) return false;
  if (t instanceof ArrayType) return isOrderable(t.elementType);
  if (t instanceof StructType) return t.fields.every((f) => isOrderable(f.dataType));
  return true;
}
export const isAtomic = (t: DataType) => !(t instanceof ArrayType || t instanceof StructType || t instanceof MapType);

/** Rank of numeric types for widening: byte < short < int < long < float < double. */
function numericRank(t: DataType): number {
  if (t instanceof ByteType) return 1;
  if (t instanceof ShortType) return 2;
  if (t instanceof IntegerType) return 3;
  if (t instanceof LongType) return 4;
  if (t instanceof FloatType) return 6;
  if (t instanceof DoubleType) return 7;
  return 0;
}

/** The exact decimal that holds every value of an integral type (Spark's DecimalType.forType). */
export function decimalForType(t: DataType): DecimalType {
  if (t instanceof DecimalType) return t;
  if (t instanceof ByteType) return new DecimalType(3, 0);
  if (t instanceof ShortType) return new DecimalType(5, 0);
  if (t instanceof IntegerType) return new DecimalType(10, 0);
  if (t instanceof LongType) return new DecimalType(20, 0);
  if (t instanceof FloatType) return new DecimalType(14, 7);
  return new DecimalType(30, 15);
}

export const MAX_DECIMAL_PRECISION = 38;

/** Spark's DecimalType.bounded. */
export function boundedDecimal(precision: number, scale: number): DecimalType {
  return new DecimalType(Math.min(precision, MAX_DECIMAL_PRECISION), Math.min(scale, MAX_DECIMAL_PRECISION));
}

/** Spark's DecimalType.adjustPrecisionScale (allowPrecisionLoss = true, the default). */
export function adjustPrecisionScale(precision: number, scale: number): DecimalType {
  if (precision <= MAX_DECIMAL_PRECISION) return new DecimalType(precision, scale);
  if (scale < 0) return new DecimalType(MAX_DECIMAL_PRECISION, scale);
  const intDigits = precision - scale;
  const minScale = Math.min(scale, 6);
  const adjustedScale = Math.max(MAX_DECIMAL_PRECISION - intDigits, minScale);
  return new DecimalType(MAX_DECIMAL_PRECISION, adjustedScale);
}

/** Wider of two decimals (DecimalPrecision.widerDecimalType). */
export function widerDecimal(a: DecimalType, b: DecimalType): DecimalType {
  const scale = Math.max(a.scale, b.scale);
  const range = Math.max(a.precision - a.scale, b.precision - b.scale);
  return boundedDecimal(range + scale, scale);
}

/**
 * The common type two values are coerced to for comparison, union, CASE, coalesce and IN
 * (TypeCoercion.findWiderTypeForTwo in ANSI mode), or null when there is none.
 */
export function widerType(a: DataType, b: DataType): DataType | null {
  if (a.equals(b)) return a;
  if (isNull(a)) return b;
  if (isNull(b)) return a;
  if (isNumeric(a) && isNumeric(b)) {
    if (isDecimal(a) || isDecimal(b)) {
      if (isFractional(a) || isFractional(b)) return doubleType;
      return widerDecimal(decimalForType(a), decimalForType(b));
    }
    // ANSI: float cannot hold every int or bigint exactly, so those pairs widen to double.
    const fl = a instanceof FloatType ? b : b instanceof FloatType ? a : null;
    if (fl && (fl instanceof IntegerType || fl instanceof LongType)) return doubleType;
    return numericRank(a) >= numericRank(b) ? a : b;
  }
  if (isDate(a) && isTimestamp(b)) return b;
  if (isTimestamp(a) && isDate(b)) return a;
  // Intervals of one kind widen to the union of their fields (INTERVAL DAY with INTERVAL HOUR
  // TO SECOND is INTERVAL DAY TO SECOND); the value (months or microseconds) is the same.
  if (isYearMonthInterval(a) && isYearMonthInterval(b)) {
    return new YearMonthIntervalType(Math.min(a.startField, b.startField), Math.max(a.endField, b.endField));
  }
  if (isDayTimeInterval(a) && isDayTimeInterval(b)) {
    return new DayTimeIntervalType(Math.min(a.startField, b.startField), Math.max(a.endField, b.endField));
  }
  if (isTimestamp(a) && isTimestamp(b)) return a instanceof TimestampType ? a : b;
  if (a instanceof ArrayType && b instanceof ArrayType) {
    const e = widerType(a.elementType, b.elementType);
    return e ? new ArrayType(e, a.containsNull || b.containsNull) : null;
  }
  if (a instanceof StructType && b instanceof StructType && a.fields.length === b.fields.length) {
    const fields: StructField[] = [];
    for (let i = 0; i < a.fields.length; i++) {
      const fa = a.fields[i]!;
      const fb = b.fields[i]!;
      if (fa.name.toLowerCase() !== fb.name.toLowerCase()) return null;
      const w = widerType(fa.dataType, fb.dataType);
      if (!w) return null;
      fields.push(new StructField(fa.name, w, fa.nullable || fb.nullable));
    }
    return new StructType(fields);
  }
  return null;
}

/**
 * Like widerType, but also lets strings meet other atomic types the way ANSI mode's implicit
 * casts do for comparisons: string vs number -> the number's type (long->bigint, etc.),
 * string vs date/timestamp -> the datetime type, string vs string -> string.
 */
export function comparisonType(a: DataType, b: DataType): DataType | null {
  const w = widerType(a, b);
  if (w) return w;
  if (isString(a) && isAtomic(b) && !isBinary(b)) return isNumeric(b) && !isDecimal(b) ? (isIntegral(b) ? b : doubleType) : isDecimal(b) ? doubleType : isBoolean(b) ? b : b;
  if (isString(b) && isAtomic(a) && !isBinary(a)) return comparisonType(b, a);
  return null;
}

/** Common type of many (for coalesce, array(), CASE branches, union columns). */
export function widerTypeOfAll(types: readonly DataType[], allowStrings = true): DataType | null {
  let acc: DataType | null = types[0] ?? null;
  for (let i = 1; i < types.length && acc; i++) {
    const t = types[i]!;
    acc = widerType(acc, t) ?? (allowStrings && (isString(acc) || isString(t)) && isAtomic(acc) && isAtomic(t) ? stringType : null);
  }
  return acc;
}

export { doubleType };
