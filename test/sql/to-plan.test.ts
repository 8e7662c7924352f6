/**
 * SQL -> logical plan. Plans are compared through a printed form (node kinds, expression
 * names, output columns) so attribute ids do not matter; where a DataFrame-API equivalent
 * exists, both are built and must print the same.
 */
import { beforeEach, describe, expect, it } from "vitest";
import "../../src/functions/index.js";
import { sqlExpression, sqlSelectItem, sqlStatement, type SqlCatalog, type SqlContext } from "../../src/sql/to-plan/index.js";
import type { LogicalPlan } from "../../src/plan/logical/plan.js";
import { planChildren } from "../../src/plan/logical/plan.js";
import { exprName } from "../../src/plan/expr/sql-text.js";
import { alias, call, literal, unresolvedAttr } from "../../src/plan/expr/expr.js";
import { buildAggregate, buildFilter, buildProject, buildSort, buildLimit } from "../../src/plan/builder/index.js";
import { integerType } from "../../src/types/data-types.js";
import { PijarError } from "../../src/errors/pijar-error.js";
import { Column } from "../../src/api/column.js";

function print(p: LogicalPlan, ind = ""): string {
  let extra = "";
  switch (p.kind) {
    case "project": extra = p.exprs.map(exprName).join(", "); break;
    case "filter": extra = exprName(p.condition); break;
    case "aggregate": extra = `[${p.groupBy.map(exprName).join(", ")}] [${p.aggs.map(exprName).join(", ")}] ${JSON.stringify(p.groupingSets)}`; break;
    case "join": extra = `${p.joinType} ${p.condition ? exprName(p.condition) : ""}`; break;
    case "sort": extra = p.orders.map(exprName).join(", "); break;
    case "limit": extra = `${p.limit} ${p.offset}`; break;
    case "subquery_alias": extra = p.alias; break;
    case "window": extra = p.windowExprs.map(exprName).join(", "); break;
    case "range": extra = `${p.start} ${p.end} ${p.step}`; break;
    case "set_op": extra = `${p.op} ${p.all}`; break;
  }
  const out = p.output.map((a) => `${a.name}:${a.dataType.simpleString()}`).join(", ");
  return `${ind}${p.kind} ${extra} -> ${out}\n` + planChildren(p).map((c) => print(c, ind + "  ")).join("");
}

let views: Map<string, LogicalPlan>;
let ctx: SqlContext;

beforeEach(() => {
  views = new Map();
  const catalog: SqlCatalog = {
    lookupRelation: (n) => views.get(n.join(".").toLowerCase()),
    createTempView: (name, plan, o) => {
      if (views.has(name.toLowerCase()) && !o.replace) {
        throw new PijarError("TEMP_TABLE_OR_VIEW_ALREADY_EXISTS", { relationName: "`" + name + "`" });
      }
      views.set((o.global ? "global_temp." : "") + name.toLowerCase(), plan);
    },
    viewExists: (n, g) => views.has((g ? "global_temp." : "") + n.toLowerCase()),
    dropTempView: (n) => views.delete(n.join(".").toLowerCase()),
    listTables: () => [...views.keys()].map((k) => ({ namespace: "", tableName: k, isTemporary: true })),
  };
  ctx = { build: { fn: { timeZone: "UTC", ansi: true, nowMicros: 0 } }, catalog };
  sqlStatement("CREATE TEMP VIEW sales AS VALUES (1, 'A', 10), (2, 'B', 20), (3, 'A', 5) AS sales(id, branch, qty)", ctx);
});

const plan = (sql: string) => sqlStatement(sql, ctx).plan;
const columns = (sql: string) => plan(sql).output.map((a) => `${a.name}:${a.dataType.simpleString()}`);
const view = () => views.get("sales")!;
const b = () => ctx.build;

describe("SQL and DataFrame forms build the same plan", () => {
  it("filter + select", () => {
    const sql = plan("SELECT id, qty * 2 AS dbl FROM sales WHERE qty > 5");
    const df = buildProject(
      buildFilter(view(), call(">", [unresolvedAttr("qty"), literal(5, integerType)]), b()),
      [unresolvedAttr("id"), alias(call("*", [unresolvedAttr("qty"), literal(2, integerType)]), "dbl")], b(),
    );
    expect(print(sql)).toBe(print(df));
  });

  it("groupBy + agg + orderBy + limit", () => {
    const sql = plan("SELECT branch, sum(qty) AS total FROM sales GROUP BY branch ORDER BY total DESC LIMIT 1");
    const agg = buildAggregate(view(), [unresolvedAttr("branch")], [unresolvedAttr("branch"), alias(call("sum", [unresolvedAttr("qty")]), "total")], null, b());
    const df = buildLimit(buildSort(agg, [{ kind: "sort", child: unresolvedAttr("total"), ascending: false, nullsFirst: false }], b()), 1);
    expect(print(sql)).toBe(print(df));
  });

  it("df.filter(string) and selectExpr give the Column API's expressions", () => {
    const col = (n: string) => Column.of(n);
    const viaColumns = col("quantity").gt(5).and(col("b").equalTo("x").not()).expr;
    expect(sqlExpression("quantity > 5 AND NOT (b = 'x')", ctx)).toEqual(viaColumns);
    expect(sqlExpression("a IS NULL OR a != 1", ctx)).toEqual(col("a").isNull().or(col("a").notEqual(1)).expr);
    expect(exprName(sqlSelectItem("qty * 2 AS dbl", ctx))).toBe("dbl");
    const e = sqlSelectItem("qty * 2 AS dbl", ctx);
    expect(e.kind === "alias" && e.child).toEqual(col("qty").multiply(2).expr);
  });
});

