/**
 * The F higher-order functions type-check as learners write them in a notebook cell (strict,
 * like the kernel's checker): the callback's parameters get Column from the signature, whether
 * it declares one parameter or more (`(x) => ...` and `(x, i) => ...` for transform).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, expect, it } from "vitest";

const SRC = join(dirname(fileURLToPath(import.meta.url)), "../../src/index.js");
const dir = mkdtempSync(join(tmpdir(), "pijar-lambda-types-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let cells = 0;
function diagnostics(code: string): string[] {
  const file = join(dir, `cell${cells++}.ts`);
  writeFileSync(file, `import { functions as F } from ${JSON.stringify(SRC)};\n${code}\nexport {};\n`);
  const program = ts.createProgram([file], {
    strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [],
  });
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

it("callbacks of every arity get Column parameters", () => {
  expect(diagnostics(`
    F.transform("a", (x) => x.plus(1));
    F.transform("a", (x, i) => x.plus(i));
    F.filter("a", (x, i) => i.gt(0));
    F.exists("a", (x) => x.isNull());
    F.aggregate("a", F.lit(0), (acc, x) => acc.plus(x), (acc) => acc.multiply(2));
    F.map_zip_with("m", "n", (k, v1, v2) => F.coalesce(v1, v2));
    F.array_sort("a", (l, r) => r.minus(l));
  `)).toEqual([]);
}, 120_000);

it("a callback that returns no Column is a type error", () => {
  expect(diagnostics(`F.transform("a", (x) => 1);`).join("\n")).toMatch(/not assignable/);
}, 120_000);
