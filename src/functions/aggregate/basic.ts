/**
 * count, sum, avg/mean, min, max as Spark computes them: sum of integers is bigint (overflow is
 * an error under ANSI), sum of decimal(p,s) is decimal(p+10,s), avg of decimal(p,s) is
 * decimal(p+4,s+4), avg of numbers is double; nulls are skipped; empty input gives null
 * (count gives 0).
 */
import type { Call } from "../../plan/expr/expr.js";
import { DecimalType, MapType, doubleType, longType, DayTimeIntervalType, YearMonthIntervalType } from "../../types/data-types.js";
import { boundedDecimal, isDecimal, isFractional, isIntegral, isNumeric, isString, isNull, isAtomic, isOrderable, isAnsiInterval, isYearMonthInterval } from "../../types/type-utils.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { castTo } from "../../plan/expr/cast-to.js";
import { PijarError } from "../../errors/pijar-error.js";
import { divRoundHalfUp, fitsPrecision, formatDecimal, POW10 } from "../../values/decimal.js";
import { comparatorFor, keyOf } from "../../values/compare.js";
import type { AggregateState, FunctionDef } from "../registry.js";
import { addLong, canonLong, type Long } from "../../values/long.js";
import { callSql, unexpectedType } from "../helpers.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

/** Grows a plain array to `n` slots filled with `fill`. */
export function growArray<T>(arr: T[], n: number, fill: T): void {
  for (let i = arr.length; i < n; i++) arr.push(fill);
}

class CountState implements AggregateState {
  counts = new Float64Array(16);
  private seen: Set<unknown>[] | null;
  constructor(private readonly star: boolean, distinct: boolean) {
    this.seen = distinct ? [] : null;
  }
  grow(n: number): void {
    if (n > this.counts.length) {
      const c = new Float64Array(Math.max(n, this.counts.length * 2));
      c.set(this.counts);
      this.counts = c;
    }
    if (this.seen) while (this.seen.length < n) this.seen.push(new Set());
  }
  update(g: Int32Array, args: readonly unknown[][], n: number): void {
    if (this.star || args.length === 0) {
      for (let i = 0; i < n; i++) this.counts[g[i]!]!++;
      return;
    }
    outer: for (let i = 0; i < n; i++) {
      for (const a of args) if (a[i] == null) continue outer;
      if (this.seen) {
        // Primitive values are their own Set keys (SameValueZero: NaN with NaN, as Spark).
        const v0 = args[0]![i];
        const key = args.length === 1 && typeof v0 !== "object" ? v0 : args.map((a) => keyOf(a[i])).join("\u0002");
        const s = this.seen[g[i]!]!;
        if (s.has(key)) continue;
        s.add(key);
      }
      this.counts[g[i]!]!++;
    }
  }
  finish(n: number): unknown[] {
    return Array.from(this.counts.subarray(0, n));
  }
}

definitions.push({
  kind: "agg", name: "count", minArgs: 0, maxArgs: Infinity,
  resolve: (args) => ({ args, dataType: longType, nullable: false }),
  create: (call: Call) => new CountState(!!call.isStar || call.args.every((a) => a.kind === "literal" && a.value !== null), call.distinct),
});

class SumState implements AggregateState {
  sums: unknown[] = [];
  private seen: Set<string>[] | null;
  constructor(private readonly mode: "long" | "double" | "decimal" | "months", private readonly precision: number, private readonly scale: number, distinct: boolean) {
    this.seen = distinct ? [] : null;
  }
  grow(n: number): void {
    growArray(this.sums, n, null);
    if (this.seen) while (this.seen.length < n) this.seen.push(new Set());
  }
  update(g: Int32Array, args: readonly unknown[][], n: number): void {
    const a = args[0]!;
    const sums = this.sums;
    for (let i = 0; i < n; i++) {
      const v = a[i];
      if (v == null) continue;
      const k = g[i]!;
      if (this.seen) {
        const key = keyOf(v);
        if (this.seen[k]!.has(key)) continue;
        this.seen[k]!.add(key);
      }
      const cur = sums[k];
      if (this.mode === "decimal") sums[k] = cur == null ? (v as bigint) : (cur as bigint) + (v as bigint);
      // Exact 64-bit sum, ARITHMETIC_OVERFLOW at the step that leaves +-2^63 (Spark's ANSI Add).
      else if (this.mode === "long" || this.mode === "months") sums[k] = cur == null ? (v as Long) : addLong(cur as Long, v as Long);
      else sums[k] = cur == null ? (v as number) : (cur as number) + (v as number);
    }
  }
  finish(n: number): unknown[] {
    const out = this.sums.slice(0, n);
    if (this.mode === "months") {
      for (const v of out) {
        if (v != null && ((v as number) > 2147483647 || (v as number) < -2147483648)) {
          throw new PijarError("ARITHMETIC_OVERFLOW", { message: "integer overflow", alternative: "", config: "\"spark.sql.ansi.enabled\"" });
        }
      }
    }
    if (this.mode === "decimal") {
      for (const v of out) {
        if (v != null && !fitsPrecision(v as bigint, this.precision)) {
          throw new PijarError("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", {
            value: formatDecimal(v as bigint, this.scale), precision: String(this.precision), scale: String(this.scale), config: "\"spark.sql.ansi.enabled\"",
          });
        }
      }
    }
    return out;
  }
}

