/**
 * Column: a lazy expression, as PySpark's Column. Python operators become Spark's Java/Scala
 * method names: `gt geq lt leq equalTo notEqual plus minus multiply divide mod and or`.
 *
 * @example
 * F.col("quantity").gt(5).and(F.col("branch").notEqual("A"))
 */
import type { Expr, SortOrder, WindowSpec } from "../plan/expr/expr.js";
import { alias, call, literal, splitName, unresolvedAttr } from "../plan/expr/expr.js";
import { exprName } from "../plan/expr/sql-text.js";
import { literalExpr } from "../plan/expr/js-literal.js";
import type { DataType } from "../types/data-types.js";
import { parseDataType } from "../types/ddl.js";
import { PijarError } from "../errors/pijar-error.js";
import { integerType, stringType } from "../types/data-types.js";

/** Anything PySpark accepts where a column is expected: a Column, or a literal value. */
export type ColumnOrValue = Column | string | number | boolean | bigint | null | Date | unknown;
/** A column given by name or as a Column. */
export type ColumnOrName = Column | string;

export class Column {
  /** @internal */
  readonly expr: Expr;

  /** @internal Use F.col / F.lit / df.col to make columns. */
  constructor(expr: Expr) {
    this.expr = expr;
  }

  /** @internal A Column from a name (strings are column names here). */
  static of(c: ColumnOrName): Column {
    if (c instanceof Column) return c;
    if (c === "*") return new Column({ kind: "star", target: null });
    // "t.*" or "struct_col.*"
    if (c.endsWith(".*")) return new Column({ kind: "star", target: splitName(c.slice(0, -2)) });
    return new Column(unresolvedAttr(c));
  }

  /** @internal Literals for values; Columns as they are. */
  static lit(v: ColumnOrValue): Column {
    return v instanceof Column ? v : new Column(literalExpr(v));
  }

  private bin(name: string, other: ColumnOrValue): Column {
    return new Column(call(name, [this.expr, Column.lit(other).expr]));
  }

  // ---- comparison ----
  /** `==` in Python. */
  equalTo(other: ColumnOrValue): Column { return this.bin("=", other); }
  /** `!=` in Python. */
  notEqual(other: ColumnOrValue): Column { return new Column(call("not", [this.bin("=", other).expr])); }
  /** `<=>`: equality that treats two nulls as equal. */
  eqNullSafe(other: ColumnOrValue): Column { return this.bin("<=>", other); }
  gt(other: ColumnOrValue): Column { return this.bin(">", other); }
  geq(other: ColumnOrValue): Column { return this.bin(">=", other); }
  lt(other: ColumnOrValue): Column { return this.bin("<", other); }
  leq(other: ColumnOrValue): Column { return this.bin("<=", other); }

  // ---- arithmetic ----
  plus(other: ColumnOrValue): Column { return this.bin("+", other); }
  minus(other: ColumnOrValue): Column { return this.bin("-", other); }
  multiply(other: ColumnOrValue): Column { return this.bin("*", other); }
  divide(other: ColumnOrValue): Column { return this.bin("/", other); }
  mod(other: ColumnOrValue): Column { return this.bin("%", other); }
  /** Unary minus (`-col` in Python). */
  negate(): Column { return new Column(call("negative", [this.expr])); }

  // ---- boolean ----
  /** `&` in Python. */
  and(other: ColumnOrValue): Column { return this.bin("and", other); }
  /** `|` in Python. */
  or(other: ColumnOrValue): Column { return this.bin("or", other); }
  /** `~` in Python (also `F.not`). */
  not(): Column { return new Column(call("not", [this.expr])); }

  // ---- null tests, membership, patterns ----
  isNull(): Column { return new Column(call("isnull", [this.expr])); }
  isNotNull(): Column { return new Column(call("isnotnull", [this.expr])); }
  isNaN(): Column { return new Column(call("isnan", [this.expr])); }
  /** `col.isin(1, 2, 3)` or `col.isin([1, 2, 3])`. */
  isin(...values: unknown[]): Column {
    const list = values.length === 1 && Array.isArray(values[0]) ? (values[0] as unknown[]) : values;
    return new Column(call("in", [this.expr, ...list.map((v) => Column.lit(v).expr)]));
  }
  /** `lower <= col <= upper`, inclusive. */
  between(lowerBound: ColumnOrValue, upperBound: ColumnOrValue): Column {
    return this.geq(lowerBound).and(this.leq(upperBound));
  }
  /** SQL LIKE with `%` and `_`. */
  like(pattern: string): Column { return this.bin("like", pattern); }
  ilike(pattern: string): Column { return this.bin("ilike", pattern); }
  /** Java regular expression match anywhere in the string. */
  rlike(pattern: string): Column { return this.bin("rlike", pattern); }
  startswith(other: ColumnOrValue): Column { return this.bin("startswith", other); }
  endswith(other: ColumnOrValue): Column { return this.bin("endswith", other); }
  contains(other: ColumnOrValue): Column { return this.bin("contains", other); }
  /** Substring from 1-based `startPos` of `length` characters. */
  substr(startPos: ColumnOrValue, length: ColumnOrValue): Column {
    return new Column(call("substr", [this.expr, Column.lit(startPos).expr, Column.lit(length).expr]));
  }

