/**
 * Spark evaluates the rows of an inline table (VALUES) while analysing the statement, so an
 * `INSERT INTO t VALUES (boolean('XXX'))` fails before any row is written, with
 * INVALID_INLINE_TABLE.FAILED_SQL_EXPRESSION_EVALUATION. This does the same for rows made
 * only of constants; rows that read anything else are left to run time.
 */
import type { Expr } from "../../plan/expr/expr.js";
import { exprName } from "../../plan/expr/sql-text.js";
import type { LogicalPlan } from "../../plan/logical/plan.js";
import type { FunctionContext } from "../../functions/registry.js";
import { castColumn } from "../../functions/cast/cast-value.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { PijarError } from "../../errors/pijar-error.js";

/** Throws what Spark throws when a constant VALUES row cannot be computed. */
export function checkInlineRows(plan: LogicalPlan, fn: FunctionContext): void {
  for (const row of constantRows(plan)) {
    for (const e of row) {
      try {
        evalConstant(e.kind === "alias" ? e.child : e, fn);
      } catch (err) {
        if (err === NOT_CONSTANT) continue;
        const sqlExpr = `"${exprName(e.kind === "alias" ? e.child : e)}"`;
        throw new PijarError("INVALID_INLINE_TABLE.FAILED_SQL_EXPRESSION_EVALUATION", { sqlExpr }, {
          message: `Invalid inline table. Failed to evaluate the SQL expression ${sqlExpr}: ${(err as Error).message.split("\n")[0]} Fix the value, or use try_cast.`,
          cause: err,
        });
      }
    }
  }
}

/** The projections of VALUES rows (projects over the one-row range, possibly unioned). */
function constantRows(plan: LogicalPlan): Expr[][] {
  if (plan.kind === "union") return plan.children.flatMap(constantRows);
  if (plan.kind === "subquery_alias") return constantRows(plan.child);
  if (plan.kind === "project" && plan.child.kind === "range") return [plan.exprs as Expr[]];
  return [];
}

const NOT_CONSTANT = Symbol("not constant");

function evalConstant(e: Expr, fn: FunctionContext): unknown {
  switch (e.kind) {
    case "literal": return e.value;
    case "cast": return castColumn([evalConstant(e.child, fn)], typeOf(e.child), e.to, e.mode, fn)[0];
    case "call": {
      if (e.fn.kind !== "scalar" || e.fn.deterministic === false) throw NOT_CONSTANT;
      const args = e.args.map((a) => [evalConstant(a, fn)]);
      return e.fn.eval(args, 1, e, fn)[0];
    }
    default: throw NOT_CONSTANT;
  }
}
