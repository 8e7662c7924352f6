import { describe, expect, it } from "vitest";
import { parseExpression, parseExpressionList, parseNamedExpression, parseTableIdentifier } from "../../src/sql/parser/index.js";
import type { Expr } from "../../src/sql/ast.js";
import { shape } from "./ast-shape.js";

/** A compact S-expression view of an expression, for precedence tests. */
function sexp(e: Expr): string {
  switch (e.kind) {
    case "binary": return `(${e.op} ${sexp(e.left)} ${sexp(e.right)})`;
    case "unary": return `(${e.op} ${sexp(e.arg)})`;
    case "column": return e.parts.join(".");
    case "literal": return String(e.value);
    case "between": return `(${e.negated ? "NOT " : ""}BETWEEN ${sexp(e.arg)} ${sexp(e.lower)} ${sexp(e.upper)})`;
    case "isNull": return `(IS ${e.negated ? "NOT " : ""}NULL ${sexp(e.arg)})`;
    case "inList": return `(${e.negated ? "NOT " : ""}IN ${sexp(e.arg)} ${e.list.map(sexp).join(" ")})`;
    case "like": return `(${e.negated ? "NOT " : ""}${e.op} ${sexp(e.arg)} ${sexp(e.pattern)})`;
    case "function": return `${e.name.join(".")}(${e.args.map(sexp).join(", ")})`;
    case "cast": return `CAST(${sexp(e.arg)} AS ${e.typeText})`;
    case "subscript": return `${sexp(e.base)}[${sexp(e.index)}]`;
    case "field": return `${sexp(e.base)}.${e.field}`;
    default: return e.kind;
  }
}
const p = (s: string) => sexp(parseExpression(s));

describe("operator precedence (as Spark names the columns)", () => {
  it("arithmetic, concat and bitwise levels", () => {
    // Spark: SELECT 1 + 2 * 3 || 'x' -> concat((1 + (2 * 3)), x)
    expect(p("1 + 2 * 3 || 'x'")).toBe("(|| (+ 1 (* 2 3)) x)");
    // ((3 & 5) | (2 ^ 1))
    expect(p("3 & 5 | 2 ^ 1")).toBe("(| (& 3 5) (^ 2 1))");
    expect(p("a << 1 + 2")).toBe("(<< a (+ 1 2))");
    expect(p("5 div 2 * 3")).toBe("(* (DIV 5 2) 3)");
  });
  it("comparison is left associative and binds looser than arithmetic", () => {
    expect(p("1 = 1 = true")).toBe("(= (= 1 1) true)");
    expect(p("a + 1 > b * 2")).toBe("(> (+ a 1) (* b 2))");
  });
  it("NOT binds looser than comparison, tighter than AND; AND tighter than OR", () => {
    expect(p("NOT 1 = 2 AND false")).toBe("(AND (NOT (= 1 2)) false)");
    expect(p("a OR b AND c")).toBe("(OR a (AND b c))");
    expect(p("!a")).toBe("(NOT a)");
  });
  it("predicates apply to a whole comparison", () => {
    expect(p("1 = 1 IS NULL")).toBe("(IS NULL (= 1 1))");
    expect(p("2 + 3 = 5 BETWEEN false AND true")).toBe("(BETWEEN (= (+ 2 3) 5) false true)");
    expect(p("a NOT BETWEEN 1 AND 2 AND b")).toBe("(AND (NOT BETWEEN a 1 2) b)");
  });
  it("unary minus on a number is a negative literal; on other things an operator", () => {
    expect(shape(parseExpression("-2147483648"))).toEqual({ kind: "literal", type: "int", value: -2147483648 });
    expect(p("- 1 + 2")).toBe("(+ -1 2)");
    expect(p("-a * b")).toBe("(* (- a) b)");
    expect(p("~5")).toBe("(~ 5)");
  });
  it("!< and !> are >= and <=", () => {
    expect(p("1 !< 2")).toBe("(>= 1 2)");
  });
});

