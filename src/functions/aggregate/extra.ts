/** bit_and/bit_or/bit_xor, regr_* linear regression aggregates, string_agg/listagg. */
import type { Expr, SortOrder } from "../../plan/expr/expr.js";
import { comparatorFor } from "../../values/compare.js";
import { PijarError } from "../../errors/pijar-error.js";
import { doubleType, longType, stringType } from "../../types/data-types.js";
import { isIntegral } from "../../types/type-utils.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { callSql, expectType, literalArg, unexpectedType } from "../helpers.js";
import type { AggregateState, FunctionDef } from "../registry.js";
import { growArray } from "./basic.js";
import { CoMomentState, doubleArg } from "./moments.js";

import { canonLong } from "../../values/long.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

const BITS: Record<string, number> = { byte: 8, short: 16, integer: 32, long: 64 };

class BitState implements AggregateState {
  vals: (bigint | null)[] = [];
  constructor(private readonly op: (a: bigint, b: bigint) => bigint, private readonly bits: number) {}
  grow(n: number): void { growArray(this.vals, n, null); }
  update(g: Int32Array, args: readonly unknown[][], n: number): void {
    const a = args[0]!;
    for (let i = 0; i < n; i++) {
      const v = a[i];
      if (v == null) continue;
      const k = g[i]!;
      const b = BigInt(v as number);
      this.vals[k] = this.vals[k] == null ? b : this.op(this.vals[k]!, b);
    }
  }
  finish(n: number): unknown[] {
    return this.vals.slice(0, n).map((v) => (v == null ? null : canonLong(BigInt.asIntN(this.bits, v))));
  }
}

for (const [name, op] of [["bit_and", (a: bigint, b: bigint) => a & b], ["bit_or", (a: bigint, b: bigint) => a | b], ["bit_xor", (a: bigint, b: bigint) => a ^ b]] as const) {
  definitions.push({
    kind: "agg", name, minArgs: 1, maxArgs: 1,
    resolve(args) {
      const t = typeOf(args[0]!);
      if (!isIntegral(t)) throw unexpectedType(callSql(name, args), 0, "\"INTEGRAL\"", args[0]!);
      return { args, dataType: t, nullable: true };
    },
    create: (call) => new BitState(op, BITS[call.dataType.typeName()]!),
  });
}

/** regr_*(y, x): CoMomentState sees y as its first series and x as its second. */
const REGR: [string, (s: CoMomentState, k: number) => number | null][] = [
  ["regr_avgx", (s, k) => s.yAvg[k]!],
  ["regr_avgy", (s, k) => s.xAvg[k]!],
  ["regr_sxx", (s, k) => s.yMk[k]!],
  ["regr_syy", (s, k) => s.xMk[k]!],
  ["regr_sxy", (s, k) => s.ck[k]!],
  ["regr_slope", (s, k) => (s.yMk[k] === 0 ? null : s.ck[k]! / s.yMk[k]!)],
  ["regr_intercept", (s, k) => (s.yMk[k] === 0 ? null : s.xAvg[k]! - (s.ck[k]! / s.yMk[k]!) * s.yAvg[k]!)],
  ["regr_r2", (s, k) => {
    if (s.yMk[k] === 0) return null;
    if (s.xMk[k] === 0) return 1;
    const c = s.ck[k]! / Math.sqrt(s.xMk[k]! * s.yMk[k]!);
    return c * c;
  }],
];
for (const [name, result] of REGR) {
  definitions.push({
    kind: "agg", name, minArgs: 2, maxArgs: 2,
    resolve: (args) => ({ args: [doubleArg(name, args, 0), doubleArg(name, args, 1)], dataType: doubleType, nullable: true }),
    create: () => new CoMomentState(result),
  });
}

class RegrCountState extends CoMomentState {
  constructor() { super(() => null); }
  override finish(k: number): unknown[] { return Array.from(this.n.subarray(0, k)); }
}
definitions.push({
  kind: "agg", name: "regr_count", minArgs: 2, maxArgs: 2,
  resolve: (args) => ({ args: [doubleArg("regr_count", args, 0), doubleArg("regr_count", args, 1)], dataType: longType, nullable: false }),
  create: () => new RegrCountState(),
});

