/**
 * bool_and/every, bool_or/some/any, count_if, product, approx_count_distinct (computed
 * exactly), and the percentile family: percentile (exact, interpolated), median,
 * percentile_approx/approx_percentile (an actual input value at the requested rank).
 */
import type { Expr } from "../../plan/expr/expr.js";
import { ArrayType, DayTimeIntervalType, YearMonthIntervalType, booleanType, doubleType, integerType, longType, type DataType } from "../../types/data-types.js";
import { canonLong } from "../../values/long.js";
import { isAnsiInterval, isNumeric, isString } from "../../types/type-utils.js";
import { castTo } from "../../plan/expr/cast-to.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { PijarError } from "../../errors/pijar-error.js";
import { comparatorFor, keyOf } from "../../values/compare.js";
import { callSql, expectType, numericLiteralArg, unexpectedType } from "../helpers.js";
import type { AggregateState, FunctionDef } from "../registry.js";
import { growArray } from "./basic.js";
import { doubleArg } from "./moments.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

class FoldState implements AggregateState {
  vals: unknown[] = [];
  constructor(private readonly step: (acc: unknown, v: unknown) => unknown, private readonly empty: unknown) {}
  grow(n: number): void {
    growArray(this.vals, n, this.empty);
  }
  update(g: Int32Array, args: readonly unknown[][], n: number): void {
    const a = args[0]!;
    for (let i = 0; i < n; i++) {
      const v = a[i];
      if (v == null) continue;
      const k = g[i]!;
      this.vals[k] = this.step(this.vals[k], v);
    }
  }
  finish(n: number): unknown[] {
    return this.vals.slice(0, n);
  }
}

const BOOL_AGGS: [string, boolean][] = [["bool_and", true], ["every", true], ["bool_or", false], ["some", false], ["any", false]];
for (const [name, isAnd] of BOOL_AGGS) {
  definitions.push({
    kind: "agg", name, minArgs: 1, maxArgs: 1,
    resolve(args) {
      if (typeOf(args[0]!).typeName() !== "boolean" && typeOf(args[0]!).typeName() !== "void") throw unexpectedType(callSql(name, args), 0, "\"BOOLEAN\"", args[0]!);
      return { args, dataType: booleanType, nullable: true };
    },
    create: () => new FoldState((acc, v) => (acc == null ? v : isAnd ? (acc as boolean) && (v as boolean) : (acc as boolean) || (v as boolean)), null),
  });
}

definitions.push({
  kind: "agg", name: "count_if", minArgs: 1, maxArgs: 1,
  resolve: (args) => ({ args: [expectType("count_if", args, 0, booleanType)], dataType: longType, nullable: false }),
  create: () => new FoldState((acc, v) => (acc as number) + (v === true ? 1 : 0), 0),
});

definitions.push({
  kind: "agg", name: "product", minArgs: 1, maxArgs: 1,
  resolve: (args) => ({ args: [doubleArg("product", args, 0)], dataType: doubleType, nullable: true }),
  create: () => new FoldState((acc, v) => (acc == null ? v : (acc as number) * (v as number)), null),
});

class DistinctCountState implements AggregateState {
  sets: Set<string>[] = [];
  grow(n: number): void {
    while (this.sets.length < n) this.sets.push(new Set());
  }
  update(g: Int32Array, args: readonly unknown[][], n: number): void {
    const a = args[0]!;
    for (let i = 0; i < n; i++) if (a[i] != null) this.sets[g[i]!]!.add(keyOf(a[i]));
  }
  finish(n: number): unknown[] {
    return this.sets.slice(0, n).map((s) => s.size);
  }
}

/** Exact, though named as Spark's HyperLogLog estimate (rsd is accepted and ignored). */
definitions.push({
  kind: "agg", name: "approx_count_distinct", minArgs: 1, maxArgs: 2,
  resolve: (args) => ({ args: [args[0]!], dataType: longType, nullable: false }),
  create: () => new DistinctCountState(),
});

class ValuesState implements AggregateState {
  lists: unknown[][] = [];
  grow(n: number): void {
    while (this.lists.length < n) this.lists.push([]);
  }
  update(g: Int32Array, args: readonly unknown[][], n: number): void {
    const a = args[0]!;
    for (let i = 0; i < n; i++) if (a[i] != null) this.lists[g[i]!]!.push(a[i]);
  }
  finish(n: number): unknown[] {
    return this.lists.slice(0, n);
  }
}

/** Percentages from a literal: a number in [0, 1] or an array of them. */
function percentages(name: string, args: readonly Expr[], i: number): { list: number[]; isArray: boolean } {
  const a = args[i];
  // A list arrives as array(lit, lit...) (how PySpark names it), a single value as a literal.
  const v = a && a.kind === "call" && a.fn.name === "array" ? a.args.map((_, j) => numericLiteralArg(a.args, j)) : numericLiteralArg(args, i);
  const list = Array.isArray(v) ? (v as number[]) : [v as number];
  if (!list.every((p) => typeof p === "number" && p >= 0 && p <= 1)) {
    throw new PijarError("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", {}, {
      message: `Cannot resolve "${callSql(name, args)}": the percentage(s) must be constants between 0.0 and 1.0, got ${String(v)}.`,
    });
  }
  return { list: list.map(Number), isArray: Array.isArray(v) };
}