function numericArg(name: string, call: { args: readonly import("../../plan/expr/expr.js").Expr[] }) {
  const arg = call.args[0]!;
  const t = typeOf(arg);
  if (isString(t) || isNull(t)) return { arg: castTo(arg, doubleType), t: doubleType };
  if (isAnsiInterval(t)) return { arg, t };
  if (!isNumeric(t)) throw unexpectedType(callSql(name, call.args), 0, "\"NUMERIC\" or \"ANSI INTERVAL\"", arg);
  return { arg, t };
}

definitions.push({
  kind: "agg", name: "sum", minArgs: 1, maxArgs: 1,
  resolve(args) {
    const { arg, t } = numericArg("sum", { args });
    if (isDecimal(t)) return { args: [arg], dataType: boundedDecimal(t.precision + 10, t.scale), nullable: true };
    // An interval sums to its own type (months must stay an int, checked in finish()).
    if (isAnsiInterval(t)) return { args: [arg], dataType: t, nullable: true };
    return { args: [arg], dataType: isIntegral(t) ? longType : doubleType, nullable: true };
  },
  create(call) {
    const t = call.dataType;
    if (t instanceof DecimalType) return new SumState("decimal", t.precision, t.scale, call.distinct);
    if (isYearMonthInterval(t)) return new SumState("months", 0, 0, call.distinct);
    return new SumState(isFractional(t) ? "double" : "long", 0, 0, call.distinct);
  },
});

class AvgState implements AggregateState {
  private readonly sum: SumState;
  private readonly count: CountState;
  constructor(private readonly decimal: DecimalType | null, private readonly out: DecimalType | null, distinct: boolean,
    private readonly interval: "months" | "micros" | null = null) {
    this.sum = new SumState(decimal ? "decimal" : interval ? "long" : "double", 38, 0, distinct);
    this.count = new CountState(false, distinct);
  }
  grow(n: number): void {
    this.sum.grow(n);
    this.count.grow(n);
  }
  update(g: Int32Array, args: readonly unknown[][], n: number): void {
    this.sum.update(g, args, n);
    this.count.update(g, args, n);
  }
  finish(n: number): unknown[] {
    const sums = this.sum.sums;
    const counts = this.count.counts;
    const res = new Array<unknown>(n);
    for (let k = 0; k < n; k++) {
      const c = counts[k]!;
      const s = sums[k];
      if (!c || s == null) res[k] = null;
      // Spark divides an interval sum by the count rounding HALF_UP (DivideYMInterval / DivideDTInterval).
      else if (this.interval) {
        const q = divRoundHalfUp(BigInt(s as Long), BigInt(c));
        res[k] = this.interval === "months" ? Number(q) : canonLong(q);
      } else if (this.decimal && this.out) {
        // avg at the result scale: sum (scale s) / count -> scale s+4, HALF_UP
        const shift = this.out.scale - this.decimal.scale;
        res[k] = divRoundHalfUp((s as bigint) * POW10[shift]!, BigInt(c));
      } else res[k] = (s as number) / c;
    }
    return res;
  }
}

definitions.push({
  kind: "agg", name: "avg", aliases: ["mean"], minArgs: 1, maxArgs: 1,
  resolve(args) {
    const { arg, t } = numericArg("avg", { args });
    if (isDecimal(t)) return { args: [arg], dataType: boundedDecimal(t.precision + 4, t.scale + 4), nullable: true };
    if (isAnsiInterval(t)) {
      return { args: [arg], dataType: isYearMonthInterval(t) ? new YearMonthIntervalType() : new DayTimeIntervalType(), nullable: true };
    }
    return { args: [castTo(arg, doubleType)], dataType: doubleType, nullable: true };
  },
  create(call) {
    const argT = typeOf(call.args[0]!);
    if (isAnsiInterval(argT)) return new AvgState(null, null, call.distinct, isYearMonthInterval(argT) ? "months" : "micros");
    return argT instanceof DecimalType
      ? new AvgState(argT, call.dataType as DecimalType, call.distinct)
      : new AvgState(null, null, call.distinct);
  },
});

class ExtremeState implements AggregateState {
  vals: unknown[] = [];
  constructor(private readonly cmp: (a: unknown, b: unknown) => number, private readonly wantMax: boolean) {}
  grow(n: number): void {
    growArray(this.vals, n, null);
  }
  update(g: Int32Array, args: readonly unknown[][], n: number): void {
    const a = args[0]!;
    for (let i = 0; i < n; i++) {
      const v = a[i];
      if (v == null) continue;
      const k = g[i]!;
      const cur = this.vals[k];
      if (cur == null) this.vals[k] = v;
      else {
        const c = this.cmp(v, cur);
        if (this.wantMax ? c > 0 : c < 0) this.vals[k] = v;
      }
    }
  }
  finish(n: number): unknown[] {
    return this.vals.slice(0, n);
  }
}

for (const [name, wantMax] of [["min", false], ["max", true]] as const) {
  definitions.push({
    kind: "agg", name, minArgs: 1, maxArgs: 1,
    resolve(args) {
      const t = typeOf(args[0]!);
      if (!isOrderable(t) && !(t instanceof MapType)) {
        throw new PijarError("DATATYPE_MISMATCH.INVALID_ORDERING_TYPE", {
          sqlExpr: `"${callSql(name, args)}"`, functionName: `\`${name}\``, dataType: `"${t.sql()}"`,
        });
      }
      if (!isAtomic(t) && t.typeName() !== "array" && t.typeName() !== "struct") {
        throw unexpectedType(callSql(name, args), 0, "\"ORDERABLE\"", args[0]!);
      }
      return { args, dataType: t, nullable: true };
    },
    create: (call) => new ExtremeState(comparatorFor(call.dataType), wantMax),
  });
}
