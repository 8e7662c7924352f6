/** trunc(date, fmt) -> DATE and date_trunc(fmt, ts) -> TIMESTAMP, in the session time zone. */
import { dateType, stringType, timestampType } from "../../types/data-types.js";
import { civilFromDays, daysFromCivil, fromLocal, localFields } from "../../values/datetime.js";
import { expectType, map2 } from "../helpers.js";
import type { FunctionDef } from "../registry.js";
import { dateArg, timestampArg } from "./args.js";
import { isoDayOfWeek } from "./parts.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

type Level = "year" | "quarter" | "month" | "week" | "day" | "hour" | "minute" | "second" | "millisecond" | "microsecond";

const LEVELS: Record<string, Level> = {
  YEAR: "year", YYYY: "year", YY: "year", QUARTER: "quarter", MONTH: "month", MM: "month", MON: "month", WEEK: "week",
  DAY: "day", DD: "day", HOUR: "hour", MINUTE: "minute", SECOND: "second", MILLISECOND: "millisecond", MICROSECOND: "microsecond",
};

/** The first day of the year/quarter/month/week holding `days`. */
function truncDays(days: number, level: Level): number {
  const { y, m } = civilFromDays(days);
  switch (level) {
    case "year": return daysFromCivil(y, 1, 1);
    case "quarter": return daysFromCivil(y, Math.floor((m - 1) / 3) * 3 + 1, 1);
    case "month": return daysFromCivil(y, m, 1);
    case "week": return days - isoDayOfWeek(days) + 1;
    default: return days;
  }
}

definitions.push({
  kind: "scalar", name: "trunc", minArgs: 2, maxArgs: 2,
  resolve: (args) => ({ args: [dateArg("trunc", args, 0), expectType("trunc", args, 1, stringType)], dataType: dateType }),
  eval: map2((days: number, fmt: string) => {
    const level = LEVELS[fmt.trim().toUpperCase()];
    // Only date-level formats apply; anything else gives null, as Spark.
    return level && ["year", "quarter", "month", "week"].includes(level) ? truncDays(days, level) : null;
  }),
});

definitions.push({
  kind: "scalar", name: "date_trunc", minArgs: 2, maxArgs: 2,
  resolve: (args) => ({ args: [expectType("date_trunc", args, 0, stringType), timestampArg("date_trunc", args, 1)], dataType: timestampType }),
  eval: (args, n, call, ctx) => map2((fmt: string, micros: number) => {
    const level = LEVELS[fmt.trim().toUpperCase()];
    if (!level) return null;
    switch (level) {
      case "microsecond": return micros;
      case "millisecond": return Math.floor(micros / 1000) * 1000;
      case "second": return Math.floor(micros / 1_000_000) * 1_000_000;
      default: {
        const f = localFields(micros, ctx.timeZone);
        if (level === "minute") return fromLocal(f.y, f.m, f.d, f.hour, f.minute, 0, 0, ctx.timeZone);
        if (level === "hour") return fromLocal(f.y, f.m, f.d, f.hour, 0, 0, 0, ctx.timeZone);
        const { y, m, d } = civilFromDays(truncDays(f.days, level));
        return fromLocal(y, m, d, 0, 0, 0, 0, ctx.timeZone);
      }
    }
  })(args, n, call, ctx),
});
