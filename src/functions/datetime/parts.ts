/** Field extraction: year, quarter, month, day, dayofweek, weekofyear, hour, minute, second... */
import { integerType, stringType } from "../../types/data-types.js";
import { civilFromDays, daysFromCivil, localFields } from "../../values/datetime.js";
import { map1 } from "../helpers.js";
import type { FunctionDef } from "../registry.js";
import { dateArg, timestampArg } from "./args.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

/** ISO day of week, Monday = 1 ... Sunday = 7 (1970-01-01 was a Thursday). */
export function isoDayOfWeek(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

function dayOfYear(days: number): number {
  const { y } = civilFromDays(days);
  return days - daysFromYearStart(y) + 1;
}

function daysFromYearStart(y: number): number {
  return daysFromCivil(y, 1, 1);
}

/** ISO-8601 week number (weeks start Monday; week 1 holds the year's first Thursday). */
export function isoWeek(days: number): number {
  const thursday = days - isoDayOfWeek(days) + 4;
  const { y } = civilFromDays(thursday);
  return Math.floor((thursday - daysFromYearStart(y)) / 7) + 1;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

const DATE_PARTS: [string, (days: number) => number | string][] = [
  ["year", (d) => civilFromDays(d).y],
  ["quarter", (d) => Math.floor((civilFromDays(d).m - 1) / 3) + 1],
  ["month", (d) => civilFromDays(d).m],
  ["dayofmonth", (d) => civilFromDays(d).d],
  ["day", (d) => civilFromDays(d).d],
  ["dayofweek", (d) => (isoDayOfWeek(d) % 7) + 1],
  ["weekday", (d) => isoDayOfWeek(d) - 1],
  ["dayofyear", dayOfYear],
  ["weekofyear", isoWeek],
  ["monthname", (d) => MONTHS[civilFromDays(d).m - 1]!],
  ["dayname", (d) => DAYS[isoDayOfWeek(d) - 1]!],
];

for (const [name, f] of DATE_PARTS) {
  const text = name === "monthname" || name === "dayname";
  definitions.push({
    kind: "scalar", name, minArgs: 1, maxArgs: 1,
    resolve: (args) => ({ args: [dateArg(name, args, 0)], dataType: text ? stringType : integerType }),
    eval: map1(f),
  });
}

const TIME_PARTS: [string, (f: ReturnType<typeof localFields>) => number][] = [
  ["hour", (f) => f.hour],
  ["minute", (f) => f.minute],
  ["second", (f) => f.second],
];

for (const [name, f] of TIME_PARTS) {
  definitions.push({
    kind: "scalar", name, minArgs: 1, maxArgs: 1,
    resolve: (args) => ({ args: [timestampArg(name, args, 0)], dataType: integerType }),
    eval: (args, n, call, ctx) => map1((micros: number) => f(localFields(micros, ctx.timeZone)))(args, n, call, ctx),
  });
}
