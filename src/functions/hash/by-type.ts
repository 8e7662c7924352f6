/**
 * How Spark's hash expressions (Murmur3Hash, XxHash64) walk a value: each type reduces to ints,
 * longs or bytes, and arrays, maps and structs fold their elements into the running hash. The
 * hash function itself is a `Hasher`; `S` is its state (an int for Murmur3, a long for xxHash64).
 */
import { ArrayType, DecimalType, MapType, StructType, type DataType } from "../../types/data-types.js";

export interface Hasher<S> {
  int(v: number, seed: S): S;
  long(v: bigint, seed: S): S;
  bytes(b: Uint8Array, seed: S): S;
}

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);
const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);
const utf8 = new TextEncoder();

/** Java's BigInteger.toByteArray: minimal two's-complement big-endian bytes. */
export function bigIntBytes(v: bigint): Uint8Array {
  let hex = BigInt.asUintN(Math.max(8, (v < 0n ? -v : v).toString(2).length + 1 + 7 & ~7), v).toString(16);
  if (hex.length % 2) hex = "0" + hex;
  let bytes = Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));
  // Strip redundant sign bytes.
  while (bytes.length > 1 && ((bytes[0] === 0 && bytes[1]! < 0x80) || (bytes[0] === 0xff && bytes[1]! >= 0x80))) bytes = bytes.subarray(1);
  return bytes;
}

/** Hash of one value of type t, continuing from `seed` (a null leaves it unchanged). */
export function hashByType<S>(h: Hasher<S>, v: unknown, t: DataType, seed: S): S {
  if (v == null) return seed;
  switch (t.typeName()) {
    case "boolean": return h.int(v ? 1 : 0, seed);
    case "byte": case "short": case "integer": case "date": return h.int(v as number, seed);
    case "long": case "timestamp": case "timestamp_ntz": return h.long(BigInt(v as number), seed);
    case "float": {
      f32[0] = (v as number) === 0 ? 0 : (v as number);
      return h.int(i32[0]!, seed);
    }
    case "double": {
      f64[0] = (v as number) === 0 ? 0 : (v as number);
      // Java's doubleToLongBits canonicalizes NaN.
      return h.long(Number.isNaN(v as number) ? 0x7ff8000000000000n : i64[0]!, seed);
    }
    case "decimal": {
      const d = t as DecimalType;
      return d.precision <= 18 ? h.long(v as bigint, seed) : h.bytes(bigIntBytes(v as bigint), seed);
    }
    case "string": return h.bytes(utf8.encode(v as string), seed);
    case "binary": return h.bytes(v as Uint8Array, seed);
  }
  if (t instanceof ArrayType) {
    let acc = seed;
    for (const e of v as unknown[]) acc = hashByType(h, e, t.elementType, acc);
    return acc;
  }
  if (t instanceof MapType) {
    let acc = seed;
    for (const [k, x] of v as Map<unknown, unknown>) {
      acc = hashByType(h, k, t.keyType, acc);
      acc = hashByType(h, x, t.valueType, acc);
    }
    return acc;
  }
  if (t instanceof StructType) {
    let acc = seed;
    (v as unknown[]).forEach((e, i) => { acc = hashByType(h, e, t.fields[i]!.dataType, acc); });
    return acc;
  }
  return h.bytes(utf8.encode(String(v)), seed);
}
