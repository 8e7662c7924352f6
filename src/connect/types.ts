/**
 * Spark Connect's DataType proto <-> Pijar's data types. Types Pijar has no class for
 * (variant, time, geo...) fail with an error naming the type, never a wrong guess.
 */
import type { DataType as PbType } from "./gen/types_pb.js";
import {
  ArrayType, DecimalType, MapType, StructField, StructType, binaryType, booleanType, byteType, dateType, doubleType,
  floatType, integerType, longType, nullType, shortType, stringType, timestampNTZType, timestampType, type DataType,
  CalendarIntervalType, DayTimeIntervalType, YearMonthIntervalType, calendarIntervalType,
} from "../types/data-types.js";
import { PijarError } from "../errors/pijar-error.js";
import type { MessageInitShape } from "@bufbuild/protobuf";
import type { DataTypeSchema } from "./gen/types_pb.js";

export function fromConnectType(t: PbType | undefined): DataType {
  const k = t?.kind;
  switch (k?.case) {
    case "null": return nullType;
    case "binary": return binaryType;
    case "boolean": return booleanType;
    case "byte": return byteType;
    case "short": return shortType;
    case "integer": return integerType;
    case "long": return longType;
    case "float": return floatType;
    case "double": return doubleType;
    case "decimal": return new DecimalType(k.value.precision ?? 10, k.value.scale ?? 0);
    case "string": case "char": case "varChar": return stringType;
    case "date": return dateType;
    case "timestamp": return timestampType;
    case "timestampNtz": return timestampNTZType;
    // ANSI intervals keep their fields (INTERVAL HOUR TO SECOND), as printSchema shows them.
    case "yearMonthInterval": return new YearMonthIntervalType(k.value.startField ?? 0, k.value.endField ?? 1);
    case "dayTimeInterval": return new DayTimeIntervalType(k.value.startField ?? 0, k.value.endField ?? 3);
    case "calendarInterval": return calendarIntervalType;
    case "array": return new ArrayType(fromConnectType(k.value.elementType), k.value.containsNull);
    case "map": return new MapType(fromConnectType(k.value.keyType), fromConnectType(k.value.valueType), k.value.valueContainsNull);
    case "struct": return fromConnectStruct(t!);
    default:
      throw new PijarError("UNSUPPORTED_DATA_TYPE", { data_type: String(k?.case) }, {
        message: `[UNSUPPORTED_DATA_TYPE] The Spark Connect server returned a column of type ${String(k?.case)}, which Pijar cannot represent yet: cast it (e.g. to STRING) in the query.`,
        exceptionType: "AnalysisException",
      });
  }
}

export function fromConnectStruct(t: PbType): StructType {
  if (t.kind.case !== "struct") return new StructType([new StructField("value", fromConnectType(t), true)]);
  return new StructType(t.kind.value.fields.map((f) => new StructField(f.name, fromConnectType(f.dataType), f.nullable)));
}

type PbInit = MessageInitShape<typeof DataTypeSchema>;

/** Pijar type -> proto (used for typed null literals and casts). */
export function toConnectType(t: DataType): PbInit {
  const name = t.typeName();
  switch (name) {
    case "void": return { kind: { case: "null", value: {} } };
    case "binary": return { kind: { case: "binary", value: {} } };
    case "boolean": return { kind: { case: "boolean", value: {} } };
    case "byte": return { kind: { case: "byte", value: {} } };
    case "short": return { kind: { case: "short", value: {} } };
    case "integer": return { kind: { case: "integer", value: {} } };
    case "long": return { kind: { case: "long", value: {} } };
    case "float": return { kind: { case: "float", value: {} } };
    case "double": return { kind: { case: "double", value: {} } };
    case "string": return { kind: { case: "string", value: {} } };
    case "date": return { kind: { case: "date", value: {} } };
    case "timestamp": return { kind: { case: "timestamp", value: {} } };
    case "timestamp_ntz": return { kind: { case: "timestampNtz", value: {} } };
  }
  if (t instanceof YearMonthIntervalType) return { kind: { case: "yearMonthInterval", value: { startField: t.startField, endField: t.endField } } };
  if (t instanceof DayTimeIntervalType) return { kind: { case: "dayTimeInterval", value: { startField: t.startField, endField: t.endField } } };
  if (t instanceof CalendarIntervalType) return { kind: { case: "calendarInterval", value: {} } };
  if (t instanceof DecimalType) return { kind: { case: "decimal", value: { precision: t.precision, scale: t.scale } } };
  if (t instanceof ArrayType) return { kind: { case: "array", value: { elementType: toConnectType(t.elementType), containsNull: t.containsNull } } };
  if (t instanceof MapType) return { kind: { case: "map", value: { keyType: toConnectType(t.keyType), valueType: toConnectType(t.valueType), valueContainsNull: t.valueContainsNull } } };
  if (t instanceof StructType) {
    return { kind: { case: "struct", value: { fields: t.fields.map((f) => ({ name: f.name, dataType: toConnectType(f.dataType), nullable: f.nullable })) } } };
  }
  // Anything else goes as its DDL text, which the server parses.
  return { kind: { case: "unparsed", value: { dataTypeString: t.simpleString() } } };
}
