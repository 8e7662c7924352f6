/** datediff, date_add/date_sub, add_months, months_between, last_day, next_day, make_date. */
import type { Expr } from "../../plan/expr/expr.js";
import { booleanType, dateType, doubleType, integerType, stringType, timestampType, DecimalType } from "../../types/data-types.js";
import { PijarError } from "../../errors/pijar-error.js";
import { civilFromDays, daysFromCivil, daysInMonth, fromLocal, localFields } from "../../values/datetime.js";
import { formatDecimal } from "../../values/decimal.js";
import { expectType, map1, map2, mapN } from "../helpers.js";
import type { FunctionDef } from "../registry.js";
import { dateArg, dayCountArg, timestampArg } from "./args.js";
import { isoDayOfWeek } from "./parts.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

for (const name of ["datediff", "date_diff"]) {
  definitions.push({
    kind: "scalar", name, minArgs: 2, maxArgs: 2,
    resolve: (args) => ({ args: [dateArg(name, args, 0), dateArg(name, args, 1)], dataType: integerType }),
    eval: map2((a: number, b: number) => a - b),
  });
}

for (const [name, sign] of [["date_add", 1], ["dateadd", 1], ["date_sub", -1]] as const) {
  definitions.push({
    kind: "scalar", name, minArgs: 2, maxArgs: 2,
    resolve: (args) => ({ args: [dateArg(name, args, 0), dayCountArg(name, args, 1)], dataType: dateType }),
    eval: map2((d: number, k: number) => d + sign * k),
  });
}

/** Spark's add_months: the day is clamped to the target month's length. */
export function addMonths(days: number, k: number): number {
  const { y, m, d } = civilFromDays(days);
  const total = y * 12 + (m - 1) + k;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return daysFromCivil(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

definitions.push({
  kind: "scalar", name: "add_months", minArgs: 2, maxArgs: 2,
  resolve: (args) => ({ args: [dateArg("add_months", args, 0), expectType("add_months", args, 1, integerType)], dataType: dateType }),
  eval: map2(addMonths),
});

const isLastDay = (y: number, m: number, d: number) => d === daysInMonth(y, m);

definitions.push({
  kind: "scalar", name: "months_between", minArgs: 2, maxArgs: 3,
  resolve(args) {
    const full: Expr[] = args.length === 2 ? [...args, { kind: "literal", value: true, dataType: booleanType }] : [...args];
    return { args: [timestampArg("months_between", full, 0), timestampArg("months_between", full, 1), expectType("months_between", full, 2, booleanType)], dataType: doubleType };
  },
  eval: (args, n, call, ctx) => mapN(([t1, t2, roundOff]: [number, number, boolean]) => {
    const a = localFields(t1, ctx.timeZone);
    const b = localFields(t2, ctx.timeZone);
    const monthDiff = (a.y * 12 + a.m) - (b.y * 12 + b.m);
    if (a.d === b.d || (isLastDay(a.y, a.m, a.d) && isLastDay(b.y, b.m, b.d))) return monthDiff;
    const secA = a.hour * 3600 + a.minute * 60 + a.second;
    const secB = b.hour * 3600 + b.minute * 60 + b.second;
    const diff = monthDiff + ((a.d - b.d) * 86400 + secA - secB) / 2678400;
    return roundOff ? Math.round(diff * 1e8) / 1e8 : diff;
  })(args, n, call, ctx),
});

definitions.push({
  kind: "scalar", name: "last_day", minArgs: 1, maxArgs: 1,
  resolve: (args) => ({ args: [dateArg("last_day", args, 0)], dataType: dateType }),
  eval: map1((days: number) => {
    const { y, m } = civilFromDays(days);
    return daysFromCivil(y, m, daysInMonth(y, m));
  }),
});

const DOW: Record<string, number> = {
  MO: 1, MON: 1, MONDAY: 1, TU: 2, TUE: 2, TUESDAY: 2, WE: 3, WED: 3, WEDNESDAY: 3, TH: 4, THU: 4, THURSDAY: 4,
  FR: 5, FRI: 5, FRIDAY: 5, SA: 6, SAT: 6, SATURDAY: 6, SU: 7, SUN: 7, SUNDAY: 7,
};

definitions.push({
  kind: "scalar", name: "next_day", minArgs: 2, maxArgs: 2,
  resolve: (args) => ({ args: [dateArg("next_day", args, 0), expectType("next_day", args, 1, stringType)], dataType: dateType }),
  eval: map2((days: number, dow: string) => {
    const target = DOW[dow.trim().toUpperCase()];
    if (!target) {
      throw new PijarError("ILLEGAL_DAY_OF_WEEK", { string: dow }, {
        message: `Illegal input for day of week: ${dow}. Use a day name such as 'Mon', 'Monday' or 'MO'.`, exceptionType: "IllegalArgumentException",
      });
    }
    const delta = ((target - isoDayOfWeek(days) + 7) % 7) || 7;
    return days + delta;
  }),
});

// Spark 4.3 passes java.time's text on as the rangeMessage of this class.
function fieldOutOfBounds(rangeMessage: string): PijarError {
  return new PijarError("DATETIME_FIELD_OUT_OF_BOUNDS.WITHOUT_SUGGESTION", { rangeMessage }, { exceptionType: "DateTimeException" });
}

function dateRangeMessage(y: number, m: number, d: number): string {
  if (m < 1 || m > 12) return `Invalid value for MonthOfYear (valid values 1 - 12): ${m}`;
  if (d < 1 || d > 31) return `Invalid value for DayOfMonth (valid values 1 - 28/31): ${d}`;
  if (m === 2 && d === 29) return `Invalid date 'February 29' as '${y}' is not a leap year`;
  const month = ["JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"][m - 1];
  return `Invalid date '${month} ${d}'`;
}

definitions.push({
  kind: "scalar", name: "make_date", minArgs: 3, maxArgs: 3,
  resolve: (args) => ({ args: args.map((_, i) => expectType("make_date", args, i, integerType)), dataType: dateType }),
  eval: mapN(([y, m, d]: [number, number, number]) => {
    if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
      throw fieldOutOfBounds(dateRangeMessage(y, m, d));
    }
    return daysFromCivil(y, m, d);
  }),
});

definitions.push({
  kind: "scalar", name: "make_timestamp", minArgs: 6, maxArgs: 7,
  resolve(args) {
    const out = args.slice(0, 5).map((_, i) => expectType("make_timestamp", args, i, integerType));
    out.push(expectType("make_timestamp", args, 5, new DecimalType(16, 6)));
    if (args.length === 7) out.push(expectType("make_timestamp", args, 6, stringType));
    return { args: out, dataType: timestampType };
  },
  eval: (args, n, call, ctx) => mapN(([y, mo, d, h, mi, sec, tz]: [number, number, number, number, number, bigint, string | undefined]) => {
    const micros = Number(sec);
    const s = Math.floor(micros / 1_000_000);
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60) {
      const rangeMessage = mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) ? dateRangeMessage(y, mo, d)
        : h < 0 || h > 23 ? `Invalid value for HourOfDay (valid values 0 - 23): ${h}`
        : mi < 0 || mi > 59 ? `Invalid value for MinuteOfHour (valid values 0 - 59): ${mi}`
        : `Invalid value for SecondOfMinute (valid values 0 - 59): ${formatDecimal(sec, 6)}`;
      throw fieldOutOfBounds(rangeMessage);
    }
    return fromLocal(y, mo, d, h, mi, s, micros % 1_000_000, tz ?? ctx.timeZone);
  })(args, n, call, ctx),
});
