/**
 * What differs between databases, as Spark's JdbcDialect: identifier quoting, the column type
 * a Spark type gets in CREATE TABLE, the Spark type a database column reads as, and the few
 * statements whose syntax varies. Drivers (../drivers) handle the wire; dialects only text.
 */
import { DecimalType, type DataType } from "../../../types/data-types.js";

/** A result column as a driver describes it, normalised across databases. */
export interface ColumnMeta {
  readonly name: string;
  /** Database type name, lower case without modifiers: "int4", "numeric", "varchar", "datetime". */
  readonly typeName: string;
  /** Decimal precision/scale or character length when the database reports them, else -1. */
  readonly precision: number;
  readonly scale: number;
  readonly unsigned?: boolean;
  /** Length in bits/chars (MySQL bit(1), tinyint(1)), else -1. */
  readonly length?: number;
  readonly nullable: boolean;
  /** SQLite only: a sample value used when a column has no declared type. */
  readonly sample?: unknown;
}

export interface JdbcDialect {
  readonly name: "postgresql" | "mysql" | "sqlite";
  /** Quotes one identifier: "x" or `x`, doubling embedded quote characters. */
  quoteIdentifier(name: string): string;
  /** How the database stores an unquoted identifier (PostgreSQL folds to lower case). */
  foldUnquoted(name: string): string;
  /** The CREATE TABLE column type of a Spark type, or null when it has none (arrays, maps). */
  columnType(t: DataType): string | null;
  /** The Spark type a database column reads as (Spark's getCatalystType). */
  sparkType(c: ColumnMeta, preferTimestampNTZ: boolean): DataType;
  /** Empties a table inside a transaction (TRUNCATE is transactional in PostgreSQL only). */
  truncateStatement(table: string): string;
  /** Renames a table; `to` is a bare quoted name (same schema). */
  renameStatement(from: string, toBare: string): string;
  /** How a scan selects a column (default: the quoted name), e.g. to read text without loss. */
  selectColumn?(quoted: string, t: DataType): string;
}

/**
 * The CREATE TABLE type of each Spark type a dialect can store, keyed by Spark's simpleString
 * (decimal takes its precision and scale). A dialect lists only its names; the lookup is here.
 */
export interface ColumnTypeNames {
  readonly boolean: string;
  readonly tinyint: string;
  readonly smallint: string;
  readonly int: string;
  readonly bigint: string;
  readonly float: string;
  readonly double: string;
  readonly decimal: (precision: number, scale: number) => string;
  readonly string: string;
  readonly binary: string;
  readonly date: string;
  readonly timestamp: string;
  readonly timestamp_ntz: string;
}

/** A dialect's columnType from its table of names: null for types it has none for. */
export function columnTypeFrom(names: ColumnTypeNames): (t: DataType) => string | null {
  const bySimpleString = new Map<string, string>(Object.entries(names).filter((e): e is [string, string] => typeof e[1] === "string"));
  return (t) => (t instanceof DecimalType ? names.decimal(t.precision, t.scale) : (bySimpleString.get(t.simpleString()) ?? null));
}

/** Standard double-quote identifier quoting (PostgreSQL, SQLite). */
export function doubleQuote(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

/**
 * A user's table name as SQL: dotted parts (schema.table) each quoted, so any text is a name
 * and never SQL (`x; DROP TABLE y` becomes "x; DROP TABLE y"). Parts the user quoted keep
 * their case; unquoted parts fold as the database would fold them unquoted, which keeps
 * `Sales` meaning the same table as in Spark (which pastes dbtable into its SQL unquoted).
 */
export function quoteTableName(d: JdbcDialect, raw: string): string {
  return splitTableName(raw).map((p) => d.quoteIdentifier(p.quoted ? p.name : d.foldUnquoted(p.name))).join(".");
}

/** The parts of a table name; quotes ("", ``, []) protect dots inside a part. */
export function splitTableName(raw: string): { name: string; quoted: boolean }[] {
  const parts: { name: string; quoted: boolean }[] = [];
  let i = 0;
  const s = raw.trim();
  while (i <= s.length) {
    const c = s[i];
    const close = c === '"' ? '"' : c === "`" ? "`" : c === "[" ? "]" : null;
    if (close) {
      let name = "";
      let j = i + 1;
      for (; j < s.length; j++) {
        if (s[j] === close) {
          if (s[j + 1] === close) { name += close; j++; continue; }
          break;
        }
        name += s[j];
      }
      if (j >= s.length || (s[j + 1] !== undefined && s[j + 1] !== ".")) return [{ name: s, quoted: true }];
      parts.push({ name, quoted: true });
      i = j + 2;
    } else {
      const dot = s.indexOf(".", i);
      const end = dot < 0 ? s.length : dot;
      parts.push({ name: s.slice(i, end).trim(), quoted: false });
      i = end + 1;
    }
    if (i > s.length) break;
  }
  // More than two dots, or an empty part: treat the whole text as one name.
  if (parts.length > 3 || parts.some((p) => p.name === "")) return [{ name: s, quoted: true }];
  return parts;
}

/** The last (unqualified) part of a table name, for staging names next to it. */
export function bareTableName(raw: string): string {
  const parts = splitTableName(raw);
  return parts[parts.length - 1]!.name;
}
