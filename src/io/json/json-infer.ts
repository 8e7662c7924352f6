/**
 * JSON schema inference as Spark's JsonInferSchema: integers are bigint (decimal when too big
 * for a long), fractions double, objects structs with fields sorted by name, arrays of the
 * merged element type; types that do not meet become string; null-only fields are string.
 */
import {
  ArrayType, BooleanType, DataType, DecimalType, DoubleType, LongType, NullType, StringType, StructField, StructType,
  booleanType, doubleType, longType, nullType, stringType,
} from "../../types/data-types.js";
import { widerDecimal } from "../../types/type-utils.js";
import { JsonNumber, type JsonValue } from "./json-parse.js";

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

export function inferJsonType(v: JsonValue, primitivesAsString: boolean): DataType {
  if (v === null) return nullType;
  if (typeof v === "string") return stringType;
  if (typeof v === "boolean") return primitivesAsString ? stringType : booleanType;
  if (v instanceof JsonNumber) {
    if (primitivesAsString) return stringType;
    if (!v.isIntegral || /^[+-]?(NaN|Infinity)$/.test(v.text)) return doubleType;
    const b = BigInt(v.text);
    if (b >= LONG_MIN && b <= LONG_MAX) return longType;
    const digits = v.text.replace(/^[+-]/, "").length;
    return digits <= 38 ? new DecimalType(digits, 0) : doubleType;
  }
  if (Array.isArray(v)) {
    let t: DataType = nullType;
    for (const e of v) t = mergeJsonTypes(t, inferJsonType(e, primitivesAsString));
    return new ArrayType(t, true);
  }
  const fields = [...v.entries()].map(([k, x]) => new StructField(k, inferJsonType(x, primitivesAsString), true));
  return new StructType(sortFields(fields));
}

function sortFields(fields: StructField[]): StructField[] {
  return fields.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Spark's JsonInferSchema.compatibleType. */
export function mergeJsonTypes(a: DataType, b: DataType): DataType {
  if (a === b) return a;
  if (a instanceof NullType) return b;
  if (b instanceof NullType) return a;
  if (a instanceof StructType && b instanceof StructType) {
    const byName = new Map<string, StructField>();
    for (const f of a.fields) byName.set(f.name, f);
    for (const f of b.fields) {
      const g = byName.get(f.name);
      byName.set(f.name, g ? new StructField(f.name, mergeJsonTypes(g.dataType, f.dataType), true) : f);
    }
    return new StructType(sortFields([...byName.values()]));
  }
  if (a instanceof ArrayType && b instanceof ArrayType) return new ArrayType(mergeJsonTypes(a.elementType, b.elementType), true);
  if (a.equals(b)) return a;
  const num = (t: DataType) => t instanceof LongType || t instanceof DoubleType || t instanceof DecimalType;
  if (num(a) && num(b)) {
    if (a instanceof DoubleType || b instanceof DoubleType) return doubleType;
    const da = a instanceof DecimalType ? a : new DecimalType(20, 0);
    const db = b instanceof DecimalType ? b : new DecimalType(20, 0);
    const w = widerDecimal(da, db);
    return w.precision > 38 ? doubleType : w;
  }
  return stringType;
}

/** Null-only types become string; empty structs disappear (Spark's canonicalizeType). */
export function canonicalize(t: DataType): DataType | null {
  if (t instanceof NullType) return stringType;
  if (t instanceof ArrayType) {
    const e = canonicalize(t.elementType);
    return e ? new ArrayType(e, true) : null;
  }
  if (t instanceof StructType) {
    const fields: StructField[] = [];
    for (const f of t.fields) {
      const c = canonicalize(f.dataType);
      if (c) fields.push(new StructField(f.name, c, true));
    }
    return fields.length ? new StructType(fields) : null;
  }
  return t;
}

export { BooleanType, StringType };
