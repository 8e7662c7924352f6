/**
 * Building Arrow column data from internal values (see read.ts for the value model).
 * Buffers are filled directly (no per-value Arrow builder calls) because this runs per batch.
 */
import * as A from "apache-arrow";
import {
  ArrayType, BinaryType, BooleanType, ByteType, DataType, DateType, DecimalType, DoubleType, FloatType,
  IntegerType, LongType, MapType, NullType, ShortType, StringType, StructType, TimestampNTZType, TimestampType,
  YearMonthIntervalType, DayTimeIntervalType, CalendarIntervalType,
} from "../../types/data-types.js";
import type { CalendarInterval } from "../../values/interval.js";
import { toArrowType } from "../../types/arrow-types.js";

const encoder = new TextEncoder();

/** Validity bitmap for values (null/undefined = invalid); returns null when all are valid. */
function validityOf(values: readonly unknown[]): { bitmap: Uint8Array | undefined; nullCount: number } {
  const n = values.length;
  let nulls = 0;
  for (let i = 0; i < n; i++) if (values[i] == null) nulls++;
  if (nulls === 0) return { bitmap: undefined, nullCount: 0 };
  const bitmap = new Uint8Array((n + 7) >> 3);
  for (let i = 0; i < n; i++) if (values[i] != null) bitmap[i >> 3]! |= 1 << (i & 7);
  return { bitmap, nullCount: nulls };
}

/** Packs a validity array (1 = valid) into an Arrow bitmap. */
export function packValidity(valid: Uint8Array, n: number): { bitmap: Uint8Array | undefined; nullCount: number } {
  let nulls = 0;
  for (let i = 0; i < n; i++) if (!valid[i]) nulls++;
  if (nulls === 0) return { bitmap: undefined, nullCount: 0 };
  const bitmap = new Uint8Array((n + 7) >> 3);
  for (let i = 0; i < n; i++) if (valid[i]) bitmap[i >> 3]! |= 1 << (i & 7);
  return { bitmap, nullCount: nulls };
}

/** Wraps a typed array of numbers plus an optional validity array (1 = valid) as Arrow data. */
export function numericData(type: DataType, values: Int8Array | Int16Array | Int32Array | Float32Array | Float64Array | BigInt64Array, valid?: Uint8Array | null): A.Data {
  const n = values.length;
  const { bitmap, nullCount } = valid ? packValidity(valid, n) : { bitmap: undefined, nullCount: 0 };
  return A.makeData({ type: toArrowType(type) as A.Int, length: n, nullCount, nullBitmap: bitmap, data: values as Int32Array });
}

export function writeInt128(words: Uint32Array, index: number, v: bigint): void {
  let x = BigInt.asUintN(128, v);
  const o = index * 4;
  for (let k = 0; k < 4; k++) {
    words[o + k] = Number(x & 0xffffffffn);
    x >>= 32n;
  }
}

