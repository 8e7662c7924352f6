/**
 * What the SQL translator needs from the session: the plan builder's context, a catalog of
 * views, bound parameters, and (optionally) an EXPLAIN formatter. The session implements
 * `SqlCatalog` over `src/catalog/`; tests can pass a plain Map-backed one.
 */
import type { LogicalPlan } from "../../plan/logical/plan.js";
import type { BuildContext } from "../../plan/builder/index.js";
import type { Scope } from "../../analyzer/scope.js";
import type { NamedWindow } from "../ast.js";
import { resolveSubquery } from "./subqueries.js";

export interface TableListing {
  namespace: string;
  tableName: string;
  isTemporary: boolean;
}

export interface SqlCatalog {
  /** The plan of a temp view (`v`), global temp view (`global_temp.v`) or table; undefined if unknown. */
  lookupRelation(name: readonly string[]): LogicalPlan | undefined;
  /** Registers a view; throws TEMP_TABLE_OR_VIEW_ALREADY_EXISTS when it exists and `replace` is false. */
  createTempView(name: string, plan: LogicalPlan, opts: { replace: boolean; global: boolean; sqlText?: string }): void;
  /** True if the name is already a (global, when `global`) temp view. */
  viewExists(name: string, global: boolean): boolean;
  /** Drops a temp view (or `global_temp.v`); returns false if it did not exist. */
  dropTempView(name: readonly string[]): boolean;
  /** SHOW TABLES rows: temp views (namespace "") plus those of `database` (e.g. global_temp). */
  listTables(database?: readonly string[]): TableListing[];
}

export interface SqlContext {
  readonly build: BuildContext;
  readonly catalog: SqlCatalog;
  /** `spark.sql(q, args)`: a dict binds `:name` markers, a list binds `?` markers. */
  readonly args?: Readonly<Record<string, unknown>> | readonly unknown[];
  /** Session settings for `SET`; `get` returns null for unknown keys. */
  readonly conf?: {
    get(key: string): string | null;
    set(key: string, value: string): void;
    /** RESET key: back to the default. */
    unset?(key: string): void;
    /** RESET: every setting the session changed back to its default. */
    reset?(): void;
  };
  /** EXPLAIN text for a plan (the session's explain); a placeholder text when absent. */
  readonly explain?: (plan: LogicalPlan, mode: string) => string;
}

/**
 * Lexical state while translating one query: CTEs visible here (inner ones shadow outer
 * ones) and the named windows of the current SELECT.
 */
export class QueryScope {
  private readonly ctes = new Map<string, LogicalPlan>();
  windows: NamedWindow[] = [];

  /** The builder context with SQL subquery support switched on. */
  readonly build: BuildContext;

  constructor(readonly ctx: SqlContext, private readonly parent?: QueryScope, build?: BuildContext) {
    this.build = build ?? parent?.build ?? { ...ctx.build, resolveOptions: { ...ctx.build.resolveOptions, resolveSubquery } };
  }

  child(): QueryScope {
    return new QueryScope(this.ctx, this);
  }

  /** The scope of a subquery that may read `outer` (the enclosing query's columns, then its enclosing ones). */
  correlated(outer: Scope): QueryScope {
    return new QueryScope(this.ctx, this, { ...this.build, outer });
  }

  /** Ids of every enclosing query's columns visible here. */
  outerIds(): Set<number> {
    const ids = new Set<number>();
    for (let s = this.build.outer; s; s = s.outer) for (const a of s.attrs) ids.add(a.id);
    return ids;
  }

  addCte(name: string, plan: LogicalPlan): void {
    this.ctes.set(name.toLowerCase(), plan);
  }

  lookupCte(name: string): LogicalPlan | undefined {
    return this.ctes.get(name.toLowerCase()) ?? this.parent?.lookupCte(name);
  }

  lookupWindow(name: string): NamedWindow | undefined {
    const w = this.windows.find((x) => x.name.toLowerCase() === name.toLowerCase());
    return w ?? this.parent?.lookupWindow(name);
  }
}
