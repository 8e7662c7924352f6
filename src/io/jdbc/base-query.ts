/** The SQL text of a jdbc relation (shared by the async and the sync schema lookups). */
import type { JdbcOptions } from "./jdbc-options.js";
import { quoteTableName, type JdbcDialect } from "./dialects/dialect.js";
import { singleStatement } from "./single-statement.js";

/**
 * A quoted table, a `(subquery) alias` dbtable as Spark allows, or the `query` option. Raw SQL
 * must be one statement (see single-statement.ts); it ends with a newline so a trailing `--`
 * comment cannot swallow the SQL Pijar puts after it.
 */
export function baseQuery(o: JdbcOptions, d: JdbcDialect): string {
  if (o.query !== null) return singleStatement(o.query, "query") + "\n";
  const t = o.table!.trim();
  return t.startsWith("(") ? `SELECT * FROM ${singleStatement(t, "dbtable")}\n` : `SELECT * FROM ${quoteTableName(d, t)}`;
}
