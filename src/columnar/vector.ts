/**
 * Typed vectors: a column of a batch in Arrow layout (an Arrow `Data`: validity bitmap plus a
 * typed value buffer, UTF-8 bytes with offsets, or dictionary indexes). Kernels read the typed
 * arrays directly; these helpers give them the pieces without per-row Arrow calls, which cost
 * about 30x a typed-array read.
 */
import * as A from "apache-arrow";
import type { DataType } from "../types/data-types.js";
import { toArrowType } from "../types/arrow-types.js";

export type Vector = A.Data;

/** Fixed-width value buffers kernels loop over. */
export type NumericArray = Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;

/** True when row i of v is not null. */
export function isValid(v: Vector, i: number): boolean {
  if (v.nullCount === 0) return true;
  const bits = v.nullBitmap;
  if (!bits || bits.length === 0) return v.type.typeId !== A.Type.Null;
  const j = v.offset + i;
  return (bits[j >> 3]! & (1 << (j & 7))) !== 0;
}

/**
 * One byte per row, 1 = valid, or null when every row is valid (the common case, so kernels
 * take a loop without the check).
 */
export function validBytes(v: Vector): Uint8Array | null {
  if (v.nullCount === 0) return null;
  const n = v.length;
  const out = new Uint8Array(n);
  const bits = v.nullBitmap;
  if (!bits || bits.length === 0) return v.type.typeId === A.Type.Null ? out : null;
  const off = v.offset;
  for (let i = 0; i < n; i++) {
    const j = off + i;
    out[i] = (bits[j >> 3]! >> (j & 7)) & 1;
  }
  return out;
}

/** Packs one byte per row (1 = valid) into an Arrow bitmap; no bitmap when all are valid. */
export function packBitmap(valid: Uint8Array | null, n: number): { bitmap: Uint8Array | undefined; nullCount: number } {
  if (!valid) return { bitmap: undefined, nullCount: 0 };
  let nulls = 0;
  const bitmap = new Uint8Array((n + 7) >> 3);
  for (let i = 0; i < n; i++) {
    if (valid[i]) bitmap[i >> 3]! |= 1 << (i & 7);
    else nulls++;
  }
  return nulls === 0 ? { bitmap: undefined, nullCount: 0 } : { bitmap, nullCount: nulls };
}

/** A fixed-width vector of Spark type `type` over `values` (not copied). */
export function fixedVector(type: DataType, values: NumericArray | BigInt64Array, valid: Uint8Array | null): Vector {
  const n = values.length;
  const { bitmap, nullCount } = packBitmap(valid, n);
  return A.makeData({ type: toArrowType(type) as A.Int32, length: n, nullCount, nullBitmap: bitmap, data: values as Int32Array });
}

/**
 * Three-valued booleans, one byte per row: 0 false, 1 true, 2 null. Comparisons and AND/OR/NOT
 * compute in this form because SQL's null logic is then a table lookup, not a branch per case.
 */
export type TriBool = Uint8Array;
export const FALSE = 0;
export const TRUE = 1;
export const NULL = 2;

/** A boolean vector from three-valued bytes. */
export function boolVector(tri: TriBool): Vector {
  const n = tri.length;
  const bits = new Uint8Array((n + 7) >> 3);
  let nulls = 0;
  let validity: Uint8Array | undefined;
  for (let i = 0; i < n; i++) {
    const t = tri[i]!;
    if (t === TRUE) bits[i >> 3]! |= 1 << (i & 7);
    else if (t === NULL) nulls++;
  }
  if (nulls > 0) {
    validity = new Uint8Array((n + 7) >> 3);
    for (let i = 0; i < n; i++) if (tri[i] !== NULL) validity[i >> 3]! |= 1 << (i & 7);
  }
  return A.makeData({ type: new A.Bool(), length: n, nullCount: nulls, nullBitmap: validity, data: bits });
}

/** Three-valued bytes of a boolean vector. */
export function triOf(v: Vector): TriBool {
  const n = v.length;
  const out = new Uint8Array(n);
  const bits = v.values as Uint8Array;
  const off = v.offset;
  const valid = validBytes(v);
  for (let i = 0; i < n; i++) {
    const j = off + i;
    out[i] = valid && !valid[i] ? NULL : (bits[j >> 3]! >> (j & 7)) & 1;
  }
  return out;
}

/** The rows of a three-valued mask that are TRUE, as a selection vector. */
export function selectTrue(tri: TriBool): Int32Array {
  const n = tri.length;
  let count = 0;
  for (let i = 0; i < n; i++) if (tri[i] === TRUE) count++;
  const sel = new Int32Array(count);
  let k = 0;
  for (let i = 0; i < n; i++) if (tri[i] === TRUE) sel[k++] = i;
  return sel;
}

/**
 * Numeric values of a fixed-width vector as doubles (bigint words converted), row 0 first.
 * Arrow's `Data.slice` already cuts value buffers to the slice (its `offset` applies only to
 * the bit buffers), so row i is `values[i]`; the buffer may still run past the last row.
 */
export function numbersOf(v: Vector): Float64Array | NumericArray {
  const vals = v.values as NumericArray | BigInt64Array;
  const n = v.length;
  if (vals instanceof BigInt64Array) {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = Number(vals[i]!);
    return out;
  }
  return vals.length === n ? vals : (vals.subarray(0, n) as NumericArray);
}

/**
 * True for vectors whose values are exactly one JS number per row in a typed array. 64-bit
 * integers are not: a double holds them exactly only to 2^53, so their kernels use BigInt.
 */
export function isNumberVector(v: Vector): boolean {
  const t = v.type.typeId;
  return (t === A.Type.Int || t === A.Type.Float || t === A.Type.Date) && !(v.values instanceof BigInt64Array);
}

/** Is this Arrow type a 64-bit integer (bigint, timestamps)? */
export function isWideInt(v: Vector): boolean {
  return v.values instanceof BigInt64Array;
}
