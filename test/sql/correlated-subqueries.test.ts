/**
 * Correlated subqueries: the machinery under the conformance files' results (those come from
 * PySpark, in test/conformance). Here: outer references are found and bound, a subquery the
 * front end cannot turn into a join becomes an ApplySubquery node that explain() shows, and it
 * runs once per distinct outer value however many outer rows share it.
 */
import { describe, expect, it } from "vitest";
import { SparkSession } from "../../src/index.js";
import "../../src/sql/index.js";
import type { ApplySubquery, LogicalPlan } from "../../src/plan/logical/plan.js";
import { collectPlans } from "../../src/plan/logical/tree.js";
import { bindOuterValues, outerReferences } from "../../src/plan/logical/outer-refs.js";
import { optimize } from "../../src/optimizer/optimizer.js";
import { planPhysical } from "../../src/physical/planner.js";
import { ApplySubqueryExec } from "../../src/physical/operators/apply-subquery.js";
import { runJob } from "../../src/execution/jobs.js";
import { BATCH_SIZE, type Batch } from "../../src/columnar/batch.js";
import { integerType } from "../../src/types/data-types.js";

const spark = SparkSession.builder.getOrCreate().newSession();
spark.sql("CREATE OR REPLACE TEMP VIEW o(k, v) AS VALUES (1, 10), (1, 11), (2, 20), (2, 21), (2, 22), (3, 30)");
spark.sql("CREATE OR REPLACE TEMP VIEW i(k, w) AS VALUES (1, 5), (2, 6), (2, 7)");

const applies = (p: LogicalPlan) => collectPlans(p, (x): x is ApplySubquery => x.kind === "apply_subquery");

describe("correlated scalar subqueries", () => {
  // GROUP BY inside keeps it from the LEFT-join rewrite: it runs per outer value.
  const sql = "SELECT k, v, (SELECT max(w) FROM i WHERE i.k = o.k GROUP BY i.k) m FROM o";

  it("finds the outer references of the subquery plan", () => {
    const df = spark.sql(sql);
    const sub = collectPlans(df.plan, (x): x is LogicalPlan => x.kind === "project")
      .flatMap((p) => (p.kind === "project" ? p.exprs : []))
      .map((e) => (e.kind === "alias" ? e.child : e))
      .find((e) => e.kind === "subquery");
    expect(sub?.kind).toBe("subquery");
    if (sub?.kind !== "subquery") return;
    expect(outerReferences(sub.plan).map((a) => a.name)).toEqual(["k"]);
    // Bound to a value, the plan reads nothing from outside any more.
    const bound = bindOuterValues(sub.plan, new Map([[sub.outerRefs![0]!.id, { kind: "literal", value: 2, dataType: integerType }]]));
    expect(outerReferences(bound)).toEqual([]);
  });

  it("is planned as an ApplySubquery that explain() shows with its subquery", () => {
    const text = spark.sql(sql).explainString("extended");
    expect(text).toMatch(/ApplySubquery scalar \[outer: k\] AS scalarsubquery\(k\)/);
    expect(text).toMatch(/ApplySubquery scalar AS scalarsubquery\(k\), runs once per distinct \[k\]/);
    expect(text).toMatch(/Aggregate \[k\], \[max\(w\)\]/);
  });

  it("runs the subquery once per distinct outer value", async () => {
    const optimized = optimize(spark.sql(sql).plan, spark._buildContext().fn);
    const [node] = applies(optimized);
    expect(node).toBeDefined();
    let runs = 0;
    const exec = new ApplySubqueryExec(node!.output, planPhysical(node!.child), node!, [node!.child.output.findIndex((a) => a.id === node!.outerRefs[0]!.id)], [], (p) => {
      runs++;
      return planPhysical(p);
    });
    const batches = await runJob("test", async (job) => {
      const out: Batch[] = [];
      for await (const b of exec.execute({ fn: spark._buildContext().fn, job, batchSize: BATCH_SIZE })) out.push(b);
      return out;
    });
    expect(batches.reduce((n, b) => n + b.numRows, 0)).toBe(6);
    expect(runs).toBe(3);
  });

  it("a simple correlated aggregate is still a LEFT join on the grouped subquery", () => {
    const p = optimize(spark.sql("SELECT k, (SELECT max(w) FROM i WHERE i.k = o.k) FROM o").plan, spark._buildContext().fn);
    expect(applies(p)).toEqual([]);
    expect(collectPlans(p, (x): x is LogicalPlan => x.kind === "join").map((j) => (j.kind === "join" ? j.joinType : ""))).toEqual(["left"]);
  });

  it("says which rule to switch back on when rewrite_subqueries is excluded", async () => {
    const s = spark.newSession();
    s.sql("CREATE OR REPLACE TEMP VIEW o(k) AS VALUES (1)");
    s.conf.set("spark.pijar.optimizer.excludedRules", "rewrite_subqueries");
    await expect(s.sql("SELECT (SELECT k + 1) FROM o").collect()).rejects.toThrow(/Remove rewrite_subqueries from spark.pijar.optimizer.excludedRules/);
  });
});
