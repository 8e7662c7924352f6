/**
 * Pushes simple filters into the database's WHERE clause, as Spark's JDBC source does
 * (JDBCRDD.compileFilter): comparisons of a column with a literal, IS [NOT] NULL, IN, AND,
 * OR, NOT. The engine keeps its own Filter above the scan, so a pushed predicate may only
 * ever keep *more* rows than Spark's semantics would, never fewer: string comparisons other
 * than equality are not pushed (database collations order text differently from Spark), and
 * NOT is only pushed over predicates known to be exact (MySQL's default collations make
 * 'a' = 'A' true, so string equality there is "at least" and cannot be negated).
 */
import type { Expr } from "../../plan/expr/expr.js";
import type { StructType } from "../../types/data-types.js";
import * as T from "../../types/data-types.js";
import { formatDecimal } from "../../values/decimal.js";
import { formatDate } from "../../values/datetime.js";
import type { JdbcDialect } from "./dialects/dialect.js";

interface Compiled {
  readonly sql: string;
  /** True when the database's result equals Spark's (not merely a superset). */
  readonly exact: boolean;
}

const COMPARISONS: Record<string, string> = {
  equal_to: "=", less_than: "<", less_than_or_equal: "<=", greater_than: ">", greater_than_or_equal: ">=",
};

/** The WHERE text for the filters that can be pushed (joined by AND), or null. */
export function filtersToSql(filters: readonly Expr[], schema: StructType, d: JdbcDialect): string | null {
  const parts = filters.map((f) => compile(f, schema, d)).filter((c): c is Compiled => c !== null).map((c) => c.sql);
  return parts.length ? parts.map((p) => `(${p})`).join(" AND ") : null;
}

function compile(e: Expr, schema: StructType, d: JdbcDialect): Compiled | null {
  if (e.kind !== "call") return null;
  const name = e.fn.name;
  const args = e.args;
  if (name === "and" || name === "or") {
    const l = compile(args[0]!, schema, d);
    const r = compile(args[1]!, schema, d);
    // AND may drop an unpushable side (keeps more rows); OR needs both.
    if (name === "and") return l && r ? { sql: `(${l.sql}) AND (${r.sql})`, exact: l.exact && r.exact } : l ? { ...l, exact: false } : r ? { ...r, exact: false } : null;
    return l && r ? { sql: `(${l.sql}) OR (${r.sql})`, exact: l.exact && r.exact } : null;
  }
  if (name === "not") {
    const c = compile(args[0]!, schema, d);
    return c && c.exact ? { sql: `NOT (${c.sql})`, exact: true } : null;
  }
  if (name === "isnull" || name === "isnotnull") {
    const col = column(args[0]!, schema, d);
    return col ? { sql: `${col.sql} IS ${name === "isnull" ? "" : "NOT "}NULL`, exact: true } : null;
  }
  if (name === "in") {
    const col = column(args[0]!, schema, d);
    if (!col || args.length < 2) return null;
    const values = args.slice(1).map((a) => literal(a, col.type, d));
    if (values.some((v) => v === null)) return null;
    return { sql: `${col.sql} IN (${values.join(", ")})`, exact: exactEquality(col.type, d) };
  }
  const op = COMPARISONS[name];
  if (!op) return null;
  let [a, b] = [args[0]!, args[1]!];
  let symbol = op;
  if (!column(a, schema, d) && column(b, schema, d)) {
    [a, b] = [b, a];
    symbol = op === "<" ? ">" : op === ">" ? "<" : op === "<=" ? ">=" : op === ">=" ? "<=" : op;
  }
  const col = column(a, schema, d);
  if (!col) return null;
  const isText = col.type instanceof T.StringType;
  if (isText && symbol !== "=") return null;
  const lit = literal(b, col.type, d);
  if (lit === null) return null;
  return { sql: `${col.sql} ${symbol} ${lit}`, exact: symbol !== "=" || exactEquality(col.type, d) };
}

function exactEquality(t: T.DataType, d: JdbcDialect): boolean {
  return !(t instanceof T.StringType && d.name === "mysql");
}

/** A scan column, possibly under a widening numeric cast the analyzer added. */
function column(e: Expr, schema: StructType, d: JdbcDialect): { sql: string; type: T.DataType } | null {
  let x = e;
  // Implicit widening (int compared with a bigint literal): the database compares numbers the same way.
  while (x.kind === "cast" && x.implicit && isNumeric(x.to) && isNumeric(typeOfExpr(x.child))) x = x.child;
  if (x.kind !== "attr") return null;
  const f = schema.field(x.name);
  if (!f || !pushableType(f.dataType)) return null;
  return { sql: d.quoteIdentifier(f.name), type: f.dataType };
}

function typeOfExpr(e: Expr): T.DataType | null {
  return "dataType" in e ? (e as { dataType: T.DataType }).dataType : null;
}

function isNumeric(t: T.DataType | null): boolean {
  return t instanceof T.ByteType || t instanceof T.ShortType || t instanceof T.IntegerType || t instanceof T.LongType ||
    t instanceof T.FloatType || t instanceof T.DoubleType || t instanceof T.DecimalType;
}

function pushableType(t: T.DataType): boolean {
  return isNumeric(t) || t instanceof T.StringType || t instanceof T.DateType || t instanceof T.BooleanType;
}

/** SQL text of a literal compared with a column of type `colType`, or null when not pushable. */
function literal(e: Expr, colType: T.DataType, d: JdbcDialect): string | null {
  // Constant folding runs first, so a pushable literal is a bare literal.
  const x = e;
  if (x.kind !== "literal" || x.value === null || x.value === undefined) return null;
  const v = x.value;
  const t = x.dataType;
  if (isNumeric(colType)) {
    if (typeof v === "number" && Number.isFinite(v) && isNumeric(t) && !(t instanceof T.DecimalType)) return String(v);
    if (typeof v === "bigint" && t instanceof T.DecimalType) return formatDecimal(v, t.scale);
    return null;
  }
  if (colType instanceof T.StringType) return typeof v === "string" ? quoteString(v) : null;
  if (colType instanceof T.DateType) return typeof v === "number" && t instanceof T.DateType ? `'${formatDate(v)}'` : null;
  if (colType instanceof T.BooleanType) return typeof v === "boolean" ? (d.name === "sqlite" ? (v ? "1" : "0") : v ? "TRUE" : "FALSE") : null;
  return null;
}

/**
 * A string literal with quotes doubled. Text with a backslash is not pushed: whether it is an
 * escape depends on server settings (MySQL's NO_BACKSLASH_ESCAPES, PostgreSQL's
 * standard_conforming_strings), and a wrong guess could drop rows.
 */
function quoteString(s: string): string | null {
  if (s.includes("\\") || s.includes("\u0000")) return null;
  return `'${s.replace(/'/g, "''")}'`;
}