/** A WITHIN GROUP ordering of listagg: one sort key per ORDER BY item. */
interface AggOrder {
  readonly ascending: boolean;
  readonly nullsFirst: boolean;
  readonly cmp: (a: unknown, b: unknown) => number;
}

/**
 * string_agg/listagg: the non-null values joined by the delimiter, in input order, or in the
 * WITHIN GROUP order (its keys arrive as sort expressions after the delimiter; ties keep input
 * order). Null when no value is non-null. DISTINCT keeps a value's first occurrence; without
 * WITHIN GROUP Spark's order then follows its shuffle's hash partitions, which Pijar does not copy.
 */
class StringAggState implements AggregateState {
  parts: { v: string; keys: unknown[]; seq: number }[][] = [];
  seps: (string | null)[] = [];
  private seq = 0;
  /** Per group, the values already taken when DISTINCT. */
  private seen: Set<string>[] | null;
  constructor(private readonly orders: readonly AggOrder[], distinct: boolean) {
    this.seen = distinct ? [] : null;
  }
  grow(n: number): void {
    while (this.parts.length < n) this.parts.push([]);
    if (this.seen) while (this.seen.length < n) this.seen.push(new Set());
  }
  update(g: Int32Array, args: readonly unknown[][], n: number): void {
    const a = args[0]!;
    for (let i = 0; i < n; i++) {
      if (a[i] == null) continue;
      const k = g[i]!;
      if (this.seen) {
        if (this.seen[k]!.has(a[i] as string)) continue;
        this.seen[k]!.add(a[i] as string);
      }
      this.parts[k]!.push({ v: a[i] as string, keys: this.orders.map((_, j) => args[2 + j]![i] ?? null), seq: this.seq++ });
      this.seps[k] ??= (args[1]?.[i] as string | null) ?? "";
    }
  }
  private compare = (x: { keys: unknown[]; seq: number }, y: { keys: unknown[]; seq: number }): number => {
    for (let j = 0; j < this.orders.length; j++) {
      const o = this.orders[j]!;
      const a = x.keys[j];
      const b = y.keys[j];
      if (a === null || b === null) {
        if (a !== b) return (a === null) === o.nullsFirst ? -1 : 1;
        continue;
      }
      const c = o.cmp(a, b);
      if (c !== 0) return o.ascending ? c : -c;
    }
    return x.seq - y.seq;
  };
  finish(n: number): unknown[] {
    return this.parts.slice(0, n).map((p, k) => {
      if (!p.length) return null;
      if (this.orders.length) p.sort(this.compare);
      return p.map((e) => e.v).join(this.seps[k] ?? "");
    });
  }
}

for (const name of ["string_agg", "listagg"]) {
  definitions.push({
    kind: "agg", name, minArgs: 1, maxArgs: Infinity,
    resolve(args) {
      const delim: Expr = args[1] ?? { kind: "literal", value: null, dataType: stringType };
      const keys = args.slice(2);
      // Only the SQL front end's WITHIN GROUP passes more than two arguments, each a sort key.
      if (keys.some((k) => k.kind !== "sort")) throw wrongArgCount(name, args.length);
      const orders: AggOrder[] = keys.map((k) => {
        const o = k as SortOrder;
        return { ascending: o.ascending, nullsFirst: o.nullsFirst, cmp: comparatorFor(typeOf(o.child)) };
      });
      const value = expectType(name, args, 0, stringType);
      return { args: [value, expectType(name, [value, delim], 1, stringType), ...keys], dataType: stringType, nullable: true, state: orders };
    },
    create: (call) => new StringAggState(call.state as AggOrder[], call.distinct),
    // With WITHIN GROUP Spark names the call listagg, whichever name was written.
    sql: (a, call) =>
      a.length <= 2
        ? `${name}(${call.distinct ? "DISTINCT " : ""}${a.join(", ")})`
        : `listagg(${call.distinct ? "DISTINCT " : ""}${a[0]}, ${a[1]}) WITHIN GROUP (ORDER BY ${a.slice(2).join(", ")})`,
  });
}

function wrongArgCount(name: string, actual: number): PijarError {
  return new PijarError("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", { functionName: `\`${name}\``, expectedNum: "[1, 2]", actualNum: String(actual), docroot: "" });
}
