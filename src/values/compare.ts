/**
 * Ordering of internal values as Spark orders them: NaN is larger than any other double and
 * equal to itself; strings compare by code point; arrays and structs element by element.
 * Nulls are handled by callers (sort direction decides where they go).
 */
import { ArrayType, DataType, StructType, BinaryType } from "../types/data-types.js";

export type Comparator = (a: unknown, b: unknown) => number;

/**
 * Numbers, and canonical longs (src/values/long.ts): a long is a number or, beyond 2^53, a
 * bigint; `<` and `>` compare a number with a bigint exactly (subtraction would throw), and
 * Number.isNaN of a bigint is false.
 */
function numberCompare(a: unknown, b: unknown): number {
  const x = a as number;
  const y = b as number;
  if (x < y) return -1;
  if (x > y) return 1;
  if (x === y) return 0;
  const xn = Number.isNaN(x);
  const yn = Number.isNaN(y);
  return xn && yn ? 0 : xn ? 1 : -1;
}

function bigCompare(a: unknown, b: unknown): number {
  return (a as bigint) < (b as bigint) ? -1 : (a as bigint) > (b as bigint) ? 1 : 0;
}

function stringCompare(a: unknown, b: unknown): number {
  const x = a as string;
  const y = b as string;
  return x < y ? -1 : x > y ? 1 : 0;
}

function boolCompare(a: unknown, b: unknown): number {
  return (a ? 1 : 0) - (b ? 1 : 0);
}

function bytesCompare(a: unknown, b: unknown): number {
  const x = a as Uint8Array;
  const y = b as Uint8Array;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** A comparator for non-null values of type t; nested nulls sort first. */
export function comparatorFor(t: DataType): Comparator {
  const name = t.typeName();
  if (name === "decimal") return bigCompare;
  if (name === "string") return stringCompare;
  if (name === "boolean") return boolCompare;
  if (t instanceof BinaryType) return bytesCompare;
  if (t instanceof ArrayType) {
    const inner = comparatorFor(t.elementType);
    return (a, b) => {
      const x = a as unknown[];
      const y = b as unknown[];
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        const c = nullsFirst(x[i], y[i], inner);
        if (c !== 0) return c;
      }
      return x.length - y.length;
    };
  }
  if (t instanceof StructType) {
    const inner = t.fields.map((f) => comparatorFor(f.dataType));
    return (a, b) => {
      const x = a as unknown[];
      const y = b as unknown[];
      for (let i = 0; i < inner.length; i++) {
        const c = nullsFirst(x[i], y[i], inner[i]!);
        if (c !== 0) return c;
      }
      return 0;
    };
  }
  return numberCompare;
}

function nullsFirst(a: unknown, b: unknown, cmp: Comparator): number {
  if (a == null) return b == null ? 0 : -1;
  if (b == null) return 1;
  return cmp(a, b);
}

/** Equality as Spark's `=` on non-null values (NaN = NaN is true). */
export function equalsFor(t: DataType): (a: unknown, b: unknown) => boolean {
  const name = t.typeName();
  if (name === "string" || name === "boolean" || name === "decimal" || name === "integer" || name === "long" || name === "date") {
    return (a, b) => a === b;
  }
  const cmp = comparatorFor(t);
  return (a, b) => cmp(a, b) === 0;
}

/** A string key for hashing a value in group-by and joins (same key iff Spark-equal). */
export function keyOf(v: unknown): string {
  if (v === null || v === undefined) return "\u0000N";
  switch (typeof v) {
    case "number": return Number.isNaN(v) ? "NaN" : Object.is(v, -0) ? "0" : String(v);
    case "string": return "s" + v;
    case "bigint": return "d" + v;
    case "boolean": return v ? "T" : "F";
    default:
      if (v instanceof Uint8Array) return "b" + Array.from(v).join(",");
      if (Array.isArray(v)) return "[" + v.map(keyOf).join("\u0001") + "]";
      if (v instanceof Map) return "{" + [...v].map(([k, x]) => keyOf(k) + ":" + keyOf(x)).join("\u0001") + "}";
      return String(v);
  }
}
