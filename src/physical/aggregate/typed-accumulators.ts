/**
 * Aggregates over typed vectors, per group id: count, sum and avg of doubles, min/max of
 * numbers, count(DISTINCT key). The loop that skips null rows is written once (`accumulate`,
 * as DataFusion's NullState): each aggregate supplies only its step, and results for groups
 * that saw no value are null as Spark's (count: 0).
 *
 * `typedAccumulator` answers undefined for any call it cannot compute exactly as the value path
 * does (decimals, bigint sums, FILTER, DISTINCT on other aggregates...): the operator then
 * keeps the value path for the whole aggregation.
 */
import type { Call } from "../../plan/expr/expr.js";
import { isNumberVector, numbersOf, validBytes, type NumericArray, type Vector } from "../../columnar/vector.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { KeyCoder, isCodableKey } from "./key-codes.js";
import { PairSet } from "./group-table.js";

export interface TypedAccumulator {
  grow(numGroups: number): void;
  /** Adds n rows; row i belongs to group gids[i]; args are the call's argument vectors. */
  update(gids: Int32Array, n: number, args: readonly Vector[]): void;
  finish(numGroups: number): unknown[];
}

/** Calls step(group, value) for every non-null row. */
function accumulate(gids: Int32Array, n: number, v: Vector, step: (g: number, x: number) => void): void {
  const x = numbersOf(v);
  const valid = validBytes(v);
  if (valid) {
    for (let i = 0; i < n; i++) if (valid[i]) step(gids[i]!, x[i]!);
  } else {
    for (let i = 0; i < n; i++) step(gids[i]!, x[i]!);
  }
}

function grown<T extends Float64Array | Uint8Array>(a: T, n: number): T {
  if (n <= a.length) return a;
  const Ctor = a.constructor as { new (n: number): T };
  const b = new Ctor(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

class CountAcc implements TypedAccumulator {
  counts = new Float64Array(16);
  constructor(private readonly star: boolean) {}
  grow(n: number): void { this.counts = grown(this.counts, n); }
  update(gids: Int32Array, n: number, args: readonly Vector[]): void {
    const c = this.counts;
    const valid = this.star ? null : validBytes(args[0]!);
    if (valid) {
      for (let i = 0; i < n; i++) if (valid[i]) c[gids[i]!]!++;
    } else {
      for (let i = 0; i < n; i++) c[gids[i]!]!++;
    }
  }
  finish(n: number): unknown[] { return Array.from(this.counts.subarray(0, n)); }
}

class SumAcc implements TypedAccumulator {
  sums = new Float64Array(16);
  counts = new Float64Array(16);
  constructor(private readonly average: boolean) {}
  grow(n: number): void {
    this.sums = grown(this.sums, n);
    this.counts = grown(this.counts, n);
  }
  update(gids: Int32Array, n: number, args: readonly Vector[]): void {
    const s = this.sums;
    const c = this.counts;
    accumulate(gids, n, args[0]!, (g, x) => { s[g] += x; c[g]!++; });
  }
  finish(n: number): unknown[] {
    const out = new Array<unknown>(n);
    for (let g = 0; g < n; g++) {
      const c = this.counts[g]!;
      out[g] = c === 0 ? null : this.average ? this.sums[g]! / c : this.sums[g]!;
    }
    return out;
  }
}

class ExtremeAcc implements TypedAccumulator {
  vals = new Float64Array(16);
  seen = new Uint8Array(16);
  constructor(private readonly wantMax: boolean) {}
  grow(n: number): void {
    this.vals = grown(this.vals, n);
    this.seen = grown(this.seen, n);
  }
  update(gids: Int32Array, n: number, args: readonly Vector[]): void {
    const vals = this.vals;
    const seen = this.seen;
    const max = this.wantMax;
    accumulate(gids, n, args[0]!, (g, x) => {
      if (!seen[g]) { seen[g] = 1; vals[g] = x; return; }
      const cur = vals[g]!;
      // Spark orders NaN above every number.
      const better = max ? x > cur || (Number.isNaN(x) && !Number.isNaN(cur)) : x < cur || (Number.isNaN(cur) && !Number.isNaN(x));
      if (better) vals[g] = x;
    });
  }
  finish(n: number): unknown[] {
    const out = new Array<unknown>(n);
    for (let g = 0; g < n; g++) out[g] = this.seen[g] ? (this.vals[g] === 0 ? 0 : this.vals[g]) : null;
    return out;
  }
}

class CountDistinctAcc implements TypedAccumulator {
  counts = new Float64Array(16);
  private readonly pairs = new PairSet();
  private readonly coder: KeyCoder;
  constructor(call: Call) {
    this.coder = new KeyCoder(typeOf(call.args[0]!));
  }
  grow(n: number): void { this.counts = grown(this.counts, n); }
  update(gids: Int32Array, n: number, args: readonly Vector[]): void {
    const kc = this.coder.encode(args[0]!);
    if (!kc) throw new Error("count(DISTINCT): vector representation changed mid-query");
    const { codes, valid } = kc;
    const c = this.counts;
    for (let i = 0; i < n; i++) {
      if (valid && !valid[i]) continue;
      const g = gids[i]!;
      if (this.pairs.add(g, codes[i]!)) c[g]!++;
    }
  }
  finish(n: number): unknown[] { return Array.from(this.counts.subarray(0, n)); }
}

/** Argument types a number accumulator reads exactly as doubles. */
function isNumberType(name: string): boolean {
  return name === "double" || name === "float" || name === "integer" || name === "short" || name === "byte" || name === "date";
}

/** An accumulator for the call, or undefined if it must use the value path. */
export function typedAccumulator(call: Call): TypedAccumulator | undefined {
  if (call.fn.kind !== "agg" || call.filter) return undefined;
  const name = call.fn.name;
  const argTypes = call.args.map((a) => typeOf(a).typeName());
  const result = call.dataType.typeName();
  if (name === "count") {
    const star = !!call.isStar || call.args.every((a) => a.kind === "literal" && a.value !== null);
    if (star && !call.distinct) return new CountAcc(true);
    if (call.args.length !== 1) return undefined;
    if (!call.distinct) return new CountAcc(false);
    return isCodableKey(typeOf(call.args[0]!)) ? new CountDistinctAcc(call) : undefined;
  }
  if (call.distinct || call.args.length !== 1) return undefined;
  if ((name === "sum" || name === "avg") && result === "double" && argTypes[0] === "double") return new SumAcc(name === "avg");
  if ((name === "min" || name === "max") && isNumberType(argTypes[0]!) && argTypes[0] !== "float") return new ExtremeAcc(name === "max");
  return undefined;
}

/** The argument vectors a typed accumulator can read (number vectors for the number steps). */
export function acceptsVector(call: Call, v: Vector): boolean {
  const name = call.fn.name;
  if (name === "count") return true;
  return isNumberVector(v);
}

export type { NumericArray };
