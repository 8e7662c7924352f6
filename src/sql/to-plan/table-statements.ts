/**
 * CREATE TABLE and INSERT INTO over the in-memory catalog (tables.ts). A created table is the
 * plan of its rows; INSERT appends rows cast to the table's column types (Spark's store
 * assignment: ANSI casts, columns by position, or by the names listed after the table name).
 */
import type { Expr as PlanExpr } from "../../plan/expr/expr.js";
import { alias, call, literal } from "../../plan/expr/expr.js";
import type { LogicalPlan } from "../../plan/logical/plan.js";
import { buildFilter, buildLimit, buildProject, buildToDF, buildUnion } from "../../plan/builder/index.js";
import { ArrayType, MapType, StructType, type DataType } from "../../types/data-types.js";
import { isNumeric } from "../../types/type-utils.js";
import { PijarError, quoteId } from "../../errors/pijar-error.js";
import type { CreateTableStatement, InsertStatement } from "../ast.js";
import type { QueryScope, SqlContext } from "./context.js";
import { translateQuery } from "./query.js";
import { emptyResultPlan, oneRowPlan } from "./rows.js";
import { createStoredTable, lookupStoredTable } from "./tables.js";
import type { StatementResult } from "./statements.js";
import { checkInlineRows } from "./inline-values.js";

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
  checkInlineRows(data, ctx.build.fn);
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
  data.output.forEach((a, i) => {
    if (!canStoreAssign(a.dataType, target[i]!.dataType)) throw cannotSafelyCast(stmt.name, target[i]!.name, a.dataType, target[i]!.dataType);
  });
  const rows = castColumns(data, target, ctx, stmt.name);
  table.plan = stmt.overwrite ? rows : buildUnion([table.plan, rows]);
  return { plan: checkRowsPlan(rows, ctx), command: true };
}

/**
 * The result of INSERT: no columns and no rows, but computed from every inserted value, so
 * running it (collect) raises what Spark raises at INSERT time (a value that cannot be cast),
 * instead of at the first SELECT. (`hash(...) IS NULL` is never true and cannot be folded away.)
 */
function checkRowsPlan(rows: LogicalPlan, ctx: SqlContext): LogicalPlan {
  if (!rows.output.length) return emptyResultPlan(ctx.build);
  const never = call("isnull", [call("hash", [...rows.output])]);
  return buildProject(buildFilter(rows, never, ctx.build), [], ctx.build);
}

/** Spark's ANSI store assignment: which column types a value may be written into. */
function canStoreAssign(from: DataType, to: DataType): boolean {
  if (from.equals(to) || from.typeName() === "void") return true;
  if (isNumeric(from) && isNumeric(to)) return true;
  const dt = (t: DataType) => ["date", "timestamp", "timestamp_ntz"].includes(t.typeName());
  if (dt(from) && dt(to)) return true;
  if (to.typeName() === "string" && !["array", "map", "struct", "binary"].includes(from.typeName())) return true;
  if (from instanceof ArrayType && to instanceof ArrayType) return canStoreAssign(from.elementType, to.elementType);
  if (from instanceof MapType && to instanceof MapType) return canStoreAssign(from.keyType, to.keyType) && canStoreAssign(from.valueType, to.valueType);
  if (from instanceof StructType && to instanceof StructType) {
    return from.fields.length === to.fields.length && from.fields.every((f, i) => canStoreAssign(f.dataType, to.fields[i]!.dataType));
  }
  return false;
}

function cannotSafelyCast(name: readonly string[], col: string, from: DataType, to: DataType): PijarError {
  const tableName = ["spark_catalog", "default", ...name].slice(-3).map(quoteId).join(".");
  return new PijarError("INCOMPATIBLE_DATA_FOR_TABLE.CANNOT_SAFELY_CAST", { tableName, colName: quoteId(col), srcType: `"${from.sql()}"`, targetType: `"${to.sql()}"` }, {
    message: `Cannot write incompatible data for the table ${tableName}: cannot safely cast ${quoteId(col)} ${from.sql()} to ${to.sql()}. Cast the value explicitly, e.g. CAST(x AS ${to.sql()}).`,
  });
}

function castColumns(plan: LogicalPlan, cols: readonly { name: string; dataType: DataType }[], ctx: SqlContext, name: readonly string[]): LogicalPlan {
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
