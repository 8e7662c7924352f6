import { describe, expect, it } from "vitest";
import ts from "typescript";
import { CellProject, DECL_BLOCK, declFileText } from "../../kernel/runtime/cell-project.js";

/** The module specifiers a file imports, in order: what TypeScript compares to reuse a program. */
const imports = (text: string) => ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);

describe("cell project", () => {
  it("keeps the program's shape across commits: same roots, same imports in the slot", () => {
    const p = new CellProject("/nb");
    const roots = p.roots("/nb/g.d.ts");
    const before = imports(p.cellSource("check", "1 + 1").text);
    expect(before).toHaveLength(DECL_BLOCK);
    p.cellSource("check", "const a = 1;\na");
    p.markPending(1, ["a"]);
    p.commit(1, "declare const a = 1;\nexport { a };\n");
    const after = p.cellSource("check", "a + 1");
    expect(imports(after.text)).toEqual(before);
    expect(after.header).toContain("import { a } from \"./__pijar_decl_1.js\"");
    expect(p.roots("/nb/g.d.ts")).toEqual(roots);
  });

  it("imports a name from the latest cell that declared it, and not in a cell that redeclares it", () => {
    const p = new CellProject("/nb");
    for (const [cell, dts] of [[1, "declare const a = 1;\nexport { a };\n"], [2, "declare const a = \"x\";\nexport { a };\n"]] as const) {
      p.markPending(cell, ["a"]);
      p.commit(cell, dts);
    }
    expect(p.cellSource("check", "a").header).toMatch(/import \{ {2}\} from "\.\/__pijar_decl_1\.js"; import \{ a \} from "\.\/__pijar_decl_2\.js";/);
    expect(p.cellSource("check", "const a = 3;").header).not.toContain("{ a }");
  });

  it("adds a block of declaration files when one is full (the one commit that reshapes the program)", () => {
    const p = new CellProject("/nb");
    for (let cell = 1; cell <= DECL_BLOCK + 1; cell++) {
      p.markPending(cell, [`v${cell}`]);
      p.commit(cell, `declare const v${cell} = 1;\nexport { v${cell} };\n`);
    }
    expect(p.roots("/nb/g.d.ts")).toHaveLength(1 + 2 * DECL_BLOCK + 2);
    expect(p.cellSource("check", "v17").header).toContain(`import { v${DECL_BLOCK + 1} } from "./__pijar_decl_${DECL_BLOCK + 1}.js"`);
  });

  it("names pijar's types through one import, however many the declarations use", () => {
    const text = declFileText('declare const df: import("pijar").DataFrame;\ndeclare function f(): import("pijar").Column[];\nexport { df, f };\n');
    expect(imports(text)).toEqual(["pijar"]);
    expect(text).toContain("declare const df: __pijar_types.DataFrame;");
    expect(imports(declFileText("export {};\n"))).toEqual(["pijar"]);
  });
});
