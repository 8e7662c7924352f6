/**
 * percentile_disc(p) WITHIN GROUP (ORDER BY v [DESC]), planned as percentile_disc(v, p, desc):
 * the first value, in the group's order, whose cumulative share of the rows reaches p (no
 * interpolation, unlike percentile_cont). Nulls are ignored; a group without values is NULL.
 */
import { DayTimeIntervalType, YearMonthIntervalType, booleanType, doubleType } from "../../types/data-types.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { PijarError } from "../../errors/pijar-error.js";
import { callSql, numericLiteralArg } from "../helpers.js";
import type { AggregateState, FunctionDef } from "../registry.js";
import { doubleArg } from "./moments.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

class DiscreteState implements AggregateState {
  // Doubles, or an interval's months / microseconds (a long past 2^53 is a bigint).
  lists: (number | bigint)[][] = [];
  constructor(private readonly p: number, private readonly desc: boolean) {}
  grow(n: number): void {
    while (this.lists.length < n) this.lists.push([]);
  }
  update(g: Int32Array, args: readonly unknown[][], n: number): void {
    const a = args[0]!;
    for (let i = 0; i < n; i++) if (a[i] != null) this.lists[g[i]!]!.push(a[i] as number | bigint);
  }
  finish(n: number): unknown[] {
    return this.lists.slice(0, n).map((vals) => {
      if (!vals.length) return null;
      const asc = (x: number | bigint, y: number | bigint) => (x < y ? -1 : x > y ? 1 : 0);
      const sorted = [...vals].sort((x, y) => (this.desc ? asc(y, x) : asc(x, y)));
      // The first value whose cumulative share of the group (i / n) reaches p (SPARK-44871).
      return sorted[Math.max(Math.ceil(this.p * sorted.length) - 1, 0)]!;
    });
  }
}

definitions.push({
  kind: "agg", name: "percentile_disc", minArgs: 3, maxArgs: 3,
  resolve(args) {
    const p = numericLiteralArg(args, 1);
    if (typeof p !== "number" || p < 0 || p > 1) {
      throw new PijarError("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", {}, {
        message: `Cannot resolve "${callSql("percentile_disc", args)}": the percentage must be a constant between 0.0 and 1.0, got ${String(p)}.`,
      });
    }
    // An ANSI interval answers one of the group's values, typed as the widest interval of its
    // kind (YEAR TO MONTH, DAY TO SECOND), as Spark's.
    const t = typeOf(args[0]!);
    const interval = t instanceof YearMonthIntervalType || t instanceof DayTimeIntervalType;
    const value = interval ? args[0]! : doubleArg("percentile_disc", args, 0);
    return { args: [value, args[1]!, args[2]!], dataType: !interval ? doubleType : t instanceof YearMonthIntervalType ? new YearMonthIntervalType() : new DayTimeIntervalType(), nullable: true, state: { p, desc: (args[2] as { value?: unknown }).value === true } };
  },
  create: (call) => {
    const { p, desc } = call.state as { p: number; desc: boolean };
    return new DiscreteState(p, desc);
  },
  sql: (args) => `percentile_disc(${args[1]}) WITHIN GROUP (ORDER BY ${args[0]}${args[2] === "true" ? " DESC" : ""})`,
});
void booleanType;
