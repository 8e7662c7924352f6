/**
 * Reading Arrow column data as Pijar's internal values.
 *
 * Internal value model (what kernels compute with, one JS value per cell, null for SQL NULL):
 * boolean -> boolean; tinyint/smallint/int/float/double -> number; bigint -> a JS number when it
 * is a safe integer (|v| <= 2^53 - 1), else a JS bigint (the canonical form of src/values/long.ts:
 * one form per value, so ===, Map keys, grouping and joins stay exact over the whole +-2^63 range,
 * and small values keep the fast number path); float -> number always rounded to float32
 * (Math.fround after every operation, as the JVM); decimal -> bigint holding the unscaled value (the scale is in the type); string ->
 * string; binary -> Uint8Array; date -> number of days since 1970-01-01; timestamp -> number of
 * microseconds since the epoch (UTC); array -> JS array; struct -> JS array of field values in
 * field order; map -> JS Map.
 */
import * as A from "apache-arrow";
import { canonLong } from "../../values/long.js";
import { CalendarInterval } from "../../values/interval.js";
import {
  ArrayType, DataType, DecimalType, MapType, StructType,
} from "../../types/data-types.js";

const utf8 = new TextDecoder();

/** True when row i is valid (not null) in Arrow data. */
export function isValidAt(data: A.Data, i: number): boolean {
  if (data.nullCount === 0) return true;
  const bitmap = data.nullBitmap;
  if (!bitmap || bitmap.length === 0) return data.type.typeId !== A.Type.Null;
  const j = data.offset + i;
  return (bitmap[j >> 3]! & (1 << (j & 7))) !== 0;
}

/** Reads a signed little-endian 128-bit integer from 4 uint32 words. */
export function readInt128(words: Uint32Array, index: number): bigint {
  const o = index * 4;
  const v = (BigInt(words[o + 3]!) << 96n) | (BigInt(words[o + 2]!) << 64n) | (BigInt(words[o + 1]!) << 32n) | BigInt(words[o]!);
  return BigInt.asIntN(128, v);
}

/**
 * Decodes all values of one Arrow Data chunk into internal values.
 * A sliced chunk (Arrow's `Data.slice`) keeps its `offset` for the validity bits (and boolean
 * values, which are bits too) but its value, offset and child buffers start at the slice, so
 * only those bit reads add `offset`.
 */
