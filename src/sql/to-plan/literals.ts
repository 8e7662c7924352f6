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

/** Interval values need interval types, which Pijar's engine does not have yet. */
export function intervalUnsupported(e: IntervalExpr, sql: string): PijarError {
  const mixed = mixedIntervalError(e, sql);
  if (mixed) return mixed;
  return new PijarError("UNSUPPORTED_FEATURE", { feature: `interval literals (${sql.slice(e.start, e.end)})` }, {
    message: `The feature is not supported: interval literals (${sql.slice(e.start, e.end)}). Use date_add(d, n), add_months(d, n) or timestampadd(unit, n, ts) instead.`,
  });
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
