/**
 * push_down_limit: a LIMIT above a projection or a union also limits what is read below it,
 * and reaches the scan, so `show()` on a huge CSV reads only the first rows.
 */
import type { LogicalPlan } from "../../plan/logical/plan.js";
import { transformDown } from "../../plan/logical/tree.js";
import { untilStable, type OptimizerRule } from "../rule.js";

function limitOf(child: LogicalPlan, n: number): LogicalPlan {
  if (child.kind === "limit" && child.offset === 0 && child.limit <= n) return child;
  return { kind: "limit", child, limit: n, offset: 0, output: child.output };
}

function pushOnce(p: LogicalPlan): LogicalPlan {
  if (p.kind !== "limit") return p;
  const n = p.limit + p.offset;
  if (n >= Number.MAX_SAFE_INTEGER) return p;
  const c = p.child;
  switch (c.kind) {
    case "project":
      if (c.child.kind === "limit" && c.child.limit <= n && c.child.offset === 0) return p;
      return { ...p, child: { ...c, child: limitOf(c.child, n) } };
    case "subquery_alias":
      if (c.child.kind === "limit") return p;
      return { ...p, child: { ...c, child: limitOf(c.child, n) } };
    case "union":
      if (c.children.every((k) => k.kind === "limit" && k.limit <= n)) return p;
      return { ...p, child: { ...c, children: c.children.map((k) => limitOf(k, n)) } };
    case "scan":
      if (c.pushedFilters.length || (c.limit !== null && c.limit <= n)) return p;
      return { ...p, child: { ...c, limit: n } };
    case "range": {
      // In bigint: the reach may pass 2^53 or even 2^63, and only the smaller end matters.
      const reach = c.start + BigInt(n) * c.step;
      const end = c.step > 0n ? (reach < c.end ? reach : c.end) : (reach > c.end ? reach : c.end);
      if (end === c.end) return p;
      return { ...p, child: { ...c, end } };
    }
    case "limit":
      if (c.offset === 0) return { ...p, limit: Math.min(p.limit, c.limit), child: c.child };
      return p;
    default:
      return p;
  }
}

export const pushDownLimit: OptimizerRule = {
  name: "push_down_limit",
  apply: (plan) => untilStable(plan, (p) => transformDown(p, pushOnce)),
};
