/**
 * Aggregates that keep values: collect_list/array_agg, collect_set, first/last (with
 * ignoreNulls), any_value, max_by/min_by, mode. "First" means first in input order.
 */
import type { Expr } from "../../plan/expr/expr.js";
import { ArrayType, booleanType, integerType, type DataType } from "../../types/data-types.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { comparatorFor, keyOf } from "../../values/compare.js";
import { PijarError } from "../../errors/pijar-error.js";
import { callSql, expectType, literalArg, numericLiteralArg } from "../helpers.js";
import { exprName } from "../../plan/expr/sql-text.js";
import type { AggregateState, FunctionDef } from "../registry.js";
import { growArray } from "./basic.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

class ListState implements AggregateState {
  lists: unknown[][] = [];
  private seen: Set<string>[] | null;
  constructor(distinct: boolean) {
    this.seen = distinct ? [] : null;
  }
  grow(n: number): void {
    while (this.lists.length < n) this.lists.push([]);
    if (this.seen) while (this.seen.length < n) this.seen.push(new Set());
  }
  update(g: Int32Array, args: readonly unknown[][], n: number): void {
    const a = args[0]!;
    for (let i = 0; i < n; i++) {
      const v = a[i];
      if (v == null) continue;
      const k = g[i]!;
      if (this.seen) {
        const key = keyOf(v);
        if (this.seen[k]!.has(key)) continue;
        this.seen[k]!.add(key);
      }
      this.lists[k]!.push(v);
    }
  }
  finish(n: number): unknown[] {
    return this.lists.slice(0, n);
  }
}

for (const [name, distinct] of [["collect_list", false], ["array_agg", false], ["collect_set", true]] as const) {
  definitions.push({
    kind: "agg", name, minArgs: 1, maxArgs: 1,
    resolve: (args) => ({ args, dataType: new ArrayType(typeOf(args[0]!), false), nullable: false }),
    create: () => new ListState(distinct),
    // array_agg is an alias Spark shows as collect_list.
    ...(name === "array_agg" ? { sql: (a: readonly string[]) => `collect_list(${a[0]})` } : {}),
  });
}

class PickState implements AggregateState {
  vals: unknown[] = [];
  private has: boolean[] = [];
  constructor(private readonly last: boolean, private readonly ignoreNulls: boolean) {}
  grow(n: number): void {
    growArray(this.vals, n, null);
    growArray(this.has, n, false);
  }
  update(g: Int32Array, args: readonly unknown[][], n: number): void {
    const a = args[0]!;
    for (let i = 0; i < n; i++) {
      const v = a[i] ?? null;
      if (this.ignoreNulls && v == null) continue;
      const k = g[i]!;
      if (this.last || !this.has[k]) {
        this.vals[k] = v;
        this.has[k] = true;
      }
    }
  }
  finish(n: number): unknown[] {
    return this.vals.slice(0, n);
  }
}

function ignoreNullsArg(name: string, args: readonly Expr[]): boolean {
  if (args.length < 2) return false;
  const v = literalArg(args, 1);
  if (typeof v !== "boolean") {
    throw new PijarError("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", {}, {
      message: `Cannot resolve "${callSql(name, args)}": the second argument of ${name} (ignoreNulls) must be a boolean literal, e.g. ${name}(x, true).`,
    });
  }
  return v;
}

for (const [name, last] of [["first", false], ["first_value", false], ["last", true], ["last_value", true], ["any_value", false]] as const) {
  definitions.push({
    kind: "agg", name, minArgs: 1, maxArgs: 2,
    resolve(args) {
      const ignore = ignoreNullsArg(name, args);
      return { args: [args[0]!, { kind: "literal", value: ignore, dataType: booleanType }], dataType: typeOf(args[0]!), nullable: true, state: ignore };
    },
    create: (call) => new PickState(last, call.state as boolean),
    // ignoreNulls does not show in the column name: first(x, true) is named first(x).
    sql: (a) => `${name}(${a[0]})`,
  });
}

class ByState implements AggregateState {
  vals: unknown[] = [];
  ords: unknown[] = [];
  constructor(private readonly cmp: (a: unknown, b: unknown) => number, private readonly wantMax: boolean) {}
  grow(n: number): void {
    growArray(this.vals, n, null);
    growArray(this.ords, n, null);
  }
  update(g: Int32Array, args: readonly unknown[][], n: number): void {
    const v = args[0]!;
    const o = args[1]!;
    for (let i = 0; i < n; i++) {
      const ord = o[i];
      if (ord == null) continue;
      const k = g[i]!;
      const cur = this.ords[k];
      if (cur == null || (this.wantMax ? this.cmp(ord, cur) > 0 : this.cmp(ord, cur) < 0)) {
        this.ords[k] = ord;
        this.vals[k] = v[i] ?? null;
      }
    }
  }
  finish(n: number): unknown[] {
    return this.vals.slice(0, n);
  }
}

/**
 * max_by(x, y, k) / min_by(x, y, k): the x of the k rows with the largest (smallest) y, in that
 * order; rows whose y is null are skipped, a null x is kept, ties keep input order (reversed for
 * max_by, as Spark), and
 * a group with no y is null (Spark 4.1's MaxMinByK). Holds at most 2k rows per group, trimming
 * back to k whenever it fills.
 */
