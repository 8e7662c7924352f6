/** Argument coercion shared by the datetime functions: strings and timestamps become dates, etc. */
import type { Expr } from "../../plan/expr/expr.js";
import { dateType, integerType, timestampType } from "../../types/data-types.js";
import { isDate, isNull, isString, isTimestamp } from "../../types/type-utils.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { castTo } from "../../plan/expr/cast-to.js";
import { PijarError } from "../../errors/pijar-error.js";
import { callSql, unexpectedType } from "../helpers.js";

/** A DATE argument: DATE as is; STRING, TIMESTAMP(_NTZ) cast as Spark's ImplicitCastInputTypes does. */
export function dateArg(name: string, args: readonly Expr[], i: number): Expr {
  const a = args[i]!;
  const t = typeOf(a);
  if (isDate(t)) return a;
  if (isString(t) || isTimestamp(t) || isNull(t)) return castTo(a, dateType);
  throw unexpectedType(callSql(name, args), i, "\"DATE\"", a);
}

/** A TIMESTAMP argument (dates and strings are cast). */
export function timestampArg(name: string, args: readonly Expr[], i: number): Expr {
  const a = args[i]!;
  const t = typeOf(a);
  if (isTimestamp(t)) return a;
  if (isString(t) || isDate(t) || isNull(t)) return castTo(a, timestampType);
  throw unexpectedType(callSql(name, args), i, "\"TIMESTAMP\"", a);
}

/** An INT/SMALLINT/TINYINT day count: BIGINT is refused, as Spark does. */
export function dayCountArg(name: string, args: readonly Expr[], i: number): Expr {
  const a = args[i]!;
  const t = typeOf(a).typeName();
  if (t === "integer" || t === "short" || t === "byte") return a;
  if (t === "void" || t === "string") return castTo(a, integerType);
  throw unexpectedType(callSql(name, args), i, "(\"INT\" or \"SMALLINT\" or \"TINYINT\")", a);
}


/** The error Spark raises when text does not match a datetime pattern (ANSI). */
export function cannotParse(text: string): PijarError {
  return new PijarError("CANNOT_PARSE_TIMESTAMP", { message: `Text '${text}' could not be parsed at index 0` }, { exceptionType: "DateTimeException" });
}
