/**
 * Uncorrelated scalar subqueries that are global aggregates (`(SELECT max(qty) FROM t)`)
 * always return exactly one row, so they are planned as a cross join with that row and the
 * expression reads its column, named `scalarsubquery()` as in Spark. Other scalar subqueries
 * stay subquery expressions for the engine to evaluate.
 */
import { alias } from "../../plan/expr/expr.js";
import type { LogicalPlan } from "../../plan/logical/plan.js";
import { buildJoin } from "../../plan/builder/index.js";
import type { Expr, SelectBody } from "../ast.js";
import type { QueryScope } from "./context.js";
import type { ExprTranslator } from "./expressions.js";
import { translateQuery } from "./query.js";
import { freshIds } from "./subquery-joins.js";

/** Joins single-row scalar subqueries of WHERE (and the select list, if asked) onto `input`. */
export function joinScalarSubqueries(
  input: LogicalPlan, body: SelectBody, includeSelectList: boolean, scope: QueryScope, sql: string, tx: ExprTranslator,
): LogicalPlan {
  const found: Extract<Expr, { kind: "scalarSubquery" }>[] = [];
  const roots = [...(includeSelectList ? body.items.map((i) => i.expr) : []), ...(body.where ? [body.where] : [])];
  for (const r of roots) collectScalar(r, found);
  let plan = input;
  for (const s of found) {
    let sub: LogicalPlan;
    try {
      sub = translateQuery(s.query, scope.child(), sql);
    } catch {
      continue; // correlated or invalid: left to the subquery expression (and its error)
    }
    if (!isSingleRow(sub) || sub.output.length !== 1) continue;
    sub = freshIds(sub, plan);
    plan = buildJoin(plan, sub, null, "cross", scope.build);
    tx.substitutions.set(s, alias(sub.output[0]!, "scalarsubquery()"));
  }
  return plan;
}

/** Scalar subqueries in an expression, not descending into other subqueries. */
function collectScalar(e: Expr, out: Extract<Expr, { kind: "scalarSubquery" }>[]): void {
  if (e.kind === "scalarSubquery") {
    out.push(e);
    return;
  }
  if (e.kind === "exists" || e.kind === "inSubquery") return;
  for (const v of Object.values(e)) {
    if (Array.isArray(v)) {
      for (const x of v) if (x && typeof x === "object" && "kind" in x) collectScalar(x as Expr, out);
    } else if (v && typeof v === "object" && "kind" in v) collectScalar(v as Expr, out);
  }
}

/** An aggregate without grouping keys (possibly under projections) yields exactly one row. */
function isSingleRow(p: LogicalPlan): boolean {
  if (p.kind === "aggregate") return p.groupBy.length === 0 && p.groupingSets === null;
  if (p.kind === "project" || p.kind === "subquery_alias") return isSingleRow(p.child);
  return false;
}
