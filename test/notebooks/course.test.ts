/**
 * The course's own invariants: committed notebooks are built from their sources with outputs
 * cleared and the kernelspec set, both languages share the same code, every exercise has an
 * answer key, and the data generator reproduces the committed files byte for byte.
 */
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync, mkdtempSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseSource, toIpynb } from "../../notebooks/_source/build.ts";

const root = path.resolve(__dirname, "../..");
const nbDir = path.join(root, "notebooks");
const sourceDir = path.join(nbDir, "_source");
const sources = readdirSync(sourceDir).filter((f) => f.endsWith(".cells.md")).sort();
const expected = JSON.parse(readFileSync(path.join(nbDir, "lib/expected.json"), "utf8")) as Record<string, unknown>;

interface Nb {
  cells: { cell_type: string; source: string[]; outputs?: unknown[]; execution_count?: unknown }[];
  metadata: { kernelspec: Record<string, string>; language_info: { name: string } };
}

describe("course notebooks", () => {
  it("has six lessons", () => expect(sources).toHaveLength(6));

  for (const file of sources) {
    const src = parseSource(file, readFileSync(path.join(sourceDir, file), "utf8"));

    it(`${file}: committed notebooks are up to date (npx tsx notebooks/_source/build.ts)`, () => {
      for (const lang of ["id", "en"] as const) {
        const committed = readFileSync(path.join(nbDir, lang, `${src.names[lang]}.ipynb`), "utf8");
        expect(committed).toBe(toIpynb(src, lang));
      }
    });

    it(`${file}: metadata, cleared outputs, identical code in both languages`, () => {
      const [id, en] = (["id", "en"] as const).map((lang) => JSON.parse(toIpynb(src, lang)) as Nb);
      for (const nb of [id!, en!]) {
        expect(nb.metadata.kernelspec).toEqual({ name: "pijar", display_name: "TypeScript (Pijar)", language: "typescript" });
        expect(nb.metadata.language_info.name).toBe("typescript");
        for (const c of nb.cells.filter((c) => c.cell_type === "code")) {
          expect(c.outputs).toEqual([]);
          expect(c.execution_count).toBeNull();
        }
      }
      const code = (nb: Nb) => nb.cells.filter((c) => c.cell_type === "code").map((c) => c.source.join(""));
      expect(code(id!)).toEqual(code(en!));
      expect(id!.cells.length).toBe(en!.cells.length);
    });

    it(`${file}: 2-4 exercises, each with an answer key`, () => {
      if (src.needs.includes("spark-remote")) {
        // A lesson on a Spark Connect server: Spark itself is the answer key. Each exercise's
        // code cell cross-checks the learner's DataFrame and fails unless local and Spark agree.
        const ids: string[] = [];
        src.cells.forEach((c, i) => {
          const m = c.type === "markdown" ? /^### Exercise (\d\d-\d)/m.exec(c.source.en) : null;
          if (!m) return;
          ids.push(m[1]!);
          const next = src.cells.slice(i + 1).find((x) => x.type === "code")!;
          expect(next.source.en, `exercise ${m[1]}`).toMatch(/crossCheck\([\s\S]*if \(!\w+\.agree\) throw/);
        });
        expect(ids.length).toBeGreaterThanOrEqual(2);
        expect(ids.length).toBeLessThanOrEqual(4);
        return;
      }
      const code = src.cells.filter((c) => c.type === "code").map((c) => c.source.en).join("\n");
      const ids = [...code.matchAll(/cek\("(\d\d-\d)"/g)].map((m) => m[1]!);
      expect(ids.length).toBeGreaterThanOrEqual(2);
      expect(ids.length).toBeLessThanOrEqual(4);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(expected[id], `expected.json has no key for ${id}`).toBeDefined();
    });
  }

  it("every exercise ships as a skeleton whose solution is in solutions.json (npx tsx notebooks/_source/build.ts)", () => {
    const solutions = JSON.parse(readFileSync(path.join(nbDir, "lib/solutions.json"), "utf8")) as Record<string, string>;
    const exercises = sources.flatMap((f) => parseSource(f, readFileSync(path.join(sourceDir, f), "utf8")).cells.filter((c) => c.exercise));
    expect(exercises.map((c) => c.exercise).sort()).toEqual(Object.keys(solutions).sort());
    for (const c of exercises) {
      expect(c.source.en, c.exercise).toMatch(/^const \w+ = undefined;$/m);
      expect(solutions[c.exercise!], c.exercise).not.toMatch(/= undefined;/);
      expect(solutions[c.exercise!]).toContain(`await cek("${c.exercise}"`);
    }
  });

  it("a solution must follow its exercise", () => {
    expect(() => parseSource("x.cells.md", '%% notebook id=a en=b\n%% exercise 01-1\nconst x = undefined;\nawait cek("01-1", x);\n%% code\n1')).toThrow(/exercise 01-1 has no "%% solution" cell right after it/);
    expect(() => parseSource("x.cells.md", "%% notebook id=a en=b\n%% solution\n1")).toThrow(/must follow a "%% exercise <id>" cell/);
  });

  it("every answer key is used by a notebook", () => {
    const all = sources.map((f) => readFileSync(path.join(sourceDir, f), "utf8")).join("\n");
    for (const id of Object.keys(expected)) expect(all).toContain(`cek("${id}"`);
  });
});

describe("course data", () => {
  it("the generator reproduces the committed text files", () => {
    const out = mkdtempSync(path.join(tmpdir(), "pijar-data-"));
    try {
      execFileSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "scripts/data/generate.ts"), out, "--no-parquet"], { stdio: "pipe" });
      for (const f of ["sales.csv", "branches.csv", "products.csv", "customers.jsonl", "customers_broken.jsonl", "promotions.json"]) {
        expect(readFileSync(path.join(out, f), "utf8"), f).toBe(readFileSync(path.join(nbDir, "data", f), "utf8"));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("sales.csv has the dirty rows the course talks about", () => {
    const lines = readFileSync(path.join(nbDir, "data/sales.csv"), "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(3201);
    const ids = lines.slice(1).map((l) => l.split(",")[0]!);
    expect(ids.length - new Set(ids).size).toBe(6);
    expect(lines.filter((l) => l.includes('"17,50"'))).toHaveLength(1);
    expect(lines.filter((l) => /,\d+ pcs,/.test(l))).toHaveLength(1);
  });
});
