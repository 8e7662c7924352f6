/**
 * Where a correlated subquery may read the enclosing query's columns, as Spark 4.3's
 * CheckAnalysis decides it (checkCorrelationsInSubquery): filters, joins and (in scalar
 * subqueries) projections may host outer references; aggregates, windows, sorts and
 * generators may not (CORRELATED_REFERENCE); and below the null-supplying side of an outer
 * join, or under any other operator, no node may (ACCESSING_OUTER_QUERY_COLUMN_IS_NOT_ALLOWED).
 */
import type { Expr } from "../plan/expr/expr.js";
import { collect, references } from "../plan/expr/expr.js";
import { exprName } from "../plan/expr/sql-text.js";
import type { LogicalPlan } from "../plan/logical/plan.js";
import { planChildren, planExpressions } from "../plan/logical/plan.js";
import { outerRefsAt } from "../plan/logical/outer-refs.js";
import { PijarError } from "../errors/pijar-error.js";

/** Throws Spark's error for the first outer reference in a place Spark does not allow. */
export function checkCorrelations(sub: LogicalPlan, opts: { scalar: boolean; describe: (p: LogicalPlan) => string }): void {
  const visit = (p: LogicalPlan, canContainOuter: boolean): void => {
    const outer = outerRefsAt(p);
    if (outer.length) {
      if (!canContainOuter) {
        throw new PijarError("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.ACCESSING_OUTER_QUERY_COLUMN_IS_NOT_ALLOWED", { treeNode: opts.describe(p) }, {
          message: `Unsupported subquery expression: Accessing outer query column is not allowed in this location:\n${opts.describe(p)}\n`
            + `The subquery reads ${outer.map((a) => a.name).join(", ")} of the enclosing query here; move that condition to the subquery's WHERE clause or to an inner join.`,
        });
      }
      const ids = new Set(outer.map((a) => a.id));
      const local = (e: Expr) => references(e).some((a) => !ids.has(a.id));
      for (const e of planExpressions(p)) {
        for (const agg of collect(e, (x): x is Extract<Expr, { kind: "call" }> => x.kind === "call" && x.fn.kind === "agg")) {
          if (references(agg).some((a) => ids.has(a.id)) && local(agg)) {
            throw new PijarError("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.AGGREGATE_FUNCTION_MIXED_OUTER_LOCAL_REFERENCES", { function: exprName(agg) });
          }
        }
      }
      const hosts = p.kind === "filter" || p.kind === "join" || (p.kind === "project" && opts.scalar);
      if (!hosts) {
        const exprs = planExpressions(p).filter((e) => references(e).some((a) => ids.has(a.id)));
        const sqlExprs = exprs.map((e) => `"${exprName(e.kind === "alias" ? e.child : e)}"`).join(",");
        throw new PijarError("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_REFERENCE", { sqlExprs }, {
          message: `Unsupported subquery expression: Expressions referencing the outer query are not supported outside of WHERE/HAVING clauses: ${sqlExprs}. `
            + `Compare ${outer.map((a) => a.name).join(", ")} in the subquery's WHERE clause instead.`,
        });
      }
    }
    const kids = planChildren(p);
    switch (p.kind) {
      case "join":
        switch (p.joinType) {
          case "inner":
          case "cross": return kids.forEach((k) => visit(k, canContainOuter));
          case "left":
          case "left_semi":
          case "left_anti": visit(p.left, canContainOuter); return visit(p.right, false);
          case "right": visit(p.left, false); return visit(p.right, canContainOuter);
          default: return kids.forEach((k) => visit(k, false));
        }
      case "project": case "filter": case "aggregate": case "window": case "sort": case "generate": case "limit":
      case "deduplicate": case "subquery_alias": case "union": case "set_op": case "apply_subquery":
        return kids.forEach((k) => visit(k, canContainOuter));
      default:
        return kids.forEach((k) => visit(k, false));
    }
  };
  visit(sub, true);
}
