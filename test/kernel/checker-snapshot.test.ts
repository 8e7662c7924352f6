import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { currentMeta, moduleHash, snapshotFiles, snapshotState } from "../../kernel/runtime/checker-snapshot-meta.js";
import { CELL_DIR, createCheckerService } from "../../kernel/runtime/checker-service.js";

const REPO = path.resolve(import.meta.dirname, "../..");

describe("checker snapshot metadata", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), "pijar-snapshot-meta-"));
    symlinkSync(path.join(REPO, "node_modules"), path.join(root, "node_modules"));
    writeFileSync(path.join(root, "package.json"), "{}");
    mkdirSync(path.join(root, "dist", "kernel", "runtime"), { recursive: true });
    writeFileSync(path.join(root, "dist", "kernel", "runtime", "a.js"), "export const a = 1;\n");
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const writeMeta = (extra: Record<string, unknown>) => {
    const { blob, meta } = snapshotFiles(root);
    writeFileSync(blob, "blob");
    writeFileSync(meta, JSON.stringify({ ...currentMeta(root), modules: { "a.js": moduleHash(root, "a.js") }, ...extra }));
  };

  it("is usable only for the Node, checkout and checker code that made it", () => {
    expect(snapshotState(root)).toBe("missing");
    writeMeta({});
    expect(snapshotState(root)).toBe("usable");
    writeMeta({ node: "v0.0.1" });
    expect(snapshotState(root)).toBe("missing");
    writeMeta({ repoRoot: "/elsewhere" });
    expect(snapshotState(root)).toBe("missing");
    writeMeta({});
    writeFileSync(path.join(root, "dist", "kernel", "runtime", "a.js"), "export const a = 2;\n");
    expect(snapshotState(root)).toBe("missing");
  });

  it("remembers a failed build, until the checker code changes", () => {
    writeMeta({ failed: true });
    expect(snapshotState(root)).toBe("failed");
    writeFileSync(path.join(root, "dist", "kernel", "runtime", "a.js"), "export const a = 3;\n");
    expect(snapshotState(root)).toBe("missing");
  });
});

describe("checker service", () => {
  it("checks cells in its virtual folder, resolving their relative imports from the notebook's", () => {
    const nb = mkdtempSync(path.join(tmpdir(), "pijar-notebook-"));
    try {
      writeFileSync(path.join(nb, "helper.ts"), "export const greeting: string = 'hi';\n");
      const checker = createCheckerService(REPO);
      checker.setNotebookDir(nb);
      const ok = checker.ops["check"]!('import { greeting } from "./helper.ts";\nconst g: string = greeting;', 1) as unknown[];
      expect(ok).toEqual([]);
      const bad = checker.ops["check"]!('import { greeting } from "./helper.ts";\nconst g: number = greeting;', 2) as { line: number; code: number }[];
      expect(bad.map((d) => [d.line, d.code])).toEqual([[1, 2322]]);
      // Nothing on disk changed since the files were read.
      expect(checker.refreshDiskFiles()).toBe(0);
      expect(CELL_DIR.startsWith(nb)).toBe(false);
    } finally {
      rmSync(nb, { recursive: true, force: true });
    }
  });

  it("sees committed cells' declarations with their types, the latest one winning", () => {
    const checker = createCheckerService(REPO);
    const { check, commit } = checker.ops as { check: (c: string, n: number) => { line: number; code: number }[]; commit: (n: number) => void };
    const run = (code: string, n: number) => {
      const diags = check(code, n);
      if (diags.length === 0) commit(n);
      return diags.map((d) => [d.line, d.code]);
    };
    expect(run("const a = 1;\na", 1)).toEqual([]);
    expect(run("const df = spark.range(3);", 2)).toEqual([]);
    expect(run("const n: number = a + 1;\ndf.limit(n)", 3)).toEqual([]);
    // pijar's types survive the declaration file's rewrite: a missing method is still an error.
    expect(run("df.nosuchmethod()", 4)).toEqual([[0, 2339]]);
    expect(run("const a = 'x';", 5)).toEqual([]);
    expect(run("const m: number = a;", 6)).toEqual([[0, 2322]]);
    // prepare: the check, and the transpiled cell only when it may run.
    const prepare = checker.ops["prepare"] as (c: string, n: number, name: string) => { diagnostics: unknown[]; transpiled: { code: string; hasValue: boolean } | null };
    const ok = prepare("const k = 2;\nk * 2", 7, "cell[7]");
    expect(ok.diagnostics).toEqual([]);
    expect(ok.transpiled?.hasValue).toBe(true);
    expect(ok.transpiled?.code).toContain("return (k * 2)");
    const bad = prepare("const k: string = 2;", 8, "cell[8]");
    expect(bad.diagnostics).toHaveLength(1);
    expect(bad.transpiled).toBeNull();
  });
});