describe("literals", () => {
  const lit = (s: string) => shape(parseExpression(s));
  it("types numbers as Spark does", () => {
    expect(lit("1")).toEqual({ kind: "literal", type: "int", value: 1 });
    expect(lit("2147483648")).toEqual({ kind: "literal", type: "bigint", value: 2147483648n });
    expect(lit("10L")).toEqual({ kind: "literal", type: "bigint", value: 10n });
    expect(lit("9223372036854775808")).toEqual({ kind: "literal", type: "decimal", value: "9223372036854775808", precision: 19, scale: 0 });
    expect(lit("5S")).toEqual({ kind: "literal", type: "smallint", value: 5 });
    expect(lit("5Y")).toEqual({ kind: "literal", type: "tinyint", value: 5 });
    expect(lit("1.5")).toEqual({ kind: "literal", type: "decimal", value: "1.5", precision: 2, scale: 1 });
    expect(lit(".5")).toEqual({ kind: "literal", type: "decimal", value: "0.5", precision: 1, scale: 1 });
    expect(lit("1.")).toEqual({ kind: "literal", type: "decimal", value: "1", precision: 1, scale: 0 });
    expect(lit("0.00")).toEqual({ kind: "literal", type: "decimal", value: "0.00", precision: 2, scale: 2 });
    expect(lit("1E-2BD")).toEqual({ kind: "literal", type: "decimal", value: "0.01", precision: 2, scale: 2 });
    expect(lit("1.0E10BD")).toEqual({ kind: "literal", type: "decimal", value: "10000000000", precision: 11, scale: 0 });
    expect(lit("1.5D")).toEqual({ kind: "literal", type: "double", value: 1.5 });
    expect(lit("1e3")).toEqual({ kind: "literal", type: "double", value: 1000 });
    expect(lit("1.5F")).toEqual({ kind: "literal", type: "float", value: 1.5 });
  });
  it("concatenates adjacent strings; a doubled quote is one quote (PySpark 4.3)", () => {
    expect(lit("'a' 'b'")).toEqual({ kind: "literal", type: "string", value: "ab" });
    expect(lit(`"dq" 'x'`)).toEqual({ kind: "literal", type: "string", value: "dqx" });
    // PySpark 4.3: SELECT 'it''s', "a""b", '''', 'a''' 'b', r'it''s' -> it's, a"b, ', a'b, its
    expect(lit("'it''s'")).toEqual({ kind: "literal", type: "string", value: "it's" });
    expect(lit(`"a""b"`)).toEqual({ kind: "literal", type: "string", value: 'a"b' });
    expect(lit("''''")).toEqual({ kind: "literal", type: "string", value: "'" });
    expect(lit("'a''' 'b'")).toEqual({ kind: "literal", type: "string", value: "a'b" });
    expect(lit("r'it''s'")).toEqual({ kind: "literal", type: "string", value: "its" });
  });
  it("reads typed literals", () => {
    expect(lit("DATE '2024-01-01'")).toEqual({ kind: "literal", type: "date", value: "2024-01-01" });
    expect(lit("TIMESTAMP '2024-01-01 10:00:00'")).toEqual({ kind: "literal", type: "timestamp", value: "2024-01-01 10:00:00" });
    expect(lit("TIMESTAMP_NTZ '2024-01-01'")).toEqual({ kind: "literal", type: "timestamp_ntz", value: "2024-01-01" });
    expect(lit("X'0AFF'")).toEqual({ kind: "literal", type: "binary", value: [10, 255] });
    expect(lit("NULL")).toEqual({ kind: "literal", type: "null", value: null });
    expect(lit("true")).toEqual({ kind: "literal", type: "boolean", value: true });
  });
  it("reads intervals", () => {
    expect(lit("INTERVAL '1' DAY")).toEqual({ kind: "interval", parts: [{ value: "1", unit: "DAY" }] });
    expect(lit("INTERVAL 3 DAYS")).toEqual({ kind: "interval", parts: [{ value: "3", unit: "DAY" }] });
    expect(lit("INTERVAL -3 DAYS")).toEqual({ kind: "interval", parts: [{ value: "-3", unit: "DAY" }] });
    expect(lit("INTERVAL 1 HOUR 30 MINUTES")).toEqual({
      kind: "interval", parts: [{ value: "1", unit: "HOUR" }, { value: "30", unit: "MINUTE" }],
    });
    expect(lit("INTERVAL '1-2' YEAR TO MONTH")).toEqual({ kind: "interval", parts: [{ value: "1-2", unit: "YEAR" }], toUnit: "MONTH" });
    expect(lit("INTERVAL '1 day 2 hours'")).toEqual({ kind: "interval", parts: [], text: "1 day 2 hours" });
  });
  it("reads parameter markers in order", () => {
    const e = parseExpression("a = ? AND b = :name AND c = ?");
    expect(JSON.stringify(shape(e))).toContain('{"kind":"param","index":0}');
    expect(JSON.stringify(shape(e))).toContain('{"kind":"param","name":"name"}');
    expect(JSON.stringify(shape(e))).toContain('{"kind":"param","index":1}');
  });
});

