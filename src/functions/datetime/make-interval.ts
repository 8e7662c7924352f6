/**
 * make_interval (the legacy calendar interval), make_dt_interval and make_ym_interval. Missing
 * arguments are zero literals, so the column is named as Spark names it:
 * `make_interval(1, 0, 0, 0, 0, 0, 0.000000)`.
 */
import type { Expr } from "../../plan/expr/expr.js";
import { literal } from "../../plan/expr/expr.js";
import {
  DataType, DayTimeIntervalType, DecimalType, YearMonthIntervalType, calendarIntervalType, integerType,
} from "../../types/data-types.js";
import { PijarError } from "../../errors/pijar-error.js";
import { CalendarInterval, MICROS_PER_DAY_N, MICROS_PER_HOUR_N, MICROS_PER_MINUTE_N } from "../../values/interval.js";
import { LONG_MAX, LONG_MIN, canonLong } from "../../values/long.js";
import { expectType, mapN } from "../helpers.js";
import type { FunctionDef } from "../registry.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

const SECONDS = new DecimalType(18, 6);

/** The arguments after implicit casts: ints, then seconds as DECIMAL(18,6); absent ones zero. */
function intervalArgs(name: string, args: readonly Expr[], ints: number, withSeconds: boolean): Expr[] {
  const total = ints + (withSeconds ? 1 : 0);
  const full = [...args];
  for (let i = args.length; i < total; i++) full.push(i < ints ? literal(0, integerType) : literal(0n, SECONDS));
  return full.map((_, i) => expectType(name, full, i, i < ints ? integerType : SECONDS));
}

function overflow(): PijarError {
  return new PijarError("ARITHMETIC_OVERFLOW", { message: "integer overflow", alternative: "", config: "\"spark.sql.ansi.enabled\"" });
}

function intPart(v: bigint): number {
  if (v > 2147483647n || v < -2147483648n) throw overflow();
  return Number(v);
}

function micros(hours: number, mins: number, secs: bigint): bigint {
  const v = BigInt(hours) * MICROS_PER_HOUR_N + BigInt(mins) * MICROS_PER_MINUTE_N + secs;
  if (v > LONG_MAX || v < LONG_MIN) throw overflow();
  return v;
}

function def(name: string, ints: number, withSeconds: boolean, dataType: DataType, make: (a: any[]) => unknown) {
  definitions.push({
    kind: "scalar", name, minArgs: 0, maxArgs: ints + (withSeconds ? 1 : 0),
    resolve: (args) => ({ args: intervalArgs(name, args, ints, withSeconds), dataType, nullable: true }),
    eval: mapN(make),
  });
}

def("make_interval", 6, true, calendarIntervalType, ([y, mo, w, d, h, mi, s]: any[]) =>
  new CalendarInterval(intPart(BigInt(y) * 12n + BigInt(mo)), intPart(BigInt(w) * 7n + BigInt(d)), canonLong(micros(h, mi, s))));

def("make_dt_interval", 3, true, new DayTimeIntervalType(0, 3), ([d, h, mi, s]: any[]) => {
  const v = BigInt(d) * MICROS_PER_DAY_N + micros(h, mi, s);
  if (v > LONG_MAX || v < LONG_MIN) throw overflow();
  return canonLong(v);
});

def("make_ym_interval", 2, false, new YearMonthIntervalType(0, 1), ([y, mo]: any[]) => intPart(BigInt(y) * 12n + BigInt(mo)));
