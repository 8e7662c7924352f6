/** An optimizer rule: a named rewrite of a logical plan that must keep its output unchanged. */
import type { LogicalPlan } from "../plan/logical/plan.js";
import type { SessionSettings } from "../context/settings.js";

export interface OptimizerRule {
  /** verb_noun, as DataFusion names them; `spark.pijar.optimizer.excludedRules` takes these. */
  readonly name: string;
  apply(plan: LogicalPlan, ctx: SessionSettings): LogicalPlan;
}

/** Applies `f` to every node bottom-up. */
export function transformUp(p: LogicalPlan, f: (p: LogicalPlan) => LogicalPlan): LogicalPlan {
  const kids = childrenOf(p);
  const newKids = kids.map((k) => transformUp(k, f));
  const changed = newKids.some((k, i) => k !== kids[i]);
  return f(changed ? withKids(p, newKids) : p);
}

/** Applies `f` top-down: f sees a node before its (possibly rewritten) children. */
export function transformDown(p: LogicalPlan, f: (p: LogicalPlan) => LogicalPlan): LogicalPlan {
  const q = f(p);
  const kids = childrenOf(q);
  const newKids = kids.map((k) => transformDown(k, f));
  return newKids.some((k, i) => k !== kids[i]) ? withKids(q, newKids) : q;
}

/** Applies a rewrite until the plan stops changing (bounded, in case a rule oscillates). */
export function untilStable(plan: LogicalPlan, rewrite: (p: LogicalPlan) => LogicalPlan, maxPasses = 50): LogicalPlan {
  let cur = plan;
  for (let i = 0; i < maxPasses; i++) {
    const next = rewrite(cur);
    if (next === cur) break;
    cur = next;
  }
  return cur;
}

import { planChildren as childrenOf, withChildren as withKids } from "../plan/logical/plan.js";
