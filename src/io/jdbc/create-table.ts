/**
 * The CREATE TABLE text of a write (Spark's JdbcUtils.createTable): columns quoted, types from
 * the dialect or `createTableColumnTypes`, NOT NULL for non-nullable fields, then
 * `createTableOptions` verbatim (e.g. "ENGINE=InnoDB").
 */
import type { StructType } from "../../types/data-types.js";
import { PijarError } from "../../errors/pijar-error.js";
import type { JdbcDialect } from "./dialects/dialect.js";

export function createTableSql(d: JdbcDialect, table: string, schema: StructType, columnTypes: string | null, tableOptions: string): string {
  const overrides = parseColumnTypes(columnTypes, schema);
  const cols = schema.fields.map((f) => {
    const type = overrides.get(f.name.toLowerCase()) ?? d.columnType(f.dataType);
    if (type === null) throw unsupported(f.name, f.dataType.simpleString());
    return `${d.quoteIdentifier(f.name)} ${type}${f.nullable ? "" : " NOT NULL"}`;
  });
  return `CREATE TABLE ${table} (${cols.join(", ")})${tableOptions ? " " + tableOptions : ""}`;
}

/** Fails before any database work when a column has no database type (arrays, maps, structs). */
export function checkWritable(d: JdbcDialect, schema: StructType, columnTypes: string | null): void {
  const overrides = parseColumnTypes(columnTypes, schema);
  for (const f of schema.fields) {
    if (!overrides.has(f.name.toLowerCase()) && d.columnType(f.dataType) === null) throw unsupported(f.name, f.dataType.simpleString());
  }
}

/**
 * "name VARCHAR(100), comments CLOB": top-level commas separate columns. Types are limited to
 * words and a (precision, scale), so the option cannot smuggle SQL into the statement.
 */
export function parseColumnTypes(text: string | null, schema: StructType): Map<string, string> {
  const out = new Map<string, string>();
  if (!text || !text.trim()) return out;
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  for (const p of parts) {
    const m = /^\s*(`(?:[^`]|``)+`|"(?:[^"]|"")+"|\S+)\s+([A-Za-z][A-Za-z0-9_ ]*(?:\(\s*\d+\s*(?:,\s*\d+\s*)?\))?)\s*$/.exec(p);
    if (!m) {
      throw new PijarError("INVALID_OPTION", { message: "" }, {
        message: `Invalid createTableColumnTypes entry '${p.trim()}': expected 'column TYPE', e.g. "name VARCHAR(100), price DECIMAL(10,2)".`,
      });
    }
    const name = /^[`"]/.test(m[1]!) ? m[1]!.slice(1, -1) : m[1]!;
    const field = schema.field(name);
    if (!field) {
      throw new PijarError("INVALID_OPTION", { message: "" }, {
        message: `createTableColumnTypes names column ${name}, which the DataFrame does not have. Its columns: ${schema.names.join(", ")}.`,
      });
    }
    out.set(field.name.toLowerCase(), m[2]!.trim());
  }
  return out;
}

function unsupported(column: string, type: string): PijarError {
  return new PijarError("UNSUPPORTED_DATATYPE", { typeName: type }, {
    message: `Can't get JDBC type for ${type} (column ${column}): databases have no such column type. Convert it first, e.g. F.to_json("${column}") to write JSON text.`,
  });
}
