/**
 * rewrite_subqueries: subquery expressions left in the plan (scalar subqueries the SQL front
 * end could not turn into joins, EXISTS / IN under OR, ...) become ApplySubquery nodes below
 * the node that uses them, and the expression reads the node's result column, as Spark's
 * RewriteCorrelatedScalarSubquery puts a single join there. The engine evaluates no subquery
 * expression itself, so this rule must run (it is first in the list).
 */
import type { Attr, Expr, ExprOf } from "../../plan/expr/expr.js";
import { newExprId, transform } from "../../plan/expr/expr.js";
import { exprName } from "../../plan/expr/sql-text.js";
import type { LogicalPlan } from "../../plan/logical/plan.js";
import { planExpressions } from "../../plan/logical/plan.js";
import { transformUp } from "../../plan/logical/tree.js";
import { distinctAttrs } from "../../plan/logical/outer-refs.js";
import { booleanType } from "../../types/data-types.js";
import { PijarError } from "../../errors/pijar-error.js";
import type { OptimizerRule } from "../rule.js";

type Subquery = ExprOf<"subquery">;

function subqueriesIn(exprs: readonly Expr[]): Subquery[] {
  const found: Subquery[] = [];
  for (const e of exprs) {
    transform(e, (x) => {
      if (x.kind !== "subquery") return undefined;
      if (!found.includes(x)) found.push(x);
      return x;
    });
  }
  return found;
}

/** ApplySubquery nodes for `subs` over `child`, and each subquery's result column. */
function applyAll(child: LogicalPlan, subs: readonly Subquery[]): { plan: LogicalPlan; results: Map<Subquery, Attr> } {
  let plan = child;
  const results = new Map<Subquery, Attr>();
  for (const s of subs) {
    const result: Attr = {
      kind: "attr", name: exprName(s), id: newExprId(), qualifier: [],
      dataType: s.subKind === "scalar" ? s.dataType! : booleanType, nullable: true,
    };
    plan = {
      kind: "apply_subquery", child: plan, subquery: s.plan, subKind: s.subKind,
      outerRefs: distinctAttrs(s.outerRefs ?? []), values: s.values, result, output: [...plan.output, result],
    };
    results.set(s, result);
  }
  return { plan, results };
}

function replace(e: Expr, results: Map<Subquery, Attr>): Expr {
  return transform(e, (x) => (x.kind === "subquery" ? results.get(x) ?? x : undefined));
}

/** Keeps exactly `output` (the node's own columns) above a node that now also carries result columns. */
function restore(p: LogicalPlan, output: readonly Attr[]): LogicalPlan {
  return { kind: "project", child: p, exprs: output, output };
}

function rewrite(p: LogicalPlan): LogicalPlan {
  const subs = subqueriesIn(planExpressions(p));
  if (!subs.length) return p;
  switch (p.kind) {
    case "project": {
      const { plan, results } = applyAll(p.child, subs);
      return { ...p, child: plan, exprs: p.exprs.map((e) => replace(e, results) as typeof e) };
    }
    case "aggregate": {
      // Subqueries in keys or in aggregate arguments: computed per input row.
      const { plan, results } = applyAll(p.child, subs);
      return {
        ...p, child: plan,
        groupBy: p.groupBy.map((e) => replace(e, results)),
        aggs: p.aggs.map((e) => replace(e, results) as typeof e),
      };
    }
    case "filter": {
      const { plan, results } = applyAll(p.child, subs);
      return restore({ kind: "filter", child: plan, condition: replace(p.condition, results), output: plan.output }, p.output);
    }
    case "sort":
    case "join": {
      if (subs.some((s) => (s.outerRefs ?? []).length > 0)) {
        throw new PijarError("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.UNSUPPORTED_CORRELATED_SCALAR_SUBQUERY", { treeNode: p.kind }, {
          message: `Unsupported subquery expression: Correlated scalar subqueries can only be used in filters, aggregations, projections, and UPDATE/MERGE/DELETE commands:\n${p.kind === "sort" ? "ORDER BY" : "JOIN ... ON"} ${subs.map(exprName).join(", ")}. Compute the subquery in the select list of a subquery, then ${p.kind === "sort" ? "order" : "join"} by that column.`,
        });
      }
      if (p.kind === "sort") {
        const { plan, results } = applyAll(p.child, subs);
        const orders = p.orders.map((o) => replace(o, results) as typeof o);
        return restore({ kind: "sort", child: plan, orders, output: plan.output }, p.output);
      }
      // Uncorrelated subqueries in a join condition: one value, computed beside the left input.
      const { plan, results } = applyAll(p.left, subs);
      const semi = p.joinType === "left_semi" || p.joinType === "left_anti";
      const leftPart = semi ? p.output : p.output.slice(0, p.left.output.length);
      const rightPart = semi ? [] : p.output.slice(p.left.output.length);
      const joined: LogicalPlan = {
        ...p, left: plan, condition: p.condition ? replace(p.condition, results) : null,
        output: [...leftPart, ...results.values(), ...rightPart],
      };
      return restore(joined, p.output);
    }
    default:
      throw new PijarError("UNSUPPORTED_FEATURE", { feature: `subquery expressions in ${p.kind}` }, {
        message: `The feature is not supported: a subquery expression in a ${p.kind} node (${subs.map(exprName).join(", ")}). Use it in WHERE, HAVING or the select list.`,
      });
  }
}

export const rewriteSubqueries: OptimizerRule = {
  name: "rewrite_subqueries",
  apply: (plan) => transformUp(plan, rewrite),
};
