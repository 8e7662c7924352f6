/**
 * SQL syntax tree, relations, queries and statements.
 */
import type { Expr, FunctionExpr, SortItem, Span, WindowSpec } from "./expressions.js";
import type { DataType } from "../../types/data-types.js";

// ---------------------------------------------------------------- relations

export interface TableAlias {
  name: string;
  columns?: string[];
}

export interface TableRelation extends Span {
  kind: "table";
  name: string[];
  alias?: TableAlias;
}

export interface SubqueryRelation extends Span {
  kind: "subquery";
  query: Query;
  alias?: TableAlias;
}

/** `VALUES (1, 'a'), (2, 'b') [AS t(a, b)]` used as a relation. */
export interface ValuesRelation extends Span {
  kind: "values";
  rows: Expr[][];
  alias?: TableAlias;
}

/** A table-valued function such as `range(10)`. */
export interface FunctionRelation extends Span {
  kind: "tableFunction";
  name: string[];
  args: Expr[];
  alias?: TableAlias;
}

export type JoinType = "INNER" | "LEFT" | "RIGHT" | "FULL" | "LEFT SEMI" | "LEFT ANTI" | "CROSS";

export interface JoinRelation extends Span {
  kind: "join";
  joinType: JoinType;
  left: Relation;
  right: Relation;
  on?: Expr;
  using?: string[];
  natural: boolean;
  /** True for `FROM a, b` (Spark plans it as an inner join without condition). */
  comma: boolean;
}

export type Relation = TableRelation | SubqueryRelation | ValuesRelation | FunctionRelation | JoinRelation;

// ---------------------------------------------------------------- queries

export interface SelectItem extends Span {
  expr: Expr;
  /** `AS x` or bare `x`. */
  alias?: string;
  /** `AS (a, b)` for generators. */
  aliases?: string[];
}

/** One element of GROUP BY. `ROLLUP(a, (b, c))` keeps each element as a list. */
export type GroupingElement =
  | { kind: "expr"; expr: Expr }
  | { kind: "rollup" | "cube"; sets: Expr[][] }
  | { kind: "groupingSets"; sets: Expr[][] };

export interface GroupBy extends Span {
  items: GroupingElement[];
  /** `GROUP BY a, b WITH ROLLUP|CUBE`. */
  with?: "ROLLUP" | "CUBE";
  /** `GROUP BY ALL`. */
  all: boolean;
  /** `GROUP BY a, b GROUPING SETS (...)`: the columns listed before the sets. */
  declared?: Expr[];
}

export interface NamedWindow {
  name: string;
  spec: WindowSpec;
}

/** `LATERAL VIEW [OUTER] explode(arr) t AS c1, c2`: one generator applied to every FROM row. */
export interface LateralView extends Span {
  outer: boolean;
  generator: FunctionExpr;
  table: string;
  columns: string[];
}

/** `PIVOT (sum(x) [AS a], ... FOR col IN (v1 [AS n1], ...))` after FROM. */
export interface PivotClause extends Span {
  aggregates: { expr: Expr; alias?: string }[];
  column: Expr;
  values: { expr: Expr; alias?: string }[];
}

export interface SelectBody extends Span {
  kind: "select";
  distinct: boolean;
  items: SelectItem[];
  from?: Relation;
  lateralViews: LateralView[];
  pivot?: PivotClause;
  where?: Expr;
  groupBy?: GroupBy;
  having?: Expr;
  windows: NamedWindow[];
}

export interface SetOpBody extends Span {
  kind: "setOp";
  op: "UNION" | "INTERSECT" | "EXCEPT";
  /** `ALL` keeps duplicates; UNION/INTERSECT/EXCEPT default to DISTINCT. */
  all: boolean;
  left: QueryBody;
  right: QueryBody;
}

/** `VALUES ...` used as a whole query; columns are named col1, col2, ... unless aliased. */
export interface ValuesBody extends Span {
  kind: "values";
  rows: Expr[][];
  /** `VALUES ... AS t(a, b)` names the columns (Spark's inline table alias). */
  alias?: TableAlias;
}