export function readValues(data: A.Data, type: DataType): unknown[] {
  const n = data.length;
  const out = new Array<unknown>(n);
  const off = data.offset;
  const t = data.type;
  switch (t.typeId) {
    case A.Type.Null:
      out.fill(null);
      return out;
    case A.Type.Bool: {
      const bits = data.values as Uint8Array;
      for (let i = 0; i < n; i++) {
        const j = off + i;
        out[i] = isValidAt(data, i) ? (bits[j >> 3]! & (1 << (j & 7))) !== 0 : null;
      }
      return out;
    }
    case A.Type.Int:
    case A.Type.Float:
    case A.Type.Date:
    case A.Type.Timestamp: {
      const vals = data.values as ArrayLike<number | bigint>;
      if (vals instanceof BigInt64Array || vals instanceof BigUint64Array) {
        // 64-bit integers (and timestamps) stay exact: canonical number-or-bigint.
        readInt64(data, vals, t, out);
        return out;
      }
      const dateMs = t.typeId === A.Type.Date && (t as A.Date_).unit === A.DateUnit.MILLISECOND;
      const tsScale = t.typeId === A.Type.Timestamp ? timestampToMicros((t as A.Timestamp).unit) : 1;
      for (let i = 0; i < n; i++) {
        if (!isValidAt(data, i)) {
          out[i] = null;
          continue;
        }
        let v = Number(vals[i]!);
        if (dateMs) v = Math.floor(v / 86_400_000);
        else if (tsScale !== 1) v = tsScale > 1 ? v * tsScale : Math.floor(v * tsScale);
        out[i] = v;
      }
      return out;
    }
    case A.Type.Duration: {
      // Day-time intervals: microseconds as canonical longs, whatever unit the file used.
      const vals = data.values as BigInt64Array;
      const unit = (t as A.Duration).unit;
      for (let i = 0; i < n; i++) {
        if (!isValidAt(data, i)) { out[i] = null; continue; }
        let v = vals[off + i]!;
        if (unit === A.TimeUnit.SECOND) v *= 1_000_000n;
        else if (unit === A.TimeUnit.MILLISECOND) v *= 1_000n;
        else if (unit === A.TimeUnit.NANOSECOND) v /= 1_000n;
        out[i] = canonLong(v);
      }
      return out;
    }
    case A.Type.Interval: {
      const words = data.values as Int32Array;
      const iu = (t as A.Interval).unit;
      for (let i = 0; i < n; i++) {
        if (!isValidAt(data, i)) { out[i] = null; continue; }
        const j = off + i;
        if (iu === A.IntervalUnit.YEAR_MONTH) out[i] = words[j]!;
        else if (iu === A.IntervalUnit.DAY_TIME) out[i] = new CalendarInterval(0, words[2 * j]!, canonLong(BigInt(words[2 * j + 1]!) * 1000n));
        else {
          const nanos = new BigInt64Array(words.buffer, words.byteOffset + 16 * j + 8, 1)[0]!;
          out[i] = new CalendarInterval(words[4 * j]!, words[4 * j + 1]!, canonLong(nanos / 1000n));
        }
      }
      return out;
    }
    case A.Type.Decimal: {
      const words = data.values as Uint32Array;
      for (let i = 0; i < n; i++) out[i] = isValidAt(data, i) ? readInt128(words, i) : null;
      return out;
    }
    case A.Type.Utf8:
    case A.Type.Binary: {
      const offsets = data.valueOffsets as Int32Array;
      const bytes = data.values as Uint8Array;
      const isStr = t.typeId === A.Type.Utf8;
      for (let i = 0; i < n; i++) {
        if (!isValidAt(data, i)) {
          out[i] = null;
          continue;
        }
        const s = offsets[i]!;
        const e = offsets[i + 1]!;
        out[i] = isStr ? utf8.decode(bytes.subarray(s, e)) : bytes.slice(s, e);
      }
      return out;
    }
    case A.Type.Dictionary: {
      const dictVec = data.dictionary!;
      const dict = dictVec.data.length === 1 ? readValues(dictVec.data[0]!, type) : dictVec.data.flatMap((d) => readValues(d, type));
      const idx = data.values as ArrayLike<number>;
      for (let i = 0; i < n; i++) out[i] = isValidAt(data, i) ? dict[Number(idx[i])] : null;
      return out;
    }
    case A.Type.List: {
      const offsets = data.valueOffsets as Int32Array;
      const elemType = type instanceof ArrayType ? type.elementType : type;
      const child = readValues(data.children[0]!, elemType);
      for (let i = 0; i < n; i++) {
        out[i] = isValidAt(data, i) ? child.slice(offsets[i]!, offsets[i + 1]!) : null;
      }
      return out;
    }
    case A.Type.Struct: {
      const st = type as StructType;
      const kids = data.children.map((c, k) => readValues(c, st.fields[k]?.dataType ?? type));
      for (let i = 0; i < n; i++) {
        out[i] = isValidAt(data, i) ? kids.map((k) => k[i]) : null;
      }
      return out;
    }
    case A.Type.Map: {
      const mt = type as MapType;
      const offsets = data.valueOffsets as Int32Array;
      const entries = data.children[0]!;
      const keys = readValues(entries.children[0]!, mt.keyType);
      const vals = readValues(entries.children[1]!, mt.valueType);
      for (let i = 0; i < n; i++) {
        if (!isValidAt(data, i)) {
          out[i] = null;
          continue;
        }
        const m = new Map<unknown, unknown>();
        for (let j = offsets[i]!; j < offsets[i + 1]!; j++) m.set(keys[j], vals[j]);
        out[i] = m;
      }
      return out;
    }
    default:
      throw new Error(`Pijar cannot read Arrow type ${String(t)} (for ${type.simpleString()})`);
  }
}

function readInt64(data: A.Data, vals: BigInt64Array | BigUint64Array, t: A.DataType, out: unknown[]): void {
  const n = data.length;
  const dateMs = t.typeId === A.Type.Date;
  const unit = t.typeId === A.Type.Timestamp ? (t as A.Timestamp).unit : A.TimeUnit.MICROSECOND;
  const signed = vals instanceof BigInt64Array;
  const isTs = t.typeId === A.Type.Timestamp;
  for (let i = 0; i < n; i++) {
    if (!isValidAt(data, i)) {
      out[i] = null;
      continue;
    }
    let v = vals[i]!;
    if (!signed) v = BigInt.asIntN(64, v);
    if (dateMs) { out[i] = Number(floorDiv(v, 86_400_000n)); continue; }
    switch (unit) {
      case A.TimeUnit.SECOND: v *= 1_000_000n; break;
      case A.TimeUnit.MILLISECOND: v *= 1_000n; break;
      case A.TimeUnit.NANOSECOND: v = floorDiv(v, 1_000n); break;
      default: break;
    }
    // Timestamps stay numbers of microseconds (exact to year 2255, see datetime.ts).
    out[i] = isTs ? Number(v) : canonLong(v);
  }
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q;
}

function timestampToMicros(unit: A.TimeUnit): number {
  switch (unit) {
    case A.TimeUnit.SECOND: return 1_000_000;
    case A.TimeUnit.MILLISECOND: return 1_000;
    case A.TimeUnit.MICROSECOND: return 1;
    default: return 0.001;
  }
}

/** Used by decimal-aware code to know the scale of an internal bigint. */
export function decimalScale(t: DataType): number {
  return t instanceof DecimalType ? t.scale : 0;
}
