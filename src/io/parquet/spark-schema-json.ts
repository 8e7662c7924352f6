/**
 * Spark's JSON form of a schema (`StructType.json()`), which Spark stores in every Parquet file
 * it writes under the key `org.apache.spark.sql.parquet.row.metadata`. Pijar reads it (it says
 * exactly which Spark type each column had) and writes it (so PySpark sees the same types).
 */
import {
  ArrayType, DataType, DecimalType, MapType, StructField, StructType, binaryType, booleanType, byteType, dateType,
  doubleType, floatType, integerType, longType, nullType, shortType, stringType, timestampNTZType, timestampType,
} from "../../types/data-types.js";

export const SPARK_ROW_METADATA_KEY = "org.apache.spark.sql.parquet.row.metadata";

type Json = string | { type: string; [k: string]: unknown };

export function dataTypeToJson(t: DataType): Json {
  if (t instanceof StructType) {
    return { type: "struct", fields: t.fields.map((f) => ({ name: f.name, type: dataTypeToJson(f.dataType), nullable: f.nullable, metadata: f.metadata })) };
  }
  if (t instanceof ArrayType) return { type: "array", elementType: dataTypeToJson(t.elementType), containsNull: t.containsNull };
  if (t instanceof MapType) {
    return { type: "map", keyType: dataTypeToJson(t.keyType), valueType: dataTypeToJson(t.valueType), valueContainsNull: t.valueContainsNull };
  }
  if (t instanceof DecimalType) return `decimal(${t.precision},${t.scale})`;
  return t.typeName();
}

const ATOMIC: Record<string, DataType> = {
  integer: integerType, long: longType, short: shortType, byte: byteType, float: floatType, double: doubleType,
  string: stringType, boolean: booleanType, date: dateType, timestamp: timestampType, timestamp_ntz: timestampNTZType,
  binary: binaryType, void: nullType, null: nullType,
};

/** Parses Spark's schema JSON; returns null for anything it does not understand. */
export function dataTypeFromJson(j: unknown): DataType | null {
  if (typeof j === "string") {
    const d = /^decimal\((\d+),\s*(-?\d+)\)$/.exec(j);
    if (d) return new DecimalType(Number(d[1]), Number(d[2]));
    if (j === "decimal") return new DecimalType(10, 0);
    if (/^(var)?char\(\d+\)$/.test(j)) return stringType;
    return ATOMIC[j] ?? null;
  }
  if (!j || typeof j !== "object") return null;
  const o = j as Record<string, unknown>;
  if (o["type"] === "struct" && Array.isArray(o["fields"])) {
    const fields: StructField[] = [];
    for (const f of o["fields"] as Record<string, unknown>[]) {
      const t = dataTypeFromJson(f["type"]);
      if (!t) return null;
      fields.push(new StructField(String(f["name"]), t, f["nullable"] !== false));
    }
    return new StructType(fields);
  }
  if (o["type"] === "array") {
    const e = dataTypeFromJson(o["elementType"]);
    return e ? new ArrayType(e, o["containsNull"] !== false) : null;
  }
  if (o["type"] === "map") {
    const k = dataTypeFromJson(o["keyType"]);
    const v = dataTypeFromJson(o["valueType"]);
    return k && v ? new MapType(k, v, o["valueContainsNull"] !== false) : null;
  }
  return null;
}