/** Builds Arrow data of a Spark type from internal values. */
export function buildData(type: DataType, values: readonly unknown[]): A.Data {
  const n = values.length;
  const { bitmap, nullCount } = validityOf(values);
  const arrowType = toArrowType(type);
  const base = { length: n, nullCount, nullBitmap: bitmap };
  if (type instanceof NullType) return A.makeData({ type: new A.Null(), length: n, nullCount: n });
  if (type instanceof BooleanType) {
    const bits = new Uint8Array((n + 7) >> 3);
    for (let i = 0; i < n; i++) if (values[i] === true) bits[i >> 3]! |= 1 << (i & 7);
    return A.makeData({ ...base, type: arrowType as A.Bool, data: bits });
  }
  if (type instanceof YearMonthIntervalType) {
    const arr = new Int32Array(n);
    for (let i = 0; i < n; i++) if (values[i] != null) arr[i] = values[i] as number;
    return A.makeData({ ...base, type: arrowType as A.IntervalYearMonth, data: arr });
  }
  if (type instanceof DayTimeIntervalType) {
    const arr = new BigInt64Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v != null) arr[i] = typeof v === "bigint" ? v : BigInt(v as number);
    }
    return A.makeData({ ...base, type: arrowType as A.DurationMicrosecond, data: arr });
  }
  if (type instanceof CalendarIntervalType) {
    // Four int32 words a value: months, days, then nanoseconds as a little-endian int64.
    const words = new Int32Array(n * 4);
    const nanos = new BigInt64Array(words.buffer);
    for (let i = 0; i < n; i++) {
      const v = values[i] as CalendarInterval | null;
      if (v == null) continue;
      words[4 * i] = v.months;
      words[4 * i + 1] = v.days;
      nanos[2 * i + 1] = BigInt(v.microseconds) * 1000n;
    }
    return A.makeData({ ...base, type: arrowType as A.IntervalMonthDayNano, data: words });
  }
  if (type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType || type instanceof DateType ||
      type instanceof FloatType || type instanceof DoubleType) {
    const Ctor = type instanceof ByteType ? Int8Array : type instanceof ShortType ? Int16Array :
      type instanceof FloatType ? Float32Array : type instanceof DoubleType ? Float64Array : Int32Array;
    const arr = new Ctor(n);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v != null) arr[i] = v as number;
    }
    return A.makeData({ ...base, type: arrowType as A.Int32, data: arr as Int32Array });
  }
  if (type instanceof LongType || type instanceof TimestampType || type instanceof TimestampNTZType) {
    const arr = new BigInt64Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      // Canonical longs: a bigint beyond 2^53, else an integral number (exact either way).
      if (v != null) arr[i] = typeof v === "bigint" ? v : BigInt(Math.trunc(v as number));
    }
    return A.makeData({ ...base, type: arrowType as A.Int64, data: arr });
  }
  if (type instanceof DecimalType) {
    const words = new Uint32Array(n * 4);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v != null) writeInt128(words, i, v as bigint);
    }
    return A.makeData({ ...base, type: arrowType as A.Decimal, data: words });
  }
  if (type instanceof StringType || type instanceof BinaryType) {
    const offsets = new Int32Array(n + 1);
    const parts: Uint8Array[] = new Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      const b = v == null ? EMPTY : typeof v === "string" ? encoder.encode(v) : (v as Uint8Array);
      parts[i] = b;
      total += b.length;
      offsets[i + 1] = total;
    }
    const bytes = new Uint8Array(total);
    for (let i = 0; i < n; i++) bytes.set(parts[i]!, offsets[i]!);
    return A.makeData({ ...base, type: arrowType as A.Utf8, data: bytes, valueOffsets: offsets });
  }
  if (type instanceof ArrayType) {
    const offsets = new Int32Array(n + 1);
    const flat: unknown[] = [];
    for (let i = 0; i < n; i++) {
      const v = values[i] as unknown[] | null;
      if (v != null) for (const e of v) flat.push(e);
      offsets[i + 1] = flat.length;
    }
    const child = buildData(type.elementType, flat);
    return A.makeData({ ...base, type: arrowType as A.List, valueOffsets: offsets, child });
  }
  if (type instanceof StructType) {
    const children = type.fields.map((f, k) => buildData(f.dataType, values.map((v) => (v == null ? null : (v as unknown[])[k]))));
    return A.makeData({ ...base, type: arrowType as A.Struct, children });
  }
  if (type instanceof MapType) {
    const offsets = new Int32Array(n + 1);
    const keys: unknown[] = [];
    const vals: unknown[] = [];
    for (let i = 0; i < n; i++) {
      const m = values[i] as Map<unknown, unknown> | null;
      if (m != null) for (const [k, v] of m) {
        keys.push(k);
        vals.push(v);
      }
      offsets[i + 1] = keys.length;
    }
    const entriesType = (arrowType as A.Map_).children[0]!.type as A.Struct;
    const entries = A.makeData({
      type: entriesType, length: keys.length, nullCount: 0,
      children: [buildData(type.keyType, keys), buildData(type.valueType, vals)],
    });
    return A.makeData({ ...base, type: arrowType as A.Map_, valueOffsets: offsets, child: entries });
  }
  throw new Error(`Pijar cannot build Arrow data for ${type.simpleString()}`);
}

const EMPTY = new Uint8Array(0);
