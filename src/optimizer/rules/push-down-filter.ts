/**
 * push_down_filter: moves filters toward the data: through projections (substituting
 * aliases), into the sides of joins that cannot change their meaning, below sorts, and into
 * scans. The source says how it applies each filter: an "inexact" one (it may skip data) keeps
 * its Filter above the scan, an "exact" one needs none, an "unsupported" one stays up.
 */
import type { Attr, Expr } from "../../plan/expr/expr.js";
import { references, transform, exists } from "../../plan/expr/expr.js";
import type { LogicalPlan } from "../../plan/logical/plan.js";
import { filterPushdownOf } from "../../plan/logical/table-source.js";
import { conjunction, splitConjuncts } from "../conjuncts.js";
import { transformDown } from "../../plan/logical/tree.js";
import { untilStable, type OptimizerRule } from "../rule.js";

const deterministic = (e: Expr) => !exists(e, (x) => (x.kind === "call" && (x.fn.kind !== "scalar" || x.fn.deterministic === false)) || x.kind === "subquery" || x.kind === "window");
const within = (e: Expr, attrs: readonly Attr[]) => {
  const ids = new Set(attrs.map((a) => a.id));
  return references(e).every((r) => ids.has(r.id));
};

function filterOf(child: LogicalPlan, conds: readonly Expr[]): LogicalPlan {
  const c = conjunction(conds);
  return c ? { kind: "filter", child, condition: c, output: child.output } : child;
}

function pushOnce(p: LogicalPlan): LogicalPlan {
  if (p.kind !== "filter") return p;
  const child = p.child;
  const conds = splitConjuncts(p.condition);
  switch (child.kind) {
    case "filter":
      return filterOf(child.child, [...splitConjuncts(child.condition), ...conds]);
    case "project": {
      // Substitute aliases so the condition reads the projection's input.
      const defs = new Map<number, Expr>();
      for (const e of child.exprs) if (e.kind === "alias") defs.set(e.id, e.child);
      const down: Expr[] = [];
      const keep: Expr[] = [];
      for (const c of conds) {
        const usesNonDet = references(c).some((r) => defs.has(r.id) && !deterministic(defs.get(r.id)!));
        if (!deterministic(c) || usesNonDet) keep.push(c);
        else down.push(transform(c, (x) => (x.kind === "attr" && defs.has(x.id) ? defs.get(x.id) : undefined)));
      }
      if (!down.length) return p;
      const inner = { ...child, child: filterOf(child.child, down) };
      return filterOf(inner, keep);
    }
    case "sort":
    case "subquery_alias":
      return { ...child, child: filterOf(child.child, conds) } as LogicalPlan;
    case "join": {
      const jt = child.joinType;
      const toLeft: Expr[] = [];
      const toRight: Expr[] = [];
      const keep: Expr[] = [];
      for (const c of conds) {
        if (!deterministic(c)) keep.push(c);
        else if (within(c, child.left.output) && (jt === "inner" || jt === "cross" || jt === "left" || jt === "left_semi" || jt === "left_anti")) toLeft.push(c);
        else if (within(c, child.right.output) && (jt === "inner" || jt === "cross" || jt === "right")) toRight.push(c);
        else keep.push(c);
      }
      if (!toLeft.length && !toRight.length) return p;
      const j = { ...child, left: filterOf(child.left, toLeft), right: filterOf(child.right, toRight) };
      return filterOf(j, keep);
    }
    case "scan": {
      const fresh = conds.filter((c) => deterministic(c) && !child.pushedFilters.includes(c));
      const answers = filterPushdownOf(child.source, fresh);
      const pushed = fresh.filter((_, i) => answers[i] !== "unsupported");
      if (!pushed.length) return p;
      const exact = new Set(fresh.filter((_, i) => answers[i] === "exact"));
      const scan: LogicalPlan = { ...child, pushedFilters: [...child.pushedFilters, ...pushed] };
      // Without exact answers the Filter keeps its condition as written (explain() text).
      return exact.size ? filterOf(scan, conds.filter((c) => !exact.has(c))) : { ...p, child: scan };
    }
    default:
      return p;
  }
}

export const pushDownFilter: OptimizerRule = {
  name: "push_down_filter",
  apply: (plan) => untilStable(plan, (p) => transformDown(p, pushOnce)),
};
