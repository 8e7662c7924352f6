/**
 * Text codecs against PySpark 4.3 (expected/codecs.json from codec_oracle.py):
 * - every file PySpark wrote with a codec (and zstd / concatenated bzip2 made from its plain
 *   output) reads back in Pijar as the rows PySpark read;
 * - a file cut in half fails with Spark's class (FAILED_READ_FILE.NO_HINT naming the file);
 * - Pijar's own compressed part files are byte for byte the ones committed in
 *   data/pijar-codecs/, which the oracle read back with PySpark and found equal to the source.
 *   After a deliberate change of Pijar's output:
 *     PIJAR_WRITE_CODEC_FIXTURES=1 npx vitest run test/reliability/codecs.test.ts
 *     .venv/bin/python test/reliability/codec_oracle.py --write
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SparkSession } from "../../src/index.js";
import { PijarError } from "../../src/errors/pijar-error.js";

const here = new URL(".", import.meta.url).pathname;
const CASES = JSON.parse(readFileSync(join(here, "codec-cases.json"), "utf8")) as {
  rows: number; exprs: string[]; schema: string; write_codecs: string[]; formats: string[];
};
type Read = { rows?: unknown[][] | "source"; error?: string };
const oracle = JSON.parse(readFileSync(join(here, "expected/codecs.json"), "utf8")) as {
  spark_written: Record<string, { format: string; file: string; bytes: string; expected: Read; equals_source: boolean }>;
  truncated: Record<string, { error?: string; rows_read?: number }>;
  pijar_written: Record<string, { files: string[]; read: { rows?: number; error?: string }; equals_source: boolean }>;
  source_rows: number;
  source: unknown[][];
};
/** The rows PySpark read ("source": the source rows, stored once in the oracle's file). */
const rowsOf = (r: Read) => (r.rows === "source" ? oracle.source : r.rows);
const FIXTURES = join(here, "data/pijar-codecs");
const regenerate = process.env.PIJAR_WRITE_CODEC_FIXTURES === "1";

const spark = SparkSession.builder.getOrCreate();
const root = mkdtempSync(join(tmpdir(), "pijar-codecs-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function read(fmt: string, dir: string): Promise<unknown[][]> {
  const r = spark.read.format(fmt).schema(CASES.schema);
  if (fmt === "csv") r.option("header", true);
  return (await r.load(dir).orderBy("id").collect()).map((x) => x.toArray());
}

function lay(name: string, file: string, bytes: Buffer): string {
  const d = join(root, name.replace(/[^a-z0-9]+/gi, "_"));
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, file), bytes);
  return d;
}

describe("files PySpark wrote with each codec", () => {
  for (const [name, c] of Object.entries(oracle.spark_written)) {
    it(`${name}: the rows PySpark read`, async () => {
      expect(c.equals_source).toBe(true);
      const d = lay(name, c.file, Buffer.from(c.bytes, "base64"));
      expect(await read(c.format, d)).toEqual(rowsOf(c.expected));
    });
  }
});

/**
 * Where Spark silently reads a truncated file as fewer rows (Hadoop's lz4 and snappy block
 * streams take an early end as the end), Pijar fails instead: losing rows without a word is
 * what issue 13 calls silent garbage.
 */
describe("compressed files cut in half", () => {
  for (const [name, t] of Object.entries(oracle.truncated)) {
    it(`${name}: ${t.error ?? `Spark reads ${t.rows_read} rows; Pijar fails`}`, async () => {
      const c = oracle.spark_written[name]!;
      const full = Buffer.from(c.bytes, "base64");
      const d = lay(`cut ${name}`, c.file, full.subarray(0, Math.floor(full.length / 2)));
      const e = await read(c.format, d).then(() => null, (x: unknown) => x);
      expect(e).toBeInstanceOf(PijarError);
      expect((e as PijarError).errorClass).toBe(t.error ?? "FAILED_READ_FILE.NO_HINT");
      expect((e as Error).message).toContain(join(d, c.file));
      if (t.rows_read !== undefined) expect(t.rows_read).toBeLessThan(oracle.source_rows);
    });
  }
});

describe("files Pijar writes with each codec", () => {
  for (const fmt of CASES.formats) {
    for (const codec of CASES.write_codecs) {
      const key = `${fmt}-${codec}`;
      it(`${key}: the committed bytes, which PySpark read as the source rows`, async () => {
        const out = join(root, `pijar-${key}`);
        const df = spark.range(CASES.rows).selectExpr(...CASES.exprs);
        const w = df.write.mode("overwrite").option("compression", codec);
        if (fmt === "csv") w.option("header", true);
        await w.format(fmt).save(out);
        const parts = readdirSync(out).filter((f) => f.startsWith("part-"));
        expect(parts).toHaveLength(1);
        const bytes = readFileSync(join(out, parts[0]!));
        const fixture = join(FIXTURES, key, `part-00000-c000${parts[0]!.slice(parts[0]!.indexOf("-c000") + 5)}`);
        if (regenerate) {
          rmSync(join(FIXTURES, key), { recursive: true, force: true });
          mkdirSync(join(FIXTURES, key), { recursive: true });
          writeFileSync(fixture, bytes);
        }
        expect(bytes.equals(readFileSync(fixture)), `${fixture} is not what Pijar writes now (see the file comment)`).toBe(true);
        const seen = oracle.pijar_written[key];
        expect(seen, `the oracle has not read ${key}: rerun codec_oracle.py --write`).toBeDefined();
        expect(seen!.files).toEqual([fixture.slice(fixture.lastIndexOf("/") + 1)]);
        expect(seen!.read).toEqual({ rows: oracle.source_rows });
        expect(seen!.equals_source).toBe(true);
        // And Pijar reads its own output back.
        expect(await read(fmt, out)).toEqual(oracle.source);
      }, 60_000);
    }
  }
});
