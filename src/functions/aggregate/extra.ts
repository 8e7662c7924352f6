/** bit_and/bit_or/bit_xor, regr_* linear regression aggregates, string_agg/listagg. */
import type { Expr } from "../../plan/expr/expr.js";
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

class StringAggState implements AggregateState {
  parts: string[][] = [];
  seps: (string | null)[] = [];
  grow(n: number): void {
    while (this.parts.length < n) this.parts.push([]);
  }
  update(g: Int32Array, args: readonly unknown[][], n: number): void {
    const a = args[0]!;
    for (let i = 0; i < n; i++) {
      if (a[i] == null) continue;
      const k = g[i]!;
      this.parts[k]!.push(a[i] as string);
      this.seps[k] ??= (args[1]?.[i] as string | null) ?? "";
    }
  }
  finish(n: number): unknown[] {
    return this.parts.slice(0, n).map((p, k) => (p.length ? p.join(this.seps[k] ?? "") : null));
  }
}

for (const name of ["string_agg", "listagg"]) {
  definitions.push({
    kind: "agg", name, minArgs: 1, maxArgs: 2,
    resolve(args) {
      const delim: Expr = args[1] ?? { kind: "literal", value: null, dataType: stringType };
      return { args: [expectType(name, args, 0, stringType), expectType(name, [args[0]!, delim], 1, stringType)], dataType: stringType, nullable: true };
    },
    create: () => new StringAggState(),
  });
}
