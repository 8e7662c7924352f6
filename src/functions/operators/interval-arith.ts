/**
 * + - * / where a date, timestamp or interval is involved, typed as Spark 4 does:
 * date - date is INTERVAL DAY, timestamp - timestamp (or date) INTERVAL DAY TO SECOND, a date
 * or timestamp moves by an interval (a date stays a date for year-month intervals and whole
 * days), intervals add to intervals of their own kind, and multiply or divide by numbers
 * (rounding HALF_UP, as Spark's MultiplyDTInterval / DivideYMInterval).
 */
import type { Call, Expr } from "../../plan/expr/expr.js";
import {
  DataType, DayTimeIntervalType, DecimalType, YearMonthIntervalType, dateType, doubleType, timestampType,
  TimestampNTZType,
} from "../../types/data-types.js";
import {
  isDate, isDayTimeInterval, isDecimal, isFractional, isIntegral, isNull, isNumeric, isString, isTimestamp,
  isYearMonthInterval, widerType,
} from "../../types/type-utils.js";
import { PijarError } from "../../errors/pijar-error.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { castTo } from "../../plan/expr/cast-to.js";
import { exprName } from "../../plan/expr/sql-text.js";
import { MICROS_PER_DAY, civilFromDays, fromLocal, localFields } from "../../values/datetime.js";
import { POW10, divRoundHalfUp } from "../../values/decimal.js";
import { LONG_MAX, LONG_MIN, addLong, canonLong, negLong, subLong, type Long } from "../../values/long.js";
import { unexpectedType } from "../helpers.js";
import type { FunctionContext, ResolveResult } from "../registry.js";
import { addMonths } from "../datetime/arith.js";

type Op = "+" | "-" | "*" | "/" | "%";

/** What an interval operation computes; the first argument is always the date/time/interval side. */
type Kind =
  | "date_days" | "date_diff" | "ts_diff" | "date_ym" | "date_dt_days" | "ts_ym" | "ts_dt"
  | "ym_ym" | "dt_dt" | "ym_mul" | "dt_mul" | "ym_div" | "dt_div";

interface IntervalState {
  iv: Kind;
  sign: 1 | -1;
  /** The numeric operand's kind for * and /. */
  num?: "int" | "double" | "decimal";
  scale?: number;
}

const isInterval = (t: DataType) => isYearMonthInterval(t) || isDayTimeInterval(t);
const INT_MAX = 2147483647;
const INT_MIN = -2147483648;

function diffTypes(op: Op, l: Expr, r: Expr): PijarError {
  return new PijarError("DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES", {
    sqlExpr: `"(${exprName(l)} ${op} ${exprName(r)})"`, left: `"${typeOf(l).sql()}"`, right: `"${typeOf(r).sql()}"`,
  });
}

function result(args: Expr[], dataType: DataType, iv: Kind, op: Op, extra: Partial<IntervalState> = {}): ResolveResult {
  const state: IntervalState = { iv, sign: op === "-" ? -1 : 1, ...extra };
  return { args, dataType, state };
}

function numberState(t: DataType): Partial<IntervalState> {
  if (isDecimal(t)) return { num: "decimal", scale: (t as DecimalType).scale };
  return { num: isIntegral(t) ? "int" : "double" };
}

/**
 * The typing of an arithmetic operator whose operands involve a date, timestamp or interval,
 * or null when neither side does (plain numbers are arithmetic.ts's business).
 */
