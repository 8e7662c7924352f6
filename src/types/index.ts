/**
 * `types` as PySpark's `pyspark.sql.types`: factories callable without `new`
 * (`T.IntegerType()`, `T.StructType([T.StructField("id", T.LongType(), true)])`).
 */
import * as D from "./data-types.js";

export { DataType, StructField as StructFieldClass, StructType as StructTypeClass } from "./data-types.js";
export const NullType = () => D.nullType;
export const BooleanType = () => D.booleanType;
export const ByteType = () => D.byteType;
export const ShortType = () => D.shortType;
export const IntegerType = () => D.integerType;
export const LongType = () => D.longType;
export const FloatType = () => D.floatType;
export const DoubleType = () => D.doubleType;
export const StringType = () => D.stringType;
export const BinaryType = () => D.binaryType;
export const DateType = () => D.dateType;
export const TimestampType = () => D.timestampType;
export const TimestampNTZType = () => D.timestampNTZType;
// As PySpark: no fields is the widest (YEAR TO MONTH, DAY TO SECOND); one field is that field alone.
export const YearMonthIntervalType = (startField?: number, endField?: number) =>
  new D.YearMonthIntervalType(startField ?? 0, endField ?? startField ?? 1);
export const DayTimeIntervalType = (startField?: number, endField?: number) =>
  new D.DayTimeIntervalType(startField ?? 0, endField ?? startField ?? 3);
export const CalendarIntervalType = () => D.calendarIntervalType;
export const DecimalType = (precision = 10, scale = 0) => new D.DecimalType(precision, scale);
export const ArrayType = (elementType: D.DataType, containsNull = true) => new D.ArrayType(elementType, containsNull);
export const MapType = (keyType: D.DataType, valueType: D.DataType, valueContainsNull = true) =>
  new D.MapType(keyType, valueType, valueContainsNull);
export const StructField = (name: string, dataType: D.DataType, nullable = true, metadata: Record<string, unknown> = {}) =>
  new D.StructField(name, dataType, nullable, metadata);
export const StructType = (fields: D.StructField[] = []) => new D.StructType(fields);
export { parseSchema as _parse_datatype_string } from "./ddl.js";
