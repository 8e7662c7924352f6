/**
 * The executed copies (notebooks/executed/, what GitHub shows), checked without running them:
 * one per notebook, the same cells as the notebook (exercise cells holding the reference
 * answer), every code cell run in order, and nothing a static viewer cannot show or that names
 * one run. That the outputs are the ones a run gives is checked by run_notebooks.py, in CI's run.
 * Fix a failure with `.venv/bin/python test/notebooks/run_notebooks.py --write-executed`.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const nbDir = path.join(root, "notebooks");
const solutions = JSON.parse(readFileSync(path.join(nbDir, "lib/solutions.json"), "utf8")) as Record<string, string>;

interface Output { output_type: string; data?: Record<string, unknown>; text?: string | string[] }
interface Cell { cell_type: string; id?: string; source: string | string[]; outputs?: Output[]; execution_count?: number | null; metadata: { pijar?: { exercise?: string } } }
const text = (s: string | string[] | undefined): string => (Array.isArray(s) ? s.join("") : s ?? "");
const read = (p: string): { cells: Cell[] } => JSON.parse(readFileSync(p, "utf8"));

describe("executed copies of the course", () => {
  for (const lang of ["en", "id"]) {
    for (const file of readdirSync(path.join(nbDir, lang)).filter((f) => f.endsWith(".ipynb")).sort()) {
      const copyPath = path.join(nbDir, "executed", lang, file);

      it(`${lang}/${file}: has an executed copy with the same cells, answers filled in`, () => {
        expect(existsSync(copyPath), `${copyPath} is missing`).toBe(true);
        const shipped = read(path.join(nbDir, lang, file)).cells;
        const copy = read(copyPath).cells;
        expect(copy.map((c) => c.id)).toEqual(shipped.map((c) => c.id));
        for (const [i, cell] of copy.entries()) {
          const exercise = shipped[i]!.metadata.pijar?.exercise;
          expect(text(cell.source), `cell ${i}`).toBe(exercise ? solutions[exercise] : text(shipped[i]!.source));
        }
        const counts = copy.filter((c) => c.cell_type === "code").map((c) => c.execution_count);
        expect(counts).toEqual(counts.map((_, i) => i + 1));
      });

      it(`${lang}/${file}: shows without JavaScript and names no run`, () => {
        const outputs = read(copyPath).cells.flatMap((c) => c.outputs ?? []);
        const all = JSON.stringify(outputs);
        for (const o of outputs) {
          const kinds = Object.keys(o.data ?? {});
          expect(kinds.filter((k) => k.includes("plotly") || k.includes("dataresource"))).toEqual([]);
          if (kinds.includes("image/svg+xml")) expect(kinds.sort()).toEqual(["image/svg+xml", "text/plain"]);
        }
        expect(all).not.toMatch(/<script|pijar-progress|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
        expect(all).not.toContain(root);
        // Stream chunks are merged: two stdout outputs in a row would depend on timing.
        for (const c of read(copyPath).cells) {
          const types = (c.outputs ?? []).map((o) => o.output_type + text((o as { name?: string }).name));
          expect(types.some((t, i) => t.startsWith("stream") && t === types[i - 1])).toBe(false);
        }
      });
    }
  }
});
