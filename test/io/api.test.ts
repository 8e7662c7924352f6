/**
 * spark.read / df.write end to end through the SparkSession and DataFrame API.
 * (src/wiring.ts should install these; the test installs them itself so it runs either way.)
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SparkSession } from "../../src/index.js";
import { sessionExtensions } from "../../src/api/session-extensions.js";
import { extensions } from "../../src/api/extensions.js";
import { DataFrameReader } from "../../src/api/reader.js";
import { DataFrameWriter } from "../../src/api/writer.js";

sessionExtensions.reader = (s) => new DataFrameReader(s);
extensions.writer = (df) => new DataFrameWriter(df);

const dir = mkdtempSync(join(tmpdir(), "pijar-api-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const spark = SparkSession.builder.getOrCreate();
spark.conf.set("spark.sql.session.timeZone", "UTC");

const sales = join(dir, "sales.csv");
writeFileSync(sales, "id,city,qty,day\n1,Jakarta,3,2024-01-05\n2,Bandung,5,2024-01-06\n3,Jakarta,,2024-01-07\n");

describe("spark.read", () => {
  it("csv with options object, schema inferred", async () => {
    const df = spark.read.csv(sales, { header: true, inferSchema: true });
    expect(df.dtypes).toEqual([["id", "int"], ["city", "string"], ["qty", "int"], ["day", "date"]]);
    expect(await df.count()).toBe(3);
  });

  it("format/option/schema/load chain with a DDL schema", async () => {
    const df = spark.read.format("csv").option("header", true).schema("id INT, city STRING, qty DOUBLE, day STRING").load(sales);
    expect(df.dtypes.map((d) => d[1])).toEqual(["int", "string", "double", "string"]);
    const rows = await df.collect();
    expect(rows.length).toBe(3);
  });

  it("missing path -> PATH_NOT_FOUND", () => {
    expect(() => spark.read.csv(join(dir, "nope.csv"))).toThrow(`[PATH_NOT_FOUND] Path does not exist: file:${join(dir, "nope.csv")}.`);
  });

  it("unknown format suggests the nearest", () => {
    expect(() => spark.read.format("cvs").load(sales)).toThrow(/Did you mean 'csv'/);
  });
});

describe("df.write", () => {
  it("writes parquet partitioned by city and reads it back with the partition column", async () => {
    const df = spark.read.csv(sales, { header: true, inferSchema: true });
    const out = join(dir, "by_city");
    await df.write.mode("overwrite").partitionBy("city").parquet(out);
    expect(readdirSync(out).sort()).toEqual(["_SUCCESS", "city=Bandung", "city=Jakarta"]);
    const back = spark.read.parquet(out);
    expect(back.columns).toEqual(["id", "qty", "day", "city"]);
    expect(await back.count()).toBe(3);
  });

  it("csv and json with mode keyword; error mode refuses to overwrite", async () => {
    const df = spark.read.csv(sales, { header: true, inferSchema: true });
    const out = join(dir, "csv-out");
    await df.write.csv(out, { header: true });
    await expect(df.write.csv(out)).rejects.toThrow(/PATH_ALREADY_EXISTS/);
    await df.write.csv(out, { header: true, mode: "append" });
    expect(await spark.read.csv(out, { header: true }).count()).toBe(6);
    const j = join(dir, "json-out");
    await df.write.format("json").mode("overwrite").save(j);
    const back = spark.read.json(j);
    expect(back.columns).toEqual(["city", "day", "id", "qty"]);
    expect(await back.count()).toBe(3);
  });
});
