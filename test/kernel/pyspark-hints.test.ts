/**
 * PySpark habits get a one-line hint naming Pijar's form. The diagnostics are the real ones: each
 * cell goes through the kernel's own checker (createCheckerService), as in a notebook.
 */
import { beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { createCheckerService, type CheckerService } from "../../kernel/runtime/checker-service.js";
import type { Diagnostic } from "../../kernel/runtime/checker-client.js";
import { notebookLanguage } from "../../kernel/runtime/notebook-language.js";

const REPO = path.resolve(import.meta.dirname, "../..");
const DF = 'const df = spark.range(3).withColumn("total", F.col("id"));\n';

let checker: CheckerService;
let cell = 0;
beforeAll(() => {
  checker = createCheckerService(REPO);
}, 120_000);

function check(code: string): Diagnostic[] {
  return checker.ops["check"]!(code, ++cell) as Diagnostic[];
}

/** Code and hint (English) of each diagnostic. */
function hints(code: string): [number, string | undefined][] {
  return check(code).map((d) => [d.code, d.hint?.en]);
}

describe("hints for PySpark habits", () => {
  it("names the Column method for each comparison and arithmetic operator", () => {
    expect(hints('F.col("total") > 100')).toEqual([[2365, expect.stringContaining('F.col("total").gt(100)')]]);
    const cases: [string, string, number][] = [
      [">=", "geq", 2365], ["<", "lt", 2365], ["<=", "leq", 2365], ["+", "plus", 2365],
      ["==", "equalTo", 2367], ["===", "equalTo", 2367], ["!=", "notEqual", 2367], ["!==", "notEqual", 2367],
      ["-", "minus", 2362], ["*", "multiply", 2362], ["/", "divide", 2362], ["%", "mod", 2362],
    ];
    for (const [op, method, code] of cases) {
      expect(hints(`F.col("a") ${op} 2`), op).toEqual([[code, expect.stringContaining(`F.col("a").${method}(2)`)]]);
    }
  });

  it("writes the Column first when the literal is on the left", () => {
    expect(hints('2 > F.col("a")')).toEqual([[2365, expect.stringContaining('F.col("a").lt(2)')]]);
    expect(hints('1 + F.col("a")')).toEqual([[2365, expect.stringContaining('F.col("a").plus(1)')]]);
    expect(hints('10 - F.col("a")')).toEqual([[2363, expect.stringContaining('F.lit(10).minus(F.col("a"))')]]);
  });

  it("hints & and | between Columns once, on the left operand", () => {
    expect(hints('F.col("a") & F.col("b")')).toEqual([
      [2362, expect.stringContaining('F.col("a").and(F.col("b"))')],
      [2363, undefined],
    ]);
    expect(hints('F.col("a") | F.col("b")')[0]).toEqual([2362, expect.stringContaining('F.col("a").or(F.col("b"))')]);
  });

  it("hints conditions joined with & and comparisons TypeScript accepts silently", () => {
    const d = hints('const c = (F.col("a") > 1) & (F.col("b") < 2)');
    expect(d).toContainEqual([2447, expect.stringContaining(".and(")]);
    expect(d).toContainEqual([2365, expect.stringContaining('F.col("a").gt(1)')]);
    // Comparing two Columns is legal TypeScript (two objects): the boolean argument shows it, and
    // Pijar's own check (below) too.
    expect(hints(DF + 'df.filter(F.col("a") > F.col("b"))')).toEqual([
      [2345, expect.stringContaining('F.col("a").gt(F.col("b"))')],
      [0, expect.stringContaining('F.col("a").gt(F.col("b"))')],
    ]);
  });

  it("turns df[\"x\"] and df.x into df.col(\"x\")", () => {
    expect(hints(DF + 'df["total"]')).toEqual([[7053, expect.stringContaining('df.col("total")')]]);
    expect(hints(DF + "df.total.gt(1)")).toEqual([[2339, expect.stringContaining('df.col("total")')]]);
  });

  it("turns keyword arguments into positional ones or an options object", () => {
    expect(hints(DF + "await df.show(n=5)")).toEqual([[2304, expect.stringContaining("df.show({ n: 5 })")]]);
    expect(hints(DF + "await df.show(5, truncate=False)")).toEqual([
      [2304, expect.stringContaining("df.show({ truncate: False })")],
      [2304, expect.stringContaining("TypeScript writes Python's False as false")],
    ]);
    // No options object with that name: positional form.
    expect(hints(DF + "df.limit(num=2)")).toEqual([[2304, expect.stringContaining("df.limit(2) with num in its place")]]);
  });

  it("turns True, False and None into true, false and null", () => {
    expect(hints("const x = [True, False, None]").map(([, h]) => h)).toEqual([
      expect.stringContaining("True as true"), expect.stringContaining("False as false"), expect.stringContaining("None as null"),
    ]);
  });

  it("gives no hint where no Column or DataFrame takes part", () => {
    for (const code of ['const n = 1 > "a"', "const t = true; t > 1", 'const o = { a: 1 }; o["b"]', "const y = none", "const q = {} as { f(): void }; q.g", DF + "df.toPandas()", "b = 1", "const s = [b = 2]"]) {
      const d = check(code);
      expect(d.length, code).toBeGreaterThan(0);
      expect(d.map((x) => x.hint), code).toEqual(d.map(() => undefined));
    }
  });

  it("has every hint in Bahasa Indonesia too", () => {
    const [d] = check('F.col("total") > 100');
    expect(d!.hint!.id).toContain('tulis F.col("total").gt(100)');
  });
});

describe("Column habits TypeScript accepts", () => {
  it("reports &&, ||, !, ~ and comparisons between two Columns as PySpark does, with the hint", () => {
    const misuse = (code: string) => check(code).map((d) => [d.name, d.message.slice(0, 41), d.line, d.col, d.length, d.hint?.en]);
    const bool = "[CANNOT_CONVERT_COLUMN_INTO_BOOL] Cannot ";
    expect(misuse('const c = F.col("a").gt(1) && F.col("b")')).toEqual([
      ["CANNOT_CONVERT_COLUMN_INTO_BOOL", bool, 0, 10, 30, expect.stringContaining('F.col("a").gt(1).and(F.col("b"))')],
    ]);
    expect(misuse('const c = F.col("a") || F.col("b")')[0]![5]).toContain('F.col("a").or(F.col("b"))');
    expect(misuse('const c = !F.col("a")')[0]![5]).toContain('F.col("a").not()');
    expect(misuse('const c = ~F.col("a")')[0]![5]).toContain('F.col("a").not()');
    expect(misuse('const c = F.col("a") === F.col("b")')[0]![5]).toContain('F.col("a").equalTo(F.col("b"))');
    expect(misuse('const c = F.col("a") <= F.col("b")')[0]![5]).toContain('F.col("a").leq(F.col("b"))');
  });

  it("leaves Column methods, booleans and optional Columns alone", () => {
    for (const code of [
      'const c = F.col("a").gt(1).and(F.col("b").lt(2)).or(F.col("a").not())',
      "const t = true, u = (!t && t) || !t",
      'declare const m: ReturnType<typeof F.col> | undefined; const c = m || F.lit(0); const n = !m',
      'const k = F.col("a") === undefined',
    ]) {
      expect(check(code), code).toEqual([]);
    }
  });
});

describe("notebook language", () => {
  it("is Bahasa Indonesia for notebooks in an id/ folder, else English; PIJAR_LANG overrides", () => {
    expect(notebookLanguage({ JPY_SESSION_NAME: "notebooks/id/01-pengenalan-spark.ipynb" }, "/work")).toBe("id");
    expect(notebookLanguage({ JPY_SESSION_NAME: "notebooks/en/01-intro-to-spark.ipynb" }, "/x/id")).toBe("en");
    expect(notebookLanguage({}, "/course/notebooks/id")).toBe("id");
    expect(notebookLanguage({}, "/course/notebooks/en")).toBe("en");
    expect(notebookLanguage({ PIJAR_LANG: "ID" }, "/course/notebooks/en")).toBe("id");
    expect(notebookLanguage({ JPY_SESSION_NAME: "id.ipynb" }, "/x")).toBe("en");
  });
});
