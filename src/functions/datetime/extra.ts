/**
 * Epoch conversions (timestamp_micros/millis, unix_micros/millis/seconds,
 * date_from_unix_date), zone shifts (from_utc_timestamp, to_utc_timestamp), date_part /
 * extract / datepart, current_timezone and convert_timezone.
 */
import type { Expr } from "../../plan/expr/expr.js";
import { DecimalType, dateType, integerType, longType, stringType, timestampNTZType, timestampType } from "../../types/data-types.js";
import { isAnsiInterval, isDate } from "../../types/type-utils.js";
import { intervalPart, type IntervalPart } from "./interval-part.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { PijarError, quoteId } from "../../errors/pijar-error.js";
import { civilFromDays, daysFromCivil, fromLocal, localFields } from "../../values/datetime.js";
import { exprName } from "../../plan/expr/sql-text.js";
import { callSql, expectType, literalArg, map1, map2, mapN } from "../helpers.js";
import type { FunctionDef } from "../registry.js";
import { timestampArg } from "./args.js";
import { isoDayOfWeek, isoWeek } from "./parts.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

for (const [name, unit] of [["timestamp_micros", 1], ["timestamp_millis", 1000]] as const) {
  definitions.push({
    kind: "scalar", name, minArgs: 1, maxArgs: 1,
    resolve: (args) => ({ args: [expectType(name, args, 0, longType)], dataType: timestampType }),
    eval: map1((v: number) => v * unit),
  });
}

for (const [name, div] of [["unix_micros", 1], ["unix_millis", 1000], ["unix_seconds", 1_000_000]] as const) {
  definitions.push({
    kind: "scalar", name, minArgs: 1, maxArgs: 1,
    resolve: (args) => ({ args: [timestampArg(name, args, 0)], dataType: longType }),
    eval: map1((v: number) => Math.floor(v / div)),
  });
}

definitions.push({
  kind: "scalar", name: "date_from_unix_date", minArgs: 1, maxArgs: 1,
  resolve: (args) => ({ args: [expectType("date_from_unix_date", args, 0, integerType)], dataType: dateType }),
  eval: map1((d: number) => d),
});

/** from_utc_timestamp: reads the instant's UTC wall clock as if it were in `tz`; to_utc_timestamp the reverse. */
for (const [name, toZone] of [["from_utc_timestamp", true], ["to_utc_timestamp", false]] as const) {
  definitions.push({
    kind: "scalar", name, minArgs: 2, maxArgs: 2,
    resolve: (args) => ({ args: [timestampArg(name, args, 0), expectType(name, args, 1, stringType)], dataType: timestampType }),
    eval: map2((micros: number, tz: string) => {
      if (toZone) {
        const f = localFields(micros, tz);
        return fromLocal(f.y, f.m, f.d, f.hour, f.minute, f.second, f.micros, "UTC");
      }
      const f = localFields(micros, "UTC");
      return fromLocal(f.y, f.m, f.d, f.hour, f.minute, f.second, f.micros, tz);
    }),
  });
}

const currentTimezone: FunctionDef = {
  kind: "scalar", name: "current_timezone", minArgs: 0, maxArgs: 0,
  resolve: () => ({ args: [], dataType: stringType, nullable: false }),
  eval: (_a, n, _c, ctx) => new Array(n).fill(ctx.timeZone),
};
definitions.push(currentTimezone);

/**
 * convert_timezone([source,] target, ts): a TIMESTAMP_NTZ wall-clock time read in `source`
 * (the session zone when omitted, shown as current_timezone()) and given as `target`'s wall clock.
 */
definitions.push({
  kind: "scalar", name: "convert_timezone", minArgs: 2, maxArgs: 3,
  resolve(given) {
    const session: Expr = { kind: "call", fn: currentTimezone, args: [], distinct: false, dataType: stringType, nullable: false };
    const args = given.length === 2 ? [session, ...given] : given;
    return {
      args: [expectType("convert_timezone", args, 0, stringType), expectType("convert_timezone", args, 1, stringType), expectType("convert_timezone", args, 2, timestampNTZType)],
      dataType: timestampNTZType,
    };
  },
  eval: mapN(([from, to, wall]: [string, string, number]) => {
    const f = localFields(wall, "UTC");
    const instant = fromLocal(f.y, f.m, f.d, f.hour, f.minute, f.second, f.micros, from);
    const t = localFields(instant, to);
    return fromLocal(t.y, t.m, t.d, t.hour, t.minute, t.second, t.micros, "UTC");
  }),
});

