/**
 * Spark's `hash()`: Murmur3 x86_32 with seed 42, folded over the arguments (a null argument
 * leaves the running hash unchanged), hashing each type the way Spark's Murmur3Hash does.
 */
import { ArrayType, DecimalType, MapType, StructType, type DataType } from "../../types/data-types.js";

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r));

function mixK1(k: number): number {
  k = Math.imul(k, C1);
  k = rotl(k, 15);
  return Math.imul(k, C2);
}

function mixH1(h: number, k: number): number {
  h ^= k;
  h = rotl(h, 13);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function fmix(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

export function hashInt(v: number, seed: number): number {
  return fmix(mixH1(seed, mixK1(v | 0)), 4);
}

export function hashLong(v: bigint, seed: number): number {
  const u = BigInt.asUintN(64, v);
  const low = Number(u & 0xffffffffn) | 0;
  const high = Number(u >> 32n) | 0;
  let h = mixH1(seed, mixK1(low));
  h = mixH1(h, mixK1(high));
  return fmix(h, 8);
}

/** Spark's hashUnsafeBytes: 4-byte little-endian words, then each trailing (signed) byte. */
export function hashBytes(b: Uint8Array, seed: number): number {
  const aligned = b.length - (b.length % 4);
  let h = seed;
  for (let i = 0; i < aligned; i += 4) {
    const word = b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);
    h = mixH1(h, mixK1(word));
  }
  for (let i = aligned; i < b.length; i++) h = mixH1(h, mixK1((b[i]! << 24) >> 24));
  return fmix(h, b.length);
}

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);
const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);
const utf8 = new TextEncoder();

/** Java's BigInteger.toByteArray: minimal two's-complement big-endian bytes. */
function bigIntBytes(v: bigint): Uint8Array {
  let hex = BigInt.asUintN(Math.max(8, (v < 0n ? -v : v).toString(2).length + 1 + 7 & ~7), v).toString(16);
  if (hex.length % 2) hex = "0" + hex;
  let bytes = Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));
  // Strip redundant sign bytes.
  while (bytes.length > 1 && ((bytes[0] === 0 && bytes[1]! < 0x80) || (bytes[0] === 0xff && bytes[1]! >= 0x80))) bytes = bytes.subarray(1);
  return bytes;
}

/** Hash of one non-null value of type t, continuing from `seed`. */
export function hashValue(v: unknown, t: DataType, seed: number): number {
  if (v == null) return seed;
  switch (t.typeName()) {
    case "boolean": return hashInt(v ? 1 : 0, seed);
    case "byte": case "short": case "integer": case "date": return hashInt(v as number, seed);
    case "long": case "timestamp": case "timestamp_ntz": return hashLong(BigInt(v as number), seed);
    case "float": {
      f32[0] = (v as number) === 0 ? 0 : (v as number);
      return hashInt(i32[0]!, seed);
    }
    case "double": {
      f64[0] = (v as number) === 0 ? 0 : (v as number);
      // Java's doubleToLongBits canonicalizes NaN.
      return hashLong(Number.isNaN(v as number) ? 0x7ff8000000000000n : i64[0]!, seed);
    }
    case "decimal": {
      const d = t as DecimalType;
      return d.precision <= 18 ? hashLong(v as bigint, seed) : hashBytes(bigIntBytes(v as bigint), seed);
    }
    case "string": return hashBytes(utf8.encode(v as string), seed);
    case "binary": return hashBytes(v as Uint8Array, seed);
  }
  if (t instanceof ArrayType) {
    let h = seed;
    for (const e of v as unknown[]) h = hashValue(e, t.elementType, h);
    return h;
  }
  if (t instanceof MapType) {
    let h = seed;
    for (const [k, x] of v as Map<unknown, unknown>) {
      h = hashValue(k, t.keyType, h);
      h = hashValue(x, t.valueType, h);
    }
    return h;
  }
  if (t instanceof StructType) {
    let h = seed;
    (v as unknown[]).forEach((e, i) => { h = hashValue(e, t.fields[i]!.dataType, h); });
    return h;
  }
  return hashBytes(utf8.encode(String(v)), seed);
}
