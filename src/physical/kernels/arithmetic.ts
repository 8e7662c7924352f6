/**
 * Arithmetic and cast kernels over number vectors. Each returns undefined when it cannot
 * give exactly what the value-at-a-time path gives (an integer overflow, a type it has no
 * loop for); the caller then falls back to that path, which raises Spark's error with its
 * full text. So a kernel never has to reproduce an error, only the common case, fast.
 */
import * as A from "apache-arrow";
import { validBytes, isNumberVector, numbersOf, fixedVector, type Vector } from "../../columnar/vector.js";
import type { DataType } from "../../types/data-types.js";
import { DoubleType, FloatType, IntegerType, ShortType, dateType } from "../../types/data-types.js";
import { MICROS_PER_DAY, normalizeZone, zoneOffsetMinutes } from "../../values/datetime.js";

export type ArithOp = "+" | "-" | "*";

/** Validity of a result: valid where both inputs are valid. */
function bothValid(a: Vector | null, b: Vector | null, n: number): Uint8Array | null {
  const va = a ? validBytes(a) : null;
  const vb = b ? validBytes(b) : null;
  if (!va) return vb;
  if (!vb) return va;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = va[i]! & vb[i]!;
  return out;
}

const INT_LIMITS: Record<string, [number, number]> = {
  integer: [-2147483648, 2147483647], short: [-32768, 32767], byte: [-128, 127],
};

/**
 * `a op b` where each side is a vector or a number scalar, both of Spark type `type`.
 * Doubles never fail (ANSI only checks integral overflow and division); integers are checked
 * against their type's range and give up on overflow.
 */
export function arith(op: ArithOp, type: DataType, a: Vector | number, b: Vector | number, n: number): Vector | undefined {
  const va = typeof a === "number" ? null : a;
  const vb = typeof b === "number" ? null : b;
  if ((va && !isNumberVector(va)) || (vb && !isNumberVector(vb))) return undefined;
  const x = va ? numbersOf(va) : null;
  const y = vb ? numbersOf(vb) : null;
  const sx = typeof a === "number" ? a : 0;
  const sy = typeof b === "number" ? b : 0;
  const valid = bothValid(va, vb, n);
  const isDouble = type instanceof DoubleType;
  const isFloat = type instanceof FloatType;
  const limits = INT_LIMITS[type.typeName()];
  if (!isDouble && !isFloat && !limits) return undefined;
  const out = isDouble ? new Float64Array(n) : isFloat ? new Float32Array(n)
    : type instanceof IntegerType ? new Int32Array(n) : type instanceof ShortType ? new Int16Array(n) : new Int8Array(n);
  // One loop per shape (vector-vector, vector-scalar, scalar-vector) keeps the loops monomorphic.
  const f = (p: number, q: number): number => (op === "+" ? p + q : op === "-" ? p - q : p * q);
  let overflow = false;
  const [lo, hi] = limits ?? [0, 0];
  for (let i = 0; i < n; i++) {
    const v = f(x ? x[i]! : sx, y ? y[i]! : sy);
    if (limits && (v < lo || v > hi) && (!valid || valid[i])) { overflow = true; break; }
    // The value path turns -0 into 0; keep the same answer.
    out[i] = v === 0 ? 0 : v;
  }
  if (overflow) return undefined;
  return fixedVector(type, out, valid);
}

/** Widening casts between number types (int -> double, float -> double, byte -> int ...). */
export function castNumber(v: Vector, to: DataType): Vector | undefined {
  if (!isNumberVector(v) || v.type.typeId === A.Type.Date) return undefined;
  const n = v.length;
  const x = numbersOf(v);
  let out: Float64Array | Float32Array | Int32Array | Int16Array;
  if (to instanceof DoubleType) out = new Float64Array(n);
  else if (to instanceof FloatType && v.type.typeId === A.Type.Int && (v.type as A.Int).bitWidth <= 16) out = new Float32Array(n);
  else if (to instanceof IntegerType && v.type.typeId === A.Type.Int && (v.type as A.Int).bitWidth <= 16) out = new Int32Array(n);
  else if (to instanceof ShortType && v.type.typeId === A.Type.Int && (v.type as A.Int).bitWidth <= 8) out = new Int16Array(n);
  else return undefined;
  for (let i = 0; i < n; i++) out[i] = x[i]!;
  return fixedVector(to, out, validBytes(v));
}

/** The offset cache key: offsets are constant over a 15-minute bucket unless checked otherwise. */
const BUCKET_MICROS = 15 * 60 * 1_000_000;

/** TIMESTAMP -> DATE in the session zone (the date the instant falls on there). */
export function timestampToDate(v: Vector, timeZone: string): Vector | undefined {
  if (!(v.values instanceof BigInt64Array) || v.type.typeId !== A.Type.Timestamp) return undefined;
  if ((v.type as A.Timestamp).unit !== A.TimeUnit.MICROSECOND) return undefined;
  const n = v.length;
  const src = v.values; // starts at the slice's first row (Arrow cuts value buffers on slice)
  const out = new Int32Array(n);
  const valid = validBytes(v);
  const zone = normalizeZone(timeZone);
  if (zone === "UTC") {
    for (let i = 0; i < n; i++) out[i] = Math.floor(Number(src[i]!) / MICROS_PER_DAY);
  } else {
    // An offset per 15-minute bucket, used only where the bucket's two ends agree (so a DST
    // change inside the bucket falls back to an exact lookup for that row).
    const cache = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      if (valid && !valid[i]) continue;
      const us = Number(src[i]!);
      const bucket = Math.floor(us / BUCKET_MICROS);
      let offMin = cache.get(bucket);
      if (offMin === undefined) {
        const start = zoneOffsetMinutes(Math.floor((bucket * BUCKET_MICROS) / 1000), zone);
        const end = zoneOffsetMinutes(Math.floor(((bucket + 1) * BUCKET_MICROS - 1) / 1000), zone);
        if (start === end) {
          offMin = start;
          cache.set(bucket, offMin);
        } else offMin = zoneOffsetMinutes(Math.floor(us / 1000), zone);
      }
      out[i] = Math.floor((us + offMin * 60_000_000) / MICROS_PER_DAY);
    }
  }
  return fixedVector(dateType, out, valid);
}

