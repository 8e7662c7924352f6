/**
 * Runs SQL statements: queries become plans; CREATE / DROP VIEW change the catalog; SHOW
 * TABLES, DESCRIBE and EXPLAIN return small result relations, with PySpark's column names.
 */
import type { LogicalPlan } from "../../plan/logical/plan.js";
import { buildToDF } from "../../plan/builder/index.js";
import { booleanType, stringType } from "../../types/data-types.js";
import { PijarError, quoteId } from "../../errors/pijar-error.js";
import type { Statement } from "../ast.js";
import { QueryScope, type SqlContext } from "./context.js";
import { lookupTable } from "./relations.js";
import { translateQuery } from "./query.js";
import { constantRowsPlan, emptyResultPlan } from "./rows.js";
import { createTable, insertInto } from "./table-statements.js";
import { CURRENT_DB_KEY, createDatabase, createStoredTable, currentDatabase, dropDatabase, dropStoredTable, requireDatabase } from "./tables.js";

/** The outcome of one statement: the plan `spark.sql` wraps in a DataFrame. */
export interface StatementResult {
  plan: LogicalPlan;
  /** True for commands already executed (CREATE/DROP VIEW) whose DataFrame is empty. */
  command: boolean;
}

export function runStatement(stmt: Statement, ctx: SqlContext, sql: string): StatementResult {
  const scope = new QueryScope(ctx);
  switch (stmt.kind) {
    case "query":
      return { plan: translateQuery(stmt.query, scope, sql), command: false };
    case "createView": {
      if (!stmt.temporary) {
        // A persistent view: kept in the in-memory catalog with the plan of its query.
        let plan = translateQuery(stmt.query, scope, sql);
        if (stmt.columns) plan = buildToDF(plan, stmt.columns.map((c) => c.name));
        createStoredTable(stmt.name, ctx.conf, plan, { replace: stmt.replace, ifNotExists: stmt.ifNotExists, isView: true });
        return { plan: emptyResultPlan(ctx.build), command: true };
      }
      const name = stmt.name[stmt.name.length - 1]!;
      if (stmt.ifNotExists && ctx.catalog.viewExists(name, stmt.global)) return { plan: emptyResultPlan(ctx.build), command: true };
      let plan = translateQuery(stmt.query, scope, sql);
      if (stmt.columns) plan = buildToDF(plan, stmt.columns.map((c) => c.name));
      ctx.catalog.createTempView(name, plan, { replace: stmt.replace, global: stmt.global, sqlText: stmt.queryText });
      return { plan: emptyResultPlan(ctx.build), command: true };
    }
    case "dropView": {
      const dropped = ctx.catalog.dropTempView(stmt.name) || dropStoredTable(stmt.name, ctx.conf);
      if (!dropped && !stmt.ifExists) {
        // Spark names the missing object with its full path, e.g. `spark_catalog`.`default`.`v`.
        const full = stmt.name.length === 1 ? ["spark_catalog", "default", ...stmt.name] : stmt.name;
        throw new PijarError("TABLE_OR_VIEW_NOT_FOUND", { relationName: full.map(quoteId).join("."), searchPath: "[`spark_catalog`.`default`]" });
      }
      return { plan: emptyResultPlan(ctx.build), command: true };
    }
    case "showTables": {
      // Spark lists tables sorted by namespace, then name.
      let rows = ctx.catalog.listTables(stmt.database)
        .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.tableName.localeCompare(b.tableName));
      if (stmt.pattern !== undefined) {
        const re = likePattern(stmt.pattern);
        rows = rows.filter((r) => re.test(r.tableName));
      }
      const cols = [{ name: "namespace", type: stringType }, { name: "tableName", type: stringType }, { name: "isTemporary", type: booleanType }];
      return { plan: constantRowsPlan(cols, rows.map((r) => [r.namespace, r.tableName, r.isTemporary]), ctx.build), command: false };
    }
    case "describe": {
      const plan = lookupTable(stmt.name, scope);
      const cols = [{ name: "col_name", type: stringType }, { name: "data_type", type: stringType }, { name: "comment", type: stringType }];
      const rows = plan.output.map((a) => [a.name, a.dataType.simpleString(), null]);
      return { plan: constantRowsPlan(cols, rows, ctx.build), command: false };
    }
    case "set":
      return runSet(stmt, ctx);
    case "reset":
      // Spark's RESET returns no columns and no rows.
      if (stmt.key === undefined) ctx.conf?.reset?.();
      else ctx.conf?.unset?.(stmt.key);
      return { plan: emptyResultPlan(ctx.build), command: true };
    case "createTable":
      return createTable(stmt, ctx, scope, sql);
    case "insert":
      return insertInto(stmt, ctx, scope, sql);
    case "alterTable": {
      // The relation must exist first (as in Spark); changing it is not supported yet.
      lookupTable(stmt.name, scope);
      throw new PijarError("UNSUPPORTED_FEATURE", { feature: "ALTER TABLE" }, {
        message: "The feature is not supported: ALTER TABLE. Create the table again with the new columns (CREATE OR REPLACE TABLE ... AS SELECT ...).",
      });
    }
    case "database": {
      if (stmt.action === "create") createDatabase(stmt.name, !!stmt.ifNotExists);
      else if (stmt.action === "drop") {
        dropDatabase(stmt.name, !!stmt.ifExists, !!stmt.cascade);
        if (currentDatabase(ctx.conf) === stmt.name.toLowerCase()) ctx.conf?.set(CURRENT_DB_KEY, "default");
      } else ctx.conf?.set(CURRENT_DB_KEY, requireDatabase(stmt.name));
      return { plan: emptyResultPlan(ctx.build), command: true };
    }
    case "explain": {
      const inner = runStatement(stmt.statement, ctx, sql);
      const text = ctx.explain ? ctx.explain(inner.plan, stmt.mode.toLowerCase()) : "== Physical Plan ==\n(explain is not available)";
      return { plan: constantRowsPlan([{ name: "plan", type: stringType }], [[text]], ctx.build), command: false };
    }
  }
}

/** `SET key=value` sets and echoes it; `SET key` shows it (`<undefined>` when unknown), as Spark. */
function runSet(stmt: Extract<Statement, { kind: "set" }>, ctx: SqlContext): StatementResult {
  const cols = [{ name: "key", type: stringType }, { name: "value", type: stringType }];
  if (stmt.key === undefined || !ctx.conf) return { plan: constantRowsPlan(cols, [], ctx.build), command: false };
  if (stmt.value !== undefined) ctx.conf.set(stmt.key, stmt.value);
  const value = ctx.conf.get(stmt.key) ?? "<undefined>";
  return { plan: constantRowsPlan(cols, [[stmt.key, value]], ctx.build), command: false };
}

/** SHOW TABLES LIKE: `*` matches anything, `|` separates alternatives, case-insensitive. */
function likePattern(pattern: string): RegExp {
  const alts = pattern.split("|").map((p) => p.trim().split("*").map((s) => s.replace(/[.+?^${}()[\]\\]/g, "\\$&")).join(".*"));
  return new RegExp(`^(?:${alts.join("|")})$`, "i");
}
