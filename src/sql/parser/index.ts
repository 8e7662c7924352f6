/**
 * Entry points of the Spark SQL parser: whole statements for `spark.sql`, single expressions
 * for `df.filter("...")` / `F.expr(...)`, aliased items for `selectExpr`, and table names.
 */
import type { Expr, Query, SelectItem, Statement } from "../ast.js";
import { emptyStatementError } from "../parse-error.js";
import { Cursor } from "./cursor.js";
import type { LexOptions } from "../tokenizer.js";
import { parseExpr } from "./expressions.js";
import { parseQuery as parseQueryRule, parseSelectItem } from "./query.js";
import { parseStatementBody } from "./statements.js";

function cursorFor(sql: string, opts: LexOptions = {}): Cursor {
  const p = new Cursor(sql, opts);
  if (p.atEnd()) throw emptyStatementError(sql);
  return p;
}

/** Parses one SQL statement (a trailing `;` is allowed). */
export function parseStatement(sql: string, opts: LexOptions = {}): Statement {
  const p = cursorFor(sql, opts);
  const stmt = parseStatementBody(p);
  p.expectEnd();
  return stmt;
}

/** Parses a query (SELECT, VALUES, WITH ..., set operations). */
export function parseQuery(sql: string): Query {
  const p = cursorFor(sql);
  const q = parseQueryRule(p);
  p.expectEnd();
  return q;
}

/** Parses a single expression, e.g. `"quantity > 5"` for `df.filter`. */
export function parseExpression(text: string): Expr {
  const p = cursorFor(text);
  const e = parseExpr(p);
  p.expectEnd();
  return e;
}

/**
 * Parses one `selectExpr` item: an expression with an optional alias (`"a * 2 AS double_a"`,
 * `"a b"`). Spark parses each selectExpr string on its own, so this takes one item.
 */
export function parseNamedExpression(text: string): SelectItem {
  const p = cursorFor(text);
  const item = parseSelectItem(p);
  p.expectEnd();
  return item;
}

/** Parses comma-separated aliased items (`"a, b + 1 AS c"`). */
export function parseExpressionList(text: string): SelectItem[] {
  const p = cursorFor(text);
  const items = [parseSelectItem(p)];
  while (p.acceptOp(",")) items.push(parseSelectItem(p));
  p.expectEnd();
  return items;
}

/** Parses a possibly qualified table or view name (`db.t`, `` `my view` ``). */
export function parseTableIdentifier(text: string): string[] {
  const p = cursorFor(text);
  const parts = p.multipartIdentifier();
  p.expectEnd();
  return parts;
}
