/**
 * Text and compressed-input fuzz (fixed seeds): corrupted CSV, JSON Lines and their gzip,
 * deflate, bzip2, lz4, snappy and zstd forms. Plain text may read as other rows (any bytes are
 * some CSV), but never as an unclassed error or a crash, and neither may any compressed form.
 * A damaged gzip/deflate/bzip2 stream must moreover read as the original rows or fail with a
 * classed error (their checksums catch the damage), never as garbage rows. Hadoop's lz4 and
 * snappy framing has no checksum (Spark too reads a flipped literal as other rows), and the
 * zstd decoder does not check the optional content checksum, so for those other rows are allowed.
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync, gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { SparkSession } from "../../src/index.js";
import type { ByteTransform } from "../../src/io/codecs/byte-transform.js";
import { Bzip2Encoder } from "../../src/io/codecs/bzip2-encoder.js";
import { HadoopBlockEncoder } from "../../src/io/codecs/hadoop-block.js";
import { LZ4_BLOCK } from "../../src/io/codecs/lz4.js";
import { SNAPPY_BLOCK } from "../../src/io/codecs/snappy.js";
import { corrupt, outcomeOf, rng, tally, type Outcome } from "./fuzz-helpers.js";

const spark = SparkSession.builder.getOrCreate();
const root = mkdtempSync(join(tmpdir(), "pijar-textfuzz-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const CSV = Buffer.from("id,name,price\n" + Array.from({ length: 60 }, (_, i) => `${i},"item ${i}, ""q""",${(i * 1.25).toFixed(2)}\n`).join(""));
const JSONL = Buffer.from(Array.from({ length: 60 }, (_, i) => JSON.stringify({ id: i, name: `item ${i}`, tags: [i, { k: "v" }] }) + "\n").join(""));

const encode = (t: ByteTransform, b: Buffer) => Buffer.concat([...t.push(b), ...t.end()]);
// zstd: a file PySpark's oracle read (Pijar writes no zstd, as Spark writes none for text).
const codecsOracle = JSON.parse(readFileSync(new URL("./expected/codecs.json", import.meta.url), "utf8")) as
  { spark_written: Record<string, { bytes: string }> };
const ZST_CSV = Buffer.from(codecsOracle.spark_written["csv zstd"]!.bytes, "base64");

interface Kind {
  readonly name: string;
  readonly ext: string;
  readonly format: "csv" | "json";
  readonly bytes: Buffer;
  readonly compressed: boolean;
  /** Whether the format detects damage (a checksum): then other rows are a failure. */
  readonly checked?: boolean;
  readonly cases: number;
}
const KINDS: Kind[] = [
  { name: "csv", ext: ".csv", format: "csv", bytes: CSV, compressed: false, cases: 60 },
  { name: "json", ext: ".json", format: "json", bytes: JSONL, compressed: false, cases: 60 },
  { name: "csv.gz", ext: ".csv.gz", format: "csv", bytes: gzipSync(CSV), compressed: true, checked: true, cases: 60 },
  { name: "json.gz", ext: ".json.gz", format: "json", bytes: gzipSync(JSONL), compressed: true, checked: true, cases: 60 },
  { name: "csv.deflate", ext: ".csv.deflate", format: "csv", bytes: deflateSync(CSV), compressed: true, checked: true, cases: 40 },
  { name: "csv.bz2", ext: ".csv.bz2", format: "csv", bytes: encode(new Bzip2Encoder(), CSV), compressed: true, checked: true, cases: 40 },
  { name: "json.bz2", ext: ".json.bz2", format: "json", bytes: encode(new Bzip2Encoder(), JSONL), compressed: true, checked: true, cases: 40 },
  { name: "csv.lz4", ext: ".csv.lz4", format: "csv", bytes: encode(new HadoopBlockEncoder(LZ4_BLOCK), CSV), compressed: true, cases: 40 },
  { name: "json.snappy", ext: ".json.snappy", format: "json", bytes: encode(new HadoopBlockEncoder(SNAPPY_BLOCK), JSONL), compressed: true, cases: 40 },
  { name: "csv.zst", ext: ".csv.zst", format: "csv", bytes: ZST_CSV, compressed: true, cases: 30 },
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
          if (o === "other-rows" && k.checked) failures.push(`case ${i} (${kind}): a damaged ${k.name} read as other rows`);
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
