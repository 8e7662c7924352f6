/** Shared helpers of the jdbc tests: sessions, server env, value checksums. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SparkSession } from "../../src/index.js";
import type { DataFrame } from "../../src/api/dataframe.js";
import { jdbcSource } from "../../src/io/jdbc/index.js";
import type { OptionValue } from "../../src/io/options.js";

export function session(): SparkSession {
  const s = SparkSession.builder.getOrCreate();
  s.conf.set("spark.sql.session.timeZone", "UTC");
  return s;
}

export function tempSqliteUrl(name = "t.db"): string {
  return "jdbc:sqlite:" + join(mkdtempSync(join(tmpdir(), "pijar-jdbc-")), name);
}

export interface Server {
  readonly name: "postgres" | "mariadb";
  readonly url: string;
  readonly user: string;
  readonly password: string;
}

/**
 * The servers from scripts/db/start-*.sh (env PIJAR_PG_* / PIJAR_MYSQL_*). Unset: tests skip
 * locally, but under CI=true the suite fails, so CI cannot pass without the servers.
 */
export function servers(): { available: Server[]; missing: string[] } {
  const available: Server[] = [];
  const missing: string[] = [];
  const e = process.env;
  if (e["PIJAR_PG_URL"]) available.push({ name: "postgres", url: e["PIJAR_PG_URL"], user: e["PIJAR_PG_USER"] ?? "", password: e["PIJAR_PG_PASSWORD"] ?? "" });
  else missing.push("PostgreSQL (PIJAR_PG_URL; run scripts/db/start-postgres.sh)");
  if (e["PIJAR_MYSQL_URL"]) available.push({ name: "mariadb", url: e["PIJAR_MYSQL_URL"], user: e["PIJAR_MYSQL_USER"] ?? "", password: e["PIJAR_MYSQL_PASSWORD"] ?? "" });
  else missing.push("MariaDB (PIJAR_MYSQL_URL; run scripts/db/start-mariadb.sh)");
  return { available, missing };
}

export const isCI = process.env["CI"] === "true" || process.env["CI"] === "1";

export async function readJdbc(opts: Record<string, OptionValue>): Promise<DataFrame> {
  const s = session();
  return s.createScanDataFrame(await jdbcSource(s, opts));
}

/** Rows of a DataFrame as internal values (exact: bigint decimals, micros, days). */
export async function internalRows(df: DataFrame): Promise<unknown[][]> {
  return (await df._head(null, "test")).rows;
}
