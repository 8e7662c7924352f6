/**
 * The seam between the DataFrame API and the SQL front end (src/sql). The SQL module
 * registers itself here when loaded, so the API can parse `df.filter("qty > 5")`,
 * `selectExpr(...)`, `F.expr(...)` and `spark.sql(...)` without a circular import.
 */
import type { Expr } from "../plan/expr/expr.js";
import type { LogicalPlan } from "../plan/logical/plan.js";
import type { SparkSession } from "./session.js";
import { internalError } from "../errors/pijar-error.js";

export interface SqlFrontEnd {
  /** One SQL expression, unresolved (e.g. "quantity * unit_price"). */
  parseExpression(text: string): Expr;
  /** A select item, possibly aliased ("unit_price * quantity AS gross"). */
  parseSelectItem(text: string): Expr;
  /**
   * Runs a statement: a query returns its plan; DDL-like statements (CREATE VIEW, DROP VIEW)
   * act on the session and return the plan of their result (possibly empty).
   */
  planStatement(session: SparkSession, sql: string, args: Record<string, unknown> | unknown[] | undefined): LogicalPlan;
}

let frontEnd: SqlFrontEnd | null = null;

export function registerSqlFrontEnd(f: SqlFrontEnd): void {
  frontEnd = f;
}

export function sqlFrontEnd(): SqlFrontEnd {
  if (!frontEnd) throw internalError("the SQL front end is not loaded (src/sql/index.ts registers it)");
  return frontEnd;
}
