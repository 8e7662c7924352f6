/**
 * spark.createDataFrame(data, schema?): rows as arrays, objects or Rows; schema as column
 * names, a DDL string or a StructType; types inferred as PySpark infers them when absent
 * (JS integers -> bigint like Python ints, other numbers -> double, Date -> timestamp,
 * Decimal -> decimal(38,18), objects -> struct, Map -> map).
 */
import {
  ArrayType, BinaryType, BooleanType, ByteType, DataType, DateType, DecimalType, DoubleType, FloatType, IntegerType,
  LongType, MapType, NullType, ShortType, StringType, StructField, StructType, TimestampNTZType, TimestampType,
  binaryType, booleanType, doubleType, longType, nullType, stringType, timestampType, DayTimeIntervalType, YearMonthIntervalType,
} from "../types/data-types.js";
import { TimeDelta } from "../values/time-delta.js";
import { parseSchema } from "../types/ddl.js";
import { widerType } from "../types/type-utils.js";
import { PijarError } from "../errors/pijar-error.js";
import { canonLong } from "../values/long.js";
import { Decimal } from "../values/decimal-value.js";
import { parseDecimal, fitsPrecision } from "../values/decimal.js";
import { parseDate, parseTimestamp } from "../values/datetime.js";

export type SchemaLike = StructType | string | readonly string[];

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Map) &&
    !(v instanceof Uint8Array) && !(v instanceof Decimal);
}

function fieldsOfRow(r: unknown): string[] | null {
  if (r && typeof r === "object" && "__fields__" in (r as object)) return (r as { __fields__: string[] }).__fields__;
  if (isPlainObject(r)) return Object.keys(r);
  return null;
}

/** PySpark's _infer_type for one JS value. */
export function inferType(v: unknown, name: string): DataType {
  if (v === null || v === undefined) return nullType;
  if (typeof v === "boolean") return booleanType;
  if (typeof v === "string") return stringType;
  if (typeof v === "bigint") return longType;
  if (typeof v === "number") return Number.isSafeInteger(v) ? longType : doubleType;
  if (v instanceof Date) return timestampType;
  if (v instanceof Decimal) return new DecimalType(38, 18);
  if (v instanceof Uint8Array) return binaryType;
  // PySpark infers a datetime.timedelta as INTERVAL DAY TO SECOND.
  if (v instanceof TimeDelta) return new DayTimeIntervalType();
  if (Array.isArray(v)) {
    let e: DataType = nullType;
    for (const x of v) e = merge(e, inferType(x, name), name);
    return new ArrayType(e, true);
  }
  if (v instanceof Map) {
    let k: DataType = nullType;
    let val: DataType = nullType;
    for (const [a, b] of v) {
      k = merge(k, inferType(a, name), name);
      val = merge(val, inferType(b, name), name);
    }
    return new MapType(k, val, true);
  }
  const keys = fieldsOfRow(v);
  if (keys) return new StructType(keys.map((k) => new StructField(k, inferType((v as Record<string, unknown>)[k], k), true)));
  throw new PijarError("CANNOT_INFER_TYPE_FOR_FIELD", {}, {
    message: `Unable to infer the type of the field \`${name}\` from ${String(v)}: pass a schema, e.g. spark.createDataFrame(data, "id INT, name STRING").`,
    exceptionType: "PySparkTypeError",
  });
}

function merge(a: DataType, b: DataType, name: string): DataType {
  if (a instanceof NullType) return b;
  if (b instanceof NullType) return a;
  if (a instanceof StructType && b instanceof StructType) {
    const fields = [...a.fields];
    for (const f of b.fields) {
      const i = fields.findIndex((x) => x.name === f.name);
      if (i < 0) fields.push(f);
      else fields[i] = new StructField(f.name, merge(fields[i]!.dataType, f.dataType, f.name), true);
    }
    return new StructType(fields);
  }
  const w = widerType(a, b);
  if (w) return w;
  throw new PijarError("CANNOT_MERGE_TYPE", {}, {
    message: `Can not merge type ${a.typeName()} and ${b.typeName()} in column \`${name}\`: make the values of each column the same type, or pass a schema.`,
    exceptionType: "PySparkTypeError",
  });
}

