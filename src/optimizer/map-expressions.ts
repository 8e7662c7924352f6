/** Rewrites the expressions a node holds (not its children), keeping named outputs named. */
import type { Expr, NamedExpr } from "../plan/expr/expr.js";
import type { LogicalPlan } from "../plan/logical/plan.js";

export function mapExpressions(p: LogicalPlan, f: (e: Expr) => Expr): LogicalPlan {
  const named = (n: NamedExpr): NamedExpr => (n.kind === "alias" ? { ...n, child: f(n.child) } : n);
  switch (p.kind) {
    case "project": return { ...p, exprs: p.exprs.map(named) };
    case "filter": return { ...p, condition: f(p.condition) };
    case "aggregate": return { ...p, groupBy: p.groupBy.map(f), aggs: p.aggs.map(named) };
    case "join": return p.condition ? { ...p, condition: f(p.condition) } : p;
    default: return p;
  }
}
