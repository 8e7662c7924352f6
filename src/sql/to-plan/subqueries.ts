/**
 * Resolving SQL subquery expressions for the plan builder. The subquery's plan is built
 * (and resolved) when the SQL is translated, so here only its shape is checked and its
 * type recorded. Correlated subqueries (referring to the outer query's columns) are not
 * supported yet: their inner plan fails to resolve the outer column.
 */
import type { Expr } from "../../plan/expr/expr.js";
import type { Scope } from "../../analyzer/scope.js";
import { booleanType } from "../../types/data-types.js";
import { PijarError } from "../../errors/pijar-error.js";

export function resolveSubquery(e: Extract<Expr, { kind: "subquery" }>, _scope: Scope): Expr {
  const cols = e.plan.output;
  if (e.subKind === "scalar") {
    if (cols.length !== 1) {
      throw new PijarError("INVALID_SUBQUERY_EXPRESSION.SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN", { number: String(cols.length) }, {
        message: `Invalid subquery: Scalar subquery must return only one column, but got ${cols.length}.`,
      });
    }
    return { ...e, dataType: cols[0]!.dataType };
  }
  if (e.subKind === "in" && cols.length !== e.values.length) {
    throw new PijarError("DATATYPE_MISMATCH.IN_SUBQUERY_LENGTH_MISMATCH", {}, {
      message: `Cannot resolve IN subquery due to data type mismatch: the number of columns in the left hand side of an IN subquery does not match the number of columns in the output of subquery. Left hand side columns(length: ${e.values.length}), right hand side columns(length: ${cols.length}).`,
    });
  }
  return { ...e, dataType: booleanType };
}
