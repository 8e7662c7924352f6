/** Shared pieces of the fuzz suites: a seeded PRNG, corruptions, and the outcome check. */
import { PijarError } from "../../src/errors/pijar-error.js";

/** mulberry32: small, fast, and the same sequence on every machine for a seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Corruption = "bitflip" | "truncate" | "zero-range" | "random-range" | "duplicate-range";
export const CORRUPTIONS: Corruption[] = ["bitflip", "truncate", "zero-range", "random-range", "duplicate-range"];

/** A corrupted copy of `src`; the kind cycles with `i` so every kind is tried evenly. */
export function corrupt(src: Uint8Array, i: number, r: () => number): { kind: Corruption; bytes: Uint8Array } {
  const kind = CORRUPTIONS[i % CORRUPTIONS.length]!;
  const b = new Uint8Array(src);
  const at = () => Math.floor(r() * b.length);
  switch (kind) {
    case "bitflip": {
      const flips = 1 + Math.floor(r() * 8);
      for (let k = 0; k < flips; k++) b[at()]! ^= 1 << Math.floor(r() * 8);
      return { kind, bytes: b };
    }
    case "truncate":
      return { kind, bytes: b.subarray(0, at()) };
    case "zero-range":
    case "random-range": {
      const start = at();
      const len = 1 + Math.floor(r() * 64);
      for (let k = start; k < Math.min(b.length, start + len); k++) b[k] = kind === "zero-range" ? 0 : Math.floor(r() * 256);
      return { kind, bytes: b };
    }
    case "duplicate-range": {
      const start = at();
      const len = 1 + Math.floor(r() * 32);
      const piece = b.slice(start, start + len);
      const to = at();
      const out = new Uint8Array(b.length + piece.length);
      out.set(b.subarray(0, to));
      out.set(piece, to);
      out.set(b.subarray(to), to + piece.length);
      return { kind, bytes: out };
    }
  }
}

/** How one fuzz case ended. "crash" never happens in a passing run (the process would be gone). */
export type Outcome = "same-rows" | "other-rows" | "classed-error" | "unclassed-error";

export function outcomeOf(e: unknown): Outcome {
  return e instanceof PijarError && /^[A-Z_]+(\.[A-Z_]+)*$/.test(e.errorClass) && e.errorClass !== "INTERNAL_ERROR" ? "classed-error" : "unclassed-error";
}

export function tally(outcomes: Outcome[]): Record<Outcome, number> {
  const t: Record<Outcome, number> = { "same-rows": 0, "other-rows": 0, "classed-error": 0, "unclassed-error": 0 };
  for (const o of outcomes) t[o]++;
  return t;
}
