/**
 * SQL literals and parameter markers as plan literals, in Pijar's internal value model
 * (dates as days, timestamps as UTC microseconds, decimals as unscaled bigints).
 */
import type { Expr as PlanExpr } from "../../plan/expr/expr.js";
import { literal } from "../../plan/expr/expr.js";
import { literalExpr } from "../../plan/expr/js-literal.js";
import {
  DecimalType, binaryType, booleanType, byteType, dateType, doubleType, floatType, integerType, longType,
  nullType, shortType, stringType, timestampNTZType, timestampType,
} from "../../types/data-types.js";
import { parseDecimal } from "../../values/decimal.js";
import { canonLong } from "../../values/long.js";
import { parseDate, parseTimestamp } from "../../values/datetime.js";
import { PijarError } from "../../errors/pijar-error.js";
import { DT_FIELDS, DayTimeIntervalType, YM_FIELDS, YearMonthIntervalType } from "../../types/data-types.js";
import { LONG_MAX, LONG_MIN } from "../../values/long.js";
import {
  MICROS_PER_DAY_N, addUnit, intervalUnit, invalidInterval, microsLong, parseAnsiIntervalValue, parseMultiUnitInterval,
  type ParsedInterval,
} from "../../values/interval.js";
import type { IntervalExpr, LiteralExpr, ParamExpr } from "../ast.js";
import type { SqlContext } from "./context.js";

export function toPlanLiteral(e: LiteralExpr, ctx: SqlContext, sql: string): PlanExpr {
  const v = e.value;
  switch (e.type) {
    case "null": return literal(null, nullType);
    case "boolean": return literal(v, booleanType);
    case "tinyint": return literal(v, byteType);
    case "smallint": return literal(v, shortType);
    case "int": return literal(v, integerType);
    case "bigint": return literal(canonLong(v as bigint), longType);
    case "float": return literal(v, floatType);
    case "double": return literal(v, doubleType);
    case "string": return literal(v, stringType);
    case "binary": return literal(v, binaryType);
    case "decimal": {
      const scale = e.scale ?? 0;
      if ((e.precision ?? 0) > 38) {
        throw new PijarError("INVALID_NUMERIC_LITERAL_RANGE", {}, {
          exceptionType: "ParseException",
          message: `Numeric literal ${String(v)} is outside the valid range for decimal with maximum precision of 38.`,
        });
      }
      return literal(parseDecimal(String(v), scale), new DecimalType(e.precision ?? 10, scale));
    }
    case "date": {
      const days = parseDate(String(v));
      if (days === null) throw invalidTyped("DATE", String(v), sql, e);
      return literal(days, dateType);
    }
    case "timestamp":
    case "timestamp_ntz": {
      const ntz = e.type === "timestamp_ntz";
      const micros = parseTimestamp(String(v), ntz ? "UTC" : ctx.build.fn.timeZone);
      if (micros === null) throw invalidTyped(ntz ? "TIMESTAMP_NTZ" : "TIMESTAMP", String(v), sql, e);
      return literal(micros, ntz ? timestampNTZType : timestampType);
    }
  }
}

function invalidTyped(type: string, value: string, sql: string, e: LiteralExpr): PijarError {
  return new PijarError("INVALID_TYPED_LITERAL", { valueType: `"${type}"`, value: `'${value}'` }, {
    exceptionType: "ParseException",
    message: `The value of the typed literal "${type}" is invalid: '${value}'. Write it as ${type === "DATE" ? "DATE 'yyyy-mm-dd'" : `${type} 'yyyy-mm-dd hh:mm:ss'`}; in: ${sql.slice(e.start, e.end)}`,
  });
}

/**
 * An interval literal as Spark 4 types it: only year/month units make a year-month interval,
 * only day..microsecond units a day-time interval, its fields the widest and narrowest unit
 * written (`INTERVAL 1 HOUR 30 MINUTES` is INTERVAL HOUR TO MINUTE); mixing the two kinds is
 * _LEGACY_ERROR_TEMP_0029.
 */
