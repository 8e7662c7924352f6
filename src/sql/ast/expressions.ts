/**
 * SQL syntax tree, expressions: literals, names, operators, predicates, calls, windows and
 * sort items. Spans are 0-based source offsets (`end` exclusive).
 */
import type { DataType } from "../../types/data-types.js";
import type { Query } from "./queries.js";

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
  /** `explode(collection => x)`: parameter names given with `=>`, aligned with `args`. */
  namedArgs?: (string | undefined)[];
  distinct: boolean;
  filter?: Expr;
  /** `percentile_cont(0.5) WITHIN GROUP (ORDER BY v)`: the ordering. */
  withinGroup?: SortItem[];
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

/** `x -> x + 1` or `(acc, x) -> acc + x`, an argument of higher-order functions. */
export interface LambdaExpr extends Span {
  kind: "lambda";
  params: string[];
  body: Expr;
}

export type Expr =
  | LambdaExpr
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

