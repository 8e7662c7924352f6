import { describe, expect, it } from "vitest";
import { parseQuery, parseStatement } from "../../src/sql/parser/index.js";
import type { QueryBody, Relation } from "../../src/sql/ast.js";
import { shape } from "./ast-shape.js";

/** Set-operation tree as text: (UNION ALL a b). Leaves show their first select item. */
function ops(b: QueryBody): string {
  switch (b.kind) {
    case "setOp": return `(${b.op}${b.all ? " ALL" : ""} ${ops(b.left)} ${ops(b.right)})`;
    case "select": {
      const e = b.items[0]!.expr;
      return e.kind === "literal" ? String(e.value) : e.kind;
    }
    case "nested": return `[${ops(b.query.body)}]`;
    default: return b.kind;
  }
}

function joins(r: Relation): string {
  switch (r.kind) {
    case "join": return `(${r.joinType}${r.natural ? " NATURAL" : ""}${r.comma ? " COMMA" : ""} ${joins(r.left)} ${joins(r.right)})`;
    case "table": return r.name.join(".") + (r.alias ? ` AS ${r.alias.name}` : "");
    case "subquery": return `(subquery)${r.alias ? ` AS ${r.alias.name}` : ""}`;
    case "values": return "values";
    case "tableFunction": return `${r.name.join(".")}()`;
  }
}

const select = (sql: string) => {
  const q = parseQuery(sql);
  if (q.body.kind !== "select") throw new Error("not a select");
  return q.body;
};

describe("SELECT", () => {
  it("items, aliases, DISTINCT, star", () => {
    const s = select("SELECT DISTINCT a, b AS c, d e, t.*, * FROM t");
    expect(s.distinct).toBe(true);
    expect(shape(s.items)).toEqual([
      { expr: { kind: "column", parts: ["a"] } },
      { expr: { kind: "column", parts: ["b"] }, alias: "c" },
      { expr: { kind: "column", parts: ["d"] }, alias: "e" },
      { expr: { kind: "star", target: ["t"] } },
      { expr: { kind: "star" } },
    ]);
  });
  it("WHERE, GROUP BY, HAVING, ORDER BY, LIMIT, OFFSET", () => {
    const q = parseQuery("SELECT a, count(*) FROM t WHERE b > 1 GROUP BY a, 2 HAVING count(*) > 1 ORDER BY a DESC NULLS FIRST, 2 LIMIT 10 OFFSET 5");
    const s = q.body;
    expect(s.kind).toBe("select");
    if (s.kind !== "select") return;
    expect(shape(s.where)).toMatchObject({ kind: "binary", op: ">" });
    expect(shape(s.groupBy)).toEqual({
      all: false,
      items: [{ kind: "expr", expr: { kind: "column", parts: ["a"] } }, { kind: "expr", expr: { kind: "literal", type: "int", value: 2 } }],
    });
    expect(shape(s.having)).toMatchObject({ kind: "binary", op: ">" });
    expect(shape(q.orderBy)).toEqual([
      { expr: { kind: "column", parts: ["a"] }, direction: "DESC", nulls: "FIRST" },
      { expr: { kind: "literal", type: "int", value: 2 } },
    ]);
    expect(shape(q.limit)).toMatchObject({ value: 10 });
    expect(shape(q.offset)).toMatchObject({ value: 5 });
  });
  it("GROUP BY ROLLUP, CUBE, GROUPING SETS, WITH ROLLUP, ALL", () => {
    expect(shape(select("SELECT a FROM t GROUP BY ROLLUP(a, (b, c))").groupBy!.items)).toEqual([
      { kind: "rollup", sets: [[{ kind: "column", parts: ["a"] }], [{ kind: "column", parts: ["b"] }, { kind: "column", parts: ["c"] }]] },
    ]);
    expect(shape(select("SELECT a FROM t GROUP BY CUBE(a), b").groupBy!.items)).toMatchObject([{ kind: "cube" }, { kind: "expr" }]);
    expect(shape(select("SELECT a FROM t GROUP BY GROUPING SETS ((a), (a, b), ())").groupBy!.items)).toEqual([
      { kind: "groupingSets", sets: [[{ kind: "column", parts: ["a"] }], [{ kind: "column", parts: ["a"] }, { kind: "column", parts: ["b"] }], []] },
    ]);
    expect(select("SELECT a FROM t GROUP BY a, b WITH ROLLUP").groupBy!.with).toBe("ROLLUP");
    expect(select("SELECT a FROM t GROUP BY ALL").groupBy!.all).toBe(true);
    expect(shape(select("SELECT 1 FROM t GROUP BY a, b GROUPING SETS ((a), (b))").groupBy!.items)).toMatchObject([
      { kind: "groupingSets", sets: [[{ parts: ["a"] }], [{ parts: ["b"] }]] },
    ]);
  });
  it("named windows", () => {
    const s = select("SELECT sum(a) OVER w FROM t WINDOW w AS (PARTITION BY b ORDER BY c)");
    expect(shape(s.windows)).toMatchObject([{ name: "w", spec: { partitionBy: [{ parts: ["b"] }] } }]);
  });
  it("SELECT without FROM, LIMIT ALL", () => {
    const q = parseQuery("SELECT 1 LIMIT ALL");
    expect(q.limit).toBeUndefined();
  });
});

