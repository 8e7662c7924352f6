/**
 * MySQL and MariaDB, as Spark 4.0's MySQLDialect (checked against PySpark 4.0.1 with
 * mysql-connector-j on MariaDB, test/jdbc/expected/spark-type-mapping.json).
 *
 * Deviations, on purpose: timestamps are DATETIME(6) rather than Spark's TIMESTAMP /
 * DATETIME, so microseconds survive (Spark drops them) and years outside 1970-2038 work;
 * instants are stored as UTC wall-clock time (Pijar's connections use time_zone '+00:00').
 * `jdbc:mariadb:` URLs use this dialect too (Spark falls back to a generic dialect there
 * that writes "quoted" names MariaDB rejects).
 */
import * as T from "../../../types/data-types.js";
import { columnTypeFrom, type ColumnMeta, type JdbcDialect } from "./dialect.js";

export const mysqlDialect: JdbcDialect = {
  name: "mysql",
  quoteIdentifier: (n) => "`" + n.replace(/`/g, "``") + "`",
  foldUnquoted: (n) => n,
  columnType: columnTypeFrom({
    boolean: "BIT(1)",
    tinyint: "TINYINT",
    smallint: "SMALLINT",
    int: "INT",
    bigint: "BIGINT",
    float: "FLOAT",
    double: "DOUBLE",
    decimal: (p, s) => `DECIMAL(${p},${s})`,
    string: "LONGTEXT",
    binary: "LONGBLOB",
    date: "DATE",
    timestamp: "DATETIME(6)",
    timestamp_ntz: "DATETIME(6)",
  }),
  sparkType(c: ColumnMeta, preferNTZ: boolean): T.DataType {
    const u = c.unsigned === true;
    switch (c.typeName) {
      case "bit": return (c.length ?? 1) <= 1 ? T.booleanType : T.binaryType;
      case "tinyint": return c.length === 1 && !u ? T.booleanType : u ? T.shortType : T.byteType;
      case "smallint": return u ? T.integerType : T.shortType;
      case "mediumint": return T.integerType;
      case "int": return u ? T.longType : T.integerType;
      case "bigint": return u ? new T.DecimalType(20, 0) : T.longType;
      case "float": return u ? T.doubleType : T.floatType;
      case "double": return T.doubleType;
      case "decimal": return new T.DecimalType(Math.min(Math.max(c.precision, 1), 38), Math.max(0, c.scale));
      case "date": return T.dateType;
      case "year": return T.dateType;
      case "datetime": return preferNTZ ? T.timestampNTZType : T.timestampType;
      case "timestamp": return T.timestampType;
      case "blob": case "binary": case "varbinary": case "geometry": return T.binaryType;
      default: return T.stringType;
    }
  },
  // TRUNCATE commits implicitly in MySQL; DELETE keeps the load all-or-nothing.
  truncateStatement: (table) => `DELETE FROM ${table}`,
  renameStatement: (from, toBare) => `RENAME TABLE ${from} TO ${toBare}`,
};
