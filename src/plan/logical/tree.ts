/**
 * Generic walks over logical plans, built on the one table of node shapes in plan.ts, so no
 * rule re-lists node kinds to reach children or expressions. Unchanged subtrees keep their
 * identity, which lets rules that repeat until stable see "nothing changed".
 */
import type { Expr } from "../expr/expr.js";
import { planChildren, planExpressions, withChildren, withExpressions, type LogicalPlan } from "./plan.js";

/** Applies `f` to every node bottom-up: `f` sees a node after its children were rewritten. */
export function transformUp(p: LogicalPlan, f: (p: LogicalPlan) => LogicalPlan): LogicalPlan {
  return f(withChildren(p, planChildren(p).map((k) => transformUp(k, f))));
}

/** Applies `f` top-down: `f` sees a node before its (possibly rewritten) children. */
export function transformDown(p: LogicalPlan, f: (p: LogicalPlan) => LogicalPlan): LogicalPlan {
  const q = f(p);
  return withChildren(q, planChildren(q).map((k) => transformDown(k, f)));
}

/** True if some node of the plan satisfies `pred`. */
export function planExists(p: LogicalPlan, pred: (p: LogicalPlan) => boolean): boolean {
  return pred(p) || planChildren(p).some((k) => planExists(k, pred));
}

/** All nodes of the plan satisfying `pred` (pre-order). */
export function collectPlans<T extends LogicalPlan>(p: LogicalPlan, pred: (p: LogicalPlan) => p is T, out: T[] = []): T[] {
  if (pred(p)) out.push(p);
  for (const k of planChildren(p)) collectPlans(k, pred, out);
  return out;
}

/**
 * Rewrites every expression a node holds (not its children's). An output column keeps its
 * name and id: under an alias only the aliased expression is rewritten, and an attribute
 * that names a column is left as it is.
 */
export function mapExpressions(p: LogicalPlan, f: (e: Expr) => Expr): LogicalPlan {
  return withExpressions(p, planExpressions(p).map((e) => {
    if (e.kind === "attr") return e;
    if (e.kind !== "alias") return f(e);
    const child = f(e.child);
    return child === e.child ? e : { ...e, child };
  }));
}
