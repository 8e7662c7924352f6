/**
 * PostgreSQL, as Spark 4.0's PostgresDialect (checked against PySpark 4.0.1 with the
 * org.postgresql driver, test/jdbc/expected/spark-type-mapping.json): tinyint and smallint
 * become SMALLINT, float REAL, timestamp TIMESTAMP WITH TIME ZONE, timestamp_ntz TIMESTAMP.
 */
import * as T from "../../../types/data-types.js";
import { PijarError } from "../../../errors/pijar-error.js";
import { columnTypeFrom, doubleQuote, type ColumnMeta, type JdbcDialect } from "./dialect.js";

export const postgresDialect: JdbcDialect = {
  name: "postgresql",
  quoteIdentifier: doubleQuote,
  foldUnquoted: (n) => n.toLowerCase(),
  columnType: columnTypeFrom({
    boolean: "BOOLEAN",
    tinyint: "SMALLINT",
    smallint: "SMALLINT",
    int: "INTEGER",
    bigint: "BIGINT",
    float: "REAL",
    double: "DOUBLE PRECISION",
    decimal: (p, s) => `NUMERIC(${p},${s})`,
    string: "TEXT",
    binary: "BYTEA",
    date: "DATE",
    timestamp: "TIMESTAMP WITH TIME ZONE",
    timestamp_ntz: "TIMESTAMP",
  }),
  sparkType(c: ColumnMeta, preferNTZ: boolean): T.DataType {
    switch (c.typeName) {
      case "bool": return T.booleanType;
      case "bit": return c.length === 1 || c.length === undefined || c.length < 0 ? T.booleanType : T.binaryType;
      case "int2": return T.shortType;
      case "int4": case "oid": return T.integerType;
      case "int8": return T.longType;
      case "float4": return T.floatType;
      case "float8": return T.doubleType;
      case "numeric":
        // Spark reads a NUMERIC without precision as DECIMAL(38,18).
        return c.precision > 0 ? new T.DecimalType(Math.min(c.precision, 38), Math.max(0, c.scale)) : new T.DecimalType(38, 18);
      case "bytea": return T.binaryType;
      case "date": return T.dateType;
      case "timestamp": return preferNTZ ? T.timestampNTZType : T.timestampType;
      case "timestamptz": return T.timestampType;
      case "money": case "text": case "varchar": case "bpchar": case "char": case "name": case "json": case "jsonb": case "uuid":
      case "xml": case "inet": case "cidr": case "macaddr": case "time": case "timetz": case "interval": case "tsvector":
        return T.stringType;
      default:
        if (c.typeName.startsWith("_")) {
          throw new PijarError("UNSUPPORTED_DATATYPE", { typeName: `${c.typeName.slice(1)}[]` }, {
            message: `Unsupported data type ${c.typeName.slice(1)}[] (column ${c.name}): Pijar does not read PostgreSQL arrays yet. Cast it in a 'query', e.g. array_to_string(${c.name}, ',').`,
          });
        }
        // Enums, domains and other user types arrive as text.
        return T.stringType;
    }
  },
  truncateStatement: (table) => `TRUNCATE TABLE ${table}`,
  renameStatement: (from, toBare) => `ALTER TABLE ${from} RENAME TO ${toBare}`,
};
