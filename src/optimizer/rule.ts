/** An optimizer rule: a named rewrite of a logical plan that must keep its output unchanged. */
import type { LogicalPlan } from "../plan/logical/plan.js";
import type { SessionSettings } from "../context/settings.js";

export interface OptimizerRule {
  /** verb_noun, as DataFusion names them; `spark.pijar.optimizer.excludedRules` takes these. */
  readonly name: string;
  apply(plan: LogicalPlan, ctx: SessionSettings): LogicalPlan;
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
