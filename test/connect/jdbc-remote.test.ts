/**
 * JDBC on a Spark Connect session, against the run's real PostgreSQL (PIJAR_PG_URL): the cluster
 * writes a table with Spark's own JDBC source (the driver jar from scripts/connect/jdbc-drivers.sh
 * is on the server), and reading it back agrees with Pijar's local engine reading the same table
 * (crossCheck: schema and rows). The password reaches the server as an option and appears in no
 * error text.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { SparkSession, type DataFrame } from "../../src/index.js";
import { REMOTE_TIMEOUT, REMOTE_URL, describeRemote, thrown } from "./helpers.js";

const PG_URL = process.env.PIJAR_PG_URL ?? "";
const props = { user: process.env.PIJAR_PG_USER ?? "", password: process.env.PIJAR_PG_PASSWORD ?? "" };
const describePg = PG_URL ? describeRemote : describeRemote.skip;
if (REMOTE_URL && !PG_URL) console.warn("test/connect/jdbc-remote: skipped, PIJAR_PG_URL is not set (scripts/db/start-postgres.sh)");

const TABLE = `pijar_remote_jdbc_${process.pid}`;
let spark: SparkSession;

describePg("Spark Connect: spark.read.jdbc / df.write.jdbc run on the cluster", () => {
  beforeAll(() => {
    spark = SparkSession.builder.remote(REMOTE_URL).config("spark.sql.session.timeZone", "UTC").getOrCreate();
  });
  afterAll(async () => {
    const local = SparkSession.builder.master("local[1]").create();
    // Leave the shared database as found: an empty overwrite would still keep the table.
    await local.createDataFrame([], "x INT").write.jdbc(PG_URL, TABLE, "overwrite", props).catch(() => undefined);
  });

  it("writes through the server and reads back what the local engine reads", REMOTE_TIMEOUT, async () => {
    const src = spark.sql(
      "SELECT id, CAST(id * 1.5 AS DECIMAL(10, 2)) AS amount, concat('city-', id % 3) AS city, " +
        "DATE '2024-01-01' + CAST(id AS INT) AS day FROM range(0, 50)",
    );
    await src.write.jdbc(PG_URL, TABLE, "overwrite", props);
    const build = (s: SparkSession): DataFrame => s.read.jdbc(PG_URL, TABLE, props).orderBy("id");
    const report = await spark.crossCheck(build, { ordered: true });
    expect(report.agree, report.toString()).toBe(true);
    expect(report.rows.remote).toBe(50);
    const agg = await spark.read.jdbc(PG_URL, TABLE, props).groupBy("city").count().orderBy("city").collect();
    expect(agg.map((r) => [r.city, r.count])).toEqual([["city-0", 17], ["city-1", 17], ["city-2", 16]]);
    // Append, then the server sees both loads.
    await src.limit(5).write.jdbc(PG_URL, TABLE, "append", props);
    expect(await spark.read.jdbc(PG_URL, TABLE, props).count()).toBe(55);
  });

  it("reports a wrong password as Spark's error, without printing it", REMOTE_TIMEOUT, async () => {
    const secret = "not-the-password-3141";
    const e = await thrown(() => spark.read.jdbc(PG_URL, TABLE, { user: props.user, password: secret }).count());
    expect(e.errorClass).toBe("FAILED_JDBC.CONNECTION");
    expect(String(e.message)).not.toContain(secret);
  });
});
