/**
 * Fault tests of the write commit protocol: a child process writes, is killed with SIGKILL at
 * each step of the commit (PIJAR_TEST_PAUSE_AT), and the target must then read as the old data
 * or the new data: never a mix, never missing. Also: a regular file is never treated as a
 * folder, and two writers at once leave one complete result.
 */
import { afterAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SparkSession } from "../../src/index.js";

const root = mkdtempSync(join(tmpdir(), "pijar-faults-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const spark = SparkSession.builder.getOrCreate();

/** Runs the child writer; with `pauseAt`, kills it -9 once it reports being paused there. */
function runChild(args: string[], pauseAt?: string): Promise<"killed" | "exited"> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ...(pauseAt ? { PIJAR_TEST_PAUSE_AT: pauseAt } : {}) };
    const child = spawn(process.execPath, ["--import", "tsx", "test/reliability/child-write.ts", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    let killed = false;
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
      if (pauseAt && !killed && err.includes("PIJAR-PAUSED")) {
        killed = true;
        child.kill("SIGKILL");
      }
    });
    child.on("exit", (code) => {
      if (killed) resolve("killed");
      else if (code === 0) resolve("exited");
      else reject(new Error(`child failed (${code}): ${err}`));
    });
  });
}

async function tags(path: string, format: string): Promise<string[]> {
  const rows = await spark.read.format(format).load(path).orderBy("tag", "id").collect();
  return rows.map((r) => `${r.get("tag")}:${r.get("id")}`);
}
/** The same rows the child writes, tagged "old", written in this process. */
async function writeOld(p: string, format: string, partition?: string, mode = "overwrite"): Promise<void> {
  const rows = Array.from({ length: 6 }, (_, i) => [i, "old", `k${i % 3}`]);
  const w = spark.createDataFrame(rows, "id INT, tag STRING, k STRING").write.mode(mode).format(format);
  if (partition) w.partitionBy(partition);
  await w.save(p);
}
const block = (tag: string) => Array.from({ length: 6 }, (_, i) => `${tag}:${i}`).sort();
const sorted = (xs: string[]) => [...xs].sort();

interface Case {
  readonly mode: "overwrite" | "append";
  readonly step: string;
  readonly partition?: string;
  /** What the target must read as after the kill (and any recovery). */
  readonly expect: "old" | "new";
}

// Each case spawns a child process (seconds each on a loaded machine): the steps kept are the
// commit point on either side, mid-rename, mid-move and the final cleanup.
const CASES: Case[] = [
  { mode: "overwrite", step: "before-commit", expect: "old" },
  { mode: "overwrite", step: "after-commit-record", expect: "new" },
  { mode: "overwrite", step: "replace-between-renames", expect: "new" },
  { mode: "overwrite", step: "before-remove-record", expect: "new" },
  { mode: "overwrite", step: "replace-between-renames", partition: "k", expect: "new" },
  { mode: "append", step: "before-commit", expect: "old" },
  { mode: "append", step: "append-between-moves#2", expect: "new" },
  { mode: "append", step: "append-between-moves#1", partition: "k", expect: "new" },
  { mode: "append", step: "append-between-moves#3", partition: "k", expect: "new" },
];

describe("kill -9 during a write leaves old or new data", () => {
  let n = 0;
  for (const format of ["parquet", "csv", "json"]) {
    for (const c of CASES) {
      // Text formats share the commit code: their two decisive points are enough.
      if (format !== "parquet" && (c.partition || !["replace-between-renames", "append-between-moves#2"].includes(c.step))) continue;
      it(`${format} ${c.mode}${c.partition ? " partitionBy" : ""}, killed at ${c.step} -> ${c.expect}`, async () => {
        const p = join(root, `t${n++}`);
        await writeOld(p, format, c.partition);
        expect(await runChild([p, format, c.mode, "new", ...(c.partition ? [c.partition] : [])], c.step)).toBe("killed");
        const want = c.expect === "old" ? block("old") : c.mode === "append" ? sorted([...block("old"), ...block("new")]) : block("new");
        // CSV has no schema to read back: compare the raw column values.
        const got = format === "csv"
          ? (await spark.read.csv(p).collect()).map((r) => `${r.get("_c1")}:${r.get("_c0")}`)
          : await tags(p, format);
        expect(sorted(got)).toEqual(want);
        // A further write works after the recovery.
        await writeOld(p, format, c.partition, "append");
      }, 60_000);
    }
  }

  it("a reader killed while finishing a commit leaves it recoverable", async () => {
    const p = join(root, "recover-twice");
    await writeOld(p, "parquet");
    expect(await runChild([p, "parquet", "overwrite", "new"], "after-commit-record")).toBe("killed");
    // The next writer finishes the commit first; kill it inside that recovery.
    expect(await runChild([p, "parquet", "append", "more"], "replace-between-renames")).toBe("killed");
    expect(sorted(await tags(p, "parquet"))).toEqual(block("new"));
  }, 60_000);

  it("two writers overwriting at once leave one complete result", async () => {
    const p = join(root, "two-writers");
    await writeOld(p, "parquet");
    await Promise.all([runChild([p, "parquet", "overwrite", "a"]), runChild([p, "parquet", "overwrite", "b"])]);
    const got = sorted(await tags(p, "parquet"));
    expect([block("a"), block("b")]).toContainEqual(got);
  }, 60_000);
});

describe("a regular file is never treated as a folder", () => {
  const df = () => spark.createDataFrame([[1, "x"]], "id INT, s STRING");
  for (const format of ["csv", "parquet", "json"]) {
    it(`${format}: append onto a file refuses (as Spark) and keeps the file`, async () => {
      const p = join(root, `file-append.${format}.txt`);
      writeFileSync(p, "keep me\n");
      const err = await df().write.mode("append").format(format).save(p).catch((e: unknown) => e);
      expect((err as { errorClass?: string }).errorClass).toBe("PATH_NOT_A_DIRECTORY");
      expect(String(err)).toContain(`file:${p}`);
      expect(readFileSync(p, "utf8")).toBe("keep me\n");
    });
    it(`${format}: error mode refuses with PATH_ALREADY_EXISTS; ignore keeps the file`, async () => {
      const p = join(root, `file-error.${format}.txt`);
      writeFileSync(p, "keep me\n");
      const err = await df().write.format(format).save(p).catch((e: unknown) => e);
      expect((err as { errorClass?: string }).errorClass).toBe("PATH_ALREADY_EXISTS");
      await df().write.mode("ignore").format(format).save(p);
      expect(readFileSync(p, "utf8")).toBe("keep me\n");
    });
    it(`${format}: overwrite replaces the file with a folder, as Spark does`, async () => {
      const p = join(root, `file-overwrite.${format}.txt`);
      writeFileSync(p, "old\n");
      await df().write.mode("overwrite").format(format).save(p);
      expect(existsSync(join(p, "_SUCCESS"))).toBe(true);
      expect(await spark.read.format(format).load(p).count()).toBe(1);
    });
  }
});
