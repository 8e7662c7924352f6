/** The SQL text of a jdbc relation (shared by the async and the sync schema lookups). */
import type { JdbcOptions } from "./jdbc-options.js";
import { quoteTableName, type JdbcDialect } from "./dialects/dialect.js";

/** A quoted table, a `(subquery) alias` dbtable as Spark allows, or the `query` option. */
export function baseQuery(o: JdbcOptions, d: JdbcDialect): string {
  if (o.query !== null) return o.query.trim().replace(/;\s*$/, "");
  const t = o.table!.trim();
  return t.startsWith("(") ? `SELECT * FROM ${t}` : `SELECT * FROM ${quoteTableName(d, t)}`;
}
