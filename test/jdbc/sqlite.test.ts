// SQLite (embedded, always runs): round trips, save modes, all-or-nothing loads, options.
import { describe, expect, it } from "vitest";
import * as F from "../../src/api/functions.js";
import { addProgressListener } from "../../src/execution/jobs.js";
import { writeJdbc, jdbcSource } from "../../src/io/jdbc/index.js";
import { openConnection } from "../../src/io/jdbc/connect.js";
import { parseJdbcOptions } from "../../src/io/jdbc/jdbc-options.js";
import { internalRows, readJdbc, session, tempSqliteUrl } from "./helpers.js";
import { allTypesDataFrame, allTypesRows } from "./types.js";
import { salesChecksum, salesChecksumSql, salesDataFrame } from "../../bench/jdbc/sales-data.js";

async function sql(url: string, text: string): Promise<unknown[][]> {
  const c = await openConnection(parseJdbcOptions({ url }));
  try {
    if (/^\s*select|^\s*pragma/i.test(text)) return await c.query(text);
    await c.exec(text);
    return [];
  } finally {
    await c.close();
  }
}

describe("jdbc sqlite", () => {
  it("round-trips every Spark type (same types and values back)", async () => {
    const url = tempSqliteUrl();
    const spark = session();
    await writeJdbc(allTypesDataFrame(spark, { wideDecimal: false }), { url, dbtable: "all_types" });
    const back = await readJdbc({ url, dbtable: "all_types" });
    expect(back.schema.simpleString()).toBe(
      "struct<c_bool:boolean,c_byte:tinyint,c_short:smallint,c_int:int,c_long:bigint,c_float:float,c_double:double,c_dec:decimal(10,2)," +
      "c_dec38:decimal(38,10),c_str:string,c_bin:binary,c_date:date,c_ts:timestamp,c_ntz:timestamp_ntz>");
    expect(await internalRows(back)).toEqual(allTypesRows({ wideDecimal: false }));
  });

  it("modes: error (default) refuses an existing table, ignore skips, append adds, overwrite replaces", async () => {
    const url = tempSqliteUrl();
    const spark = session();
    const df = spark.createDataFrame([[1, "a"], [2, "b"]], "id INT, name STRING");
    await writeJdbc(df, { url, dbtable: "t" });
    await expect(writeJdbc(df, { url, dbtable: "t" })).rejects.toThrow(/^\[TABLE_OR_VIEW_ALREADY_EXISTS\].*mode\("append"\)/);
    await expect(writeJdbc(df, { url, dbtable: "t" }, "errorifexists")).rejects.toThrow(/TABLE_OR_VIEW_ALREADY_EXISTS/);
    await writeJdbc(spark.createDataFrame([[9, "z"]], "id INT, name STRING"), { url, dbtable: "t" }, "ignore");
    expect(await sql(url, "SELECT count(*) FROM t")).toEqual([[2]]);
    await writeJdbc(df, { url, dbtable: "t" }, "append");
    expect(await sql(url, "SELECT count(*) FROM t")).toEqual([[4]]);
    await writeJdbc(spark.createDataFrame([[7, 1.5]], "id INT, x DOUBLE"), { url, dbtable: "t" }, "overwrite");
    expect(await sql(url, "SELECT * FROM t")).toEqual([[7, 1.5]]);
    // truncate keeps the definition (here: the x column stays DOUBLE with its declared type).
    await sql(url, "CREATE INDEX t_id ON t(id)");
    await writeJdbc(spark.createDataFrame([[8, 2.5]], "id INT, x DOUBLE"), { url, dbtable: "t", truncate: true }, "overwrite");
    expect(await sql(url, "SELECT * FROM t")).toEqual([[8, 2.5]]);
    expect(await sql(url, "SELECT name FROM sqlite_master WHERE type = 'index'")).toEqual([["t_id"]]);
    await expect(writeJdbc(df, { url, dbtable: "t" }, "upsert")).rejects.toThrow(/Unknown save mode: upsert/);
  });

  it("append matches columns case-insensitively and names a missing column", async () => {
    const url = tempSqliteUrl();
    const spark = session();
    await sql(url, "CREATE TABLE people (Id INTEGER, Name TEXT)");
    await writeJdbc(spark.createDataFrame([[1, "a"]], "id INT, name STRING"), { url, dbtable: "people" }, "append");
    expect(await sql(url, "SELECT Id, Name FROM people")).toEqual([[1, "a"]]);
    await expect(writeJdbc(spark.createDataFrame([[1]], "age INT"), { url, dbtable: "people" }, "append"))
      .rejects.toThrow(/Column "age" not found in table people/);
  });

  it("a bad row at 500,000 of 1M leaves the table unchanged; a retry loads exactly one copy", async () => {
    const url = tempSqliteUrl();
    const spark = session();
    await sql(url, "CREATE TABLE sales (order_id BIGINT, customer_id INTEGER, city TEXT, product TEXT, quantity INTEGER NOT NULL, unit_price DECIMAL(10,2), order_ts TIMESTAMP, status TEXT)");
    await writeJdbc(salesDataFrame(spark, 10), { url, dbtable: "sales" }, "append");
    const before = await sql(url, salesChecksumSql("sales"));
    await expect(writeJdbc(salesDataFrame(spark, 1_000_000, 500_000), { url, dbtable: "sales" }, "append"))
      .rejects.toThrow(/NOT NULL constraint failed: sales.quantity[\s\S]*left unchanged/);
    expect(await sql(url, salesChecksumSql("sales"))).toEqual(before);
    await expect(writeJdbc(salesDataFrame(spark, 1_000_000, 500_000), { url, dbtable: "sales", truncate: true }, "overwrite")).rejects.toThrow(/NOT NULL/);
    expect(await sql(url, salesChecksumSql("sales"))).toEqual(before);
    await writeJdbc(salesDataFrame(spark, 1_000_000), { url, dbtable: "sales", truncate: true }, "overwrite");
    const c = salesChecksum(1_000_000);
    const [row] = await sql(url, salesChecksumSql("sales"));
    expect(row!.slice(0, 3)).toEqual([c.count, c.sumOrderId, c.sumQuantity]);
    expect(Math.round(Number(row![3]))).toBe(Number(c.sumPriceCents));
    expect(row![4]).toBe(c.sumCityLen);
  }, 120_000);

  it("a table name is a name, never SQL (injection through dbtable)", async () => {
    const url = tempSqliteUrl();
    const spark = session();
    await sql(url, "CREATE TABLE victim (x INTEGER)");
    const evil = 'x"; DROP TABLE victim; --';
    await writeJdbc(spark.createDataFrame([[1]], "id INT"), { url, dbtable: evil });
    await writeJdbc(spark.createDataFrame([[2]], "id INT"), { url, dbtable: "y; DROP TABLE victim" }, "overwrite");
    expect(await sql(url, "SELECT count(*) FROM victim")).toEqual([[0]]);
    expect(await internalRows(await readJdbc({ url, dbtable: evil }))).toEqual([[1]]);
    expect(await internalRows(await readJdbc({ url, dbtable: "y; DROP TABLE victim" }))).toEqual([[2]]);
    const names = (await sql(url, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).map((r) => r[0]);
    expect(names).toEqual(["victim", evil, "y; DROP TABLE victim"].sort());
  });

  it("reads a query, a (subquery) alias dbtable, customSchema, prunes columns and pushes LIMIT", async () => {
    const url = tempSqliteUrl();
    const spark = session();
    await writeJdbc(salesDataFrame(spark, 1000), { url, dbtable: "sales" });
    const q = await readJdbc({ url, query: "SELECT city, count(*) AS n, sum(quantity) AS q FROM sales GROUP BY city ORDER BY city" });
    expect(q.schema.simpleString()).toBe("struct<city:string,n:bigint,q:bigint>");
    expect((await internalRows(q)).length).toBe(8);
    const sub = await readJdbc({ url, dbtable: "(SELECT order_id, city FROM sales WHERE order_id <= 3) s" });
    expect(await internalRows(sub)).toEqual([[1, expect.any(String)], [2, expect.any(String)], [3, expect.any(String)]]);
    const custom = await readJdbc({ url, dbtable: "sales", customSchema: "order_id STRING, quantity DOUBLE" });
    expect(custom.schema.fields.map((f) => f.dataType.simpleString())).toEqual(["string", "int", "string", "string", "double", "decimal(10,2)", "timestamp", "string"]);
    const src = await jdbcSource(spark, { url, dbtable: "sales", fetchsize: 7 });
    const rows = await internalRows(spark.createScanDataFrame(src).select("order_id").limit(20));
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await spark.createScanDataFrame(src).count()).toBe(1000);
  });

  it("partitionColumn reads Spark's ranges one after another (same rows)", async () => {
    const url = tempSqliteUrl();
    const spark = session();
    await writeJdbc(salesDataFrame(spark, 1000), { url, dbtable: "sales" });
    const df = await readJdbc({ url, dbtable: "sales", partitionColumn: "order_id", lowerBound: 100, upperBound: 900, numPartitions: 4 });
    const ids = (await internalRows(df.select("order_id"))).map((r) => r[0] as number);
    expect(ids.length).toBe(1000);
    expect(new Set(ids).size).toBe(1000);
    await expect(readJdbc({ url, dbtable: "sales", partitionColumn: "city", lowerBound: 1, upperBound: 2, numPartitions: 2 })).resolves.toBeDefined();
  });

  it("explains without secrets and rejects bad options with the fix", async () => {
    const url = tempSqliteUrl();
    const spark = session();
    await writeJdbc(spark.createDataFrame([[1]], "id INT"), { url, dbtable: "t" });
    const src = await jdbcSource(spark, { url, dbtable: "t", user: "u", password: "hunter2" });
    expect(src.description).toMatch(/^jdbc sqlite:.*t\.db table=t$/);
    await expect(readJdbc({ url, dbtable: "t", query: "select 1" })).rejects.toThrow(/JDBC_OPTIONS_CONFLICT/);
    await expect(readJdbc({ url, dbtabel: "t" })).rejects.toThrow(/Did you mean 'dbtable'/);
    await expect(readJdbc({ url })).rejects.toThrow(/'dbtable' or 'query' is required/);
    await expect(readJdbc({ url: "jdbc:oracle:thin:@h:1521:x", dbtable: "t" })).rejects.toThrow(/JDBC_INVALID_URL.*not supported/);
    await expect(writeJdbc(spark.createDataFrame([[1]], "id INT"), { url, query: "select 1" })).rejects.toThrow(/'query' is only for reading/);
    await expect(readJdbc({ url: "jdbc:sqlite:/nonexistent-dir/x.db", dbtable: "t" })).rejects.toThrow(/CANNOT_CONNECT_TO_DATABASE.*nonexistent-dir/);
    await expect(writeJdbc(spark.createDataFrame([[[1, 2]]], "a ARRAY<INT>"), { url, dbtable: "arr" })).rejects.toThrow(/UNSUPPORTED_DATATYPE.*to_json/);
  });

  it("createTableColumnTypes and createTableOptions shape the new table", async () => {
    const url = tempSqliteUrl();
    const spark = session();
    await writeJdbc(spark.createDataFrame([[1, "a"]], "id INT, name STRING"), { url, dbtable: "t", createTableColumnTypes: "name VARCHAR(100)", createTableOptions: "STRICT" }).catch(() => undefined);
    await writeJdbc(spark.createDataFrame([[1, "a"]], "id INT, name STRING"), { url, dbtable: "t2", createTableColumnTypes: "name VARCHAR(100)" });
    expect(await sql(url, "SELECT sql FROM sqlite_master WHERE name = 't2'")).toEqual([['CREATE TABLE "t2" ("id" INTEGER, "name" VARCHAR(100))']]);
    await expect(writeJdbc(spark.createDataFrame([[1]], "id INT"), { url, dbtable: "t3", createTableColumnTypes: "id INT); DROP TABLE t2; --" }))
      .rejects.toThrow(/Invalid createTableColumnTypes entry/);
  });
});