export function resolveIntervalArith(op: Op, l: Expr, r: Expr, fnName: string): ResolveResult | null {
  const lt = typeOf(l);
  const rt = typeOf(r);
  const involved = (t: DataType) => isInterval(t) || isDate(t) || isTimestamp(t);
  if (!involved(lt) && !involved(rt)) return null;
  const sql = () => `${fnName}(${exprName(l)}, ${exprName(r)})`;

  if (op === "*" || op === "/") {
    let [iv, num] = [l, r];
    if (op === "*" && !isInterval(lt) && isInterval(rt)) [iv, num] = [r, l];
    const it = typeOf(iv);
    let nt = typeOf(num);
    if (!isInterval(it)) return null;
    if (isNull(nt)) { num = castTo(num, doubleType); nt = doubleType; }
    if (isString(nt)) { num = castTo(num, doubleType); nt = doubleType; }
    if (!isNumeric(nt)) throw diffTypes(op, l, r);
    const ym = isYearMonthInterval(it);
    const type = ym ? new YearMonthIntervalType() : new DayTimeIntervalType();
    const kind: Kind = op === "*" ? (ym ? "ym_mul" : "dt_mul") : ym ? "ym_div" : "dt_div";
    return result([iv, num], type, kind, op, numberState(nt));
  }
  if (op !== "+" && op !== "-") return null;

  // A null meeting a datetime or interval takes that side's type.
  if (isNull(lt) && involved(rt)) return resolveIntervalArith(op, castTo(l, rt), r, fnName);
  if (isNull(rt) && involved(lt)) return resolveIntervalArith(op, l, castTo(r, lt), fnName);

  // The interval or count goes second, so `7 + date` is date_add(date, 7).
  if (op === "+" && (isInterval(lt) || isIntegral(lt)) && (isDate(rt) || isTimestamp(rt))) {
    return resolveIntervalArith(op, r, l, fnName);
  }
  if (isDate(lt)) {
    if (isIntegral(rt)) return result([l, r], dateType, "date_days", op);
    if (op === "-" && isDate(rt)) return result([l, r], new DayTimeIntervalType(0, 0), "date_diff", op);
    if (op === "-" && isTimestamp(rt)) return result([castTo(l, rt), r], new DayTimeIntervalType(0, 3), "ts_diff", op);
    if (isYearMonthInterval(rt)) return result([l, r], dateType, "date_ym", op);
    if (isDayTimeInterval(rt)) {
      if (rt.startField === 0 && rt.endField === 0) return result([l, r], dateType, "date_dt_days", op);
      return result([castTo(l, timestampType), r], timestampType, "ts_dt", op);
    }
    // date + '1': Spark reads it as date_add(date, '1'), whose second argument must be a day count.
    if (isString(rt) || isNumeric(rt)) {
      throw unexpectedType(`${op === "+" ? "date_add" : "date_sub"}(${exprName(l)}, ${exprName(r)})`, 1, "(\"INT\" or \"SMALLINT\" or \"TINYINT\")", r);
    }
    throw diffTypes(op, l, r);
  }
  if (isTimestamp(lt)) {
    if (op === "-" && (isTimestamp(rt) || isDate(rt))) {
      const common = widerType(lt, rt) ?? lt;
      return result([castTo(l, common), castTo(r, common)], new DayTimeIntervalType(0, 3), "ts_diff", op);
    }
    if (isYearMonthInterval(rt)) return result([l, r], lt, "ts_ym", op);
    if (isDayTimeInterval(rt)) return result([l, r], lt, "ts_dt", op);
    throw diffTypes(op, l, r);
  }
  if (isInterval(lt)) {
    if (isYearMonthInterval(lt) && isYearMonthInterval(rt)) return result([l, r], widerType(lt, rt)!, "ym_ym", op);
    if (isDayTimeInterval(lt) && isDayTimeInterval(rt)) return result([l, r], widerType(lt, rt)!, "dt_dt", op);
    // Spark checks the second operand against the first's kind.
    if (isInterval(rt)) throw unexpectedType(sql(), 1, `"${lt.sql()}"`, r);
    throw diffTypes(op, l, r);
  }
  throw diffTypes(op, l, r);
}

export function isIntervalState(s: unknown): s is IntervalState {
  return typeof s === "object" && s !== null && "iv" in s;
}

function intervalOverflow(): PijarError {
  return new PijarError("ARITHMETIC_OVERFLOW", { message: "integer overflow", alternative: "", config: "\"spark.sql.ansi.enabled\"" });
}
function longOverflow(): PijarError {
  return new PijarError("ARITHMETIC_OVERFLOW", { message: "long overflow", alternative: "", config: "\"spark.sql.ansi.enabled\"" });
}
const dividedByZero = () => new PijarError("INTERVAL_DIVIDED_BY_ZERO", {});

/** Java's RoundingMode.HALF_UP on a double: halves go away from zero. */
function roundHalfUp(x: number): number {
  return x < 0 ? -Math.floor(-x + 0.5) : Math.floor(x + 0.5);
}

function checkedInt(v: bigint | number): number {
  const n = typeof v === "bigint" ? v : BigInt(v);
  if (n > BigInt(INT_MAX) || n < BigInt(INT_MIN)) throw intervalOverflow();
  return Number(n);
}
function checkedMicros(v: bigint): Long {
  if (v > LONG_MAX || v < LONG_MIN) throw longOverflow();
  return canonLong(v);
}

