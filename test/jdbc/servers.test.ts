// PostgreSQL and MariaDB (servers from scripts/db/start-*.sh; CI sets PIJAR_PG_* and
// PIJAR_MYSQL_*). Without them the tests skip locally and FAIL under CI=true.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as F from "../../src/api/functions.js";
import { writeJdbc, jdbcSource } from "../../src/io/jdbc/index.js";
import { openConnection } from "../../src/io/jdbc/connect.js";
import { parseJdbcOptions } from "../../src/io/jdbc/jdbc-options.js";
import { internalRows, isCI, readJdbc, servers, session, type Server } from "./helpers.js";
import { allTypesDataFrame, allTypesRows } from "./types.js";
import { salesChecksum, salesChecksumSql, salesDataFrame } from "../../bench/jdbc/sales-data.js";

const { available, missing } = servers();
const oracle = JSON.parse(readFileSync(new URL("./expected/spark-type-mapping.json", import.meta.url), "utf8")) as
  Record<string, { read_back: [string, string][] }> & Record<"postgres_read" | "mysql_read", [string, string][]>;
// The same DDL as test/jdbc/spark_oracle.py: tables whose types the database chose.
const READ_DDL = {
  postgres: "CREATE TABLE spark_read_types (a smallint, b integer, c bigint, d real, e double precision, f numeric, g numeric(5,1), " +
    "h boolean, i text, j varchar(10), k char(3), l date, m timestamp, n timestamptz, o bytea, p json, q uuid, r bit(1), s money)",
  mariadb: "CREATE TABLE spark_read_types (a tinyint, b tinyint(1), c smallint, d mediumint, e int, f int unsigned, g bigint, " +
    "h bigint unsigned, i float, j double, k decimal(12,3), l bit(1), m bit(8), n char(5), o varchar(20), p text, q blob, " +
    "r varbinary(10), s date, t datetime, u timestamp NULL, v year, w enum('x','y'), x smallint unsigned, y decimal(20,0) unsigned)",
};

it("database servers are configured (required under CI=true)", () => {
  if (isCI) expect(missing, "start them with scripts/db/start-postgres.sh and start-mariadb.sh and export their env lines").toEqual([]);
});

const opts = (s: Server, table: string) => ({ url: s.url, user: s.user, password: s.password, dbtable: table });

async function connect(s: Server) {
  return openConnection(parseJdbcOptions({ url: s.url, user: s.user, password: s.password }));
}

async function sql(s: Server, text: string): Promise<unknown[][]> {
  const c = await connect(s);
  try {
    return await c.query(text);
  } finally {
    await c.close();
  }
}

const normalize = (rows: unknown[][]) => rows.map((r) => r.map((v) => (v === null ? null : String(v).replace(/\.0+$/, ""))));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the server shows a running bulk load from Pijar, then returns its id (one watcher connection). */
async function waitForLoad(s: Server, tries = 1200): Promise<string> {
  const q = s.name === "postgres"
    ? "SELECT pid FROM pg_stat_activity WHERE query LIKE 'COPY %' AND state = 'active' AND pid <> pg_backend_pid()"
    : "SELECT id FROM information_schema.processlist WHERE info LIKE 'LOAD DATA%'";
  const c = await connect(s);
  try {
    for (let i = 0; i < tries; i++) {
      const rows = await c.query(q);
      if (rows.length) return String(rows[0]![0]);
      await sleep(25);
    }
  } finally {
    await c.close();
  }
  throw new Error("no load seen on the server");
}

