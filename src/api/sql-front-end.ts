/**
 * How the DataFrame API uses the SQL front end (src/sql): `spark.sql(...)`, `df.filter("...")`,
 * `selectExpr(...)`, `F.expr(...)` and string aggregates. The API sits above src/sql and imports
 * it directly; this file builds the SqlContext (settings, catalog, conf) from a session.
 */
import type { Expr } from "../plan/expr/expr.js";
import type { LogicalPlan } from "../plan/logical/plan.js";
import type { BuildContext } from "../plan/builder/index.js";
import type { Catalog } from "../catalog/catalog.js";
import { catalogAdapter, sqlSelectItem, sqlStatement, type SqlContext } from "../sql/index.js";
import { activeSession } from "./active-session.js";

/** What the SQL front end reads from a SparkSession (internal members of src/api/session.ts). */
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

/** `EXPLAIN` renders what df.explain(mode) renders; the session supplies it (it makes DataFrames). */
export type ExplainPlan = (plan: LogicalPlan, mode: string) => string;

/**
 * One SQL expression or select item ("unit_price * quantity AS gross"), unresolved. Spark parses
 * F.expr / filter strings as `namedExpression`, so an alias is accepted in both. Only
 * `TIMESTAMP '...'` literals depend on the settings: the given session's time zone, else the
 * active session's, else the machine's (Spark's default zone).
 */
export function parseSelectItem(text: string, session: SessionForSql | null = activeSession()): Expr {
  return sqlSelectItem(text, session ? sessionContext(session) : standaloneContext());
}

/**
 * Runs a statement: a query returns its plan; catalog statements (CREATE VIEW, DROP VIEW, SET)
 * act on the session and return the plan of their result (possibly empty).
 */
export function planStatement(
  session: SessionForSql,
  sql: string,
  args: Record<string, unknown> | unknown[] | undefined,
  explain: ExplainPlan,
): LogicalPlan {
  return sqlStatement(sql, { ...sessionContext(session, args), explain }).plan;
}

/** Settings when no session exists yet; no views to see. */
function standaloneContext(): SqlContext {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  return {
    build: { fn: { timeZone, ansi: true, nowMicros: Date.now() * 1000 } },
    catalog: {
      lookupRelation: () => undefined,
      createTempView: () => undefined,
      viewExists: () => false,
      dropTempView: () => false,
      listTables: () => [],
    },
  };
}

/** The SqlContext of one session: its settings, temp views and conf. */
function sessionContext(session: SessionForSql, args?: Record<string, unknown> | unknown[]): SqlContext {
  return {
    build: session._buildContext(),
    // F.expr("(SELECT count(*) FROM v)") sees the session's views, as in PySpark.
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
  };
}