describe("queries", () => {
  it("SELECT * from a view keeps its columns", () => {
    expect(columns("SELECT * FROM sales")).toEqual(["id:int", "branch:string", "qty:int"]);
  });
  it("VALUES names columns col1.. unless aliased", () => {
    expect(columns("VALUES (1, 'a'), (2, 'b')")).toEqual(["col1:int", "col2:string"]);
    expect(columns("SELECT * FROM VALUES 1, 2 AS t(x)")).toEqual(["x:int"]);
  });
  it("SELECT without FROM", () => {
    expect(columns("SELECT 1 AS one, 'x'")).toEqual(["one:int", "x:string"]);
  });
  it("typed literals", () => {
    expect(columns("SELECT DATE '2024-01-02', 10L, 1.5, 1.5D, X'0A'")).toEqual([
      "DATE '2024-01-02':date", "10:bigint", "1.5:decimal(2,1)", "1.5:double", "X'0A':binary",
    ]);
  });
  it("ORDER BY a column that is not selected", () => {
    const p = plan("SELECT id FROM sales ORDER BY qty DESC");
    expect(p.output.map((a) => a.name)).toEqual(["id"]);
    expect(print(p)).toContain("sort ");
  });
  it("ORDER BY ordinal", () => {
    expect(print(plan("SELECT id, qty FROM sales ORDER BY 2 DESC"))).toContain("sort qty DESC NULLS LAST");
    expect(() => plan("SELECT id FROM sales ORDER BY 3")).toThrow(/ORDER_BY_POS_OUT_OF_RANGE/);
  });
  it("GROUP BY ordinal and alias; HAVING with an aggregate not selected", () => {
    expect(print(plan("SELECT branch, count(*) FROM sales GROUP BY 1"))).toContain("aggregate [branch] [branch, count(1)] null");
    expect(print(plan("SELECT branch AS b, count(*) FROM sales GROUP BY b"))).toContain("aggregate [branch] [b, count(1)] null");
    const p = plan("SELECT branch FROM sales GROUP BY branch HAVING sum(qty) > 10");
    expect(p.output.map((a) => a.name)).toEqual(["branch"]);
    expect(print(p)).toContain("filter (__pijar_hidden_0 > 10)");
  });
  it("ROLLUP, CUBE, GROUPING SETS, WITH ROLLUP", () => {
    expect(print(plan("SELECT branch, sum(qty) FROM sales GROUP BY ROLLUP(branch, id)"))).toContain("[[0,1],[0],[]]");
    expect(print(plan("SELECT branch, sum(qty) FROM sales GROUP BY branch, id WITH ROLLUP"))).toContain("[[0,1],[0],[]]");
    expect(print(plan("SELECT branch, sum(qty) FROM sales GROUP BY CUBE(branch, id)"))).toContain("[[0,1],[0],[1],[]]");
    expect(print(plan("SELECT branch, sum(qty) FROM sales GROUP BY GROUPING SETS ((branch), ())"))).toContain("[[0],[]]");
  });
  it("MISSING_AGGREGATION", () => {
    expect(() => plan("SELECT branch, qty FROM sales GROUP BY branch")).toThrow(/MISSING_AGGREGATION/);
  });
  it("joins", () => {
    expect(print(plan("SELECT a.id, b.qty FROM sales a JOIN sales b ON a.id = b.id"))).toContain("join inner (id = id)");
    expect(print(plan("SELECT * FROM sales a LEFT JOIN sales b ON a.id = b.id"))).toContain("join left");
    expect(print(plan("SELECT * FROM sales a LEFT ANTI JOIN sales b ON a.id = b.id"))).toContain("join left_anti");
    expect(columns("SELECT * FROM sales JOIN sales s2 USING (id)")).toEqual(["id:int", "branch:string", "qty:int", "branch:string", "qty:int"]);
    expect(print(plan("SELECT * FROM sales a CROSS JOIN sales b"))).toContain("join cross");
    expect(print(plan("SELECT * FROM sales a, sales b WHERE a.id = b.id"))).toContain("join inner");
  });
  it("set operations", () => {
    expect(print(plan("SELECT 1 UNION SELECT 2"))).toMatch(/^deduplicate/);
    expect(print(plan("SELECT 1 UNION ALL SELECT 2"))).toMatch(/^union/);
    expect(print(plan("SELECT id FROM sales INTERSECT SELECT id FROM sales"))).toMatch(/^set_op intersect false/);
    expect(print(plan("SELECT id FROM sales EXCEPT ALL SELECT id FROM sales"))).toMatch(/^set_op except true/);
  });
  it("CTEs see earlier CTEs", () => {
    expect(columns("WITH a AS (SELECT id, qty FROM sales), b AS (SELECT id + 1 AS id2 FROM a) SELECT * FROM b")).toEqual(["id2:int"]);
  });
  it("window functions and named windows", () => {
    const p = plan("SELECT id, sum(qty) OVER w AS s FROM sales WINDOW w AS (PARTITION BY branch ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)");
    expect(print(p)).toContain("window sum(qty) OVER (PARTITION BY branch ORDER BY id ASC NULLS FIRST ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)");
  });
  it("subqueries", () => {
    // IN / EXISTS in WHERE become semi / anti joins (null-aware for NOT IN), as Spark plans them.
    expect(print(plan("SELECT * FROM sales WHERE id IN (SELECT id FROM sales WHERE qty > 10)"))).toContain("join left_semi (id = id)");
    expect(print(plan("SELECT * FROM sales WHERE id NOT IN (SELECT id FROM sales)"))).toContain("join left_anti ((id = id) OR ((id = id) IS NULL))");
    expect(print(plan("SELECT * FROM sales s WHERE EXISTS (SELECT 1 FROM sales t WHERE t.qty > s.qty)"))).toContain("join left_semi (qty > qty)");
    expect(print(plan("SELECT * FROM sales WHERE qty > 1 OR id IN (SELECT 1)"))).toContain("listquery()");
    expect(columns("SELECT (SELECT max(qty) FROM sales) AS m")).toEqual(["m:int"]);
  });
  it("range() in FROM and LIMIT / OFFSET", () => {
    expect(columns("SELECT * FROM range(3)")).toEqual(["id:bigint"]);
    expect(print(plan("SELECT id FROM sales LIMIT 2 OFFSET 1"))).toMatch(/^limit 2 1/);
  });
  it("parameters", () => {
    const p = sqlStatement("SELECT * FROM sales WHERE qty > :min", { ...ctx, args: { min: 5 } }).plan;
    expect(print(p)).toContain("filter (qty > 5)");
    expect(() => plan("SELECT :x")).toThrow(/UNBOUND_SQL_PARAMETER/);
  });
  it("unknown tables and columns", () => {
    expect(() => plan("SELECT * FROM nope")).toThrow(/TABLE_OR_VIEW_NOT_FOUND.*`nope`/);
    expect(() => plan("SELECT nope FROM sales")).toThrow(/UNRESOLVED_COLUMN/);
  });
});

