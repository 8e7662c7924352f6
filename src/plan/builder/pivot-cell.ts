/**
 * One cell of a pivot: the user's aggregate expression restricted to the rows whose pivot
 * column holds one value. The restriction must reach every aggregate call inside the
 * expression, not only a top-level one: `round(sum(x), 2)` pivots as `round(sum(x) FILTER
 * (WHERE p = v), 2)`. (Filtering only the outer call silently summed every pivot value.)
 * Spark computes a pivot in two phases (aggregate per key and pivot value, then spread the
 * groups into columns), so a cell whose group has no row with that value is NULL as a whole,
 * even for `count(x) * 10` or `coalesce(sum(x), 0)`; the cell is wrapped to match.
 * Shared by `groupBy().pivot()` and SQL's PIVOT clause.
 */
import type { Expr } from "../expr/expr.js";
import { call, literal, transform } from "../expr/expr.js";
import { lookupFunction } from "../../functions/registry.js";
import { integerType } from "../../types/data-types.js";

export function pivotCell(agg: Expr, cond: Expr): Expr {
  const restricted = transform(agg, (e) => {
    // A window expression computes over the aggregated rows, not inside one cell.
    if (e.kind === "window") return e;
    if (e.kind !== "unresolved_call" || lookupFunction(e.name)?.kind !== "agg") return undefined;
    if (e.name.toLowerCase() === "count" && e.isStar) return call("sum", [onesWhere(cond)]);
    return { ...e, filter: e.filter ? call("and", [e.filter, cond]) : cond };
  });
  const anyRow = call("isnotnull", [call("sum", [onesWhere(cond)])]);
  return { kind: "case", branches: [{ when: anyRow, then: restricted }], otherwise: null };
}

/** 1 for the rows of the pivot value, NULL elsewhere (a sum of it is NULL for no rows). */
function onesWhere(cond: Expr): Expr {
  return { kind: "case", branches: [{ when: cond, then: literal(1, integerType) }], otherwise: null };
}
