/**
 * CREATE TABLE and INSERT INTO over the in-memory catalog (tables.ts). A created table is the
 * plan of its rows; INSERT appends rows cast to the table's column types (Spark's store
 * assignment: ANSI casts, columns by position, or by the names listed after the table name).
 */
import type { Expr as PlanExpr } from "../../plan/expr/expr.js";
import { alias, literal } from "../../plan/expr/expr.js";
import type { LogicalPlan } from "../../plan/logical/plan.js";
import { buildLimit, buildProject, buildToDF, buildUnion } from "../../plan/builder/index.js";
import { PijarError, quoteId } from "../../errors/pijar-error.js";
import type { CreateTableStatement, InsertStatement } from "../ast.js";
import type { QueryScope, SqlContext } from "./context.js";
import { translateQuery } from "./query.js";
import { emptyResultPlan, oneRowPlan } from "./rows.js";
import { createStoredTable, lookupStoredTable } from "./tables.js";
import type { StatementResult } from "./statements.js";

export function createTable(stmt: CreateTableStatement, ctx: SqlContext, scope: QueryScope, sql: string): StatementResult {
  let plan: LogicalPlan;
  if (stmt.query) {
    plan = translateQuery(stmt.query, scope, sql);
    if (stmt.columns) plan = castColumns(plan, stmt.columns, ctx, stmt.name);
  } else {
    const cols = stmt.columns ?? [];
    // No rows yet: one typed row of NULLs, limited to none.
    const row = cols.map((c) => alias({ kind: "cast", child: literal(null, c.dataType), to: c.dataType, mode: "ansi" }, c.name));
    plan = buildLimit(buildProject(oneRowPlan(), row, ctx.build), 0);
  }
  createStoredTable(stmt.name, ctx.conf, plan, { replace: stmt.replace, ifNotExists: stmt.ifNotExists, isView: false });
  return { plan: emptyResultPlan(ctx.build), command: true };
}

export function insertInto(stmt: InsertStatement, ctx: SqlContext, scope: QueryScope, sql: string): StatementResult {
  const table = lookupStoredTable(stmt.name, ctx.conf);
  if (!table || table.isView) {
    throw new PijarError("TABLE_OR_VIEW_NOT_FOUND", { relationName: stmt.name.map(quoteId).join(".") });
  }
  const target = table.plan.output.map((a) => ({ name: a.name, dataType: a.dataType }));
  let data = translateQuery(stmt.query, scope, sql);
  if (stmt.columns) {
    // Reorder the listed columns into table order; unlisted columns get NULL.
    const pos = stmt.columns.map((c) => {
      const i = target.findIndex((t) => t.name.toLowerCase() === c.toLowerCase());
      if (i < 0) throw new PijarError("UNRESOLVED_COLUMN.WITH_SUGGESTION", { objectName: quoteId(c), proposal: target.map((t) => quoteId(t.name)).join(", ") });
      return i;
    });
    if (data.output.length !== pos.length) throw arity(stmt.name, target.length, data.output.length);
    const exprs: PlanExpr[] = target.map((t, i) => {
      const j = pos.indexOf(i);
      return alias(j >= 0 ? data.output[j]! : literal(null, t.dataType), t.name);
    });
    data = buildProject(data, exprs, ctx.build);
  }
  if (data.output.length !== target.length) throw arity(stmt.name, target.length, data.output.length);
  const rows = castColumns(data, target, ctx, stmt.name);
  table.plan = stmt.overwrite ? rows : buildUnion([table.plan, rows]);
  return { plan: emptyResultPlan(ctx.build), command: true };
}

function castColumns(plan: LogicalPlan, cols: readonly { name: string; dataType: import("../../types/data-types.js").DataType }[], ctx: SqlContext, name: readonly string[]): LogicalPlan {
  if (plan.output.length !== cols.length) throw arity(name, cols.length, plan.output.length);
  const exprs = plan.output.map((a, i) => {
    const to = cols[i]!.dataType;
    const e: PlanExpr = a.dataType.equals(to) ? a : { kind: "cast", child: a, to, mode: "ansi" };
    return alias(e, cols[i]!.name);
  });
  return buildToDF(buildProject(plan, exprs, ctx.build), cols.map((c) => c.name));
}

function arity(name: readonly string[], tableCols: number, dataCols: number): PijarError {
  const reason = dataCols > tableCols ? "TOO_MANY_DATA_COLUMNS" : "NOT_ENOUGH_DATA_COLUMNS";
  const tableName = ["spark_catalog", "default", ...name].slice(-3).map(quoteId).join(".");
  return new PijarError(`INSERT_COLUMN_ARITY_MISMATCH.${reason}`, { tableName, tableColumns: String(tableCols), dataColumns: String(dataCols) }, {
    message: `Cannot write to ${tableName}, the reason is ${reason === "TOO_MANY_DATA_COLUMNS" ? "too many data columns" : "not enough data columns"}: table has ${tableCols} columns, the data has ${dataCols}.`,
  });
}