/** interval (months or micros) times or divided by one number of the state's kind. */
function scaleInterval(x: Long, y: unknown, st: IntervalState, divide: boolean, ym: boolean): Long {
  const fit = ym ? (v: bigint) => checkedInt(v) : checkedMicros;
  if (st.num === "double") {
    const d = y as number;
    if (divide && d === 0) throw dividedByZero();
    const v = divide ? Number(x) / d : Number(x) * d;
    if (!Number.isFinite(v)) throw ym ? intervalOverflow() : longOverflow();
    const rounded = roundHalfUp(v);
    if (ym) return checkedInt(rounded);
    if (rounded >= 2 ** 63 || rounded < -(2 ** 63)) throw longOverflow();
    return canonLong(BigInt(rounded));
  }
  const bx = BigInt(x);
  const by = BigInt(y as Long);
  if (st.num === "decimal") {
    const p = POW10[st.scale ?? 0]!;
    if (divide) {
      if (by === 0n) throw dividedByZero();
      return fit(divRoundHalfUp(bx * p, by));
    }
    return fit(divRoundHalfUp(bx * by, p));
  }
  if (divide) {
    if (by === 0n) throw dividedByZero();
    return fit(divRoundHalfUp(bx, by));
  }
  return fit(bx * by);
}

function wallClock(micros: number, tz: string): number {
  return tz === "UTC" ? micros : micros + localFields(micros, tz).offsetMinutes * 60_000_000;
}

/** A timestamp moved by months in wall-clock time, the day clamped to the month's length. */
export function timestampAddMonths(micros: number, months: number, tz: string): number {
  const f = localFields(micros, tz);
  const days = addMonths(f.days, months);
  const { y, m, d } = civilFromDays(days);
  return fromLocal(y, m, d, f.hour, f.minute, f.second, f.micros, tz);
}

/**
 * A timestamp moved by a day-time interval as Spark's timestampAddDayTime: the whole days in
 * wall-clock time (so a DST change keeps the clock time), then the rest as elapsed time.
 */
export function timestampAddDayTime(micros: number, interval: bigint, tz: string): number {
  if (tz === "UTC") return micros + Number(interval);
  const days = interval / BigInt(MICROS_PER_DAY); // truncates toward zero, as Scala's Long division
  const rest = Number(interval - days * BigInt(MICROS_PER_DAY));
  if (days === 0n) return micros + rest;
  const f = localFields(micros, tz);
  const { y, m, d } = civilFromDays(f.days + Number(days));
  return fromLocal(y, m, d, f.hour, f.minute, f.second, f.micros, tz) + rest;
}

export function evalIntervalArith(args: readonly unknown[][], n: number, call: Call, ctx: FunctionContext): unknown[] {
  const st = call.state as IntervalState;
  const a = args[0]!;
  const b = args[1]!;
  const out = new Array<unknown>(n);
  const sign = st.sign;
  const tz = call.dataType instanceof TimestampNTZType || typeOf(call.args[0]!) instanceof TimestampNTZType ? "UTC" : ctx.timeZone;
  const tsDiffTz = typeOf(call.args[0]!) instanceof TimestampNTZType ? "UTC" : ctx.timeZone;
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x == null || y == null) { out[i] = null; continue; }
    switch (st.iv) {
      case "date_days": out[i] = (x as number) + sign * (y as number); break;
      case "date_diff": out[i] = canonLong(BigInt((x as number) - (y as number)) * BigInt(MICROS_PER_DAY)); break;
      // Spark subtracts wall-clock times, so a DST change between them does not show.
      case "ts_diff": out[i] = canonLong(BigInt(wallClock(x as number, tsDiffTz)) - BigInt(wallClock(y as number, tsDiffTz))); break;
      case "date_ym": out[i] = addMonths(x as number, sign * (y as number)); break;
      case "date_dt_days": out[i] = (x as number) + sign * Number(BigInt(y as Long) / BigInt(MICROS_PER_DAY)); break;
      case "ts_ym": out[i] = timestampAddMonths(x as number, sign * (y as number), tz); break;
      case "ts_dt": out[i] = timestampAddDayTime(x as number, BigInt(sign) * BigInt(y as Long), tz); break;
      case "ym_ym": out[i] = checkedInt((x as number) + sign * (y as number)); break;
      case "dt_dt": out[i] = sign > 0 ? addLong(x as Long, y as Long) : subLong(x as Long, y as Long); break;
      case "ym_mul": out[i] = scaleInterval(x as number, y, st, false, true); break;
      case "dt_mul": out[i] = scaleInterval(x as Long, y, st, false, false); break;
      case "ym_div": out[i] = scaleInterval(x as number, y, st, true, true); break;
      case "dt_div": out[i] = scaleInterval(x as Long, y, st, true, false); break;
    }
  }
  return out;
}

/** Unary minus of an interval: months must stay an int, micros a long. */
export function negateInterval(v: unknown, t: DataType): unknown {
  if (isYearMonthInterval(t)) return checkedInt(-(v as number));
  return negLong(v as Long);
}