describe("FROM and joins", () => {
  const from = (sql: string) => joins(select(sql).from!);
  it("all join types", () => {
    expect(from("SELECT * FROM a JOIN b ON a.x = b.x")).toBe("(INNER a b)");
    expect(from("SELECT * FROM a INNER JOIN b USING (x)")).toBe("(INNER a b)");
    expect(from("SELECT * FROM a LEFT JOIN b ON 1=1 LEFT OUTER JOIN c ON 1=1")).toBe("(LEFT (LEFT a b) c)");
    expect(from("SELECT * FROM a RIGHT OUTER JOIN b ON 1=1")).toBe("(RIGHT a b)");
    expect(from("SELECT * FROM a FULL JOIN b ON 1=1 FULL OUTER JOIN c ON 1=1")).toBe("(FULL (FULL a b) c)");
    expect(from("SELECT * FROM a LEFT SEMI JOIN b ON 1=1 SEMI JOIN c ON 1=1")).toBe("(LEFT SEMI (LEFT SEMI a b) c)");
    expect(from("SELECT * FROM a LEFT ANTI JOIN b ON 1=1 ANTI JOIN c ON 1=1")).toBe("(LEFT ANTI (LEFT ANTI a b) c)");
    expect(from("SELECT * FROM a CROSS JOIN b")).toBe("(CROSS a b)");
    expect(from("SELECT * FROM a NATURAL JOIN b")).toBe("(INNER NATURAL a b)");
    expect(from("SELECT * FROM a, b c, d")).toBe("(INNER COMMA (INNER COMMA a b AS c) d)");
  });
  it("ON and USING", () => {
    const s = select("SELECT * FROM a JOIN b USING (x, y)");
    expect(s.from!.kind === "join" && s.from!.using).toEqual(["x", "y"]);
    const s2 = select("SELECT * FROM a x JOIN b y ON x.k = y.k AND x.v > 1");
    expect(shape(s2.from)).toMatchObject({ on: { kind: "binary", op: "AND" }, left: { alias: { name: "x" } }, right: { alias: { name: "y" } } });
  });
  it("subqueries, VALUES and table functions with aliases", () => {
    expect(from("SELECT * FROM (SELECT 1) AS s")).toBe("(subquery) AS s");
    expect(from("SELECT * FROM (SELECT 1) s JOIN t ON true")).toBe("(INNER (subquery) AS s t)");
    const v = select("SELECT * FROM VALUES (1, 'a'), (2, 'b') AS t(a, b)").from!;
    expect(shape(v)).toEqual({
      kind: "values",
      rows: [[{ kind: "literal", type: "int", value: 1 }, { kind: "literal", type: "string", value: "a" }],
        [{ kind: "literal", type: "int", value: 2 }, { kind: "literal", type: "string", value: "b" }]],
      alias: { name: "t", columns: ["a", "b"] },
    });
    expect(shape(select("SELECT * FROM VALUES 1, 2").from)).toMatchObject({ rows: [[{ value: 1 }], [{ value: 2 }]] });
    expect(shape(select("SELECT * FROM range(10) r").from)).toMatchObject({ kind: "tableFunction", name: ["range"], alias: { name: "r" } });
    expect(shape(select("SELECT * FROM db.t").from)).toMatchObject({ kind: "table", name: ["db", "t"] });
  });
  it("clause keywords are not taken as aliases", () => {
    const s = select("SELECT a FROM t WHERE a > 1");
    expect(s.from).toMatchObject({ kind: "table" });
    expect((s.from as { alias?: unknown }).alias).toBeUndefined();
    expect(select("SELECT a FROM t LIMIT 1").items[0]!.alias).toBeUndefined();
  });
});

