/**
 * The SQL syntax tree Pijar's parser produces. It is purely syntactic: names are not
 * resolved, functions are not looked up, ordinals stay integer literals. `src/sql/to-plan/`
 * turns it into logical plans. Every node keeps `start`/`end` source offsets so later
 * errors (unresolved column...) can point into the query like Spark's QueryContext.
 */
import type { DataType } from "../types/data-types.js";

/** Source span: 0-based offsets into the SQL text, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

// ---------------------------------------------------------------- expressions

export type LiteralType =
  | "null" | "boolean" | "tinyint" | "smallint" | "int" | "bigint" | "decimal" | "float" | "double"
  | "string" | "binary" | "date" | "timestamp" | "timestamp_ntz";

/**
 * A constant. `value` is: null; boolean; number for tinyint/smallint/int/float/double;
 * bigint for bigint; the exact decimal text for decimal (e.g. "-1.50"); the text for
 * string/date/timestamp/timestamp_ntz (checked later); Uint8Array for binary.
 */
export interface LiteralExpr extends Span {
  kind: "literal";
  type: LiteralType;
  value: null | boolean | number | bigint | string | Uint8Array;
  /** Decimal precision and scale as Spark infers them from the digits, for `type: "decimal"`. */
  precision?: number;
  scale?: number;
}

/** One `value unit` pair of an interval literal: `INTERVAL '1' DAY` or `3 DAYS`. */
export interface IntervalPart {
  /** The value as written ("1", "-3", "1-2", "10:20:30.5"). */
  value: string;
  /** Upper-case singular unit: YEAR, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND. */
  unit: string;
}

/**
 * `INTERVAL '1' DAY`, `INTERVAL 3 DAYS`, `INTERVAL '1-2' YEAR TO MONTH`, `INTERVAL '1 day 2 hours'`.
 * Either `parts` (unit form) or `text` (a string with units inside) is set; `toUnit` is the
 * end of a `FROM TO` range.
 */
export interface IntervalExpr extends Span {
  kind: "interval";
  parts: IntervalPart[];
  text?: string;
  toUnit?: string;
}

/** A possibly qualified column reference (`a`, `t.a`, `s.a.b`): resolution splits table vs field later. */
export interface ColumnExpr extends Span {
  kind: "column";
  parts: string[];
}

/** `*` or `t.*`. */
export interface StarExpr extends Span {
  kind: "star";
  target?: string[];
}

export type UnaryOp = "-" | "+" | "~" | "NOT";

export interface UnaryExpr extends Span {
  kind: "unary";
  op: UnaryOp;
  arg: Expr;
}

/** Binary operators, upper-cased for words. `==` is kept apart from `=` only for display. */
export type BinaryOp =
  | "OR" | "AND"
  | "=" | "==" | "<=>" | "!=" | "<>" | "<" | "<=" | ">" | ">="
  | "|" | "^" | "&" | "<<" | ">>" | ">>>"
  | "+" | "-" | "||" | "*" | "/" | "%" | "DIV";

export interface BinaryExpr extends Span {
  kind: "binary";
  op: BinaryOp;
  left: Expr;
  right: Expr;
}

/** `x IS [NOT] NULL`. */
export interface IsNullExpr extends Span {
  kind: "isNull";
  arg: Expr;
  negated: boolean;
}

/** `x IS [NOT] TRUE|FALSE|UNKNOWN` (`value` null means UNKNOWN). */
export interface IsBooleanExpr extends Span {
  kind: "isBoolean";
  arg: Expr;
  value: boolean | null;
  negated: boolean;
}

/** `a IS [NOT] DISTINCT FROM b`. */
export interface DistinctFromExpr extends Span {
  kind: "distinctFrom";
  left: Expr;
  right: Expr;
  negated: boolean;
}

export interface BetweenExpr extends Span {
  kind: "between";
  arg: Expr;
  lower: Expr;
  upper: Expr;
  negated: boolean;
}

/** `x [NOT] IN (e1, e2, ...)`. */
export interface InListExpr extends Span {
  kind: "inList";
  arg: Expr;
  list: Expr[];
  negated: boolean;
}

/** `x [NOT] IN (SELECT ...)`; `(a, b) IN (SELECT ...)` gives a row in `args`. */
export interface InSubqueryExpr extends Span {
  kind: "inSubquery";
  args: Expr[];
  query: Query;
  negated: boolean;
}

/** `LIKE`, `ILIKE` (with optional ESCAPE) and `RLIKE`/`REGEXP`. */
export interface LikeExpr extends Span {
  kind: "like";
  op: "LIKE" | "ILIKE" | "RLIKE";
  arg: Expr;
  pattern: Expr;
  escape?: string;
  negated: boolean;
}