  // ---- nested data ----
  /** Array element by 0-based index, or map value by key. */
  getItem(key: ColumnOrValue): Column {
    return new Column({ kind: "unresolved_extract", child: this.expr, key: Column.lit(key).expr });
  }
  /** Struct field by name. */
  getField(name: string): Column {
    return new Column({ kind: "unresolved_extract", child: this.expr, key: literal(name, stringType) });
  }

  // ---- naming and types ----
  /** Renames the column (`AS`). `alias("a", "b")` names the columns of a multi-column generator. */
  alias(...names: string[]): Column {
    if (names.length !== 1) throw new PijarError("INVALID_ARGUMENT", { message: "alias() takes one name here." });
    return new Column(alias(this.expr, names[0]!));
  }
  /** Same as alias. */
  name(n: string): Column { return this.alias(n); }
  /** Same as alias (Scala's `as`). */
  as(n: string): Column { return this.alias(n); }
  /** Casts to a type given as a DataType or a DDL string (`"int"`, `"decimal(10,2)"`). */
  cast(dataType: DataType | string): Column {
    const to = typeof dataType === "string" ? parseDataType(dataType) : dataType;
    return new Column({ kind: "cast", child: this.expr, to, mode: "ansi" });
  }
  astype(dataType: DataType | string): Column { return this.cast(dataType); }
  try_cast(dataType: DataType | string): Column {
    const to = typeof dataType === "string" ? parseDataType(dataType) : dataType;
    return new Column({ kind: "cast", child: this.expr, to, mode: "try" });
  }

  // ---- sorting ----
  asc(): Column { return this.sort(true, true); }
  asc_nulls_first(): Column { return this.sort(true, true); }
  asc_nulls_last(): Column { return this.sort(true, false); }
  desc(): Column { return this.sort(false, false); }
  desc_nulls_first(): Column { return this.sort(false, true); }
  desc_nulls_last(): Column { return this.sort(false, false); }
  private sort(ascending: boolean, nullsFirst: boolean): Column {
    const child = this.expr.kind === "sort" ? this.expr.child : this.expr;
    const s: SortOrder = { kind: "sort", child, ascending, nullsFirst };
    return new Column(s);
  }

  // ---- conditionals ----
  /** Adds a branch to a `F.when(...)` chain. */
  when(condition: Column, value: ColumnOrValue): Column {
    if (this.expr.kind !== "case" || this.expr.otherwise) {
      throw new PijarError("INVALID_ARGUMENT", { message: "when() can only be applied on a Column previously generated by when() function, and cannot be applied once otherwise() is applied." }, { exceptionType: "PySparkValueError" });
    }
    return new Column({ ...this.expr, branches: [...this.expr.branches, { when: condition.expr, then: Column.lit(value).expr }] });
  }
  /** The value when no branch of a `F.when(...)` chain matched (null when omitted). */
  otherwise(value: ColumnOrValue): Column {
    if (this.expr.kind !== "case" || this.expr.otherwise) {
      throw new PijarError("INVALID_ARGUMENT", { message: "otherwise() can only be applied on a Column previously generated by when(), and only once." }, { exceptionType: "PySparkValueError" });
    }
    return new Column({ ...this.expr, otherwise: Column.lit(value).expr });
  }

  // ---- windows ----
  /** Evaluates an aggregate or ranking function over a window. */
  over(window?: { spec: WindowSpec }): Column {
    const spec: WindowSpec = window?.spec ?? { partitionBy: [], orderBy: [], frame: null };
    return new Column({ kind: "window", fn: this.expr, spec });
  }

  /** Column[index] helpers like PySpark's `col[0]`. */
  getitem(key: ColumnOrValue): Column { return this.getItem(key); }

  /** Bitwise operators. */
  bitwiseAND(other: ColumnOrValue): Column { return this.bin("&", other); }
  bitwiseOR(other: ColumnOrValue): Column { return this.bin("|", other); }
  bitwiseXOR(other: ColumnOrValue): Column { return this.bin("^", other); }

  toString(): string {
    return `Column<'${exprName(this.expr)}'>`;
  }
}

export { integerType };