export function intervalLiteral(e: IntervalExpr, sql: string): PlanExpr {
  const mixed = mixedIntervalError(e, sql);
  if (mixed) throw mixed;
  const written = sql.slice(e.start, e.end);
  if (e.toUnit) {
    const from = e.parts[0]!.unit.toLowerCase();
    const to = e.toUnit.toLowerCase();
    const ymStart = (YM_FIELDS as readonly string[]).indexOf(from);
    if (to === "month" && ymStart >= 0) {
      const months = parseAnsiIntervalValue(e.parts[0]!.value, true, ymStart, 1, written);
      return literal(Number(months), new YearMonthIntervalType(ymStart, 1));
    }
    const start = (DT_FIELDS as readonly string[]).indexOf(from);
    const end = (DT_FIELDS as readonly string[]).indexOf(to);
    if (start < 0 || end <= start) {
      // Supported ranges: YEAR TO MONTH, DAY TO HOUR/MINUTE/SECOND, HOUR TO MINUTE/SECOND, MINUTE TO SECOND.
      throw new PijarError("INVALID_INTERVAL_FORMAT.UNSUPPORTED_FROM_TO_EXPRESSION", { input: e.parts[0]!.value, from, to }, {
        exceptionType: "ParseException",
      });
    }
    const micros = parseAnsiIntervalValue(e.parts[0]!.value, false, start, end, written);
    return literal(microsLong(micros), new DayTimeIntervalType(start, end));
  }
  let parsed: ParsedInterval;
  if (e.text !== undefined) parsed = parseMultiUnitInterval(e.text);
  else {
    parsed = { months: 0, days: 0, micros: 0n, units: [] };
    for (const part of e.parts) {
      const unit = intervalUnit(part.unit);
      if (!unit) throw invalidInterval(written, "INVALID_UNIT", { unit: part.unit.toLowerCase() });
      addUnit(parsed, part.value, unit, written);
    }
  }
  return intervalOfUnits(parsed, written);
}

/** The ANSI interval literal of parsed units (Spark's constructMultiUnitsIntervalLiteral). */
function intervalOfUnits(p: ParsedInterval, written: string): PlanExpr {
  const ym = p.units.map((u) => (u === "year" ? 0 : u === "month" ? 1 : -1));
  if (p.units.length > 0 && ym.every((f) => f >= 0)) {
    return literal(p.months, new YearMonthIntervalType(Math.min(...ym), Math.max(...ym)));
  }
  const dtField = (u: string) => (u === "week" || u === "day" ? 0 : u === "hour" ? 1 : u === "minute" ? 2 : u === "year" || u === "month" ? -1 : 3);
  const dt = p.units.map(dtField);
  if (dt.some((f) => f < 0) || p.months !== 0) {
    throw new PijarError("_LEGACY_ERROR_TEMP_0029", { literal: written });
  }
  const micros = BigInt(p.days) * MICROS_PER_DAY_N + p.micros;
  if (micros > LONG_MAX || micros < LONG_MIN) throw invalidInterval(written, "ARITHMETIC_EXCEPTION");
  return literal(microsLong(micros), new DayTimeIntervalType(Math.min(...dt), Math.max(...dt)));
}

const YEAR_MONTH = new Set(["YEAR", "MONTH"]);
const DAY_TIME = new Set(["WEEK", "DAY", "HOUR", "MINUTE", "SECOND", "MILLISECOND", "MICROSECOND"]);

/**
 * Under ANSI rules an interval literal is either year-month or day-time: `INTERVAL 1 MONTH 2 DAYS`
 * (or '1 month 2 days') is Spark's _LEGACY_ERROR_TEMP_0029, whatever the rest of the query.
 */
function mixedIntervalError(e: IntervalExpr, sql: string): PijarError | null {
  const units = e.parts.map((p) => p.unit.toUpperCase());
  if (e.text !== undefined && !e.toUnit) {
    for (const m of e.text.matchAll(/[-+]?\s*[\d.]+\s*([a-z]+)/gi)) units.push(m[1]!.toUpperCase().replace(/S$/, ""));
  }
  if (!units.some((u) => YEAR_MONTH.has(u)) || !units.some((u) => DAY_TIME.has(u))) return null;
  const literal = sql.slice(e.start, e.end);
  return new PijarError("_LEGACY_ERROR_TEMP_0029", { literal }, {
    message: `Cannot mix year-month and day-time fields: ${literal}. Write two interval literals, e.g. INTERVAL '1' MONTH + INTERVAL '2' DAY.`,
  });
}

/** Binds `:name` / `?` markers from `spark.sql(q, args)`. */
export function bindParam(e: ParamExpr, ctx: SqlContext): PlanExpr {
  const args = ctx.args;
  if (e.name !== undefined) {
    if (args && !Array.isArray(args) && Object.prototype.hasOwnProperty.call(args, e.name)) {
      return literalExpr((args as Record<string, unknown>)[e.name]);
    }
    throw unbound(e.name);
  }
  if (Array.isArray(args) && e.index! < args.length) return literalExpr(args[e.index!]);
  throw unbound(`_${e.start}`);
}

function unbound(name: string): PijarError {
  return new PijarError("UNBOUND_SQL_PARAMETER", { name }, {
    message: `Found the unbound parameter: ${name}. Please, fix \`args\` and provide a mapping of the parameter to either a SQL literal or collection constructor functions such as \`map()\`, \`array()\`, \`struct()\`.`,
  });
}