describe("LATERAL VIEW, CLUSTER BY, DISTRIBUTE BY", () => {
  it("lateral views", () => {
    const s = select("SELECT id, x FROM t LATERAL VIEW OUTER explode(arr) e AS x LATERAL VIEW posexplode(m) p AS pos, v");
    expect(shape(s.lateralViews)).toEqual([
      { outer: true, generator: { kind: "function", name: ["explode"], args: [{ kind: "column", parts: ["arr"] }], distinct: false }, table: "e", columns: ["x"] },
      { outer: false, generator: { kind: "function", name: ["posexplode"], args: [{ kind: "column", parts: ["m"] }], distinct: false }, table: "p", columns: ["pos", "v"] },
    ]);
    expect(select("SELECT * FROM t LATERAL VIEW explode(arr) e").lateralViews[0]!.columns).toEqual([]);
  });
  it("PIVOT", () => {
    const s = select("SELECT * FROM t PIVOT (sum(qty) AS total, count(*) FOR branch IN ('A' AS a, 'B'))");
    expect(shape(s.pivot)).toEqual({
      aggregates: [
        { expr: { kind: "function", name: ["sum"], args: [{ kind: "column", parts: ["qty"] }], distinct: false }, alias: "total" },
        { expr: { kind: "function", name: ["count"], args: [{ kind: "star" }], distinct: false } },
      ],
      column: { kind: "column", parts: ["branch"] },
      values: [{ expr: { kind: "literal", type: "string", value: "A" }, alias: "a" }, { expr: { kind: "literal", type: "string", value: "B" } }],
    });
  });
  it("CLUSTER BY sorts; DISTRIBUTE BY is read and ignored", () => {
    expect(shape(parseQuery("SELECT a FROM t CLUSTER BY a").orderBy)).toEqual([{ expr: { kind: "column", parts: ["a"] } }]);
    expect(parseQuery("SELECT a FROM t DISTRIBUTE BY a").orderBy).toEqual([]);
    expect(parseQuery("SELECT a FROM t DISTRIBUTE BY a SORT BY a DESC").orderBy[0]!.direction).toBe("DESC");
  });
});

describe("set operations and CTEs", () => {
  const body = (sql: string) => ops(parseQuery(sql).body);
  it("INTERSECT binds tighter than UNION / EXCEPT; left associative", () => {
    expect(body("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3")).toBe("(UNION 1 (INTERSECT 2 3))");
    expect(body("SELECT 1 UNION ALL SELECT 2 EXCEPT SELECT 3")).toBe("(EXCEPT (UNION ALL 1 2) 3)");
    expect(body("SELECT 1 MINUS SELECT 2")).toBe("(EXCEPT 1 2)");
    expect(body("SELECT 1 UNION DISTINCT SELECT 2")).toBe("(UNION 1 2)");
    expect(body("SELECT 1 INTERSECT ALL SELECT 2 EXCEPT ALL SELECT 3")).toBe("(EXCEPT ALL (INTERSECT ALL 1 2) 3)");
  });
  it("parenthesized queries keep their own ORDER BY / LIMIT; the outer ORDER BY applies to the whole", () => {
    const q = parseQuery("(SELECT 1) UNION (SELECT 2 ORDER BY 1 LIMIT 1) ORDER BY 1");
    expect(ops(q.body)).toBe("(UNION [1] [2])");
    expect(q.orderBy).toHaveLength(1);
    // The inner LIMIT 1 belongs to the right-hand parenthesized query.
    expect(q.body.kind === "setOp" && q.body.right.kind === "nested" ? q.body.right.query.limit : null).toMatchObject({ kind: "literal", value: 1 });
  });
  it("WITH several CTEs", () => {
    const q = parseQuery("WITH a AS (SELECT 1 x), b (y) AS (SELECT x + 1 FROM a) SELECT * FROM b");
    expect(q.ctes.map((c) => c.name)).toEqual(["a", "b"]);
    expect(q.ctes[1]!.columns).toEqual(["y"]);
  });
  it("VALUES and TABLE as queries", () => {
    expect(shape(parseQuery("VALUES (1, 'a'), (2, 'b')").body)).toMatchObject({ kind: "values", rows: [[{ value: 1 }, { value: "a" }], [{}, {}]] });
    expect(shape(parseQuery("TABLE t").body)).toEqual({ kind: "table", name: ["t"] });
  });
});

