/**
 * Variance, standard deviation, skewness, kurtosis, covariance and correlation, updated one
 * row at a time with the same streaming (Welford-style) formulas as Spark's CentralMomentAgg
 * and PearsonCorrelation, so results match to the last bits. Empty groups give null, and so
 * do sample statistics of one row (Spark 4 without the legacy NaN flag).
 */
import type { Expr } from "../../plan/expr/expr.js";
import { doubleType } from "../../types/data-types.js";
import { isNull, isNumeric, isString } from "../../types/type-utils.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { castTo } from "../../plan/expr/cast-to.js";
import { callSql, unexpectedType } from "../helpers.js";
import type { AggregateState, FunctionDef } from "../registry.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

function grow(a: Float64Array<ArrayBuffer>, n: number): Float64Array<ArrayBuffer> {
  if (n <= a.length) return a;
  const b = new Float64Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

class MomentState implements AggregateState {
  n = new Float64Array(8);
  avg = new Float64Array(8);
  m2 = new Float64Array(8);
  m3 = new Float64Array(8);
  m4 = new Float64Array(8);
  constructor(private readonly order: number, private readonly result: (n: number, m2: number, m3: number, m4: number) => number | null) {}
  grow(k: number): void {
    this.n = grow(this.n, k); this.avg = grow(this.avg, k); this.m2 = grow(this.m2, k); this.m3 = grow(this.m3, k); this.m4 = grow(this.m4, k);
  }
  update(g: Int32Array, args: readonly unknown[][], rows: number): void {
    const a = args[0]!;
    for (let i = 0; i < rows; i++) {
      const x = a[i] as number | null;
      if (x == null) continue;
      const k = g[i]!;
      const newN = this.n[k]! + 1;
      const delta = x - this.avg[k]!;
      const deltaN = delta / newN;
      const m2 = this.m2[k]! + delta * (delta - deltaN);
      this.avg[k] = this.avg[k]! + deltaN;
      if (this.order >= 3) {
        const delta2 = delta * delta;
        const deltaN2 = deltaN * deltaN;
        const m3 = this.m3[k]! - 3 * deltaN * m2 + delta * (delta2 - deltaN2);
        if (this.order >= 4) this.m4[k] = this.m4[k]! - 4 * deltaN * m3 - 6 * deltaN2 * m2 + delta * (delta * delta2 - deltaN * deltaN2);
        this.m3[k] = m3;
      }
      this.m2[k] = m2;
      this.n[k] = newN;
    }
  }
  finish(k: number): unknown[] {
    return Array.from({ length: k }, (_, i) => (this.n[i]! === 0 ? null : this.result(this.n[i]!, this.m2[i]!, this.m3[i]!, this.m4[i]!)));
  }
}

const MOMENTS: [string, number, (n: number, m2: number, m3: number, m4: number) => number | null][] = [
  ["var_pop", 2, (n, m2) => m2 / n],
  ["var_samp", 2, (n, m2) => (n === 1 ? null : m2 / (n - 1))],
  ["variance", 2, (n, m2) => (n === 1 ? null : m2 / (n - 1))],
  ["stddev_pop", 2, (n, m2) => Math.sqrt(m2 / n)],
  ["stddev_samp", 2, (n, m2) => (n === 1 ? null : Math.sqrt(m2 / (n - 1)))],
  ["stddev", 2, (n, m2) => (n === 1 ? null : Math.sqrt(m2 / (n - 1)))],
  ["std", 2, (n, m2) => (n === 1 ? null : Math.sqrt(m2 / (n - 1)))],
  ["skewness", 3, (n, m2, m3) => (m2 === 0 ? null : (Math.sqrt(n) * m3) / Math.sqrt(m2 * m2 * m2))],
  ["kurtosis", 4, (n, m2, _m3, m4) => (m2 === 0 ? null : (n * m4) / (m2 * m2) - 3)],
];

/** A numeric argument as DOUBLE (strings are cast, as Spark's ImplicitCastInputTypes). */
export function doubleArg(name: string, args: readonly Expr[], i: number): Expr {
  const t = typeOf(args[i]!);
  if (!isNumeric(t) && !isString(t) && !isNull(t)) throw unexpectedType(callSql(name, args), i, "\"DOUBLE\"", args[i]!);
  return castTo(args[i]!, doubleType);
}

for (const [name, order, result] of MOMENTS) {
  definitions.push({
    kind: "agg", name, minArgs: 1, maxArgs: 1,
    resolve: (args) => ({ args: [doubleArg(name, args, 0)], dataType: doubleType, nullable: true }),
    create: () => new MomentState(order, result),
  });
}

export class CoMomentState implements AggregateState {
  n = new Float64Array(8);
  xAvg = new Float64Array(8);
  yAvg = new Float64Array(8);
  ck = new Float64Array(8);
  xMk = new Float64Array(8);
  yMk = new Float64Array(8);
  constructor(private readonly result: (s: CoMomentState, k: number) => number | null) {}
  grow(k: number): void {
    this.n = grow(this.n, k); this.xAvg = grow(this.xAvg, k); this.yAvg = grow(this.yAvg, k);
    this.ck = grow(this.ck, k); this.xMk = grow(this.xMk, k); this.yMk = grow(this.yMk, k);
  }
  update(g: Int32Array, args: readonly unknown[][], rows: number): void {
    const xs = args[0]!;
    const ys = args[1]!;
    for (let i = 0; i < rows; i++) {
      const x = xs[i] as number | null;
      const y = ys[i] as number | null;
      if (x == null || y == null) continue;
      const k = g[i]!;
      const newN = this.n[k]! + 1;
      const dx = x - this.xAvg[k]!;
      const dy = y - this.yAvg[k]!;
      const newX = this.xAvg[k]! + dx / newN;
      const newY = this.yAvg[k]! + dy / newN;
      this.ck[k] = this.ck[k]! + dx * (y - newY);
      this.xMk[k] = this.xMk[k]! + dx * (x - newX);
      this.yMk[k] = this.yMk[k]! + dy * (y - newY);
      this.xAvg[k] = newX;
      this.yAvg[k] = newY;
      this.n[k] = newN;
    }
  }
  finish(k: number): unknown[] {
    return Array.from({ length: k }, (_, i) => (this.n[i]! === 0 ? null : this.result(this, i)));
  }
}

const CO_MOMENTS: [string, (s: CoMomentState, k: number) => number | null][] = [
  ["covar_pop", (s, k) => s.ck[k]! / s.n[k]!],
  ["covar_samp", (s, k) => (s.n[k] === 1 ? null : s.ck[k]! / (s.n[k]! - 1))],
  ["corr", (s, k) => (s.n[k] === 1 ? null : s.ck[k]! / Math.sqrt(s.xMk[k]! * s.yMk[k]!))],
];

for (const [name, result] of CO_MOMENTS) {
  definitions.push({
    kind: "agg", name, minArgs: 2, maxArgs: 2,
    resolve: (args) => ({ args: [doubleArg(name, args, 0), doubleArg(name, args, 1)], dataType: doubleType, nullable: true }),
    create: () => new CoMomentState(result),
  });
}
