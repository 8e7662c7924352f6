/**
 * SQL PIVOT, planned like the DataFrame API's groupBy().pivot(col, values).agg(...): one
 * aggregate per (value, aggregate) pair, filtered to the rows where the pivot column equals
 * the value, grouped by every FROM column the aggregates and the pivot column do not use.
 */
import type { Expr as PlanExpr } from "../../plan/expr/expr.js";
import { alias, call } from "../../plan/expr/expr.js";
import { exprName } from "../../plan/expr/sql-text.js";
import type { LogicalPlan } from "../../plan/logical/plan.js";
import { buildAggregate } from "../../plan/builder/index.js";
import { pivotCell } from "../../plan/builder/pivot-cell.js";
import type { Expr, PivotClause } from "../ast.js";
import type { QueryScope } from "./context.js";
import type { ExprTranslator } from "./expressions.js";

export function pivotPlan(input: LogicalPlan, pivot: PivotClause, tx: ExprTranslator, scope: QueryScope): LogicalPlan {
  const used = new Set<string>();
  for (const e of [pivot.column, ...pivot.aggregates.map((a) => a.expr)]) columnNames(e, used);
  const keys = input.output.filter((a) => !used.has(a.name.toLowerCase()));
  const pivotCol = tx.translate(pivot.column);
  const cells: PlanExpr[] = [];
  for (const v of pivot.values) {
    const value = tx.translate(v.expr);
    const label = v.alias ?? exprName(value);
    const cond = value.kind === "literal" && value.value === null ? call("isnull", [pivotCol]) : call("=", [pivotCol, value]);
    for (const a of pivot.aggregates) {
      const agg = tx.translate(a.expr);
      const name = pivot.aggregates.length > 1 ? `${label}_${a.alias ?? exprName(agg)}` : label;
      cells.push(alias(pivotCell(agg, cond), name));
    }
  }
  return buildAggregate(input, keys, [...keys, ...cells], null, scope.build);
}

/** Lower-cased last parts of the column names an expression mentions. */
function columnNames(e: Expr, out: Set<string>): void {
  if (e.kind === "column") out.add(e.parts[e.parts.length - 1]!.toLowerCase());
  for (const v of Object.values(e)) {
    if (Array.isArray(v)) {
      for (const x of v) if (x && typeof x === "object" && "kind" in x) columnNames(x as Expr, out);
    } else if (v && typeof v === "object" && "kind" in v) columnNames(v as Expr, out);
  }
}