describe("statements", () => {
  it("plain queries, with a trailing semicolon", () => {
    expect(parseStatement("SELECT 1;").kind).toBe("query");
  });
  it("CREATE [OR REPLACE] [GLOBAL] TEMP VIEW", () => {
    const sql = "CREATE OR REPLACE TEMPORARY VIEW v (a COMMENT 'first', b) AS SELECT 1, 2";
    const s = parseStatement(sql);
    expect(shape(s)).toMatchObject({
      kind: "createView", name: ["v"], replace: true, temporary: true, global: false, ifNotExists: false,
      columns: [{ name: "a", comment: "first" }, { name: "b" }], queryText: "SELECT 1, 2",
    });
    expect(shape(parseStatement("CREATE GLOBAL TEMP VIEW g AS SELECT 1"))).toMatchObject({
      global: true, temporary: true, ifNotExists: false, replace: false,
    });
    expect(shape(parseStatement("CREATE VIEW p AS SELECT 1"))).toMatchObject({ temporary: false });
  });
  it("rejects IF NOT EXISTS on temp views and qualified temp view names (PySpark 4.0.1 texts)", () => {
    expect(() => parseStatement("CREATE TEMPORARY VIEW IF NOT EXISTS v AS SELECT 1")).toThrow(
      "\nIt is not allowed to define a TEMPORARY view with IF NOT EXISTS.\n== SQL (line 1, position 1) ==\nCREATE TEMPORARY VIEW IF NOT EXISTS v AS SELECT 1\n^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n",
    );
    expect(() => parseStatement("CREATE TEMP VIEW a.b AS SELECT 1")).toThrow(
      "\n[TEMP_VIEW_NAME_TOO_MANY_NAME_PARTS] CREATE TEMPORARY VIEW or the corresponding Dataset APIs only accept single-part view names, but got: `a`.`b`. SQLSTATE: 428EK\n== SQL (line 1, position 1) ==\nCREATE TEMP VIEW a.b AS SELECT 1\n^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n",
    );
  });
  it("DROP VIEW / TABLE", () => {
    expect(shape(parseStatement("DROP VIEW IF EXISTS v"))).toEqual({ kind: "dropView", name: ["v"], ifExists: true, table: false });
    expect(shape(parseStatement("DROP TABLE global_temp.v"))).toEqual({ kind: "dropView", name: ["global_temp", "v"], ifExists: false, table: true });
  });
  it("SHOW TABLES", () => {
    expect(shape(parseStatement("SHOW TABLES"))).toEqual({ kind: "showTables" });
    expect(shape(parseStatement("SHOW TABLES IN global_temp LIKE 't*'"))).toEqual({ kind: "showTables", database: ["global_temp"], pattern: "t*" });
    expect(shape(parseStatement("SHOW TABLES 't*'"))).toEqual({ kind: "showTables", pattern: "t*" });
  });
  it("DESCRIBE", () => {
    expect(shape(parseStatement("DESCRIBE TABLE v"))).toEqual({ kind: "describe", name: ["v"], extended: false });
    expect(shape(parseStatement("DESC EXTENDED v"))).toEqual({ kind: "describe", name: ["v"], extended: true });
  });
  it("SET", () => {
    expect(shape(parseStatement("SET"))).toEqual({ kind: "set" });
    expect(shape(parseStatement("SET spark.sql.shuffle.partitions"))).toEqual({ kind: "set", key: "spark.sql.shuffle.partitions" });
    expect(shape(parseStatement("SET spark.sql.session.timeZone = Asia/Jakarta;"))).toEqual({
      kind: "set", key: "spark.sql.session.timeZone", value: "Asia/Jakarta",
    });
  });
  it("EXPLAIN", () => {
    expect(shape(parseStatement("EXPLAIN SELECT 1"))).toMatchObject({ kind: "explain", mode: "SIMPLE", statement: { kind: "query" } });
    expect(shape(parseStatement("EXPLAIN FORMATTED SELECT 1"))).toMatchObject({ mode: "FORMATTED" });
    expect(shape(parseStatement("EXPLAIN EXTENDED SELECT 1"))).toMatchObject({ mode: "EXTENDED" });
  });
});
