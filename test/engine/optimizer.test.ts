import { describe, expect, it } from "vitest";
import { Column, Window, functions as F } from "../../src/index.js";
import { session } from "./helpers.js";

const col = (n: string) => Column.of(n);
const spark = session();
const people = spark.createDataFrame(
  [[1, "Ani", 31, "Bandung"], [2, "Budi", 25, "Jakarta"], [3, "Citra", 40, "Jakarta"]],
  ["id", "name", "age", "city"],
);

/** The plan lines without their line numbers. */
function planText(df: { explainString(m?: string): string }, mode = "extended"): string {
  return df.explainString(mode).split("\n").map((l) => l.replace(/^\s*\d+ {2}/, "")).join("\n");
}

describe("optimizer rules", () => {
  it("push_down_filter moves a filter below a projection, substituting aliases", () => {
    const df = people.select(col("name"), col("age").plus(1).alias("next")).filter(col("next").gt(30));
    const text = planText(df);
    const optimized = text.split("== Optimized Logical Plan ==")[1]!.split("== Physical Plan ==")[0]!;
    expect(optimized).toMatch(/Project \[name, \(age \+ 1\) AS next\]\n\+- Filter \(\(age \+ 1\) > 30\)/);
  });

  it("fold_constants computes literal-only expressions once", () => {
    const df = people.select(Column.lit(2).multiply(3).alias("six"));
    expect(planText(df, "simple")).toContain("Project [6 AS six]");
  });

  it("fold_constants reaches the expressions of sort, window and generate", () => {
    const six = () => Column.lit(2).multiply(3);
    expect(planText(people.orderBy(col("age").plus(six())), "simple")).toContain("Sort [(age + 6) ASC NULLS FIRST]");
    const w = Window.partitionBy(six()).orderBy(col("age").plus(six()));
    expect(planText(people.withColumn("r", F.sum("age").over(w)), "simple")).toContain("Window [sum(age) OVER (PARTITION BY 6 ORDER BY (age + 6) ASC");
    expect(planText(people.select(F.explode(F.array(six(), col("age"))).alias("x")), "simple")).toContain("Generate explode(array(6, age))");
  });

  it("fold_constants leaves a failing constant (1/0) to run time", async () => {
    const df = people.select(Column.lit(1).divide(0).alias("x"));
    expect(() => df.explainString()).not.toThrow();
    await expect(df.collect()).rejects.toMatchObject({ errorClass: "DIVIDE_BY_ZERO" });
  });

  it("push_down_limit reaches a range so only the needed ids are generated", () => {
    const df = spark.range(1_000_000_000).select(col("id").multiply(2).alias("d")).limit(3);
    expect(planText(df, "simple")).toContain("Range (0, 3, step=1)");
  });

  it("push_down_filter goes into the left side of a left join only", () => {
    const cities = spark.createDataFrame([["Bandung", "Jabar"]], ["city", "prov"]);
    const df = people.join(cities, "city", "left").filter(col("age").gt(30)).filter(col("prov").isNull());
    const optimized = planText(df).split("== Optimized Logical Plan ==")[1]!.split("== Physical Plan ==")[0]!;
    // age > 30 goes below the join (left side); prov IS NULL must stay above it.
    expect(optimized).toMatch(/Filter \(prov IS NULL\)[\s\S]*Join left[\s\S]*Filter \(age > 30\)/);
  });

  it("a rule can be switched off by name", () => {
    spark.conf.set("spark.pijar.optimizer.excludedRules", "fold_constants");
    try {
      const df = people.select(Column.lit(2).multiply(3).alias("six"));
      expect(planText(df, "simple")).toContain("Project [(2 * 3) AS six]");
    } finally {
      spark.conf.set("spark.pijar.optimizer.excludedRules", "");
    }
  });

  it("explain() numbers its lines and marks pipeline breakers", () => {
    const df = people.orderBy(col("age").desc());
    const text = df.explainString();
    expect(text).toMatch(/^== Physical Plan ==\n1 {2}Sort \[age DESC NULLS LAST\] {2}\(pipeline breaker\)\n2 {2}\+- LocalTableScan/);
  });
});

describe("name resolution", () => {
  it("a misspelt column fails on the transformation, with suggestions", () => {
    expect(() => people.select("nme")).toThrow(/\[UNRESOLVED_COLUMN.WITH_SUGGESTION\] A column, variable, or function parameter with name `nme` cannot be resolved. Did you mean one of the following\? \[`name`/);
  });

  it("short-circuits AND so the right side is not evaluated where the left is false", async () => {
    const df = spark.createDataFrame([[0, 5], [2, 4]], ["b", "a"]);
    const rows = await df.filter(col("b").notEqual(0).and(col("a").divide(col("b")).gt(1))).collect();
    expect(rows.map((r) => r.a)).toEqual([4]);
  });
});