describe("primary expressions", () => {
  it("column paths, star, subscripts and fields", () => {
    expect(shape(parseExpression("t.a.b"))).toEqual({ kind: "column", parts: ["t", "a", "b"] });
    expect(shape(parseExpression("`a.b`.c"))).toEqual({ kind: "column", parts: ["a.b", "c"] });
    expect(shape(parseExpression("t.*"))).toEqual({ kind: "star", target: ["t"] });
    expect(p("arr[0]")).toBe("arr[0]");
    expect(p("m['k'].f")).toBe("m[k].f");
    expect(p("named_struct('a', 1).a")).toBe("named_struct(a, 1).a");
  });
  it("casts", () => {
    expect(p("CAST(x AS decimal(10, 2))")).toBe("CAST(x AS decimal(10, 2))");
    expect(p("x::string")).toBe("CAST(x AS string)");
    expect(p("CAST(a AS array<array<int>>)")).toBe("CAST(a AS array<array<int>>)");
    const c = parseExpression("TRY_CAST('x' AS INT)");
    expect(c.kind === "cast" && c.try && c.dataType.simpleString()).toBe("int");
  });
  it("CASE forms", () => {
    expect(shape(parseExpression("CASE WHEN a > 1 THEN 'x' ELSE 'y' END"))).toMatchObject({
      kind: "case", branches: [{ then: { value: "x" } }], else: { value: "y" },
    });
    const simple = parseExpression("CASE a WHEN 1 THEN 'one' WHEN 2 THEN 'two' END");
    expect(simple.kind === "case" && simple.operand && simple.branches.length).toBe(2);
  });
  it("function calls: count(*), DISTINCT, FILTER, IGNORE NULLS", () => {
    expect(shape(parseExpression("count(*)"))).toEqual({ kind: "function", name: ["count"], args: [{ kind: "star" }], distinct: false });
    expect(shape(parseExpression("count(DISTINCT a, b)"))).toMatchObject({ distinct: true, args: [{ parts: ["a"] }, { parts: ["b"] }] });
    expect(shape(parseExpression("sum(a) FILTER (WHERE a > 1)"))).toMatchObject({ filter: { kind: "binary", op: ">" } });
    expect(shape(parseExpression("first(a) IGNORE NULLS"))).toMatchObject({ ignoreNulls: true });
    expect(shape(parseExpression("first(a IGNORE NULLS)"))).toMatchObject({ ignoreNulls: true });
    expect(shape(parseExpression("struct(1 AS a, b)"))).toMatchObject({ argNames: ["a", undefined] });
    expect(shape(parseExpression("left('abc', 2)"))).toMatchObject({ name: ["left"] });
  });
  it("lambda arguments of higher-order functions", () => {
    expect(shape(parseExpression("transform(arr, x -> x + 1)"))).toMatchObject({
      args: [{ kind: "column" }, { kind: "lambda", params: ["x"], body: { kind: "binary", op: "+" } }],
    });
    expect(shape(parseExpression("aggregate(arr, 0, (acc, x) -> acc + x)"))).toMatchObject({
      args: [{}, {}, { kind: "lambda", params: ["acc", "x"] }],
    });
    expect(shape(parseExpression("f((a), (b, c))"))).toMatchObject({ args: [{ kind: "column" }, { kind: "row" }] });
  });
  it("lambda parameters named by strict non-reserved words (array_sort's documented example)", () => {
    expect(shape(parseExpression("array_sort(a, (left, right) -> left - right)"))).toMatchObject({
      args: [{}, { kind: "lambda", params: ["left", "right"], body: { kind: "binary", left: { parts: ["left"] }, right: { parts: ["right"] } } }],
    });
    // Outside a lambda that names them, they stay reserved.
    expect(() => parseExpression("transform(a, x -> left + x)")).toThrow(/PARSE_SYNTAX_ERROR/);
  });
  it("special forms", () => {
    expect(shape(parseExpression("extract(year FROM d)"))).toMatchObject({ form: "extract", args: [{ value: "year" }, { parts: ["d"] }] });
    expect(shape(parseExpression("trim(BOTH 'x' FROM s)"))).toMatchObject({ form: "trim", trimWhere: "BOTH" });
    expect(shape(parseExpression("trim(LEADING FROM s)"))).toMatchObject({ form: "trim", trimWhere: "LEADING", args: [{ parts: ["s"] }] });
    expect(shape(parseExpression("trim(s)"))).toEqual({ kind: "function", name: ["trim"], args: [{ kind: "column", parts: ["s"] }], distinct: false });
    expect(shape(parseExpression("substring(s FROM 2 FOR 1)"))).toMatchObject({ form: "substring" });
    expect(shape(parseExpression("substring(s, 2, 1)")).form).toBeUndefined();
    expect(shape(parseExpression("position('b' IN s)"))).toMatchObject({ form: "position" });
    expect(shape(parseExpression("current_date"))).toMatchObject({ kind: "function", form: "niladic" });
  });
  it("window functions", () => {
    const e = parseExpression(
      "sum(a) OVER (PARTITION BY b, c ORDER BY d DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND 1 FOLLOWING)",
    );
    expect(shape(e)).toMatchObject({
      over: {
        partitionBy: [{ parts: ["b"] }, { parts: ["c"] }],
        orderBy: [{ direction: "DESC", nulls: "LAST" }],
        frame: { type: "ROWS", lower: { kind: "UNBOUNDED PRECEDING" }, upper: { kind: "FOLLOWING", offset: { value: 1 } } },
      },
    });
    expect(shape(parseExpression("rank() OVER w"))).toMatchObject({ over: { name: "w" } });
    expect(shape(parseExpression("sum(a) OVER (ORDER BY a ROWS 1 PRECEDING)"))).toMatchObject({
      over: { frame: { type: "ROWS", lower: { kind: "PRECEDING" }, upper: { kind: "CURRENT ROW" } } },
    });
    expect(shape(parseExpression("sum(a) OVER (ORDER BY d RANGE BETWEEN INTERVAL 1 DAY PRECEDING AND CURRENT ROW)"))).toMatchObject({
      over: { frame: { type: "RANGE", lower: { kind: "PRECEDING", offset: { kind: "interval" } } } },
    });
  });
  it("predicates", () => {
    expect(p("a NOT IN (1, 2)")).toBe("(NOT IN a 1 2)");
    expect(p("a LIKE 'x%'")).toBe("(LIKE a x%)");
    expect(shape(parseExpression("a LIKE 'x!%' ESCAPE '!'"))).toMatchObject({ escape: "!" });
    expect(p("a NOT RLIKE 'x'")).toBe("(NOT RLIKE a x)");
    expect(p("a REGEXP 'x'")).toBe("(RLIKE a x)");
    expect(p("a ILIKE 'x'")).toBe("(ILIKE a x)");
    expect(shape(parseExpression("a IS NOT DISTINCT FROM b"))).toMatchObject({ kind: "distinctFrom", negated: true });
    expect(shape(parseExpression("a IS NOT TRUE"))).toMatchObject({ kind: "isBoolean", value: true, negated: true });
    expect(shape(parseExpression("a IS UNKNOWN"))).toMatchObject({ kind: "isBoolean", value: null });
    expect(p("a <=> b")).toBe("(<=> a b)");
  });
  it("subqueries", () => {
    expect(shape(parseExpression("a IN (SELECT x FROM t)"))).toMatchObject({ kind: "inSubquery", args: [{ parts: ["a"] }] });
    expect(shape(parseExpression("(a, b) IN (SELECT x, y FROM t)"))).toMatchObject({ kind: "inSubquery", args: [{}, {}] });
    expect(shape(parseExpression("EXISTS (SELECT 1)"))).toMatchObject({ kind: "exists" });
    expect(shape(parseExpression("NOT EXISTS (SELECT 1)"))).toMatchObject({ kind: "unary", arg: { kind: "exists" } });
    expect(shape(parseExpression("(SELECT max(x) FROM t) + 1"))).toMatchObject({ kind: "binary", left: { kind: "scalarSubquery" } });
    expect(shape(parseExpression("((SELECT 1) UNION (SELECT 2))"))).toMatchObject({ kind: "scalarSubquery" });
    expect(shape(parseExpression("((1 + 2))"))).toMatchObject({ kind: "binary", op: "+" });
    expect(shape(parseExpression("(1, 'a')"))).toMatchObject({ kind: "row" });
  });
  it("spans cover the source text", () => {
    const text = "upper(name) || 'x'";
    const e = parseExpression(text);
    expect(text.slice(e.start, e.end)).toBe(text);
    expect(e.kind === "binary" && text.slice(e.left.start, e.left.end)).toBe("upper(name)");
  });
});

describe("selectExpr items and identifiers", () => {
  it("aliases with and without AS, any word after AS", () => {
    expect(shape(parseNamedExpression("a * 2 AS double_a"))).toMatchObject({ alias: "double_a" });
    expect(shape(parseNamedExpression("a b"))).toMatchObject({ alias: "b" });
    expect(shape(parseNamedExpression("1 AS from"))).toMatchObject({ alias: "from" });
    expect(shape(parseNamedExpression("a AS `x y`"))).toMatchObject({ alias: "x y" });
    expect(shape(parseNamedExpression("explode(m) AS (k, v)"))).toMatchObject({ aliases: ["k", "v"] });
    expect(parseExpressionList("a, b + 1 AS c").map((i) => i.alias)).toEqual([undefined, "c"]);
  });
  it("table identifiers", () => {
    expect(parseTableIdentifier("db.t")).toEqual(["db", "t"]);
    expect(parseTableIdentifier("`my view`")).toEqual(["my view"]);
    expect(() => parseTableIdentifier("a b")).toThrow(/extra input 'b'/);
  });
});
