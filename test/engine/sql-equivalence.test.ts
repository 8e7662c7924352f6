/**
 * The DataFrame form and the SQL form of the same query give the same plan: both go through
 * the plan builder, so after optimization their physical plans print the same, line for line.
 */
import { describe, expect, it } from "vitest";
import { functions as F, SparkSession, Window } from "../../src/index.js";
import { session } from "./helpers.js";

const spark = session();
const sales = spark.createDataFrame(
  [[1, "Jakarta", "Teh", 3, 2.5], [2, "Bandung", "Kopi", 1, 4.0], [3, "Jakarta", "Kopi", 5, 4.0], [4, "Medan", "Teh", 2, 2.5]],
  "id INT, city STRING, product STRING, qty INT, price DOUBLE",
);
sales.createOrReplaceTempView("sales");
const cities = spark.createDataFrame([["Jakarta", "DKI"], ["Bandung", "Jawa Barat"]], "city STRING, province STRING");
cities.createOrReplaceTempView("cities");

/** Physical plan text with expression ids normalized away (there are none in the text). */
const plan = (df: { explainString(): string }) => df.explainString();

async function same(dfForm: ReturnType<typeof spark.table>, sqlForm: ReturnType<typeof spark.sql>) {
  expect(plan(sqlForm)).toBe(plan(dfForm));
  expect(JSON.stringify(await sqlForm.collect())).toBe(JSON.stringify(await dfForm.collect()));
}

describe("DataFrame and SQL forms give the same plan", () => {
  it("SELECT ... WHERE (projection and filter)", async () => {
    await same(
      sales.filter(F.col("qty").gt(2)).select(F.col("id"), F.col("qty").multiply(F.col("price")).alias("amount")),
      spark.sql("SELECT id, qty * price AS amount FROM sales WHERE qty > 2"),
    );
  });

  it("GROUP BY with aggregates", async () => {
    await same(
      sales.groupBy("city").agg(F.sum("qty").alias("total"), F.count("*").alias("n")),
      spark.sql("SELECT city, sum(qty) AS total, count(*) AS n FROM sales GROUP BY city"),
    );
  });

  it("ORDER BY and LIMIT", async () => {
    await same(
      sales.orderBy(F.col("price").desc(), F.col("id")).limit(2),
      spark.sql("SELECT * FROM sales ORDER BY price DESC, id LIMIT 2"),
    );
  });

  it("JOIN ... USING", async () => {
    await same(
      sales.join(cities, "city", "left"),
      spark.sql("SELECT * FROM sales LEFT JOIN cities USING (city)"),
    );
  });

  it("window functions", async () => {
    const w = Window.partitionBy("city").orderBy("id");
    await same(
      sales.select(F.col("id"), F.row_number().over(w).alias("rn")),
      spark.sql("SELECT id, row_number() OVER (PARTITION BY city ORDER BY id) AS rn FROM sales"),
    );
  });

  it("DISTINCT", async () => {
    await same(sales.select("city").distinct(), spark.sql("SELECT DISTINCT city FROM sales"));
  });

  it("UNION ALL", async () => {
    await same(
      sales.select("city").union(cities.select("city")),
      spark.sql("SELECT city FROM sales UNION ALL SELECT city FROM cities"),
    );
  });
});

describe("expression strings use the session's time zone", () => {
  // The machine's zone is not the session's here (CI runs in UTC; the session is set to Jakarta),
  // so a string parsed in the machine's zone would give a different instant than spark.sql.
  it("df.filter, selectExpr and F.expr read TIMESTAMP literals as spark.sql does", async () => {
    const jkt = SparkSession.builder.getOrCreate();
    jkt.conf.set("spark.sql.session.timeZone", "Asia/Jakarta");
    try {
      // 06:30, 07:30 and 08:30 in Jakarta; only the first is before 07:00 there.
      const ts = "to_timestamp(concat('2024-01-01 0', cast(6 + id AS STRING), ':30:00'))";
      const events = jkt.sql(`SELECT id, ${ts} AS ts FROM range(3)`);
      const literal = "TIMESTAMP '2024-01-01 07:00:00'";
      const bySql = await jkt.sql(`SELECT id FROM range(3) WHERE ${ts} < ${literal}`).collect();
      expect(bySql.length).toBe(1);
      expect((await events.filter(`ts < ${literal}`).select("id").collect()).map(String)).toEqual(bySql.map(String));
      expect((await events.filter(F.expr(`ts < ${literal}`)).select("id").collect()).map(String)).toEqual(bySql.map(String));
      const [shown] = await events.selectExpr(`cast(${literal} AS STRING) AS t`).limit(1).collect();
      expect(String(shown.t)).toBe("2024-01-01 07:00:00");
    } finally {
      jkt.conf.set("spark.sql.session.timeZone", "UTC");
    }
  });
});
