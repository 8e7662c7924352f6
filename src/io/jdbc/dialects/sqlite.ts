/**
 * SQLite, the embedded default. Spark has no SQLite dialect (it uses generic JDBC types, which
 * SQLite accepts but which read back oddly, e.g. BIT(1) as decimal(1,0)); Pijar declares
 * types whose names read back as the same Spark type. SQLite stores values dynamically:
 * dates and timestamps are ISO text ('2024-01-02', '2024-01-02 03:04:05.000006' in UTC),
 * which SQLite's date functions understand; epoch milliseconds (as sqlite-jdbc writes them)
 * are read too. Decimals have NUMERIC affinity, so SQLite keeps about 15 significant digits.
 */
import * as T from "../../../types/data-types.js";
import { columnTypeFrom, doubleQuote, type ColumnMeta, type JdbcDialect } from "./dialect.js";

export const sqliteDialect: JdbcDialect = {
  name: "sqlite",
  quoteIdentifier: doubleQuote,
  foldUnquoted: (n) => n,
  columnType: columnTypeFrom({
    boolean: "BOOLEAN",
    tinyint: "TINYINT",
    smallint: "SMALLINT",
    int: "INTEGER",
    bigint: "BIGINT",
    float: "FLOAT",
    double: "DOUBLE",
    decimal: (p, s) => `DECIMAL(${p},${s})`,
    string: "TEXT",
    binary: "BLOB",
    date: "DATE",
    timestamp: "TIMESTAMP",
    timestamp_ntz: "TIMESTAMP_NTZ",
  }),
  // SQLite text may hold NUL characters, which its C text accessor cuts off: strings are read
  // as their bytes (decoded as UTF-8 by the reader), so every character survives.
  selectColumn(quoted: string, t: T.DataType): string {
    return t instanceof T.StringType ? `CAST(${quoted} AS BLOB) AS ${quoted}` : quoted;
  },
  sparkType(c: ColumnMeta, preferNTZ: boolean): T.DataType {
    const d = c.typeName.toUpperCase();
    if (d === "") return sampleType(c.sample);
    const m = /^(?:DECIMAL|NUMERIC)\s*\(\s*(\d+)\s*(?:,\s*(\d+))?\s*\)/.exec(d);
    if (m) return new T.DecimalType(Math.min(Number(m[1]), 38), Number(m[2] ?? 0));
    if (d === "BOOLEAN" || d === "BOOL" || d === "BIT" || d === "BIT(1)") return T.booleanType;
    if (d === "TINYINT") return T.byteType;
    if (d === "SMALLINT") return T.shortType;
    if (d === "INTEGER" || d === "INT" || d === "MEDIUMINT") return T.integerType;
    if (d.includes("INT")) return T.longType;
    if (d === "FLOAT") return T.floatType;
    if (d.startsWith("DOUBLE") || d === "REAL" || d.includes("FLOA")) return T.doubleType;
    if (d.startsWith("DECIMAL") || d.startsWith("NUMERIC")) return new T.DecimalType(38, 18);
    if (d.includes("BLOB") || d.includes("BINARY")) return T.binaryType;
    if (d === "DATE") return T.dateType;
    if (d === "TIMESTAMP_NTZ") return T.timestampNTZType;
    if (d.startsWith("TIMESTAMP") || d === "DATETIME") return preferNTZ ? T.timestampNTZType : T.timestampType;
    return T.stringType;
  },
  truncateStatement: (table) => `DELETE FROM ${table}`,
  renameStatement: (from, toBare) => `ALTER TABLE ${from} RENAME TO ${toBare}`,
};

/** A column without a declared type (an expression in a query): typed by its first value. */
function sampleType(v: unknown): T.DataType {
  if (typeof v === "number") return Number.isInteger(v) ? T.longType : T.doubleType;
  if (typeof v === "bigint") return new T.DecimalType(20, 0);
  if (v instanceof Uint8Array) return T.binaryType;
  return T.stringType;
}