/** `TABLE t`. */
export interface TableBody extends Span {
  kind: "table";
  name: string[];
}

/** A parenthesized query inside a set operation, with its own ORDER BY / LIMIT. */
export interface NestedBody extends Span {
  kind: "nested";
  query: Query;
}

export type QueryBody = SelectBody | SetOpBody | ValuesBody | TableBody | NestedBody;

export interface Cte extends Span {
  name: string;
  columns?: string[];
  query: Query;
}

/** A full query: `WITH` CTEs, a body, then ORDER BY / WINDOW / LIMIT / OFFSET that apply to the whole body. */
export interface Query extends Span {
  kind: "query";
  ctes: Cte[];
  body: QueryBody;
  orderBy: SortItem[];
  /** `WINDOW` after a set operation (rare); plain selects keep theirs on the SelectBody. */
  windows: NamedWindow[];
  limit?: Expr;
  offset?: Expr;
}

// ---------------------------------------------------------------- statements

export interface QueryStatement extends Span {
  kind: "query";
  query: Query;
}

export interface CreateViewStatement extends Span {
  kind: "createView";
  name: string[];
  replace: boolean;
  /** False for a persistent `CREATE VIEW` (not supported by Pijar's catalog yet). */
  temporary: boolean;
  global: boolean;
  ifNotExists: boolean;
  columns?: { name: string; comment?: string }[];
  query: Query;
  /** The query's source text (Spark stores it as the view text). */
  queryText: string;
}

/** `DROP VIEW|TABLE [IF EXISTS] name`. */
export interface DropViewStatement extends Span {
  kind: "dropView";
  name: string[];
  ifExists: boolean;
  table: boolean;
}

export interface ShowTablesStatement extends Span {
  kind: "showTables";
  database?: string[];
  pattern?: string;
}

/** `DESCRIBE [TABLE] [EXTENDED] name`. */
export interface DescribeStatement extends Span {
  kind: "describe";
  name: string[];
  extended: boolean;
}

export interface ExplainStatement extends Span {
  kind: "explain";
  mode: "SIMPLE" | "EXTENDED" | "FORMATTED" | "CODEGEN" | "COST";
  statement: Statement;
}

/** `SET`, `SET key`, `SET key = value` (session configuration). */
export interface SetStatement extends Span {
  kind: "set";
  key?: string;
  value?: string;
}

/** `RESET` (every session setting back to its default) or `RESET key`. */
export interface ResetStatement extends Span {
  kind: "reset";
  key?: string;
}

/** `CREATE [OR REPLACE] TABLE [IF NOT EXISTS] name [(cols)] [USING fmt] ... [AS query]`. */
export interface CreateTableStatement extends Span {
  kind: "createTable";
  name: string[];
  replace: boolean;
  ifNotExists: boolean;
  columns?: { name: string; dataType: DataType }[];
  query?: Query;
}

/** `INSERT INTO|OVERWRITE [TABLE] name [(cols)] query` (VALUES is a query). */
export interface InsertStatement extends Span {
  kind: "insert";
  name: string[];
  overwrite: boolean;
  columns?: string[];
  query: Query;
}

/** `CREATE|DROP DATABASE|SCHEMA`, `USE [DATABASE|SCHEMA] name`. */
export interface DatabaseStatement extends Span {
  kind: "database";
  action: "create" | "drop" | "use";
  name: string;
  ifNotExists?: boolean;
  ifExists?: boolean;
  cascade?: boolean;
}

/** `ALTER TABLE|VIEW name ...` (refused after checking the name). */
export interface AlterTableStatement extends Span {
  kind: "alterTable";
  name: string[];
}

export type Statement =
  | QueryStatement | CreateViewStatement | DropViewStatement | ShowTablesStatement
  | DescribeStatement | ExplainStatement | SetStatement | ResetStatement | CreateTableStatement | InsertStatement | DatabaseStatement | AlterTableStatement;
