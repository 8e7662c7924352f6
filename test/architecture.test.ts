/**
 * The layer order of the source tree, checked. Each folder is one stage of the query path (see
 * ARCHITECTURE.md); a file may import its own layer and the layers below it, never one above,
 * and no import circle may pass through two folders. Imports are read with the TypeScript
 * parser, type-only imports included: a type is a design dependency even though it is erased.
 *
 * KNOWN lists the joints not yet mended, each with why and who mends it. The test fails on any
 * offender not listed, and on any listed one that no longer occurs, so the list only shrinks.
 */
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { foldersOf, importCircles, layerOf, readImports, type ImportEdge } from "./architecture/import-graph.js";

/** Bottom first. A file belongs to the longest entry that is its path or one of its folders. */
export const LAYERS: readonly string[] = [
  "src/errors", // PijarError, error classes: imported by everything
  "src/types", // Spark data types, DDL, Arrow type mapping
  "src/values", // decimals, dates, ordering keys, JS values to typed values
  "src/columnar", // Batch and typed vectors (the engine's memory layout)
  "src/context", // session settings and the task context (cancel, progress) operators see
  "src/plan/expr", // expression nodes, their names and types
  "src/plan/logical", // logical plan nodes and the table-source contract readers implement
  "src/functions", // the function registry: every SQL function, defined once
  "src/analyzer", // name lookup, expression resolution, implicit casts
  "src/plan/builder", // the only way plans are made (DataFrame and SQL share it)
  "src/optimizer", // ordered named rules over logical plans
  "src/io", // readers (table sources) and writers
  "src/physical", // Exec operators streaming batches
  "src/execution", // runs a plan as a Job: optimize, plan, stream; explain
  "src/catalog", // temp views
  "src/display", // show(), printSchema(), plots
  "src/sql", // Spark SQL front end
  "src/api", // what users call, PySpark names
  "src/connect", // the Spark Connect backend: the same API over a remote Spark server
  "src/wiring", // registers the readers, writers and SQL front end with the API
  "src/index", // the one public entry
  "kernel", // the Jupyter kernel runs user code against the public API
];

/** `from-layer -> to-layer` pairs that still run up, with the reason they are not fixed yet. */
const KNOWN_UPWARD: Record<string, string> = {
  "src/plan/expr -> src/plan/logical": "stays: a subquery expression holds a plan (one recursive type)",
};

/** Import circles that still span folders, by the folders they pass through. */
const KNOWN_CIRCLES: Record<string, string> = {
  // Stays: a subquery expression holds a plan and a plan holds expressions (one recursive type,
  // as Spark's SubqueryExpression); both sides import only types.
  "src/plan/expr + src/plan/logical": "stays: subquery expressions hold plans",
  "src/io + src/io/csv": "text-columns and the CSV string builder import each other (io owner)",
};

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const edges = readImports(root, ["src", "kernel"]);
const rank = (file: string): number => LAYERS.indexOf(layerOf(file, LAYERS) ?? "");
const where = (e: ImportEdge): string => `${e.from}:${e.line} -> ${e.to}${e.typeOnly ? " (type only)" : ""}`;

export function upwardImports(): Map<string, ImportEdge[]> {
  const byPair = new Map<string, ImportEdge[]>();
  for (const e of edges) {
    if (rank(e.to) <= rank(e.from)) continue;
    const pair = `${layerOf(e.from, LAYERS)} -> ${layerOf(e.to, LAYERS)}`;
    byPair.set(pair, [...(byPair.get(pair) ?? []), e]);
  }
  return byPair;
}

export function crossFolderCircles(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of importCircles(edges)) {
    const folders = foldersOf(c);
    if (folders.length > 1) out.set(folders.join(" + "), c);
  }
  return out;
}

describe("layer order", () => {
  it("places every source file in a layer", () => {
    const unplaced = [...new Set(edges.flatMap((e) => [e.from, e.to]))].filter((f) => rank(f) < 0);
    expect(unplaced).toEqual([]);
  });

  it("has no import that runs up the layer order (beyond the known ones)", () => {
    const found = upwardImports();
    const fresh = [...found].filter(([pair]) => !(pair in KNOWN_UPWARD)).flatMap(([, es]) => es.map(where));
    if (fresh.length) console.error("Imports that run up the layer order:\n  " + fresh.join("\n  "));
    expect(fresh).toEqual([]);
  });

  it("lists only upward imports that still occur (mended joints leave the list)", () => {
    const found = upwardImports();
    expect(Object.keys(KNOWN_UPWARD).filter((pair) => !found.has(pair))).toEqual([]);
  });

  it("has no import circle that spans folders (beyond the known ones)", () => {
    const found = crossFolderCircles();
    const fresh = [...found].filter(([key]) => !(key in KNOWN_CIRCLES));
    const text = fresh.map(([key, files]) => {
      const inCircle = new Set(files);
      const links = edges.filter((e) => inCircle.has(e.from) && inCircle.has(e.to)).map(where);
      return `${key}:\n    ${links.join("\n    ")}`;
    });
    if (text.length) console.error("Import circles across folders:\n  " + text.join("\n  "));
    expect(fresh.map(([key]) => key)).toEqual([]);
    expect(Object.keys(KNOWN_CIRCLES).filter((key) => !found.has(key))).toEqual([]);
  });
});
