/**
 * The Spark SQL front end: parser (src/sql/parser), syntax tree (ast.ts) and translation to
 * logical plans (src/sql/to-plan). Importing this module registers it with the DataFrame API
 * (src/api/sql-front-end.ts), which uses it for `spark.sql`, `df.filter("...")`,
 * `df.selectExpr(...)` and `F.expr(...)`.
 */
import type { LogicalPlan } from "../plan/logical/plan.js";
import type { BuildContext } from "../plan/builder/index.js";
import type { Catalog } from "../catalog/catalog.js";
import { registerSqlFrontEnd } from "../api/sql-front-end.js";
import { DataFrame } from "../api/dataframe.js";
import { SparkSession as SparkSessionClass, type SparkSession } from "../api/session.js";
import { catalogAdapter } from "./to-plan/catalog-adapter.js";
import { sqlExpression, sqlSelectItem, sqlStatement, type SqlContext } from "./to-plan/index.js";

export { parseStatement, parseQuery, parseExpression, parseExpressionList, parseNamedExpression, parseTableIdentifier } from "./parser/index.js";
export { SqlParseError } from "./parse-error.js";
export { sqlStatement, sqlExpression, sqlSelectItem } from "./to-plan/index.js";
export type { SqlCatalog, SqlContext, StatementResult } from "./to-plan/index.js";
export type * as SqlAst from "./ast.js";

/**
 * What the SQL front end reads from a SparkSession (internal members of src/api/session.ts).
 */
export interface SessionForSql {
  /** spark.conf (RuntimeConfig): `get` throws for unknown keys without a default. */
  readonly conf: {
    get(key: string, defaultValue?: string | null): string | null;
    set(key: string, value: string): void;
    unset(key: string): void;
    /** Settings SET may change (RESET puts those back). */
    isModifiable(key: string): boolean;
    getAll(): Record<string, string>;
  };
  /** spark.catalog, whose `_catalog` holds the temp views. */
  readonly catalog: { readonly _catalog: Catalog };
  /** Builder context with the session's time zone and ANSI mode. */
  _buildContext(): BuildContext;
}

/**
 * Context for expression strings parsed without a session (`df.filter("...")`): only
 * `TIMESTAMP '...'` literals depend on it, read in the machine's zone (Spark's default zone).
 */
function standaloneContext(): SqlContext {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  return {
    build: { fn: { timeZone, ansi: true, nowMicros: Date.now() * 1000 } },
    catalog: {
      // F.expr("(SELECT count(*) FROM v)") sees the active session's views, as in PySpark.
      lookupRelation: (name) => {
        const session = SparkSessionClass.getActiveSession();
        return session ? catalogAdapter(session.catalog._catalog).lookupRelation(name) : undefined;
      },
      createTempView: () => undefined,
      viewExists: () => false,
      dropTempView: () => false,
      listTables: () => [],
    },
  };
}

/** The SqlContext for one `spark.sql` call. */
export function sessionContext(session: SessionForSql, args?: Record<string, unknown> | unknown[]): SqlContext {
  return {
    build: session._buildContext(),
    catalog: catalogAdapter(session.catalog._catalog),
    conf: {
      get: (key) => {
        try {
          return session.conf.get(key);
        } catch {
          return null;
        }
      },
      set: (key, value) => session.conf.set(key, value),
      unset: (key) => session.conf.unset(key),
      reset: () => {
        for (const key of Object.keys(session.conf.getAll())) if (session.conf.isModifiable(key)) session.conf.unset(key);
      },
    },
    ...(args !== undefined ? { args } : {}),
    // EXPLAIN shows what df.explain(mode) shows for the same plan.
    explain: (plan, mode) => new DataFrame(session as unknown as SparkSession, plan).explainString(mode),
  };
}

registerSqlFrontEnd({
  // Spark parses F.expr / filter strings with `singleExpression: namedExpression EOF`, so an
  // alias is accepted there too (`F.expr("count(*) AS n")`).
  parseExpression: (text) => sqlSelectItem(text, standaloneContext()),
  parseSelectItem: (text) => sqlSelectItem(text, standaloneContext()),
  planStatement: (session: unknown, sql: string, args: Record<string, unknown> | unknown[] | undefined) =>
    sqlStatement(sql, sessionContext(session as SessionForSql, args)).plan,
});