/** Exact percentile with linear interpolation between the closest ranks (Spark's percentile). */
export function interpolatedPercentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  if (lo === hi) return sorted[lo]!;
  return sorted[lo]! + (pos - lo) * (sorted[hi]! - sorted[lo]!);
}

/** An interval's percentile back in its type: Spark truncates the double (toInt / toLong). */
type FromDouble = (x: number) => unknown;

class PercentileState extends ValuesState {
  constructor(private readonly ps: number[], private readonly isArray: boolean, private readonly approx: boolean, private readonly cmp: (a: unknown, b: unknown) => number, private readonly fromDouble?: FromDouble) {
    super();
  }
  override finish(n: number): unknown[] {
    return (super.finish(n) as unknown[][]).map((vals) => {
      if (vals.length === 0) return null;
      const from = this.fromDouble;
      // Interval values (months, or microseconds that may be bigints) are ranked as doubles.
      const sorted = from ? vals.map(Number).sort((a, b) => a - b) : [...vals].sort(this.cmp);
      const res = this.ps.map((p) => {
        if (this.approx) return sorted[Math.max(Math.ceil(p * sorted.length) - 1, 0)];
        const x = interpolatedPercentile(sorted as number[], p);
        return from && x !== null ? from(x) : x;
      });
      return this.isArray ? res : res[0];
    });
  }
}

/**
 * Spark's percentile and median take numbers (as doubles) or ANSI intervals, whose result keeps
 * the interval type: `median(INTERVAL MONTH)` is an INTERVAL MONTH.
 */
function fromDoubleOf(t: DataType): FromDouble | undefined {
  if (t instanceof YearMonthIntervalType) return (x) => Math.trunc(x);
  if (t instanceof DayTimeIntervalType) return (x) => canonLong(BigInt(Math.trunc(x)));
  return undefined;
}

function percentileArg(name: string, args: readonly Expr[]): { arg: Expr; type: DataType } {
  const t = typeOf(args[0]!);
  if (!fromDoubleOf(t)) return { arg: doubleArg(name, args, 0), type: doubleType };
  // The answer is the widest interval of its kind (YEAR TO MONTH, DAY TO SECOND), as Spark's.
  return { arg: args[0]!, type: t instanceof YearMonthIntervalType ? new YearMonthIntervalType() : new DayTimeIntervalType() };
}


definitions.push({
  kind: "agg", name: "percentile", minArgs: 2, maxArgs: 3,
  resolve(args) {
    const { list, isArray } = percentages("percentile", args, 1);
    const freq: Expr = args[2] ?? { kind: "literal", value: 1, dataType: longType };
    const { arg, type } = percentileArg("percentile", args);
    return { args: [arg, args[1]!, freq], dataType: isArray ? new ArrayType(type, false) : type, nullable: true, state: { list, isArray } };
  },
  create: (call) => {
    const { list, isArray } = call.state as { list: number[]; isArray: boolean };
    return new PercentileState(list, isArray, false, comparatorFor(doubleType), fromDoubleOf(typeOf(call.args[0]!)));
  },
});

definitions.push({
  kind: "agg", name: "median", minArgs: 1, maxArgs: 1,
  resolve: (args) => {
    const { arg, type } = percentileArg("median", args);
    return { args: [arg], dataType: type, nullable: true };
  },
  create: (call) => new PercentileState([0.5], false, false, comparatorFor(doubleType), fromDoubleOf(typeOf(call.args[0]!))),
});

for (const name of ["percentile_approx", "approx_percentile"]) {
  definitions.push({
    kind: "agg", name, minArgs: 2, maxArgs: 3,
    resolve(args) {
      // A string is read as a double, as Spark's implicit cast (a malformed one fails the query).
      if (isString(typeOf(args[0]!))) args = [castTo(args[0]!, doubleType), ...args.slice(1)];
      const t = typeOf(args[0]!);
      // Spark's ApproximatePercentile ranks numbers, dates, timestamps and ANSI intervals, and
      // answers in the input's own type.
      if (!isNumeric(t) && !isAnsiInterval(t) && !["date", "timestamp", "timestamp_ntz"].includes(t.typeName())) {
        throw unexpectedType(callSql(name, args), 0, "(\"NUMERIC\" or \"DATE\" or \"TIMESTAMP\" or \"TIMESTAMP_NTZ\" or \"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\")", args[0]!);
      }
      const { list, isArray } = percentages(name, args, 1);
      const accuracy: Expr = args[2] ? expectType(name, args, 2, integerType) : { kind: "literal", value: 10000, dataType: integerType };
      return { args: [args[0]!, args[1]!, accuracy], dataType: isArray ? new ArrayType(t, false) : t, nullable: true, state: { list, isArray } };
    },
    create: (call) => {
      const { list, isArray } = call.state as { list: number[]; isArray: boolean };
      return new PercentileState(list, isArray, true, comparatorFor(typeOf(call.args[0]!)));
    },
  });
}
