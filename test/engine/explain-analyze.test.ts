/**
 * explain("analyze"): the rows and batches each operator of the last action produced, and the
 * text's shape. Expected counts are computed here from the input rows in plain JS (they are
 * facts about the data, not Spark output), so a miscounting operator wrapper fails.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { functions as F, PijarError, type DataFrame, type SparkSession } from "../../src/index.js";
import type { ProfiledNode } from "../../src/execution/profile.js";
import { captureStdout, session } from "./helpers.js";

const N = 1000;
const BATCH = 100;
const orders = Array.from({ length: N }, (_, i) => [i, `c${i % 7}`, (i * 37) % 101] as const);
const customers = [["c0", "Jakarta"], ["c1", "Bandung"], ["c2", "Jakarta"], ["c3", "Medan"], ["c4", "Bandung"]] as const;
const cityOf = new Map<string, string>(customers.map(([c, city]) => [c, city]));

let spark: SparkSession;
let ordersDf: DataFrame;
let customersDf: DataFrame;

beforeAll(() => {
  spark = session();
  spark.conf.set("spark.pijar.batchSize", String(BATCH));
  ordersDf = spark.createDataFrame(orders.map((r) => [...r]), "id INT, cust STRING, amount INT");
  customersDf = spark.createDataFrame(customers.map((r) => [...r]), "cust STRING, city STRING");
});

function nodes(n: ProfiledNode, out: ProfiledNode[] = []): ProfiledNode[] {
  out.push(n);
  n.children.forEach((c) => nodes(c, out));
  return out;
}

function only(df: DataFrame, name: string, detail?: string): ProfiledNode {
  const found = nodes(df._lastProfile!.root).filter((n) => n.name === name && (detail === undefined || n.detail.includes(detail)));
  expect(found, `${name} ${detail ?? ""} in the profile`).toHaveLength(1);
  return found[0]!;
}

describe('explain("analyze") metrics', () => {
  it("counts rows and batches per operator of a filter, join, aggregate and sort", async () => {
    const df = ordersDf.filter(F.col("amount").gt(50)).join(customersDf, "cust")
      .groupBy("city").agg(F.sum("amount").alias("total")).orderBy(F.col("total").desc()).limit(2);
    const rows = await df.collect();
    expect(rows).toHaveLength(2);

    const passed = orders.filter(([, , a]) => a > 50);
    const joined = passed.filter(([, c]) => cityOf.has(c));
    const cities = new Set(joined.map(([, c]) => cityOf.get(c)));
    const passedBatches = Array.from({ length: N / BATCH }, (_, b) => orders.slice(b * BATCH, (b + 1) * BATCH).some(([, , a]) => a > 50)).filter(Boolean).length;

    const scan = only(df, "LocalTableScan", "amount");
    expect(scan.metrics).toMatchObject({ rows: N, batches: N / BATCH, executions: 1 });
    const filter = only(df, "Filter");
    expect(filter.metrics).toMatchObject({ rows: passed.length, batches: passedBatches });
    expect(filter.role).toBe("probe");
    const build = only(df, "LocalTableScan", "city");
    expect(build.role).toBe("build");
    expect(build.metrics).toMatchObject({ rows: customers.length, batches: 1 });
    const join = only(df, "HashJoin");
    expect(join.pipelineBreaker).toBe(true);
    expect(join.metrics!.rows).toBe(joined.length);
    const agg = only(df, "HashAggregate");
    expect(agg.pipelineBreaker).toBe(true);
    expect(agg.metrics).toMatchObject({ rows: cities.size, batches: 1 });
    // Sort under a limit is planned as a top-N sort: it outputs the limit's rows.
    const sort = only(df, "Sort");
    expect(sort.pipelineBreaker).toBe(true);
    expect(sort.metrics).toMatchObject({ rows: 2, batches: 1 });
    expect(df._lastProfile!.action).toBe("collect");
  });

  it("shows a limit stopping its child early: the scan reads only the batches it needed", async () => {
    const df = ordersDf.filter(F.col("amount").gt(50)).limit(30);
    await df.collect();
    // Batches the filter had to produce before 30 rows passed, and the rows in them.
    let got = 0, batches = 0, filtered = 0;
    for (let b = 0; got < 30; b++) {
      const n = orders.slice(b * BATCH, (b + 1) * BATCH).filter(([, , a]) => a > 50).length;
      batches = b + 1;
      got += n;
      filtered += n;
    }
    expect(only(df, "Limit").metrics).toMatchObject({ rows: 30, batches: 1 });
    expect(only(df, "Filter").metrics).toMatchObject({ rows: filtered, batches });
    expect(only(df, "LocalTableScan").metrics).toMatchObject({ rows: batches * BATCH, batches });
    expect(batches).toBeLessThan(N / BATCH);
  });

  it("keeps each operator's own time apart from its children's: own times add up to at most the run", async () => {
    const df = ordersDf.join(customersDf, "cust").groupBy("city").count();
    await df.collect();
    const p = df._lastProfile!;
    const all = nodes(p.root);
    const own = all.reduce((s, n) => s + n.metrics!.selfMs, 0);
    for (const n of all) {
      expect(n.metrics!.selfMs).toBeGreaterThanOrEqual(0);
      expect(n.metrics!.selfMs).toBeLessThanOrEqual(n.metrics!.totalMs + 1e-9);
    }
    // The root's total (children included) is the sum of every own time, and fits in the run.
    expect(Math.abs(p.root.metrics!.totalMs - own)).toBeLessThan(1e-6);
    expect(own).toBeLessThanOrEqual(p.wallMs + 1e-6);
  });

  it("records count() on the DataFrame it was called on, with the aggregate it ran on top", async () => {
    const df = ordersDf.filter(F.col("amount").leq(10));
    const n = await df.count();
    expect(n).toBe(orders.filter(([, , a]) => a <= 10).length);
    expect(df._lastProfile!.action).toBe("count");
    expect(df._lastProfile!.root.name).toBe("HashAggregate");
    expect(only(df, "Filter").metrics!.rows).toBe(n);
  });

  it("marks an operator that never ran (a cache already filled) as not run", async () => {
    const cached = ordersDf.filter(F.col("amount").gt(90)).cache();
    await cached.count();
    const again = cached.select("id");
    await again.collect();
    const filter = only(again, "Filter");
    expect(filter.metrics!.executions).toBe(0);
    expect(again.explainString("analyze")).toMatch(/Filter .*\[not run\]/);
  });

  it("keeps the profile of a failed action, showing how far it got", async () => {
    // The 150th value is not a number: ANSI cast fails in the second batch of 100.
    const strs = Array.from({ length: 300 }, (_, i) => [i === 149 ? "x" : String(i)]);
    const df = spark.createDataFrame(strs, "s STRING").select(F.col("s").cast("int").alias("n"));
    await expect(df.collect()).rejects.toThrow(/CAST_INVALID_INPUT/);
    expect(only(df, "Project").metrics).toMatchObject({ rows: BATCH, batches: 1 });
    expect(only(df, "LocalTableScan").metrics).toMatchObject({ rows: 2 * BATCH, batches: 2 });
    expect(df.explainString("analyze").split("\n")[2]).toMatch(/^It failed, so the counts show how far it got: \[CAST_INVALID_INPUT\]/);
  });
});

describe('explain("analyze") text', () => {
  it("prints the plan that ran, one numbered line per operator ending with its metrics", async () => {
    const df = ordersDf.filter(F.col("amount").gt(50)).join(customersDf, "cust").groupBy("city").count().orderBy("city");
    await captureStdout(() => df.show());
    const text = df.explainString("analyze");
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toBe("== Physical Plan (analyzed) ==");
    expect(lines[1]).toMatch(/^Last action: show, started \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC, [\d.]+ (ms|s) in total$/);
    const body = lines.slice(2, -1);
    expect(body.length).toBe(nodes(df._lastProfile!.root).length);
    body.forEach((l, i) => expect(l).toMatch(new RegExp(`^${i + 1}\\s+.*  \\[rows=\\d+, batches=\\d+, time=[\\d.]+ (ms|s)\\]$`)));
    expect(lines.at(-1)).toMatch(/^rows and batches: what each operator produced; time: spent in the operator itself/);
    // show() asks for 21 rows: the limit it added is part of the plan that ran.
    expect(text).toMatch(/Sort \[city ASC NULLS FIRST\] limit=21\s+\(pipeline breaker\)/);
    expect(text).toMatch(/\(probe\) Filter \(amount > 50\)/);
    expect(text).toMatch(/\(build\) LocalTableScan/);
    expect(text).toMatch(/HashJoin inner.*\(pipeline breaker\)/);
  });

  it("explain() prints it too, and the PySpark modes stay as they were", async () => {
    const df = ordersDf.filter(F.col("amount").gt(50));
    await df.collect();
    const out = await captureStdout(() => df.explain("analyze"));
    expect(out).toBe(df.explainString("analyze") + "\n");
    expect(df.explainString()).not.toContain("rows=");
    expect(df.explainString("formatted")).not.toContain("rows=");
    expect(df.explainString()).toMatch(/^== Physical Plan ==\n/);
  });

  it("asks for an action first when none has run on the DataFrame", () => {
    const df = ordersDf.select("id");
    let err: unknown;
    try {
      df.explain("analyze");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PijarError);
    expect((err as PijarError).errorClass).toBe("INVALID_ARGUMENT");
    expect((err as Error).message).toContain("no action has run on it yet");
    expect((err as Error).message).toContain("await df.show()");
    expect(() => df.planDiagram()).toThrow(/planDiagram\(\) shows the plan/);
  });
});
