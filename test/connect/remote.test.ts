/**
 * The Spark Connect backend against a real server (nothing mocked). Expected results come from
 * the server (Spark itself) or from Pijar's local engine through the cross-check, never typed
 * by hand; literals below are inputs whose exact round trip is the point.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SparkSession, functions as F, PijarError, type DataFrame, type CrossCheckReport } from "../../src/index.js";
import { DATA, REMOTE_TIMEOUT, REMOTE_URL, describeRemote, thrown } from "./helpers.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const PEOPLE = join(DATA, "people.csv");
const SALES = join(DATA, "sales.csv");
const PEOPLE_DDL = "id INT, name STRING, age INT, city STRING, salary DOUBLE, joined DATE";
const SALES_DDL = "sale_id INT, product STRING, category STRING, qty INT, price DECIMAL(10,2), sold_at TIMESTAMP, store STRING";

let spark: Any;
let tmp = "";

function people(s: SparkSession): DataFrame {
  return s.read.csv(PEOPLE, { header: true, schema: PEOPLE_DDL });
}
function sales(s: SparkSession): DataFrame {
  return s.read.csv(SALES, { header: true, schema: SALES_DDL });
}

async function expectAgree(build: (s: SparkSession) => DataFrame, ordered = false): Promise<CrossCheckReport> {
  const report = await spark.crossCheck(build, { ordered });
  expect(report.agree, report.toString()).toBe(true);
  return report;
}

describeRemote("Spark Connect backend (real server)", REMOTE_TIMEOUT, () => {
  beforeAll(() => {
    spark = SparkSession.builder.remote(REMOTE_URL).config("spark.sql.session.timeZone", "UTC").getOrCreate();
    tmp = mkdtempSync(join(tmpdir(), "pijar-connect-test-"));
  });
  afterAll(() => {
    spark?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it("connects with the token, reports the server's version, and reuses the session", () => {
    expect(spark.isRemote).toBe(true);
    expect(spark.version).toMatch(/^4\.\d+\.\d+/);
    expect(SparkSession.builder.remote(REMOTE_URL).getOrCreate()).toBe(spark);
    expect(spark.conf.get("spark.sql.session.timeZone")).toBe("UTC");
  });

  it("refuses a wrong token with a clear error that does not print it", async () => {
    const bad = REMOTE_URL.replace(/token=[^;]*/, "token=wrong-token-123");
    const e = await thrown(() => SparkSession.builder.remote(bad).create());
    expect(e).toBeInstanceOf(PijarError);
    expect(e.errorClass).toBe("CONNECT_AUTHENTICATION_FAILED");
    expect(e.message).not.toContain("wrong-token-123");
  });

  it("keeps schema, columns, dtypes synchronous and prints the server's printSchema()", () => {
    const df = people(spark).withColumn("bonus", F.col("salary").multiply(0.1));
    expect(df.columns).toEqual(people(SparkSession.builder.master("local[*]").create()).columns.concat("bonus"));
    expect(df.dtypes.map(([, t]: [string, string]) => t)).toEqual(["int", "string", "int", "string", "double", "date", "double"]);
    const local = SparkSession.builder.master("local[*]").create();
    const ldf = people(local).withColumn("bonus", F.col("salary").multiply(0.1));
    expect(df.schemaString()).toBe(ldf.schemaString());
  });

  it("agrees with the local engine on the core transformations", async () => {
    await expectAgree((s) => people(s).select("name", F.col("age").plus(1).alias("next_age")).filter(F.col("age").gt(30)));
    await expectAgree((s) => people(s).where("city = 'Jakarta' AND salary > 1000").drop("joined"));
    await expectAgree((s) => people(s).withColumnRenamed("name", "nama").withColumn("kota", F.upper(F.col("city"))));
    await expectAgree((s) => sales(s).groupBy("category").agg(F.sum("qty").alias("q"), F.avg("price").alias("ap"), F.count("*").alias("n"), F.max("sold_at").alias("last")));
    await expectAgree((s) => sales(s).groupBy("store").count());
    await expectAgree((s) => people(s).select("city").distinct());
    await expectAgree((s) => people(s).select("id", "name").union(people(s).select("id", "name")));
    await expectAgree((s) => people(s).join(sales(s).withColumnRenamed("store", "city"), "city").select("name", "product", "qty"));
    await expectAgree((s) => {
      const p = people(s);
      const q = sales(s);
      return p.join(q, p.col("city").equalTo(q.col("store")), "left").select(p.col("name"), q.col("sale_id"));
    });
    await expectAgree((s) => people(s).select("name", F.when(F.col("age").isNull(), "unknown").when(F.col("age").geq(40), "senior").otherwise("junior").alias("band")));
  });

  it("agrees on pivot, rollup and cube, and caches on the server", async () => {
    await expectAgree((s) => (sales(s).groupBy("store").pivot("category", ["Minuman", "Makanan"]) as Any).sum("qty").orderBy("store"), true);
    await expectAgree((s) => people(s).rollup("city").agg(F.count("*").alias("n")));
    await expectAgree((s) => sales(s).cube("store", "category").agg(F.sum("qty").alias("q")));
    const cached = people(spark).filter("age > 20").cache();
    expect(await cached.count()).toBe(await people(spark).filter("age > 20").count());
    cached.unpersist();
  });

  it("agrees on ordered results and on the show() text", async () => {
    const r = await expectAgree((s) => people(s).orderBy(F.col("salary").desc()).limit(4), true);
    expect(r.show.compared).toBe(true);
    await expectAgree((s) => sales(s).orderBy("sale_id").select("sale_id", "price", "sold_at"), true);
    await expectAgree((s) => s.range(0, 10, 3).withColumn("twice", F.col("id").multiply(2)), true);
  });

  it("uploads createDataFrame rows as Arrow and gets the same values back", async () => {
    const rows = [[1, "a", 2.5, true], [2, null, -1.25, false], [3, "c", null, null]];
    await expectAgree((s) => s.createDataFrame(rows, ["id", "name", "x", "flag"]).orderBy("id"), true);
    await expectAgree((s) => s.createDataFrame([{ k: "x", v: 1 }, { k: "y", v: 2 }]).groupBy("k").agg(F.sum("v").alias("s")));
  });

  it("returns exact decimals and microsecond timestamps", async () => {
    const [row] = await spark.sql("SELECT CAST('12345678901234567890.123456789' AS DECIMAL(38,9)) AS d, TIMESTAMP'2024-01-02 03:04:05.123456' AS ts, DATE'2024-02-29' AS dt").collect();
    expect(row.d.toString()).toBe("12345678901234567890.123456789");
    expect(row.ts.epochMicros).toBe(Date.UTC(2024, 0, 2, 3, 4, 5) * 1000 + 123456);
    expect(row.dt.toISOString().slice(0, 10)).toBe("2024-02-29");
    await expectAgree((s) => s.createDataFrame([[1]], ["one"]).select(F.lit(1).cast("decimal(20,3)").alias("d"), F.to_timestamp(F.lit("2024-01-02 03:04:05.123456")).alias("ts")));
  });

  it("runs spark.sql at once (DDL, temp views) and over DataFrames' views", async () => {
    people(spark).createOrReplaceTempView("people_remote");
    const df = spark.sql("SELECT city, count(*) AS n FROM people_remote GROUP BY city ORDER BY city");
    expect(df.columns).toEqual(["city", "n"]);
    expect((await df.collect()).length).toBeGreaterThan(0);
    expect(await spark.sql("SELECT * FROM people_remote WHERE age > :a", { a: 30 }).count()).toBe(await people(spark).filter("age > 30").count());
  });

  it("surfaces server errors as PijarError with Spark's class and SQLSTATE", async () => {
    const sync = await thrown(() => spark.sql("SELECT nope FROM range(1)"));
    expect([sync.errorClass, sync.sqlState, sync.exceptionType]).toEqual(["UNRESOLVED_COLUMN.WITH_SUGGESTION", "42703", "AnalysisException"]);
    expect(sync.message).toMatch(/^\[UNRESOLVED_COLUMN.WITH_SUGGESTION\]/);
    const lazy = people(spark).select(F.col("nope"));
    const onSchema = await thrown(() => lazy.columns);
    expect(onSchema.errorClass).toBe("UNRESOLVED_COLUMN.WITH_SUGGESTION");
    const onCollect = await thrown(() => lazy.collect());
    expect(onCollect.errorClass).toBe("UNRESOLVED_COLUMN.WITH_SUGGESTION");
    const parse = await thrown(() => spark.sql("SELEC 1"));
    expect([parse.errorClass, parse.exceptionType]).toEqual(["PARSE_SYNTAX_ERROR", "ParseException"]);
    const div = await thrown(() => spark.sql("SELECT 1 / 0 AS x").collect());
    expect([div.errorClass, div.sqlState, div.exceptionType]).toEqual(["DIVIDE_BY_ZERO", "22012", "ArithmeticException"]);
  });

  it("refuses JS UDFs and local-only methods with an error class naming the feature", async () => {
    const plus1 = F.udf((x: number) => x + 1, "int");
    const udfErr = await thrown(() => spark.range(3).select(plus1("id")));
    expect(udfErr.errorClass).toBe("UNSUPPORTED_FEATURE.SPARK_CONNECT_JS_UDF");
    const methodErr = await thrown(() => spark.range(3).sample(0.5));
    expect(methodErr.errorClass).toBe("UNSUPPORTED_FEATURE.SPARK_CONNECT_METHOD");
    expect(methodErr.message).toContain("DataFrame.sample");
    const local = SparkSession.builder.master("local[*]").create();
    const mixed = await thrown(() => spark.range(3).join(local.range(3), "id"));
    expect(mixed.errorClass).toBe("UNSUPPORTED_FEATURE.SPARK_CONNECT_MIXED_SESSIONS");
  });

  it("writes with WriteOperation; the local engine reads the server's files back the same", async () => {
    const out = join(tmp, "sales_parquet");
    const byStore = (s: SparkSession) => sales(s).select("sale_id", "store", "qty", "price", "sold_at");
    await byStore(spark).write.mode("overwrite").partitionBy("store").parquet(out);
    await byStore(spark).write.mode("overwrite").partitionBy("store").parquet(out); // overwrite is honoured
    const local = SparkSession.builder.master("local[*]").create();
    const back = await spark.crossCheck((s: SparkSession) => s.read.parquet(out).select("sale_id", "store", "qty", "price", "sold_at"), { local });
    expect(back.agree, back.toString()).toBe(true);
    expect(back.rows.remote).toBe(await sales(spark).count());
    const csvOut = join(tmp, "people_csv");
    await people(spark).write.format("csv").option("header", true).mode("overwrite").save(csvOut);
    const again = await thrown(() => people(spark).write.format("csv").save(csvOut));
    expect(again.errorClass).toBe("PATH_ALREADY_EXISTS");
    const rt = await spark.crossCheck((s: SparkSession) => s.read.csv(csvOut, { header: true, schema: PEOPLE_DDL }));
    expect(rt.agree, rt.toString()).toBe(true);
  });

  it("prints the server's explain() and turns results into Arrow", async () => {
    const df = spark.range(10).filter(F.col("id").gt(4));
    expect(df.explainString()).toMatch(/^== Physical Plan ==/);
    expect(df.explainString("extended")).toContain("== Analyzed Logical Plan ==");
    const t = await df.toArrow();
    // Pijar's measured plan exists only for its own engine; after an action it still refuses.
    expect((await thrown(() => df.explainString("analyze"))).errorClass).toBe("UNSUPPORTED_FEATURE.SPARK_CONNECT_METHOD");
    expect(t.numRows).toBe(5);
    expect(t.schema.fields.map((f: Any) => f.name)).toEqual(["id"]);
    expect(await df.count()).toBe(5);
    expect((await df.take(2)).map((r: Any) => r.id)).toEqual((await SparkSession.builder.master("local[*]").create().range(10).filter(F.col("id").gt(4)).take(2)).map((r: Any) => r.id));
  });

  it("gives the kernel the same display bundle shape as local mode, with the server's show() text", async () => {
    const build = (s: SparkSession) => people(s).orderBy("id").select("id", "name", "salary");
    const remote = await (build(spark) as Any)[Symbol.for("Jupyter.display")]();
    const local = await (build(SparkSession.builder.master("local[*]").create()) as Any)[Symbol.for("Jupyter.display")]();
    expect(Object.keys(remote).sort()).toEqual(Object.keys(local).sort());
    expect(remote["text/plain"]).toBe((await build(spark)._showString(20)).replace(/\n$/, ""));
    expect(remote["text/html"]).toBe(local["text/html"]);
  });

  it("an interrupt (cancelAllJobs, as the kernel does) stops the operation on the server", async () => {
    const { cancelAllJobs } = await import("../../src/execution/jobs.js");
    const slow = spark.range(0, 1e12, 1, 2).selectExpr("sum(id % 7) AS s"); // minutes of work if not stopped
    const t0 = Date.now();
    const pending = thrown(() => slow.collect());
    await new Promise((r) => setTimeout(r, 2000));
    expect(cancelAllJobs()).toBe(1);
    const e = await pending;
    expect(e.errorClass).toBe("OPERATION_CANCELED");
    expect(Date.now() - t0).toBeLessThan(60_000);
    // Nothing of this session still runs on the server: the Interrupt reached it.
    expect(await spark.client.interruptAll()).toEqual([]);
    expect(await spark.range(3).count()).toBe(3);
  });

  it("crossCheck shows a readable diff when the engines disagree", async () => {
    const report = await spark.crossCheck((s: SparkSession) => (s === spark ? s.range(3) : s.range(4)).orderBy("id"), { ordered: true });
    expect(report.agree).toBe(false);
    expect(report.rows.onlyLocal).toEqual(["#3 (3)"]);
    const text = report.toString();
    expect(text).toContain("- only local : #3 (3)");
    expect(text).toContain("show():");
  });
});
