/**
 * Spark type <-> Arrow type. The engine's batches are Arrow RecordBatches; this is the single
 * place that decides which Arrow layout holds each Spark type.
 *
 * Timestamps are Arrow Timestamp(MICROSECOND, "UTC") (Spark's microsecond instant);
 * TIMESTAMP_NTZ is Timestamp(MICROSECOND) without zone; decimals are Decimal128.
 */
import * as A from "apache-arrow";
import {
  ArrayType, BinaryType, BooleanType, ByteType, DataType, DateType, DecimalType, DoubleType, FloatType,
  IntegerType, LongType, MapType, NullType, ShortType, StringType, StructField, StructType, TimestampNTZType,
  TimestampType, binaryType, booleanType, byteType, dateType, doubleType, floatType, integerType, longType,
  nullType, shortType, stringType, timestampNTZType, timestampType, YearMonthIntervalType, DayTimeIntervalType,
  CalendarIntervalType, calendarIntervalType,
} from "./data-types.js";
import { PijarError } from "../errors/pijar-error.js";

export function toArrowType(t: DataType): A.DataType {
  if (t instanceof BooleanType) return new A.Bool();
  if (t instanceof ByteType) return new A.Int8();
  if (t instanceof ShortType) return new A.Int16();
  if (t instanceof IntegerType) return new A.Int32();
  if (t instanceof LongType) return new A.Int64();
  if (t instanceof FloatType) return new A.Float32();
  if (t instanceof DoubleType) return new A.Float64();
  if (t instanceof DecimalType) return new A.Decimal(t.scale, t.precision, 128);
  if (t instanceof StringType) return new A.Utf8();
  if (t instanceof BinaryType) return new A.Binary();
  if (t instanceof DateType) return new A.DateDay();
  if (t instanceof TimestampType) return new A.TimestampMicrosecond("UTC");
  if (t instanceof TimestampNTZType) return new A.TimestampMicrosecond();
  if (t instanceof NullType) return new A.Null();
  // As Spark's ArrowUtils: months in Interval(YEAR_MONTH), microseconds in Duration(MICROSECOND),
  // calendar intervals in Interval(MONTH_DAY_NANO). The fields of an ANSI interval are not kept.
  if (t instanceof YearMonthIntervalType) return new A.IntervalYearMonth();
  if (t instanceof DayTimeIntervalType) return new A.DurationMicrosecond();
  if (t instanceof CalendarIntervalType) return new A.IntervalMonthDayNano();
  if (t instanceof ArrayType) return new A.List(new A.Field("element", toArrowType(t.elementType), t.containsNull));
  if (t instanceof StructType) return new A.Struct(t.fields.map(toArrowField));
  if (t instanceof MapType) {
    const entries = new A.Field("entries", new A.Struct([
      new A.Field("key", toArrowType(t.keyType), false),
      new A.Field("value", toArrowType(t.valueType), t.valueContainsNull),
    ]), false);
    return new A.Map_(entries, false);
  }
  throw new PijarError("UNSUPPORTED_DATATYPE", { typeName: t.simpleString() });
}

export function toArrowField(f: StructField): A.Field {
  return new A.Field(f.name, toArrowType(f.dataType), f.nullable);
}

export function toArrowSchema(s: StructType): A.Schema {
  return new A.Schema(s.fields.map(toArrowField));
}

/** Maps an Arrow type (from Parquet or IPC) to the Spark type Spark would read it as. */
export function fromArrowType(t: A.DataType): DataType {
  switch (t.typeId) {
    case A.Type.Null: return nullType;
    case A.Type.Bool: return booleanType;
    case A.Type.Int: {
      const it = t as A.Int;
      if (it.bitWidth === 8) return it.isSigned ? byteType : shortType;
      if (it.bitWidth === 16) return it.isSigned ? shortType : integerType;
      if (it.bitWidth === 32) return it.isSigned ? integerType : longType;
      return it.isSigned ? longType : new DecimalType(20, 0);
    }
    case A.Type.Float: return (t as A.Float).precision === A.Precision.SINGLE ? floatType : doubleType;
    case A.Type.Decimal: {
      const d = t as A.Decimal;
      return new DecimalType(d.precision, d.scale);
    }
    case A.Type.Utf8:
    case A.Type.LargeUtf8: return stringType;
    case A.Type.Binary:
    case A.Type.LargeBinary:
    case A.Type.FixedSizeBinary: return binaryType;
    case A.Type.Date: return dateType;
    case A.Type.Timestamp: return (t as A.Timestamp).timezone ? timestampType : timestampNTZType;
    case A.Type.List:
    case A.Type.FixedSizeList: {
      const child = (t as A.List).children[0]!;
      return new ArrayType(fromArrowType(child.type), child.nullable);
    }
    case A.Type.Struct:
      return new StructType((t as A.Struct).children.map((c) => new StructField(c.name, fromArrowType(c.type), c.nullable)));
    case A.Type.Map: {
      const entries = (t as A.Map_).children[0]!.type as A.Struct;
      const [k, v] = entries.children;
      return new MapType(fromArrowType(k!.type), fromArrowType(v!.type), v!.nullable);
    }
    case A.Type.Dictionary: return fromArrowType((t as A.Dictionary).dictionary);
    case A.Type.Interval:
      return (t as A.Interval).unit === A.IntervalUnit.YEAR_MONTH ? new YearMonthIntervalType() : calendarIntervalType;
    case A.Type.Duration: return new DayTimeIntervalType();
    default:
      throw new PijarError("UNSUPPORTED_DATATYPE", { typeName: String(t) });
  }
}

export function fromArrowSchema(s: A.Schema): StructType {
  return new StructType(s.fields.map((f) => new StructField(f.name, fromArrowType(f.type), f.nullable)));
}