class ByKState implements AggregateState {
  rows: { ord: unknown; val: unknown; seq: number }[][] = [];
  private seq = 0;
  constructor(private readonly cmp: (a: unknown, b: unknown) => number, private readonly wantMax: boolean, private readonly k: number) {}
  grow(n: number): void {
    while (this.rows.length < n) this.rows.push([]);
  }
  // Spark's order is ascending with ties in input order, reversed for max_by: tied rows then
  // come last seen first.
  private order = (a: { ord: unknown; seq: number }, b: { ord: unknown; seq: number }) =>
    this.wantMax ? this.cmp(b.ord, a.ord) || b.seq - a.seq : this.cmp(a.ord, b.ord) || a.seq - b.seq;
  update(g: Int32Array, args: readonly unknown[][], n: number): void {
    const v = args[0]!;
    const o = args[1]!;
    for (let i = 0; i < n; i++) {
      if (o[i] == null) continue;
      const list = this.rows[g[i]!]!;
      list.push({ ord: o[i], val: v[i] ?? null, seq: this.seq++ });
      if (list.length >= 2 * this.k) list.sort(this.order).length = this.k;
    }
  }
  finish(n: number): unknown[] {
    return this.rows.slice(0, n).map((list) => (list.length ? list.sort(this.order).slice(0, this.k).map((r) => r.val) : null));
  }
}

const MAX_K = 100_000;

/** The k of max_by/min_by: a constant integer in [1, 100000]. */
function byK(name: string, args: readonly Expr[]): number {
  const k = numericLiteralArg(args, 2);
  if (k === undefined) {
    throw new PijarError("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", { inputName: "k", inputType: "int", inputExpr: exprName(args[2]!) }, {
      message: `Cannot resolve "${callSql(name, args)}" due to data type mismatch: the input k should be a foldable int expression; however, got ${exprName(args[2]!)}.`,
    });
  }
  if (!Number.isInteger(k) || k < 1 || k > MAX_K) {
    throw new PijarError("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", {}, {
      message: `Cannot resolve "${callSql(name, args)}" due to data type mismatch: The \`k\` must be between [1, ${MAX_K}] (current value = ${k}).`,
    });
  }
  return k;
}

for (const [name, wantMax] of [["max_by", true], ["min_by", false]] as const) {
  definitions.push({
    kind: "agg", name, minArgs: 2, maxArgs: 3,
    resolve(args) {
      if (args.length === 2) return { args, dataType: typeOf(args[0]!), nullable: true };
      const k = byK(name, [args[0]!, args[1]!, expectType(name, args, 2, integerType)]);
      return { args: [args[0]!, args[1]!, args[2]!], dataType: new ArrayType(typeOf(args[0]!), true), nullable: true, state: k };
    },
    create: (call) =>
      call.state === undefined
        ? new ByState(comparatorFor(typeOf(call.args[1]!)), wantMax)
        : new ByKState(comparatorFor(typeOf(call.args[1]!)), wantMax, call.state as number),
  });
}

/**
 * mode: the most frequent non-null value. Ties go to the value seen first, or with an order
 * (mode(col, true), or mode() WITHIN GROUP (ORDER BY col [DESC]), whose column arrives as a sort
 * expression) to the smallest (largest) value, as Spark's deterministic mode.
 */
class ModeState implements AggregateState {
  counts: Map<string, { v: unknown; c: number }>[] = [];
  /** -1 picks the smaller of two tied values, 1 the larger, 0 the first seen. */
  constructor(private readonly tie: number, private readonly cmp: (a: unknown, b: unknown) => number) {}
  grow(n: number): void {
    while (this.counts.length < n) this.counts.push(new Map());
  }
  update(g: Int32Array, args: readonly unknown[][], n: number): void {
    const a = args[0]!;
    for (let i = 0; i < n; i++) {
      const v = a[i];
      if (v == null) continue;
      const m = this.counts[g[i]!]!;
      const key = keyOf(v);
      const e = m.get(key);
      if (e) e.c++;
      else m.set(key, { v, c: 1 });
    }
  }
  finish(n: number): unknown[] {
    return this.counts.slice(0, n).map((m) => {
      let best: { v: unknown; c: number } | null = null;
      for (const e of m.values()) {
        if (!best || e.c > best.c || (e.c === best.c && this.tie !== 0 && Math.sign(this.cmp(e.v, best.v)) === this.tie)) best = e;
      }
      return best ? best.v : null;
    });
  }
}

/** mode's tie rule from its arguments: [col, deterministic?] or [sort(col)]. */
function modeTie(args: readonly Expr[]): number {
  const first = args[0]!;
  if (first.kind === "sort") return first.ascending ? -1 : 1;
  return literalArg(args, 1) === true ? -1 : 0;
}

definitions.push({
  kind: "agg", name: "mode", minArgs: 1, maxArgs: 2,
  resolve(args) {
    if (args[1] !== undefined && typeof literalArg(args, 1) !== "boolean") {
      throw new PijarError("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", { inputName: "deterministic", inputType: "boolean", inputExpr: exprName(args[1]) }, {
        message: `Cannot resolve "${callSql("mode", args)}" due to data type mismatch: the input deterministic should be a constant boolean, e.g. mode(col, true).`,
      });
    }
    const value = args[0]!;
    return { args: [value], dataType: typeOf(value), nullable: true, state: modeTie(args) };
  },
  create: (call) => {
    const v = call.args[0]!;
    return new ModeState(call.state as number, comparatorFor(typeOf(v.kind === "sort" ? v.child : v)));
  },
  // Spark names a deterministic mode by its WITHIN GROUP form, with the direction flipped:
  // ascending (smallest wins) shows as DESC.
  sql: (a, call) => {
    const v = call.args[0]!;
    const col = exprName(v.kind === "sort" ? v.child : v);
    const tie = call.state as number;
    return tie === 0 ? `mode(${a[0]})` : `mode() WITHIN GROUP (ORDER BY ${col}${tie < 0 ? " DESC" : ""})`;
  },
});
