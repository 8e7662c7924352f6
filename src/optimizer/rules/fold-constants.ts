/**
 * fold_constants: computes deterministic expressions whose inputs are all literals once, at
 * planning time (`lit(2) * 3` -> `6`). An expression that fails (1/0) is left for run time so
 * the error surfaces where Spark raises it.
 */
import type { Expr } from "../../plan/expr/expr.js";
import { transform } from "../../plan/expr/expr.js";
import type { LogicalPlan } from "../../plan/logical/plan.js";
import type { SessionSettings } from "../../context/settings.js";
import { castColumn } from "../../functions/cast/cast-value.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { mapExpressions } from "../map-expressions.js";
import { transformUp, type OptimizerRule } from "../rule.js";

function foldExpr(e: Expr, ctx: SessionSettings): Expr {
  return transform(e, (x) => {
    if (x.kind === "call" || x.kind === "cast") {
      const folded = { ...x, ...(x.kind === "call" ? { args: x.args.map((a) => foldExpr(a, ctx)) } : { child: foldExpr(x.child, ctx) }) } as Expr;
      const inputs = folded.kind === "call" ? folded.args : folded.kind === "cast" ? [folded.child] : [];
      const foldable = inputs.every((a) => a.kind === "literal") &&
        (folded.kind === "cast" || (folded.kind === "call" && folded.fn.kind === "scalar" && folded.fn.deterministic !== false && !folded.isStar));
      if (!foldable) return folded;
      try {
        const value = folded.kind === "cast"
          ? castColumn([(folded.child as { value: unknown }).value], typeOf(folded.child), folded.to, folded.mode, ctx)[0]
          : folded.kind === "call" && folded.fn.kind === "scalar"
            ? folded.fn.eval(folded.args.map((a) => [(a as { value: unknown }).value]), 1, folded, ctx)[0]
            : undefined;
        return { kind: "literal", value: value ?? null, dataType: typeOf(folded) };
      } catch {
        return folded;
      }
    }
    return undefined;
  });
}

export const foldConstants: OptimizerRule = {
  name: "fold_constants",
  apply: (plan: LogicalPlan, ctx) => transformUp(plan, (p) => mapExpressions(p, (e) => foldExpr(e, ctx))),
};
