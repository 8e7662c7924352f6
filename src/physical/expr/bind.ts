/** Replaces attributes by positions in an operator's input, once, when the plan is built. */
import type { Attr, Expr } from "../../plan/expr/expr.js";
import { transform } from "../../plan/expr/expr.js";
import { PijarError, internalError } from "../../errors/pijar-error.js";
import { exprName } from "../../plan/expr/sql-text.js";

export function bindExpr(e: Expr, input: readonly Attr[]): Expr {
  const pos = new Map<number, number>();
  input.forEach((a, i) => { if (!pos.has(a.id)) pos.set(a.id, i); });
  return bindAt(e, input, pos, input.length);
}

/**
 * Binds with `width` input columns. A lambda's body runs over a batch of element rows: the
 * input row's columns, then one column per parameter of each enclosing lambda (see
 * evaluate.ts), so its parameters bind to the positions after `width`.
 */
function bindAt(e: Expr, input: readonly Attr[], pos: ReadonlyMap<number, number>, width: number): Expr {
  return transform(e, (x) => {
    if (x.kind === "lambda") {
      const inner = new Map(pos);
      x.params.forEach((p, k) => inner.set(p.id, width + k));
      return { ...x, body: bindAt(x.body, input, inner, width + x.params.length) };
    }
    if (x.kind === "lambda_var") {
      const i = pos.get(x.id);
      if (i === undefined || !x.dataType) throw internalError(`lambda variable ${x.name}#${x.id} is outside its lambda`);
      return { kind: "bound", index: i, dataType: x.dataType, nullable: x.nullable ?? true, name: x.name };
    }
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
