/**
 * fold_constants: computes deterministic expressions whose inputs are all literals once, at
 * planning time (`lit(2) * 3` -> `6`). An expression that fails (1/0) is left for run time so
 * the error surfaces where Spark raises it.
 */
import type { Expr } from "../../plan/expr/expr.js";
import { transformUp as transformExprUp } from "../../plan/expr/expr.js";
import type { LogicalPlan } from "../../plan/logical/plan.js";
import type { SessionSettings } from "../../context/settings.js";
import { castColumn } from "../../functions/cast/cast-value.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { mapExpressions, transformUp } from "../../plan/logical/tree.js";
import type { OptimizerRule } from "../rule.js";

/** One node whose inputs are already folded: a literal if it can be computed now, else itself. */
function foldNode(x: Expr, ctx: SessionSettings): Expr {
  if (x.kind !== "call" && x.kind !== "cast") return x;
  const inputs = x.kind === "call" ? x.args : [x.child];
  const foldable = inputs.every((a) => a.kind === "literal") &&
    (x.kind === "cast" || (x.fn.kind === "scalar" && x.fn.deterministic !== false && !x.isStar));
  if (!foldable) return x;
  try {
    const value = x.kind === "cast"
      ? castColumn([(x.child as { value: unknown }).value], typeOf(x.child), x.to, x.mode, ctx)[0]
      : x.fn.kind === "scalar"
        ? x.fn.eval(x.args.map((a) => [(a as { value: unknown }).value]), 1, x, ctx)[0]
        : undefined;
    return { kind: "literal", value: value ?? null, dataType: typeOf(x) };
  } catch {
    return x;
  }
}

export const foldConstants: OptimizerRule = {
  name: "fold_constants",
  // Every expression of every node, through the plan tree table (sort, window and generate too).
  apply: (plan: LogicalPlan, ctx) => transformUp(plan, (p) => mapExpressions(p, (e) => transformExprUp(e, (x) => foldNode(x, ctx)))),
};
