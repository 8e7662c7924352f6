/**
 * prune_columns: drops columns nobody above needs, so scans read and convert only the
 * columns a query uses (a CSV reader skips converting the others).
 */
import type { Expr } from "../../plan/expr/expr.js";
import { references } from "../../plan/expr/expr.js";
import { planExpressions, type LogicalPlan } from "../../plan/logical/plan.js";
import type { OptimizerRule } from "../rule.js";

const refIds = (es: readonly Expr[]) => {
  const s = new Set<number>();
  for (const e of es) for (const r of references(e)) s.add(r.id);
  return s;
};
const union = (a: Set<number>, b: Set<number>) => new Set([...a, ...b]);
const all = (p: LogicalPlan) => new Set(p.output.map((a) => a.id));

/** Exhaustive over plan kinds (no default arm): a new kind must say what it needs below. */
function prune(p: LogicalPlan, required: Set<number>): LogicalPlan {
  switch (p.kind) {
    case "scan": {
      const need = union(required, refIds(p.pushedFilters));
      const keep = p.output.map((a, i) => ({ a, c: p.columns[i]! })).filter(({ a }) => need.has(a.id));
      if (keep.length === p.output.length) return p;
      // A scan always produces at least one column so row counts survive.
      const kept = keep.length ? keep : [{ a: p.output[0]!, c: p.columns[0]! }];
      return { ...p, output: kept.map((k) => k.a), columns: kept.map((k) => k.c) };
    }
    case "project": {
      const exprs = p.exprs.filter((e) => required.has(e.id));
      const kept = exprs.length ? exprs : p.exprs.slice(0, 1);
      const child = prune(p.child, refIds(kept));
      const ids = new Set(kept.map((e) => e.id));
      return { ...p, child, exprs: kept, output: p.output.filter((a) => ids.has(a.id)) };
    }
    case "filter": {
      const child = prune(p.child, union(required, refIds([p.condition])));
      return child === p.child ? p : { ...p, child, output: child.output };
    }
    case "sort": {
      const child = prune(p.child, union(required, refIds(p.orders)));
      return child === p.child ? p : { ...p, child, output: child.output };
    }
    case "limit":
    case "sample":
    case "subquery_alias": {
      const child = prune(p.child, required);
      if (child === p.child) return p;
      const ids = new Set(child.output.map((a) => a.id));
      return { ...p, child, output: p.output.filter((a) => ids.has(a.id)) } as LogicalPlan;
    }
    case "aggregate":
      return { ...p, child: prune(p.child, refIds([...p.groupBy, ...p.aggs])) };
    case "deduplicate": {
      const child = prune(p.child, union(required, new Set(p.keys.map((k) => k.id))));
      return child === p.child ? p : { ...p, child, output: child.output };
    }
    case "join": {
      const need = union(required, p.condition ? refIds([p.condition]) : new Set());
      const left = prune(p.left, need);
      const right = prune(p.right, need);
      if (left === p.left && right === p.right) return p;
      const ids = new Set([...left.output, ...right.output].map((a) => a.id));
      return { ...p, left, right, output: p.output.filter((a) => ids.has(a.id)) };
    }
    case "window": {
      const child = prune(p.child, union(required, refIds(p.windowExprs)));
      if (child === p.child) return p;
      const ids = new Set(child.output.map((a) => a.id));
      return { ...p, child, output: p.output.filter((a) => ids.has(a.id) || p.windowExprs.some((w) => w.id === a.id)) };
    }
    case "generate": {
      const child = prune(p.child, union(required, refIds(planExpressions(p))));
      if (child === p.child) return p;
      return { ...p, child, output: [...child.output, ...p.generatedOutput] };
    }
    case "apply_subquery": {
      // The child must keep what the subquery reads, whatever the parents need.
      const child = prune(p.child, union(required, refIds(planExpressions(p))));
      if (child === p.child) return p;
      return { ...p, child, output: [...child.output, p.result] };
    }
    case "union":
      return { ...p, children: p.children.map((c) => prune(c, all(c))) };
    case "set_op":
      return { ...p, left: prune(p.left, all(p.left)), right: prune(p.right, all(p.right)) };
    // Leaves without pruned columns, and a cache that must keep what it stores.
    case "local":
    case "range":
    case "cached":
      return p;
  }
}

export const pruneColumns: OptimizerRule = {
  name: "prune_columns",
  apply: (plan) => {
    // The root keeps its output exactly.
    const pruned = prune(plan, all(plan));
    if (pruned.output.length !== plan.output.length) return plan;
    return pruned;
  },
};