/** Converts a user value to the internal value of type t (accepting friendly JS forms). */
export function toInternal(v: unknown, t: DataType, name: string): unknown {
  if (v === null || v === undefined) return null;
  const bad = (): PijarError => new PijarError("FIELD_DATA_TYPE_UNACCEPTABLE", {}, {
    message: `field ${name}: ${t.simpleString()} can not accept object ${JSON.stringify(String(v))} in type ${v?.constructor?.name ?? typeof v}.`,
    exceptionType: "PySparkTypeError",
  });
  if (t instanceof BooleanType) { if (typeof v !== "boolean") throw bad(); return v; }
  if (t instanceof ByteType || t instanceof ShortType || t instanceof IntegerType || t instanceof LongType) {
    if (typeof v !== "bigint" && (typeof v !== "number" || !Number.isInteger(v))) throw bad();
    // Exact: a JS bigint (or an integral double) becomes a canonical long (bigint beyond 2^53).
    const n = typeof v === "bigint" ? v : BigInt(v);
    const limits = t instanceof ByteType ? 128n : t instanceof ShortType ? 32768n : t instanceof IntegerType ? 2147483648n : 9223372036854775808n;
    if (n < -limits || n >= limits) {
      throw new PijarError("VALUE_OUT_OF_BOUNDS", {}, { message: `field ${name}: object of ${t.typeName()} out of range, got: ${n}`, exceptionType: "PySparkValueError" });
    }
    return typeof v === "number" && Number.isSafeInteger(v) ? (v === 0 ? 0 : v) : canonLong(n);
  }
  if (t instanceof FloatType || t instanceof DoubleType) {
    if (typeof v !== "number") throw bad();
    return t instanceof FloatType ? Math.fround(v) : v;
  }
  if (t instanceof DecimalType) {
    const text = v instanceof Decimal ? v.toString() : typeof v === "number" || typeof v === "string" || typeof v === "bigint" ? String(v) : null;
    if (text === null) throw bad();
    const u = parseDecimal(text, t.scale);
    if (u === null) throw bad();
    if (!fitsPrecision(u, t.precision)) throw bad();
    return u;
  }
  if (t instanceof StringType) { if (typeof v !== "string") throw bad(); return v; }
  if (t instanceof BinaryType) { if (!(v instanceof Uint8Array)) throw bad(); return v; }
  if (t instanceof DateType) {
    if (v instanceof Date) return Math.floor(v.getTime() / 86_400_000);
    if (typeof v === "string") { const d = parseDate(v); if (d === null) throw bad(); return d; }
    throw bad();
  }
  if (t instanceof TimestampType || t instanceof TimestampNTZType) {
    if (v instanceof Date) return (v as Date & { epochMicros?: number }).epochMicros ?? v.getTime() * 1000;
    if (typeof v === "string") { const d = parseTimestamp(v, "UTC"); if (d === null) throw bad(); return d; }
    throw bad();
  }
  if (t instanceof DayTimeIntervalType) {
    if (v instanceof TimeDelta) return v.micros;
    throw bad();
  }
  if (t instanceof YearMonthIntervalType) {
    // PySpark cannot convert Python values to it; Pijar takes a whole number of months.
    if (typeof v === "number" && Number.isInteger(v) && Math.abs(v) <= 2147483647) return v;
    throw bad();
  }
  if (t instanceof ArrayType) {
    if (!Array.isArray(v)) throw bad();
    return v.map((x) => toInternal(x, t.elementType, name));
  }
  if (t instanceof MapType) {
    const entries = v instanceof Map ? [...v] : isPlainObject(v) ? Object.entries(v) : null;
    if (!entries) throw bad();
    return new Map(entries.map(([k, x]) => [toInternal(k, t.keyType, name), toInternal(x, t.valueType, name)]));
  }
  if (t instanceof StructType) {
    if (Array.isArray(v)) return t.fields.map((f, i) => toInternal(v[i], f.dataType, f.name));
    const keys = fieldsOfRow(v);
    if (!keys) throw bad();
    return t.fields.map((f) => toInternal((v as Record<string, unknown>)[f.name], f.dataType, f.name));
  }
  if (t instanceof NullType) return null;
  throw bad();
}

/** Rows and schema -> the StructType and internal columns. */
export function buildLocalData(data: readonly unknown[], schema?: SchemaLike | null): { schema: StructType; columns: unknown[][] } {
  if (!Array.isArray(data)) {
    throw new PijarError("INVALID_TYPE", { message: "createDataFrame expects an array of rows (arrays or objects)." }, { exceptionType: "PySparkTypeError" });
  }
  let names: string[] | null = null;
  let st: StructType | null = null;
  if (typeof schema === "string") st = parseSchema(schema);
  else if (schema instanceof StructType) st = schema;
  else if (Array.isArray(schema)) names = [...schema];
  const first = data[0];
  const objectRows = first !== undefined && fieldsOfRow(first) !== null;
  // Rows as positional arrays.
  const rows: unknown[][] = data.map((r) => {
    if (Array.isArray(r)) return r;
    const keys = fieldsOfRow(r);
    if (keys) {
      const order = st ? st.names : names ?? fieldsOfRow(first)!;
      return order.map((k) => (r as Record<string, unknown>)[k]);
    }
    return [r];
  });
  if (!st) {
    const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
    const colNames = names ?? (objectRows ? fieldsOfRow(first)! : Array.from({ length: width }, (_, i) => `_${i + 1}`));
    if (!data.length && !names) {
      throw new PijarError("CANNOT_INFER_EMPTY_SCHEMA", {}, { message: "Can not infer schema from an empty dataset: pass a schema.", exceptionType: "PySparkValueError" });
    }
    const fields = colNames.map((n, i) => {
      let t: DataType = nullType;
      for (const r of rows) t = merge(t, inferType(r[i], n), n);
      if (t instanceof NullType && data.length) {
        throw new PijarError("CANNOT_DETERMINE_TYPE", {}, { message: `Some of types cannot be determined after inferring (column \`${n}\` has only nulls): pass a schema.`, exceptionType: "PySparkValueError" });
      }
      return new StructField(n, t, true);
    });
    st = new StructType(fields);
  }
  const columns = st.fields.map((f, i) => rows.map((r) => {
    if (r.length !== st!.fields.length && Array.isArray(r) && !objectRows) {
      throw new PijarError("LENGTH_SHOULD_BE_THE_SAME", {}, {
        message: `Each row must have ${st!.fields.length} values (the schema's columns), but a row has ${r.length}: ${JSON.stringify(r)}.`,
        exceptionType: "PySparkValueError",
      });
    }
    return toInternal(r[i], f.dataType, f.name);
  }));
  for (const [i, f] of st.fields.entries()) {
    if (!f.nullable && columns[i]!.some((v) => v === null)) {
      throw new PijarError("FIELD_NOT_NULLABLE", {}, { message: `Field ${f.name}: This field is not nullable, but got None.`, exceptionType: "PySparkValueError" });
    }
  }
  return { schema: st, columns };
}