export interface ExistsExpr extends Span {
  kind: "exists";
  query: Query;
}

export interface ScalarSubqueryExpr extends Span {
  kind: "scalarSubquery";
  query: Query;
}

export interface CaseExpr extends Span {
  kind: "case";
  /** The `x` of `CASE x WHEN ...`; absent for searched CASE. */
  operand?: Expr;
  branches: { when: Expr; then: Expr }[];
  else?: Expr;
}

/** `CAST(x AS t)`, `TRY_CAST(x AS t)` or `x::t`. */
export interface CastExpr extends Span {
  kind: "cast";
  arg: Expr;
  dataType: DataType;
  /** The type as written, e.g. "decimal(10,2)". */
  typeText: string;
  try: boolean;
  syntax: "cast" | "::";
}

/**
 * A function call by name (resolved later). `count(*)` has a single `star` argument.
 * `form` marks special syntax so display names match Spark: "extract" (`EXTRACT(f FROM x)`),
 * "trim" (`TRIM(BOTH x FROM y)`, with `trimWhere`), "position" (`POSITION(a IN b)`),
 * "substring" (`SUBSTRING(x FROM a FOR b)`), "niladic" (`CURRENT_DATE` without parentheses).
 */
export interface FunctionExpr extends Span {
  kind: "function";
  name: string[];
  args: Expr[];
  /** `struct(1 AS a, b)`: names given with AS, aligned with `args` (undefined where absent). */
  argNames?: (string | undefined)[];
  distinct: boolean;
  filter?: Expr;
  /** `IGNORE NULLS` (true) / `RESPECT NULLS` (false), or absent. */
  ignoreNulls?: boolean;
  over?: WindowSpec;
  form?: "extract" | "trim" | "position" | "substring" | "niladic";
  trimWhere?: "BOTH" | "LEADING" | "TRAILING";
}

/** `base[index]`: array element or map value. */
export interface SubscriptExpr extends Span {
  kind: "subscript";
  base: Expr;
  index: Expr;
}

/** `base.field` when `base` is not a plain name (e.g. `f(x).a`, `arr[0].b`). */
export interface FieldExpr extends Span {
  kind: "field";
  base: Expr;
  field: string;
}

/** `:name` (named) or `?` (positional, `index` counts from 0 in order of appearance). */
export interface ParamExpr extends Span {
  kind: "param";
  name?: string;
  index?: number;
}

/** `(a, b)`: a row constructor (used by `(a, b) IN (...)` and struct literals). */
export interface RowExpr extends Span {
  kind: "row";
  items: Expr[];
}

export type Expr =
  | LiteralExpr | IntervalExpr | ColumnExpr | StarExpr | UnaryExpr | BinaryExpr | IsNullExpr
  | IsBooleanExpr | DistinctFromExpr | BetweenExpr | InListExpr | InSubqueryExpr | LikeExpr
  | ExistsExpr | ScalarSubqueryExpr | CaseExpr | CastExpr | FunctionExpr | SubscriptExpr
  | FieldExpr | ParamExpr | RowExpr;

// ---------------------------------------------------------------- windows and sorting

export interface SortItem extends Span {
  expr: Expr;
  /** Absent when not written (ASC by default). */
  direction?: "ASC" | "DESC";
  /** Absent when not written (NULLS FIRST for ASC, NULLS LAST for DESC). */
  nulls?: "FIRST" | "LAST";
}

export interface FrameBound {
  kind: "UNBOUNDED PRECEDING" | "PRECEDING" | "CURRENT ROW" | "FOLLOWING" | "UNBOUNDED FOLLOWING";
  /** The `n` of `n PRECEDING` / `n FOLLOWING`. */
  offset?: Expr;
}

export interface WindowFrame {
  type: "ROWS" | "RANGE";
  lower: FrameBound;
  /** `ROWS n PRECEDING` without BETWEEN ends at CURRENT ROW, as in Spark. */
  upper: FrameBound;
}

/** `OVER (...)` or `OVER w`: `name` refers to a `WINDOW w AS (...)` definition. */
export interface WindowSpec extends Span {
  name?: string;
  partitionBy: Expr[];
  orderBy: SortItem[];
  frame?: WindowFrame;
}

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

export interface SelectBody extends Span {
  kind: "select";
  distinct: boolean;
  items: SelectItem[];
  from?: Relation;
  lateralViews: LateralView[];
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

export type Statement =
  | QueryStatement | CreateViewStatement | DropViewStatement | ShowTablesStatement
  | DescribeStatement | ExplainStatement | SetStatement;