describe("jdbc filter pushdown", () => {
  it("pushes simple predicates into the SQL (fewer rows read) and keeps Spark's results", async () => {
    const url = tempSqliteUrl();
    const spark = session();
    await writeJdbc(salesDataFrame(spark, 2000), { url, dbtable: "sales" });
    const df = await readJdbc({ url, dbtable: "sales" });
    let rowsRead = 0;
    const stop = addProgressListener({ onJobStart: () => undefined, onJobProgress: () => undefined, onJobEnd: (p) => { rowsRead = p.rowsRead; } });
    try {
      const q = df.filter(F.col("order_id").gt(1990).and(F.col("city").isNotNull())).select("order_id");
      expect((await internalRows(q)).map((r) => r[0])).toEqual([1991, 1992, 1993, 1994, 1995, 1996, 1997, 1998, 1999, 2000]);
      expect(rowsRead).toBe(10);
      const all = await internalRows(df.select("order_id", "status", "quantity"));
      const inList = df.filter(F.col("order_id").isin(3, 5, 7, 8).and(F.col("status").eqNullSafe("completed").or(F.col("status").equalTo("shipped")))).select("order_id");
      expect(await internalRows(inList)).toEqual(all.filter((r) => [3, 5, 7, 8].includes(r[0] as number) && ["completed", "shipped"].includes(r[1] as string)).map((r) => [r[0]]));
      const notLess = df.filter(F.col("quantity").lt(5).not().and(F.col("order_id").leq(100))).select("order_id");
      expect(await internalRows(notLess)).toEqual(all.filter((r) => !((r[2] as number) < 5) && (r[0] as number) <= 100).map((r) => [r[0]]));
      expect(rowsRead).toBe(all.filter((r) => !((r[2] as number) < 5) && (r[0] as number) <= 100).length);
    } finally {
      stop();
    }
  });
});