for (const s of available) {
  const label = s.name === "postgres" ? "PostgreSQL (needs PIJAR_PG_URL)" : "MariaDB (needs PIJAR_MYSQL_URL)";
  const t = (name: string) => `pijar_test_${name}`;

  describe(`jdbc ${label}`, () => {
    it("round-trips every Spark type (read-back types as PySpark 4.0.1's JDBC reader)", async () => {
      const spark = session();
      await writeJdbc(allTypesDataFrame(spark, { wideDecimal: true }), opts(s, t("all_types")), "overwrite");
      const back = await readJdbc(opts(s, t("all_types")));
      const sparkTypes = new Map(oracle[s.name === "postgres" ? "postgres" : "mysql"]!.read_back);
      sparkTypes.set("c_dec38", "decimal(38,10)");
      expect(back.schema.fields.map((f) => [f.name, f.dataType.simpleString()])).toEqual(back.schema.names.map((n) => [n, sparkTypes.get(n)]));
      expect(await internalRows(back)).toEqual(allTypesRows({ wideDecimal: true }));
    });

    it("reads database-chosen types as PySpark 4.0.1 does", async () => {
      const c = await connect(s);
      try {
        await c.exec("DROP TABLE IF EXISTS spark_read_types");
        await c.exec(READ_DDL[s.name]);
        await c.exec(s.name === "postgres"
          ? "INSERT INTO spark_read_types VALUES (1, 2, 3, 1.5, 2.5, 1.25, 3.5, true, 't', 'v', 'abc', '2024-01-02', '2024-01-02 03:04:05.5', '2024-01-02 03:04:05.5+07', '\\x0102', '{\"a\": 1}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', B'1', 12.5)"
          : "INSERT INTO spark_read_types VALUES (-1, 1, 2, 3, 4, 4294967295, 5, 18446744073709551615, 1.5, 2.5, 123456789.123, b'1', b'10000001', 'abc', 'v', 'text', x'0102', x'03', '2024-01-02', '2024-01-02 03:04:05', '2024-01-02 03:04:05', 2024, 'y', 65535, 12345678901234567890)");
      } finally {
        await c.close();
      }
      const df = await readJdbc(opts(s, "spark_read_types"));
      expect(df.schema.fields.map((f) => [f.name, f.dataType.simpleString()])).toEqual(oracle[s.name === "postgres" ? "postgres_read" : "mysql_read"]);
      const [row] = await internalRows(df);
      expect(row!.length).toBe(df.schema.fields.length);
      if (s.name === "postgres") {
        expect(row!.slice(0, 8)).toEqual([1, 2, 3, 1.5, 2.5, 1250000000000000000n, 35n, true]);
        expect(row![13]).toBe(Date.parse("2024-01-01T20:04:05.5Z") * 1000);
      } else {
        expect(row!.slice(0, 8)).toEqual([-1, true, 2, 3, 4, 4294967295, 5, 18446744073709551615n]);
        expect(row![12]).toEqual(Uint8Array.from([0x81]));
        expect(row![21]).toBe(19723);
      }
    });

    it("loads 1M rows, counted and checksummed in the database; a bad row at 500,000 leaves the table unchanged; the retry gives one copy", async () => {
      const spark = session();
      const table = t("sales");
      await writeJdbc(salesDataFrame(spark, 10), opts(s, table), "overwrite");
      await sql(s, s.name === "postgres" ? `ALTER TABLE ${table} ALTER COLUMN quantity SET NOT NULL` : `ALTER TABLE ${table} MODIFY quantity INT NOT NULL`);
      const before = normalize(await sql(s, salesChecksumSql(table)));
      await expect(writeJdbc(salesDataFrame(spark, 1_000_000, 500_000), opts(s, table), "append")).rejects.toThrow(/FAILED_JDBC[\s\S]*quantity[\s\S]*left unchanged/);
      expect(normalize(await sql(s, salesChecksumSql(table)))).toEqual(before);
      await expect(writeJdbc(salesDataFrame(spark, 1_000_000, 500_000), { ...opts(s, table), truncate: true }, "overwrite")).rejects.toThrow(/quantity/);
      expect(normalize(await sql(s, salesChecksumSql(table)))).toEqual(before);
      await writeJdbc(salesDataFrame(spark, 1_000_000), { ...opts(s, table), truncate: true }, "overwrite");
      const c = salesChecksum(1_000_000);
      expect(normalize(await sql(s, salesChecksumSql(table)))).toEqual([[c.count, c.sumOrderId, c.sumQuantity, c.sumPriceCents, c.sumCityLen].map(String)]);
      // The constraint survived (truncate keeps the definition).
      await expect(writeJdbc(salesDataFrame(spark, 5, 2), opts(s, table), "append")).rejects.toThrow(/quantity/);
    }, 180_000);

    it("the server dropping the connection midway leaves the table unchanged", async () => {
      const spark = session();
      const table = t("dropped");
      // On a loaded machine the load can commit between being seen and being killed: then it
      // must hold every row (all or nothing), and the next attempt tries again. One attempt of
      // three must be cut off, and that one must leave the table as it was.
      let e: unknown = "finished";
      for (let attempt = 0; attempt < 3 && e === "finished"; attempt++) {
        await writeJdbc(salesDataFrame(spark, 3), opts(s, table), "overwrite");
        const load = writeJdbc(salesDataFrame(spark, 1_000_000), opts(s, table), "append");
        const outcome = load.then(() => "finished", (err: Error) => err);
        const id = await waitForLoad(s);
        await sql(s, s.name === "postgres" ? `SELECT pg_terminate_backend(${id})` : `KILL ${id}`);
        e = await outcome;
        if (e === "finished") expect(normalize(await sql(s, `SELECT COUNT(*) FROM ${table}`))).toEqual([["1000003"]]);
      }
      expect(e).toBeInstanceOf(Error);
      expect(String(e)).toMatch(/FAILED_JDBC/);
      expect(String(e)).not.toContain(s.password);
      expect(normalize(await sql(s, `SELECT COUNT(*) FROM ${table}`))).toEqual([["3"]]);
    }, 300_000);

    it("the loading process killed with SIGKILL midway leaves the table unchanged (append and new table)", async () => {
      for (const [table, mode, expected] of [[t("killed"), "append", [["3"]]], [t("killed_new"), "error", null]] as const) {
        const spark = session();
        if (mode === "append") await writeJdbc(salesDataFrame(spark, 3), opts(s, table), "overwrite");
        else await sql(s, `DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
        const child = spawn(process.execPath, ["--import", "tsx", "test/jdbc/child-load.ts", s.url, s.user, s.password, table, mode, "1000000"], { stdio: "pipe" });
        const exited = new Promise((r) => child.on("exit", r));
        await waitForLoad(s);
        child.kill("SIGKILL");
        await exited;
        // The server notices the closed socket and rolls back; give it a moment.
        await sleep(500);
        if (expected) expect(normalize(await sql(s, `SELECT COUNT(*) FROM ${table}`))).toEqual(expected);
        else await expect(sql(s, `SELECT COUNT(*) FROM ${table}`)).rejects.toThrow();
      }
    }, 120_000);

    it("a table name is a name, never SQL (injection through dbtable)", async () => {
      const spark = session();
      await writeJdbc(spark.createDataFrame([[1]], "x INT"), opts(s, t("victim")), "overwrite");
      const evil = s.name === "postgres" ? 'pijar_x"; DROP TABLE pijar_test_victim; --' : "pijar_x`; DROP TABLE pijar_test_victim; --";
      await writeJdbc(spark.createDataFrame([[1]], "id INT"), opts(s, evil), "overwrite");
      await writeJdbc(spark.createDataFrame([[2]], "id INT"), opts(s, "pijar_y; DROP TABLE pijar_test_victim"), "overwrite");
      expect(normalize(await sql(s, "SELECT COUNT(*) FROM pijar_test_victim"))).toEqual([["1"]]);
      expect(await internalRows(await readJdbc(opts(s, evil)))).toEqual([[1]]);
      expect(await internalRows(await readJdbc(opts(s, "pijar_y; DROP TABLE pijar_test_victim")))).toEqual([[2]]);
      // Pushed filters: literals are quoted, backslash tricks are not pushed at all.
      await writeJdbc(spark.createDataFrame([[1, "a"], [2, "x' OR '1'='1"]], "x INT, s STRING"), opts(s, t("strs")), "overwrite");
      const strs = await readJdbc(opts(s, t("strs")));
      for (const evilText of ["x' OR '1'='1", "a\\' OR 1=1 -- ", "\\"]) {
        const want = evilText === "x' OR '1'='1" ? [[2]] : [];
        expect(await internalRows(strs.filter(F.col("s").equalTo(evilText)).select("x"))).toEqual(want);
        expect(await internalRows(strs.filter(F.col("s").isin("zz", evilText)).select("x"))).toEqual(want);
      }
      expect(normalize(await sql(s, "SELECT COUNT(*) FROM pijar_test_victim"))).toEqual([["1"]]);
    });

    it("never shows the password: wrong password, refused port, failed load, explain", async () => {
      const spark = session();
      const [, host, port] = /\/\/([^:/]+):(\d+)/.exec(s.url)!;
      const wrong = readJdbc({ ...opts(s, "t"), password: "wrong-Secret-123" });
      await expect(wrong).rejects.toThrow(new RegExp(`CANNOT_CONNECT_TO_DATABASE.*database 'pijar' at ${host}:${port}.*server is running`));
      await expect(wrong).rejects.not.toThrow(/wrong-Secret-123/);
      const refused = readJdbc({ ...opts(s, "t"), url: s.url.replace(/:\d+\//, ":1/") });
      await expect(refused).rejects.toThrow(/CANNOT_CONNECT_TO_DATABASE.*127\.0\.0\.1:1\b.*ECONNREFUSED/);
      await expect(refused).rejects.not.toThrow(new RegExp(s.password));
      const inline = `${s.url}?user=${s.user}&password=${s.password}`;
      const src = await jdbcSource(spark, { url: inline, dbtable: t("victim") });
      expect(src.description).not.toContain(s.password);
      expect(src.description).toMatch(/^jdbc (postgresql|mysql):\/\/127\.0\.0\.1:\d+\/pijar table=pijar_test_victim$/);
      const failed = writeJdbc(spark.createDataFrame([[1]], "id INT"), { url: inline, dbtable: t("victim") });
      await expect(failed).rejects.toThrow(/TABLE_OR_VIEW_ALREADY_EXISTS/);
      await expect(failed).rejects.not.toThrow(new RegExp(s.password));
      const badQuery = readJdbc({ url: inline, query: "SELECT no_such_column FROM pijar_test_victim" });
      await expect(badQuery).rejects.toThrow(/FAILED_JDBC/);
      await expect(badQuery).rejects.not.toThrow(new RegExp(s.password));
    });

    it("overwrite swaps in a new table; reads stream with fetchsize and partitions", async () => {
      const spark = session();
      const table = t("swap");
      await writeJdbc(salesDataFrame(spark, 100), opts(s, table), "overwrite");
      await writeJdbc(spark.createDataFrame([[1, "x"]], "id INT, name STRING"), opts(s, table), "overwrite");
      expect(await internalRows(await readJdbc(opts(s, table)))).toEqual([[1, "x"]]);
      const left = await sql(s, s.name === "postgres" ? `SELECT count(*) FROM pg_tables WHERE tablename LIKE '${table}%pijar%'`
        : `SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name LIKE '${table}%pijar%'`);
      expect(normalize(left)).toEqual([["0"]]);
      await writeJdbc(salesDataFrame(spark, 5000), opts(s, table), "overwrite");
      const df = await readJdbc({ ...opts(s, table), fetchsize: 333, partitionColumn: "order_id", lowerBound: 1, upperBound: 5000, numPartitions: 3 });
      const rows = await internalRows(df.select("order_id"));
      expect(rows.length).toBe(5000);
      expect(new Set(rows.map((r) => r[0])).size).toBe(5000);
      const q = await readJdbc({ url: s.url, user: s.user, password: s.password, query: `SELECT city, COUNT(*) AS n FROM ${table} GROUP BY city` });
      expect((await internalRows(q)).reduce((a, r) => a + Number(r[1]), 0)).toBe(5000);
    });
  });
}
