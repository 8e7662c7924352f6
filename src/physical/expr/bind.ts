/** Replaces attributes by positions in an operator's input, once, when the plan is built. */
import type { Attr, Expr } from "../../plan/expr/expr.js";
import { transform } from "../../plan/expr/expr.js";
import { PijarError, internalError } from "../../errors/pijar-error.js";
import { exprName } from "../../plan/expr/sql-text.js";

export function bindExpr(e: Expr, input: readonly Attr[]): Expr {
  const pos = new Map<number, number>();
  input.forEach((a, i) => { if (!pos.has(a.id)) pos.set(a.id, i); });
  // Lambda parameters stay as they are: their columns exist only in the element batch a
  // higher-order function builds when it runs (evaluate.ts binds them there).
  return transform(e, (x) => {
    if (x.kind === "subquery") {
      // The optimizer's rewrite_subqueries turns these into ApplySubquery nodes.
      throw new PijarError("UNSUPPORTED_FEATURE", { feature: "subquery expressions without the rewrite_subqueries rule" }, {
        message: `The feature is not supported: running ${exprName(x)} with the optimizer rule rewrite_subqueries switched off. Remove rewrite_subqueries from spark.pijar.optimizer.excludedRules.`,
      });
    }
    if (x.kind !== "attr") return undefined;
    const i = pos.get(x.id);
    if (i === undefined) throw internalError(`column ${x.name}#${x.id} is not in the operator input [${input.map((a) => `${a.name}#${a.id}`).join(", ")}]`);
    return { kind: "bound", index: i, dataType: x.dataType, nullable: x.nullable, name: x.name };
  });
}
