/**
 * FROM clause -> plans: views and CTEs by name, subqueries, VALUES, range(), aliases with
 * column lists, and joins through the same builder the DataFrame API's join() uses.
 */
import type { LogicalPlan } from "../../plan/logical/plan.js";
import { alias, newExprId } from "../../plan/expr/expr.js";
import { buildJoin, buildSubqueryAlias, buildToDF } from "../../plan/builder/index.js";
import { PijarError, quoteId } from "../../errors/pijar-error.js";
import type { Expr, JoinType, Relation, TableAlias } from "../ast.js";
import type { QueryScope } from "./context.js";
import { ExprTranslator } from "./expressions.js";
import { translateQuery } from "./query.js";
import { rangePlan, valuesPlan } from "./rows.js";
import { SEARCH_PATH } from "../../catalog/catalog.js";
import { lookupStoredTable, tableKey } from "./tables.js";

const HOW: Record<JoinType, string> = {
  INNER: "inner", LEFT: "left", RIGHT: "right", FULL: "full", "LEFT SEMI": "left_semi", "LEFT ANTI": "left_anti", CROSS: "cross",
};

export function translateRelation(r: Relation, scope: QueryScope, sql: string): LogicalPlan {
  switch (r.kind) {
    case "table": return withAlias(lookupTable(r.name, scope), r.alias, r.name[r.name.length - 1]!);
    case "subquery": return withAlias(translateQuery(r.query, scope.child(), sql), r.alias);
    case "values": {
      const tx = new ExprTranslator(scope, sql);
      const width = r.rows[0]?.length ?? 0;
      const names = r.alias?.columns ?? Array.from({ length: width }, (_, i) => `col${i + 1}`);
      const plan = valuesPlan(r.rows.map((row) => row.map((e) => tx.translate(e))), names, scope.build);
      return r.alias ? buildSubqueryAlias(plan, r.alias.name) : plan;
    }
    case "tableFunction": return withAlias(tableFunction(r.name, r.args, sql), r.alias);
    case "join": return translateJoin(r, scope, sql);
  }
}

/** A CTE (innermost first), else the catalog; TABLE_OR_VIEW_NOT_FOUND otherwise. */
export function lookupTable(name: readonly string[], scope: QueryScope): LogicalPlan {
  const plan = findTable(name, scope);
  // In a correlated subquery the same view as outside gets its own column ids, so that
  // `t2.a = t1.a` over two uses of one view compares two different columns.
  const outer = scope.outerIds();
  return plan.output.some((a) => outer.has(a.id)) ? withFreshIds(plan) : plan;
}

function findTable(name: readonly string[], scope: QueryScope): LogicalPlan {
  if (name.length === 1) {
    const cte = scope.lookupCte(name[0]!);
    if (cte) return cte;
  }
  const plan = scope.ctx.catalog.lookupRelation(name);
  if (plan) return plan;
  const stored = lookupStoredTable(name, scope.ctx.conf);
  if (stored) {
    // A catalog table's columns can be qualified as t.c, db.t.c or spark_catalog.db.t.c, as in Spark.
    const [db, table] = tableKey(name, scope.ctx.conf)!;
    const qualifier = ["spark_catalog", db, table];
    return { kind: "subquery_alias", child: stored.plan, alias: table, output: stored.plan.output.map((a) => ({ ...a, qualifier })) };
  }
  throw new PijarError("TABLE_OR_VIEW_NOT_FOUND", { relationName: name.map(quoteId).join("."), searchPath: SEARCH_PATH });
}

/** The same relation under new column ids (names and qualifiers kept). */
function withFreshIds(plan: LogicalPlan): LogicalPlan {
  const exprs = plan.output.map((a) => ({ ...alias(a, a.name), id: newExprId() }));
  const output = plan.output.map((a, i) => ({ ...a, id: exprs[i]!.id }));
  const project: LogicalPlan = { kind: "project", child: plan, exprs, output };
  return plan.kind === "subquery_alias" ? buildSubqueryAlias(project, plan.alias) : project;
}

function withAlias(plan: LogicalPlan, alias: TableAlias | undefined, defaultName?: string): LogicalPlan {
  let p = plan;
  if (alias?.columns) p = buildToDF(p, alias.columns);
  const name = alias?.name ?? defaultName;
  if (name === undefined) return p;
  // Views and CTEs already come wrapped in their own name: do not wrap twice.
  if (!alias?.columns && p.kind === "subquery_alias" && p.alias.toLowerCase() === name.toLowerCase()) return p;
  return buildSubqueryAlias(p, name);
}

/** Table-valued functions: only `range` for now. */
function tableFunction(name: readonly string[], args: readonly Expr[], sql: string): LogicalPlan {
  const fn = name.join(".").toLowerCase();
  if (fn !== "range") {
    throw new PijarError("UNRESOLVABLE_TABLE_VALUED_FUNCTION", { name: quoteId(name.join(".")) }, {
      message: `Could not resolve ${quoteId(name.join("."))} to a table-valued function. Pijar supports range(end), range(start, end[, step]) in FROM.`,
    });
  }
  // Exact as bigints: range(9007199254740993, ...) must not round to 2^53.
  const nums = args.map((a) => longArg(a, sql));
  if (nums.length === 1) return rangePlan(0n, nums[0]!, 1n);
  if (nums.length === 2 || nums.length === 3 || nums.length === 4) return rangePlan(nums[0]!, nums[1]!, nums[2] ?? 1n);
  throw new PijarError("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", {
    functionName: "`range`", expectedNum: "[1, 2, 3, 4]", actualNum: String(nums.length), docroot: "https://spark.apache.org/docs/latest",
  });
}

/** An integer constant (possibly negative) written in the query, e.g. for LIMIT. */
export function integerArg(e: Expr, sql: string): number {
  return Number(longArg(e, sql));
}

/** An integer constant written in the query, exact past 2^53 (range() bounds). */
export function longArg(e: Expr, sql: string): bigint {
  if (e.kind === "literal" && (typeof e.value === "number" || typeof e.value === "bigint") && e.type !== "double" && e.type !== "float") {
    return BigInt(e.value);
  }
  throw new PijarError("INVALID_SQL_SYNTAX", { inputString: sql.slice(e.start, e.end) }, {
    message: `Expected an integer constant but got ${sql.slice(e.start, e.end)}.`,
  });
}

function translateJoin(r: Extract<Relation, { kind: "join" }>, scope: QueryScope, sql: string): LogicalPlan {
  const left = translateRelation(r.left, scope, sql);
  const right = translateRelation(r.right, scope, sql);
  const how = HOW[r.joinType];
  if (r.natural) {
    const rightNames = new Set(right.output.map((a) => a.name.toLowerCase()));
    const common = [...new Set(left.output.map((a) => a.name).filter((n) => rightNames.has(n.toLowerCase())))];
    return buildJoin(left, right, common.length ? common : null, how, scope.build);
  }
  if (r.using) return buildJoin(left, right, r.using, how, scope.build);
  const on = r.on ? new ExprTranslator(scope, sql).translate(r.on) : null;
  return buildJoin(left, right, on, how, scope.build);
}