const FIELDS: Record<string, string> = {
  YEAR: "year", Y: "year", YEARS: "year", YR: "year", YRS: "year",
  QUARTER: "quarter", QTR: "quarter", MONTH: "month", MON: "month", MONS: "month", MONTHS: "month",
  WEEK: "week", W: "week", WEEKS: "week", DAY: "day", D: "day", DAYS: "day",
  DAYOFWEEK: "dow", DOW: "dow", DAYOFWEEK_ISO: "dow_iso", DOW_ISO: "dow_iso", DOY: "doy",
  HOUR: "hour", H: "hour", HOURS: "hour", HR: "hour", HRS: "hour",
  MINUTE: "minute", M: "minute", MIN: "minute", MINS: "minute", MINUTES: "minute",
  SECOND: "second", S: "second", SEC: "second", SECONDS: "second", SECS: "second",
};

/** date_part(field, source) / extract(field FROM source) / datepart: SECOND is DECIMAL(8,6). */
for (const name of ["date_part", "extract", "datepart"]) {
  definitions.push({
    kind: "scalar", name, minArgs: 2, maxArgs: 2,
    resolve(args) {
      const raw = literalArg(args, 0);
      const field = typeof raw === "string" ? FIELDS[raw.toUpperCase()] : undefined;
      if (!field) {
        throw new PijarError("INVALID_EXTRACT_FIELD", { field: String(raw), expr: `"${exprName(args[1]!)}"` }, {
          message: `Cannot extract ${String(raw)} from "${exprName(args[1]!)}": use YEAR, QUARTER, MONTH, WEEK, DAY, DAYOFWEEK, DOY, HOUR, MINUTE or SECOND.`,
        });
      }
      const sourceType = typeOf(args[1]!);
      if (isAnsiInterval(sourceType)) {
        const part = intervalPart(field, sourceType);
        if (!part) {
          throw new PijarError("INVALID_EXTRACT_FIELD", { field: quoteId(String(raw)), expr: `"${exprName(args[1]!)}"` });
        }
        return { args: [args[0]!, args[1]!], dataType: part.dataType, state: part };
      }
      const src = isDate(typeOf(args[1]!)) && !["hour", "minute", "second"].includes(field) ? args[1]! : timestampArg(name, args, 1);
      const dataType = field === "second" ? new DecimalType(8, 6) : integerType;
      return { args: [args[0]!, src], dataType, state: field };
    },
    eval(args, n, call, ctx) {
      if (typeof call.state === "object") {
        const part = call.state as IntervalPart;
        return args[1]!.map((v) => (v == null ? null : part.get(v as number | bigint)));
      }
      const field = call.state as string;
      const date = isDate(typeOf(call.args[1]!));
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        const v = args[1]![i] as number | null;
        if (v == null) { out[i] = null; continue; }
        const days = date ? v : localFields(v, ctx.timeZone).days;
        const { y, m, d } = civilFromDays(days);
        switch (field) {
          case "year": out[i] = y; break;
          case "quarter": out[i] = Math.floor((m - 1) / 3) + 1; break;
          case "month": out[i] = m; break;
          case "week": out[i] = isoWeek(days); break;
          case "day": out[i] = d; break;
          case "dow": out[i] = (isoDayOfWeek(days) % 7) + 1; break;
          case "dow_iso": out[i] = isoDayOfWeek(days); break;
          case "doy": out[i] = days - civilDaysOfYearStart(y) + 1; break;
          default: {
            const f = localFields(v, ctx.timeZone);
            out[i] = field === "hour" ? f.hour : field === "minute" ? f.minute : BigInt(f.second * 1_000_000 + f.micros);
          }
        }
      }
      return out;
    },
    sql: (a, call) => (name === "date_part" ? `date_part(${a[0]}, ${a[1]})` : `${name}(${literalArg(call.args, 0)} FROM ${a[1]})`),
  });
}

function civilDaysOfYearStart(y: number): number {
  return daysFromCivil(y, 1, 1);
}
