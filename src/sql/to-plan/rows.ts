/**
 * Small plans built from constants: the one-row relation behind `SELECT 1`, VALUES lists,
 * `range(...)` in FROM, and the result rows of SHOW TABLES / DESCRIBE / EXPLAIN.
 * They are made from the plan builder's own pieces (Range + Project + Union) so no
 * engine-specific batch code is needed here.
 */
import type { Attr, Expr as PlanExpr } from "../../plan/expr/expr.js";
import { alias, literal, newExprId } from "../../plan/expr/expr.js";
import type { LogicalPlan } from "../../plan/logical/plan.js";
import { buildLimit, buildProject, buildUnion, type BuildContext } from "../../plan/builder/index.js";
import { longType, type DataType } from "../../types/data-types.js";
import { PijarError } from "../../errors/pijar-error.js";

/** `spark.range(start, end, step)` as a plan: one bigint column `id`. */
export function rangePlan(start: bigint, end: bigint, step = 1n): LogicalPlan {
  if (step === 0n) {
    throw new PijarError("INVALID_PARAMETER_VALUE", { parameter: "`step`", functionName: "`range`", message: "requires a non-zero step." }, {
      message: "The value of parameter(s) `step` in `range` is invalid: requires a non-zero step (e.g. range(0, 10, 2)).",
    });
  }
  const id: Attr = { kind: "attr", name: "id", id: newExprId(), dataType: longType, nullable: false, qualifier: [] };
  return { kind: "range", start, end, step, output: [id] };
}

/** The single empty row `SELECT 1` (no FROM) reads from. */
export function oneRowPlan(): LogicalPlan {
  return rangePlan(0n, 1n, 1n);
}

/**
 * Rows of expressions as a relation with the given column names (VALUES). Each row is a
 * projection of the one-row relation; several rows are a UNION ALL, which also widens types.
 */
export function valuesPlan(rows: readonly (readonly PlanExpr[])[], names: readonly string[], build: BuildContext): LogicalPlan {
  const width = names.length;
  rows.forEach((r) => {
    if (r.length !== width) {
      throw new PijarError("INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH", {}, {
        message: `Invalid inline table. Inline table expected ${width} columns but found ${r.length} columns in row ${rows.indexOf(r)}. Give every VALUES row the same number of values.`,
      });
    }
  });
  const projections = rows.map((r) => buildProject(oneRowPlan(), r.map((e, i) => alias(e, names[i]!)), build));
  return projections.length === 1 ? projections[0]! : buildUnion(projections);
}

/** A relation holding constant rows of known types (command results). */
export function constantRowsPlan(
  columns: readonly { name: string; type: DataType }[],
  rows: readonly (readonly unknown[])[],
  build: BuildContext,
): LogicalPlan {
  if (rows.length === 0) {
    const empty = valuesPlan([columns.map((c) => ({ kind: "cast", child: literal(null, c.type), to: c.type, mode: "ansi" }) as PlanExpr)], columns.map((c) => c.name), build);
    return buildLimit(empty, 0);
  }
  return valuesPlan(rows.map((r) => r.map((v, i) => literal(v, columns[i]!.type))), columns.map((c) => c.name), build);
}

/** What a command (CREATE VIEW, DROP VIEW) returns: no columns, no rows. */
export function emptyResultPlan(build: BuildContext): LogicalPlan {
  return buildLimit(buildProject(oneRowPlan(), [], build), 0);
}
