/**
 * The optimizer: one ordered list of small named rules. Any rule can be switched off with the
 * session setting `spark.pijar.optimizer.excludedRules` (comma-separated names), which helps
 * when a learner wants to see what a rule does in explain().
 */
import type { LogicalPlan } from "../plan/logical/plan.js";
import type { SessionSettings } from "../context/settings.js";
import type { OptimizerRule } from "./rule.js";
import { foldConstants } from "./rules/fold-constants.js";
import { pushDownFilter } from "./rules/push-down-filter.js";
import { pushDownLimit } from "./rules/push-down-limit.js";
import { pruneColumns } from "./rules/prune-columns.js";
import { rewriteSubqueries } from "./rules/rewrite-subqueries.js";
import { internalError } from "../errors/pijar-error.js";

export const RULES: readonly OptimizerRule[] = [
  // Subquery expressions become ApplySubquery nodes before anything moves: the engine cannot
  // evaluate them, and a filter holding one must not be pushed anywhere.
  rewriteSubqueries,
  // Constants first, so later rules see simple literals (and pushed filters are cheap).
  foldConstants,
  // Filters next: they shrink everything above them and may reach the scan.
  pushDownFilter,
  // Limits after filters: a limit never moves below a filter.
  pushDownLimit,
  // Last, prune columns against the final shape of the plan.
  pruneColumns,
];

export function optimize(plan: LogicalPlan, ctx: SessionSettings, excluded: ReadonlySet<string> = new Set()): LogicalPlan {
  let cur = plan;
  for (const rule of RULES) {
    if (excluded.has(rule.name)) continue;
    const next = rule.apply(cur, ctx);
    const before = cur.output.map((a) => `${a.id}:${a.dataType.simpleString()}`).join(",");
    const after = next.output.map((a) => `${a.id}:${a.dataType.simpleString()}`).join(",");
    if (before !== after) throw internalError(`optimizer rule ${rule.name} changed the output schema from [${before}] to [${after}]`);
    cur = next;
  }
  return cur;
}
