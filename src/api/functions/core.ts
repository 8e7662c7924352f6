/** Column makers, conditionals and null handling of the F namespace. */
import { parseSelectItem } from "../sql-front-end.js";
import { c, fn, l, Column, type ColumnOrName, type ColumnOrValue } from "./build.js";

/** A column by name. `F.col("price")` */
export function col(name: string): Column { return Column.of(name); }
/** Same as col. `F.column("price")` */
export const column = col;
/** A literal value (a Column is returned unchanged). `F.lit(5)`, `F.lit("EUR")` */
export function lit(value: ColumnOrValue): Column {
  // PySpark turns a list into array(lit(x), ...), which is also how the column is named.
  if (Array.isArray(value)) return fn("array", ...value.map((v) => lit(v).expr));
  return Column.lit(value);
}

/** A SQL expression string parsed to a Column. `F.expr("price * qty")` */
export function expr(sql: string): Column {
  // Parsed with the active session's settings (its time zone for TIMESTAMP literals).
  return new Column(parseSelectItem(sql));
}

/** Starts a CASE WHEN chain; finish with `.when(...)` / `.otherwise(...)`. `F.when(F.col("x").gt(0), "pos").otherwise("neg")` */
export function when(condition: Column, value: ColumnOrValue): Column {
  return new Column({ kind: "case", branches: [{ when: condition.expr, then: Column.lit(value).expr }], otherwise: null });
}
/** Boolean NOT (`~col` in Python). `F.not(F.col("active"))` */
export function not(x: ColumnOrName): Column { return fn("not", c(x)); }
/** Python's name for not. `F.not_(F.col("active"))` */
export const not_ = not;
/** Ascending sort order. `df.orderBy(F.asc("price"))` */
export function asc(x: ColumnOrName): Column { return Column.of(x).asc(); }
/** Descending sort order. `df.orderBy(F.desc("price"))` */
export function desc(x: ColumnOrName): Column { return Column.of(x).desc(); }
/** `F.asc_nulls_first("x")` */
export function asc_nulls_first(x: ColumnOrName): Column { return Column.of(x).asc_nulls_first(); }
/** `F.asc_nulls_last("x")` */
export function asc_nulls_last(x: ColumnOrName): Column { return Column.of(x).asc_nulls_last(); }
/** `F.desc_nulls_first("x")` */
export function desc_nulls_first(x: ColumnOrName): Column { return Column.of(x).desc_nulls_first(); }
/** `F.desc_nulls_last("x")` */
export function desc_nulls_last(x: ColumnOrName): Column { return Column.of(x).desc_nulls_last(); }
/** A join hint that is a no-op here: returns the DataFrame. `a.join(F.broadcast(b), "id")` */
export function broadcast<T>(df: T): T { return df; }

/** First non-null argument. `F.coalesce("nick", "name")` */
export function coalesce(...cols: ColumnOrName[]): Column { return fn("coalesce", ...cols.map(c)); }
/** `a` unless it is null, else `b`. `F.nvl("nick", "name")` */
export function nvl(a: ColumnOrName, b: ColumnOrName): Column { return fn("nvl", c(a), c(b)); }
/** Same as nvl. `F.ifnull("nick", "name")` */
export function ifnull(a: ColumnOrName, b: ColumnOrName): Column { return fn("ifnull", c(a), c(b)); }
/** `b` if `a` is not null, else `c`. `F.nvl2("email", F.lit("yes"), F.lit("no"))` */
export function nvl2(a: ColumnOrName, b: ColumnOrName, x: ColumnOrName): Column { return fn("nvl2", c(a), c(b), c(x)); }
/** Null when a = b, else a. `F.nullif("x", F.lit(0))` */
export function nullif(a: ColumnOrName, b: ColumnOrName): Column { return fn("nullif", c(a), c(b)); }
/** True when null. `F.isnull("x")` */
export function isnull(x: ColumnOrName): Column { return fn("isnull", c(x)); }
/** True when not null. `F.isnotnull("x")` */
export function isnotnull(x: ColumnOrName): Column { return fn("isnotnull", c(x)); }
/** True when NaN. `F.isnan("ratio")` */
export function isnan(x: ColumnOrName): Column { return fn("isnan", c(x)); }
/** `a` unless it is NaN, else `b`. `F.nanvl("ratio", F.lit(0))` */
export function nanvl(a: ColumnOrName, b: ColumnOrName): Column { return fn("nanvl", c(a), c(b)); }
/** Largest value, skipping nulls. `F.greatest("a", "b")` */
export function greatest(...cols: ColumnOrName[]): Column { return fn("greatest", ...cols.map(c)); }
/** Smallest value, skipping nulls. `F.least("a", "b")` */
export function least(...cols: ColumnOrName[]): Column { return fn("least", ...cols.map(c)); }
/** Equality where null = null is true. `F.equal_null("a", "b")` */
export function equal_null(a: ColumnOrName, b: ColumnOrName): Column { return fn("equal_null", c(a), c(b)); }
/** `F.ifnull` style IF: value1 when cond is true, else value2. `F.iff(F.col("x").gt(0), F.lit(1), F.lit(2))` */
export function iff(cond: ColumnOrName, a: ColumnOrName, b: ColumnOrName): Column { return fn("if", c(cond), c(a), c(b)); }

/** Calls a SQL function by name. `F.call_function("upper", F.col("name"))` */
export function call_function(name: string, ...cols: ColumnOrName[]): Column { return fn(name, ...cols.map(c)); }