describe("statements", () => {
  it("CREATE / REPLACE / DROP VIEW", () => {
    expect(sqlStatement("CREATE TEMP VIEW v AS SELECT id FROM sales", ctx).command).toBe(true);
    expect(() => sqlStatement("CREATE TEMP VIEW v AS SELECT 1", ctx)).toThrow(/TEMP_TABLE_OR_VIEW_ALREADY_EXISTS/);
    expect(views.get("v")!.output.map((a) => a.name)).toEqual(["id"]);
    sqlStatement("CREATE OR REPLACE TEMP VIEW v (x) AS SELECT 1", ctx);
    expect(views.get("v")!.output.map((a) => a.name)).toEqual(["x"]);
    sqlStatement("DROP VIEW v", ctx);
    expect(views.has("v")).toBe(false);
    expect(() => sqlStatement("DROP VIEW v", ctx)).toThrow(/TABLE_OR_VIEW_NOT_FOUND.*`spark_catalog`.`default`.`v`/);
    sqlStatement("DROP VIEW IF EXISTS v", ctx);
  });
  it("global temp views", () => {
    sqlStatement("CREATE GLOBAL TEMP VIEW g AS SELECT 1 AS one", ctx);
    expect(columns("SELECT * FROM global_temp.g")).toEqual(["one:int"]);
  });
  it("SHOW TABLES and DESCRIBE have PySpark's columns", () => {
    expect(columns("SHOW TABLES")).toEqual(["namespace:string", "tableName:string", "isTemporary:boolean"]);
    expect(columns("DESCRIBE sales")).toEqual(["col_name:string", "data_type:string", "comment:string"]);
    expect(columns("EXPLAIN SELECT 1")).toEqual(["plan:string"]);
  });
});
