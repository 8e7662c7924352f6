/**
 * sequence(start, stop, step) over dates and timestamps stepped by an ANSI interval (Spark's
 * TemporalSequenceImpl): element i is start moved by i steps (months clamp the day, so
 * 2018-01-31 by a month gives 02-28 then 03-31), up to stop. Dates take only whole-day
 * day-time steps; timestamps move in the session time zone's wall clock.
 */
import type { Call, Expr } from "../../plan/expr/expr.js";
import { ArrayType, type DataType } from "../../types/data-types.js";
import { isAnsiInterval, isDate, isYearMonthInterval, widerType } from "../../types/type-utils.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { castTo } from "../../plan/expr/cast-to.js";
import { PijarError } from "../../errors/pijar-error.js";
import { addMonths } from "../datetime/arith.js";
import { timestampAddDayTime, timestampAddMonths } from "../operators/interval-arith.js";
import type { FunctionContext, ResolveResult } from "../registry.js";

const MICROS_PER_DAY = 86_400_000_000n;

interface TemporalStep {
  readonly date: boolean;
  readonly months: boolean;
  /** TIMESTAMP_NTZ reads its wall clock as UTC. */
  readonly ntz: boolean;
}

/** The resolution of a temporal sequence, or undefined when start/stop are not dates or timestamps with an interval step. */
export function resolveTemporalSequence(args: readonly Expr[]): ResolveResult | undefined {
  if (args.length !== 3) return undefined;
  const stepType = typeOf(args[2]!);
  const common: DataType | null = widerType(typeOf(args[0]!), typeOf(args[1]!));
  if (!common || !isAnsiInterval(stepType) || !["date", "timestamp", "timestamp_ntz"].includes(common.typeName())) return undefined;
  const state: TemporalStep = { date: isDate(common), months: isYearMonthInterval(stepType), ntz: common.typeName() === "timestamp_ntz" };
  return { args: [castTo(args[0]!, common), castTo(args[1]!, common), args[2]!], dataType: new ArrayType(common, false), state };
}

export function isTemporalStep(s: unknown): s is TemporalStep {
  return typeof s === "object" && s !== null && "months" in s && "date" in s;
}

export function evalTemporalSequence(args: readonly unknown[][], n: number, call: Call, ctx: FunctionContext): unknown[] {
  const st = call.state as TemporalStep;
  const tz = st.ntz ? "UTC" : ctx.timeZone;
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const [start, stop, step] = [args[0]![i], args[1]![i], args[2]![i]];
    if (start == null || stop == null || step == null) { out[i] = null; continue; }
    out[i] = elements(start as number, stop as number, st, st.months ? BigInt(step as number) : BigInt(step as number | bigint), tz);
  }
  return out;
}

function elements(start: number, stop: number, st: TemporalStep, step: bigint, tz: string): number[] {
  if (st.date && !st.months && step % MICROS_PER_DAY !== 0n) {
    throw new PijarError("_LEGACY_ERROR_TEMP_3242", { intervalType: "interval day to second" });
  }
  const unit = st.date && !st.months ? step / MICROS_PER_DAY : step;
  const at = (k: number): number => {
    if (st.months) return st.date ? addMonths(start, k * Number(unit)) : timestampAddMonths(start, k * Number(unit), tz);
    return st.date ? start + k * Number(unit) : timestampAddDayTime(start, BigInt(k) * unit, tz);
  };
  const up = unit > 0n;
  if (unit === 0n || (up && start > stop) || (!up && start < stop)) {
    if (start === stop) return [start];
    throw new PijarError("INVALID_PARAMETER_VALUE", { parameter: "`step`", functionName: "`sequence`", message: `Illegal sequence boundaries: ${start} to ${stop} by ${unit}` });
  }
  const out: number[] = [];
  for (let k = 0; ; k++) {
    const v = at(k);
    if (up ? v > stop : v < stop) break;
    out.push(v);
  }
  return out;
}
