/**
 * Text and compressed-input fuzz (fixed seeds): corrupted CSV, JSON Lines and their gzip and
 * deflate forms. Plain text may read as other rows (any bytes are some CSV), but never as an
 * unclassed error or a crash; a damaged gzip/deflate stream must read as the original rows or
 * fail with a classed error (the codecs' checksums catch the damage), never as garbage rows.
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync, gzipSync } from "node:zlib";
import { SparkSession } from "../../src/index.js";
import { corrupt, outcomeOf, rng, tally, type Outcome } from "./fuzz-helpers.js";

const spark = SparkSession.builder.getOrCreate();
const root = mkdtempSync(join(tmpdir(), "pijar-textfuzz-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const CSV = Buffer.from("id,name,price\n" + Array.from({ length: 60 }, (_, i) => `${i},"item ${i}, ""q""",${(i * 1.25).toFixed(2)}\n`).join(""));
const JSONL = Buffer.from(Array.from({ length: 60 }, (_, i) => JSON.stringify({ id: i, name: `item ${i}`, tags: [i, { k: "v" }] }) + "\n").join(""));

interface Kind {
  readonly name: string;
  readonly ext: string;
  readonly format: "csv" | "json";
  readonly bytes: Buffer;
  readonly compressed: boolean;
  readonly cases: number;
}
const KINDS: Kind[] = [
  { name: "csv", ext: ".csv", format: "csv", bytes: CSV, compressed: false, cases: 60 },
  { name: "json", ext: ".json", format: "json", bytes: JSONL, compressed: false, cases: 60 },
  { name: "csv.gz", ext: ".csv.gz", format: "csv", bytes: gzipSync(CSV), compressed: true, cases: 60 },
  { name: "json.gz", ext: ".json.gz", format: "json", bytes: gzipSync(JSONL), compressed: true, cases: 60 },
  { name: "csv.deflate", ext: ".csv.deflate", format: "csv", bytes: deflateSync(CSV), compressed: true, cases: 40 },
];

const read = async (k: Kind, p: string) => {
  const opts = k.format === "csv" ? { header: true, inferSchema: true } : {};
  const rows = await spark.read.format(k.format).options(opts).load(p).collect();
  return JSON.stringify(rows.map((r) => r.toArray()), (_k, v) => (typeof v === "bigint" ? String(v) : v));
};

describe("corrupted text and compressed files", () => {
  for (const [ki, k] of KINDS.entries()) {
    it(`${k.cases} corrupted ${k.name} files: rows or a classed error`, async () => {
      const good = join(root, `good${k.ext}`);
      writeFileSync(good, k.bytes);
      const expected = await read(k, good);
      const r = rng(4242 + ki);
      const outcomes: Outcome[] = [];
      const failures: string[] = [];
      for (let i = 0; i < k.cases; i++) {
        const { kind, bytes } = corrupt(k.bytes, i, r);
        const f = join(root, `c${ki}-${i}${k.ext}`);
        writeFileSync(f, bytes);
        let o: Outcome;
        try {
          o = (await read(k, f)) === expected ? "same-rows" : "other-rows";
          if (o === "other-rows" && k.compressed) failures.push(`case ${i} (${kind}): a damaged ${k.name} read as other rows`);
        } catch (e) {
          o = outcomeOf(e);
          if (o === "unclassed-error") failures.push(`case ${i} (${kind}): ${String(e).slice(0, 200)}`);
        }
        outcomes.push(o);
        rmSync(f);
      }
      console.log(`${k.name} fuzz: ${k.cases} cases`, tally(outcomes));
      expect(failures).toEqual([]);
      expect(await read(k, good)).toBe(expected);
    }, 60_000);
  }
});
