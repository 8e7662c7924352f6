/**
 * The write commit protocol (save modes, staging, failure midway leaves old data intact) and
 * partitioned write/read against the folder layout PySpark produced (expected/parquet.json).
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { Batch } from "../../src/columnar/batch.js";
import { Job } from "../../src/execution/jobs.js";
import { parseSchema } from "../../src/types/ddl.js";
import { Options } from "../../src/io/options.js";
import { csvWriteOptions } from "../../src/io/csv/csv-options.js";
import { CsvOutputFormat } from "../../src/io/writer/csv-writer.js";
import { writeBatches } from "../../src/io/writer/write-job.js";
import { parseSaveMode, setAfterPartFileHook, type SaveMode } from "../../src/io/writer/commit.js";
import { openCsv } from "../../src/io/csv/csv-source.js";
import { errorClassOf, rowsOf, scanAll } from "./helpers.js";

const here = new URL(".", import.meta.url);
const expected = JSON.parse(readFileSync(new URL("expected/parquet.json", here), "utf8")) as Record<string, { dirs: string[]; schema: string; rows: unknown[][] }>;
const root = mkdtempSync(join(tmpdir(), "pijar-commit-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => setAfterPartFileHook(null));

const schema = parseSchema("i INT, s STRING");
const batch = (rows: [number, string | null][]) => Batch.fromValues(schema, [rows.map((r) => r[0]), rows.map((r) => r[1])], rows.length);
async function* stream(...bs: Batch[]) {
  yield* bs;
}
const csv = new CsvOutputFormat(csvWriteOptions(new Options(), "UTC"));

function write(path: string, mode: SaveMode, ...bs: Batch[]) {
  return writeBatches({ path, mode, format: csv, partitionBy: [], timeZone: "UTC" }, schema, stream(...bs), new Job(0, "t"));
}
const readText = (dir: string) => readdirSync(dir).filter((f) => f.startsWith("part-")).sort().map((f) => readFileSync(join(dir, f), "utf8")).join("");
const listing = (dir: string) => readdirSync(dir).sort();

describe("save modes", () => {
  it("error (default) refuses an existing path with PATH_ALREADY_EXISTS", async () => {
    const p = join(root, "m-error");
    await write(p, "error", batch([[1, "a"]]));
    const err = await write(p, "error", batch([[2, "b"]])).catch((e) => e);
    expect(errorClassOf(err)).toBe("PATH_ALREADY_EXISTS");
    expect(String(err)).toContain(`file:${p}`);
    expect(readText(p)).toBe("1,a\n");
  });

  it("ignore leaves an existing path alone", async () => {
    const p = join(root, "m-ignore");
    await write(p, "ignore", batch([[1, "a"]]));
    expect(await write(p, "ignore", batch([[2, "b"]]))).toBe(false);
    expect(readText(p)).toBe("1,a\n");
  });

  it("append adds part files; overwrite replaces everything", async () => {
    const p = join(root, "m-append");
    await write(p, "error", batch([[1, "a"]]));
    await write(p, "append", batch([[2, "b"]]));
    expect(listing(p).filter((f) => f.startsWith("part-")).length).toBe(2);
    expect(readText(p).split("\n").sort().join("\n")).toBe("\n1,a\n2,b");
    await write(p, "overwrite", batch([[3, "c"]]));
    expect(readText(p)).toBe("3,c\n");
    expect(listing(p).filter((f) => !f.startsWith("part-"))).toEqual(["_SUCCESS"]);
  });

  it("parses Spark's mode names and rejects others", () => {
    expect(parseSaveMode("ErrorIfExists")).toBe("error");
    expect(parseSaveMode("default")).toBe("error");
    expect(() => parseSaveMode("replace")).toThrow(/INVALID_SAVE_MODE/);
  });

  it("leaves no staging folder behind and writes Spark's layout", async () => {
    const p = join(root, "layout");
    await write(p, "error", batch([[1, "a"]]));
    expect(readdirSync(root).filter((f) => f.includes("pijar-staging"))).toEqual([]);
    const names = listing(p);
    expect(names[0]).toMatch(/^_SUCCESS$/);
    expect(names[1]).toMatch(/^part-00000-[0-9a-f-]{36}-c000\.csv$/);
  });
});

describe("a write that fails midway", () => {
  for (const mode of ["overwrite", "append"] as const) {
    it(`${mode}: old data stays complete and no staging folder remains`, async () => {
      const p = join(root, `fail-${mode}`);
      await write(p, "error", batch([[1, "old"]]));
      const before = listing(p);
      async function* failing() {
        yield batch([[2, "new"]]);
        throw new Error("disk full (injected)");
      }
      const err = await writeBatches({ path: p, mode, format: csv, partitionBy: [], timeZone: "UTC" }, schema, failing(), new Job(0, "t")).catch((e) => e);
      expect(String(err)).toContain("injected");
      expect(listing(p)).toEqual(before);
      expect(readText(p)).toBe("1,old\n");
      expect(readdirSync(root).filter((f) => f.includes(`fail-${mode}.pijar`))).toEqual([]);
    });
  }

  it("a crash after a part file is closed (before commit) also keeps the old data", async () => {
    const p = join(root, "fail-hook");
    await write(p, "error", batch([[1, "old"]]));
    setAfterPartFileHook(() => {
      throw new Error("killed (injected)");
    });
    await expect(write(p, "overwrite", batch([[9, "new"]]))).rejects.toThrow(/killed/);
    expect(readText(p)).toBe("1,old\n");
  });

  it("readers ignore a staging folder left by a killed process", async () => {
    const p = join(root, "leftover");
    await write(p, "error", batch([[1, "a"]]));
    mkdirSync(join(p, ".part-tmp"), { recursive: true });
    writeFileSync(join(p, ".part-tmp", "part-x.csv"), "99,zzz\n");
    writeFileSync(join(p, "_temporary"), "99,zzz\n");
    const src = openCsv([p], new Options(), null, "UTC");
    expect(rowsOf(await scanAll(src))).toEqual([["1", "a"]]);
  });
});

describe("partitioned write and read (PySpark layout)", () => {
  it("escapes values, writes nulls/empties as __HIVE_DEFAULT_PARTITION__ and reads them back", async () => {
    const exp = expected["partition_dirs"]!;
    const s = parseSchema("i INT, city STRING, year INT");
    const rows: [number, string | null, number | null][] = [[1, "Jakarta", 2024], [2, null, 2024], [3, "a/b=c d%:#", 2023], [4, "", null]];
    const b = Batch.fromValues(s, [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])], rows.length);
    const p = join(root, "parts");
    await writeBatches({ path: p, mode: "error", format: csv, partitionBy: ["year", "city"], timeZone: "UTC" }, s, stream(b), new Job(0, "t"));
    const dirs: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) {
          dirs.push(relative(p, join(d, e.name)));
          walk(join(d, e.name));
        }
      }
    };
    walk(p);
    expect(dirs.sort()).toEqual(exp.dirs);
    const src = openCsv([p], new Options(), null, "UTC");
    expect(src.schema.simpleString()).toBe(exp.schema);
    const got = rowsOf(await scanAll(src)).sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    expect(got).toEqual(exp.rows);
  });

  it("rejects partitioning by every column and unknown columns", async () => {
    const p = join(root, "bad-parts");
    await expect(writeBatches({ path: p, mode: "error", format: csv, partitionBy: ["i", "s"], timeZone: "UTC" }, schema, stream(batch([[1, "a"]])), new Job(0, "t"))).rejects.toThrow(/ALL_PARTITION_COLUMNS_NOT_ALLOWED/);
    await expect(writeBatches({ path: p, mode: "error", format: csv, partitionBy: ["nope"], timeZone: "UTC" }, schema, stream(batch([[1, "a"]])), new Job(0, "t"))).rejects.toThrow(/UNRESOLVED_COLUMN/);
    expect(existsSync(p)).toBe(false);
  });
});
