/**
 * Spark's `xxhash64()`: XXH64 with seed 42, folded over the arguments like `hash()` (see
 * by-type.ts); longs are unsigned 64-bit BigInts inside, a signed bigint outside.
 */
import { longType } from "../../types/data-types.js";
import { typeOf } from "../../plan/expr/type-of.js";
import type { FunctionDef } from "../registry.js";
import { hashByType, type Hasher } from "./by-type.js";
import { rejectMaps } from "./digest.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

const P1 = 0x9e3779b185ebca87n;
const P2 = 0xc2b2ae3d27d4eb4fn;
const P3 = 0x165667b19e3779f9n;
const P4 = 0x85ebca77c2b2ae63n;
const P5 = 0x27d4eb2f165667c5n;
const u64 = (x: bigint) => BigInt.asUintN(64, x);
const mul = (a: bigint, b: bigint) => u64(a * b);
const rotl = (x: bigint, r: number) => u64((x << BigInt(r)) | (x >> BigInt(64 - r)));

function fmix(h: bigint): bigint {
  h = mul(h ^ (h >> 33n), P2);
  h = mul(h ^ (h >> 29n), P3);
  return h ^ (h >> 32n);
}

export function xxInt(v: number, seed: bigint): bigint {
  let h = u64(seed + P5 + 4n);
  h ^= mul(BigInt(v >>> 0), P1);
  return fmix(u64(mul(rotl(h, 23), P2) + P3));
}

const round = (acc: bigint, lane: bigint) => mul(rotl(u64(acc + mul(lane, P2)), 31), P1);

export function xxLong(v: bigint, seed: bigint): bigint {
  let h = u64(seed + P5 + 8n);
  h ^= round(0n, u64(v));
  return fmix(u64(mul(rotl(h, 27), P1) + P4));
}

export function xxBytes(b: Uint8Array, seed: bigint): bigint {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const n = b.length;
  let off = 0;
  let h: bigint;
  if (n >= 32) {
    let v1 = u64(seed + P1 + P2), v2 = u64(seed + P2), v3 = seed, v4 = u64(seed - P1);
    for (; off <= n - 32; off += 32) {
      v1 = round(v1, view.getBigUint64(off, true));
      v2 = round(v2, view.getBigUint64(off + 8, true));
      v3 = round(v3, view.getBigUint64(off + 16, true));
      v4 = round(v4, view.getBigUint64(off + 24, true));
    }
    h = u64(rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18));
    for (const v of [v1, v2, v3, v4]) h = u64(mul(h ^ round(0n, v), P1) + P4);
  } else {
    h = u64(seed + P5);
  }
  h = u64(h + BigInt(n));
  for (; off + 8 <= n; off += 8) h = u64(mul(rotl(h ^ round(0n, view.getBigUint64(off, true)), 27), P1) + P4);
  if (off + 4 <= n) {
    h ^= mul(BigInt(view.getUint32(off, true)), P1);
    h = u64(mul(rotl(h, 23), P2) + P3);
    off += 4;
  }
  for (; off < n; off++) h = mul(rotl(h ^ mul(BigInt(b[off]!), P5), 11), P1);
  return fmix(h);
}

const xxhash: Hasher<bigint> = { int: xxInt, long: xxLong, bytes: xxBytes };

definitions.push({
  kind: "scalar", name: "xxhash64", minArgs: 1, maxArgs: Infinity,
  resolve(args) {
    rejectMaps("xxhash64", args);
    return { args, dataType: longType, nullable: false };
  },
  eval(args, n, call) {
    const types = call.args.map(typeOf);
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      let h = 42n;
      for (let j = 0; j < args.length; j++) h = hashByType(xxhash, args[j]![i], types[j]!, h);
      out[i] = BigInt.asIntN(64, h);
    }
    return out;
  },
});
