/**
 * Spark's `hash()`: Murmur3 x86_32 with seed 42, folded over the arguments (a null argument
 * leaves the running hash unchanged), hashing each type the way Spark's Murmur3Hash does.
 */
import type { DataType } from "../../types/data-types.js";
import { hashByType, type Hasher } from "./by-type.js";

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

const murmur3: Hasher<number> = { int: hashInt, long: hashLong, bytes: hashBytes };

/** Hash of one value of type t, continuing from `seed`. */
export function hashValue(v: unknown, t: DataType, seed: number): number {
  return hashByType(murmur3, v, t, seed);
}
