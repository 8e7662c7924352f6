import { describe, expect, it } from "vitest";
import vm from "node:vm";
import { transpileCell } from "../../kernel/runtime/transpile.js";
import { isComplete } from "../../kernel/protocol/is-complete.js";
import { lineTable, originalLine } from "../../kernel/runtime/sourcemap.js";

describe("transpileCell", () => {
  it("turns declarations into global assignments and returns the last expression", () => {
    const t = transpileCell("const x: number = 1, { a, b: [c] } = { a: 2, b: [3] };\nlet y;\nx + a + c", "cell[1]");
    expect(t.declared).toEqual(["x", "a", "c", "y"]);
    expect(t.hasValue).toBe(true);
    expect(t.code).toContain("(x = 1), ({ a, b: [c] } = { a: 2, b: [3] });");
    expect(t.code).toContain("(y = undefined);");
    expect(t.code).toContain("return (x + a + c);");
  });

  it("keeps line numbers so stack traces map back (types removed via the source map)", () => {
    const src = "interface P { a: number }\n\nconst p: P = { a: 1 };\nthrow new Error('x')";
    const t = transpileCell(src, "cell[2]");
    const table = lineTable(t.sourceMap);
    const jsLine = t.code.split("\n").findIndex((l) => l.includes("throw"));
    expect(originalLine(table, jsLine)).toBe(3);
  });

  it("rewrites imports, including type-only and dynamic ones", () => {
    const t = transpileCell('import def, { a as b, type T } from "m";\nimport * as ns from "n";\nconst x = await import("o");', "c");
    expect(t.code).toContain('__pijar.m0 = await __pijar.import("m"); def = __pijar.defaultOf(__pijar.m0); b = __pijar.m0["a"];');
    expect(t.code).toContain("ns = __pijar.m1;");
    expect(t.code).toContain('(x = await __pijar.import("o"))');
    expect(t.code).not.toContain("T =");
  });

  it("tracks non-awaited top-level calls and adds loop checkpoints", () => {
    const t = transpileCell("df.show();\nwhile (true) {}\nfor (;;) x++;", "c");
    expect(t.code).toContain("__pijar.track(df.show());");
    expect(t.code).toContain("while (true) { __pijar.checkpoint(__epoch);");
    expect(t.code).toContain("{ __pijar.checkpoint(__epoch); x++; }");
  });

  it("gives cells the kernel's interruptible timers, unless a cell declares its own", () => {
    const t = transpileCell("setTimeout(() => {}, 5); setInterval(f, 1);", "c");
    expect(t.code).toContain("const setTimeout = __pijar.timers.setTimeout, setInterval = __pijar.timers.setInterval;");
    expect(t.code).not.toContain("setImmediate =");
    const own = transpileCell("function setTimeout(f: () => void) { f(); }\nsetTimeout(() => {});", "c");
    expect(own.code).not.toContain("__pijar.timers");
    expect(transpileCell("1 + 1", "c").code).not.toContain("__pijar.timers");
  });

  it("runs: re-declaring a const in a later cell works", async () => {
    const g = globalThis as any;
    g.__pijar = { epoch: 0, checkpoint() {}, track: (v: unknown) => v, declareVar() {}, import: (s: string) => import(s), defaultOf: (m: any) => m.default };
    const run = (src: string) => vm.runInThisContext(transpileCell(src, "c").code) as Promise<unknown>;
    expect(await run("const kernelTestX = 1; kernelTestX")).toBe(1);
    expect(await run("const kernelTestX = 'two'; kernelTestX")).toBe("two");
    expect(await run("function kernelTestF() { return kernelTestX + '!' }\nclass KernelTestC { v = kernelTestF() }\nnew KernelTestC().v")).toBe("two!");
  });
});

describe("isComplete", () => {
  it("classifies", () => {
    expect(isComplete("1 + 1").status).toBe("complete");
    expect(isComplete("function f() {")).toEqual({ status: "incomplete", indent: "  " });
    expect(isComplete("const a = [1,").status).toBe("incomplete");
    expect(isComplete("const = 1;").status).toBe("invalid");
  });
});
