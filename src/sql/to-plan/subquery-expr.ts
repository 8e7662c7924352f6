/**
 * A subquery expression over a translated plan: its outer references are collected (the
 * enclosing queries' columns it reads) and checked against Spark's rules for where a
 * correlated subquery may read them.
 */
import type { Expr, ExprOf } from "../../plan/expr/expr.js";
import type { LogicalPlan } from "../../plan/logical/plan.js";
import { outerReferences } from "../../plan/logical/outer-refs.js";
import { checkCorrelations } from "../../analyzer/correlation.js";
import { logicalLine } from "../../execution/explain.js";

export function subqueryExpr(subKind: "scalar" | "exists" | "in", plan: LogicalPlan, values: readonly Expr[] = []): ExprOf<"subquery"> {
  const outerRefs = outerReferences(plan);
  if (outerRefs.length) checkCorrelations(plan, { scalar: subKind === "scalar", describe: logicalLine });
  return { kind: "subquery", subKind, plan, values, outerRefs };
}
