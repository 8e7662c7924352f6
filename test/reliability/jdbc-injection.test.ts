/**
 * Injection suite over every JDBC dialect (SQLite always; PostgreSQL and MariaDB from
 * scripts/db/start-*.sh, required under CI=true) and the SQL front end: each hostile
 * `query` / `dbtable` must fail with a classed error (or be read as a plain name) and the
 * canary table must still hold its 3 rows after every case. Legitimate SQL with `;` inside
 * quotes or comments still reads.
 */
import { describe, expect, it } from "vitest";
import { SparkSession } from "../../src/index.js";
import { openConnection } from "../../src/io/jdbc/connect.js";
import { parseJdbcOptions } from "../../src/io/jdbc/jdbc-options.js";
import { isCI, servers, tempSqliteUrl } from "../jdbc/helpers.js";

interface Db {
  readonly name: string;
  readonly url: string;
  readonly user?: string;
  readonly password?: string;
}

const { available, missing } = servers();
const dbs: Db[] = [{ name: "sqlite", url: tempSqliteUrl("inject.db") }, ...available];

async function run(db: Db, text: string): Promise<unknown[][]> {
  const c = await openConnection(parseJdbcOptions({ url: db.url, user: db.user, password: db.password }));
  try {
    if (/^\s*select/i.test(text)) return await c.query(text);
    await c.exec(text);
    return [];
  } finally {
    await c.close();
  }
}

/** Attacks: each must not run its second statement. */
const ATTACKS: { option: "dbtable" | "query"; sql: string }[] = [
  { option: "dbtable", sql: "(SELECT 1 AS x) q; DROP TABLE canary; --" },
  { option: "dbtable", sql: "(SELECT 1 AS x) q; DROP TABLE canary" },
  { option: "dbtable", sql: "(SELECT 1 AS x) q) z; DROP TABLE canary; SELECT * FROM (SELECT 1" },
  { option: "query", sql: "SELECT 1 AS x) q; DROP TABLE canary; --" },
  { option: "query", sql: "SELECT 1 AS x; DROP TABLE canary" },
  { option: "query", sql: "SELECT 1 AS x; DROP TABLE canary;" },
  { option: "query", sql: "SELECT 1 AS x /* ; */ ; DROP TABLE canary" },
  { option: "query", sql: "SELECT 'a\\'; DROP TABLE canary; --' AS x" },
  { option: "query", sql: "SELECT 1 AS x) UNION ALL (SELECT 2" },
  { option: "query", sql: "SELECT 1 AS x --\n; DROP TABLE canary" },
];

/** Legitimate SQL: must read these rows. */
const LEGIT: { option: "dbtable" | "query"; sql: string; rows: unknown[][] }[] = [
  { option: "query", sql: "SELECT ';' AS x", rows: [[";"]] },
  { option: "query", sql: "SELECT 1 AS x -- a comment; with a semicolon", rows: [[1]] },
  { option: "query", sql: "SELECT 1 AS x;", rows: [[1]] },
  { option: "query", sql: "SELECT n AS x FROM canary WHERE n < 2 /* ; */", rows: [[1]] },
  { option: "dbtable", sql: "(SELECT n AS x FROM canary WHERE n = 3) q", rows: [[3]] },
  { option: "query", sql: "SELECT n AS \"a;b\" FROM canary WHERE n = 2", rows: [[2]] },
];

it("database servers are configured (required under CI=true)", () => {
  if (isCI) expect(missing).toEqual([]);
});

const spark = SparkSession.builder.getOrCreate();

function read(db: Db, option: "dbtable" | "query", sql: string) {
  const r = spark.read.format("jdbc").option("url", db.url).option(option, sql);
  if (db.user) r.option("user", db.user);
  if (db.password) r.option("password", db.password);
  return r.load();
}

for (const db of dbs) {
  describe(`injection through raw-SQL options: ${db.name}`, () => {
    const canary = async () => (await run(db, "SELECT COUNT(*) FROM canary"))[0]![0];
    it(`${ATTACKS.length} attacks refused, ${LEGIT.length} legitimate queries read; the canary survives each`, async () => {
      await run(db, "DROP TABLE IF EXISTS canary");
      await run(db, "CREATE TABLE canary (n INT)");
      await run(db, "INSERT INTO canary VALUES (1), (2), (3)");
      for (const a of ATTACKS) {
        let err: unknown = null;
        try {
          await read(db, a.option, a.sql).collect();
        } catch (e) {
          err = e;
        }
        expect((err as { errorClass?: string })?.errorClass, `${a.option}: ${a.sql}`).toBe("JDBC_MULTIPLE_STATEMENTS");
        expect(String(await canary()), `canary after ${a.sql}`).toBe("3");
      }
      for (const l of LEGIT) {
        const rows = (await read(db, l.option, l.sql).collect()).map((r) => r.toArray().map((v) => (typeof v === "bigint" ? Number(v) : v)));
        expect(rows, `${l.option}: ${l.sql}`).toEqual(l.rows);
        expect(String(await canary())).toBe("3");
      }
      // A table name is a name, never SQL.
      const err = await (async () => read(db, "dbtable", "canary; DROP TABLE canary").collect())().catch((e: unknown) => e);
      expect((err as { errorClass?: string }).errorClass).toMatch(/^FAILED_JDBC|TABLE_OR_VIEW_NOT_FOUND/);
      expect(String(await canary())).toBe("3");
    }, 60_000);
  });
}

describe("injection through the SQL front end", () => {
  it("a second statement in spark.sql is a parse error; the view survives", async () => {
    spark.createDataFrame([[1], [2], [3]], "n INT").createOrReplaceTempView("canary_view");
    for (const q of ["SELECT 1; DROP VIEW canary_view", "SELECT 1 AS x; DROP VIEW canary_view; --"]) {
      let err: unknown = null;
      try {
        await spark.sql(q).collect();
      } catch (e) {
        err = e;
      }
      expect((err as { errorClass?: string })?.errorClass, q).toBe("PARSE_SYNTAX_ERROR");
      expect(await spark.table("canary_view").count()).toBe(3);
    }
  });
});
