/**
 * SQL front end entry points for the session and the DataFrame API:
 * `spark.sql(text, args)` -> `sqlStatement`, `df.filter("...")` / `F.expr` -> `sqlExpression`,
 * `df.selectExpr(...)` -> `sqlSelectItem`.
 */
import type { Expr as PlanExpr } from "../../plan/expr/expr.js";
import { alias } from "../../plan/expr/expr.js";
import { parseExpression, parseNamedExpression, parseStatement } from "../parser/index.js";
import { QueryScope, type SqlContext } from "./context.js";
import { ExprTranslator } from "./expressions.js";
import { runStatement, type StatementResult } from "./statements.js";

export type { SqlCatalog, SqlContext, TableListing } from "./context.js";
export type { StatementResult } from "./statements.js";
export { rangePlan } from "./rows.js";

/** Parses and runs one SQL statement. */
export function sqlStatement(sql: string, ctx: SqlContext): StatementResult {
  const on = (key: string) => ctx.conf?.get(key)?.toLowerCase() === "true";
  const lex = { doubleQuotedIdentifiers: on("spark.sql.ansi.doubleQuotedIdentifiers"), escapedStringLiterals: on("spark.sql.parser.escapedStringLiterals") };
  return runStatement(parseStatement(sql, lex), ctx, sql);
}

/** One SQL expression as an unresolved plan expression (`"quantity > 5"`). */
export function sqlExpression(text: string, ctx: SqlContext): PlanExpr {
  return new ExprTranslator(new QueryScope(ctx), text).translate(parseExpression(text));
}

/** One selectExpr item: the expression, aliased when the text says `AS x` (or `x`). */
export function sqlSelectItem(text: string, ctx: SqlContext): PlanExpr {
  const item = parseNamedExpression(text);
  const e = new ExprTranslator(new QueryScope(ctx), text).translate(item.expr);
  if (item.aliases) return alias(e, item.aliases.join("\u0000"));
  return item.alias !== undefined ? alias(e, item.alias) : e;
}
