/**
 * Disk full during a write: the write fails with Spark's TASK_WRITE_FAILED naming the path, the
 * old data reads back unchanged (an overwrite or append fails before its commit point), and no
 * staging folder is left behind. Two ways to run out of room:
 * - a file-size limit: a child process under `ulimit -f` (SIGXFSZ ignored, so a write past the
 *   limit fails with EFBIG instead of killing it); works for any user;
 * - a real full disk: a 1 MiB tmpfs, where the write fails with ENOSPC; needs `mount` (root),
 *   and is skipped, saying why, where mount is refused.
 */
import { afterAll, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SparkSession } from "../../src/index.js";
import { PijarError } from "../../src/errors/pijar-error.js";

const spark = SparkSession.builder.getOrCreate();
const root = mkdtempSync(join(tmpdir(), "pijar-diskfull-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const OLD = Array.from({ length: 5 }, (_, i) => [i, "old", "o"]);
async function writeOld(p: string, format: string): Promise<void> {
  await spark.createDataFrame(OLD, "id INT, tag STRING, pad STRING").write.mode("overwrite").format(format).save(p);
}
async function rowsAt(p: string, format: string): Promise<unknown[][]> {
  const rows = await spark.read.format(format).schema("id INT, tag STRING, pad STRING").load(p).orderBy("id").collect();
  return rows.map((r) => r.toArray());
}
const leftovers = (dir: string) => readdirSync(dir).filter((n) => n.includes("pijar-staging") || n.includes("pijar-commit"));

const CASES: { format: string; mode: string; compression?: string }[] = [
  { format: "csv", mode: "overwrite" },
  { format: "csv", mode: "overwrite", compression: "gzip" },
  { format: "json", mode: "overwrite", compression: "bzip2" },
  { format: "parquet", mode: "overwrite" },
  { format: "json", mode: "append" },
];

describe("a file-size limit (ulimit -f) during a write", () => {
  for (const c of CASES) {
    const name = `${c.format} ${c.mode}${c.compression ? ` ${c.compression}` : ""}`;
    it(`${name}: TASK_WRITE_FAILED, old data intact`, async () => {
      const dir = join(root, name.replace(/ /g, "-"));
      mkdirSync(dir);
      const target = join(dir, "t");
      await writeOld(target, c.format);
      // 512 KiB: the old data and Node's own files fit, the ~4 MB of new rows (hex digests, which no codec squeezes under it) do not.
      const script = `trap '' XFSZ; ulimit -f 512; exec "$0" --import tsx test/reliability/child-write-big.ts "$@"`;
      const r = spawnSync("bash", ["-c", script, process.execPath, target, c.format, c.mode, ...(c.compression ? [c.compression] : [])], { encoding: "utf8", timeout: 120_000 });
      const last = r.stdout.trim().split("\n").pop() ?? "";
      expect(last, `child: ${r.stderr.slice(-2000)}`).toMatch(/^\{/);
      const out = JSON.parse(last) as { ok?: boolean; errorClass: string | null; message: string };
      expect(out.errorClass, out.message).toBe("TASK_WRITE_FAILED");
      expect(out.message).toContain(`file:${target}`);
      expect(out.message).toContain("EFBIG");
      expect(await rowsAt(target, c.format)).toEqual(OLD);
      expect(leftovers(dir)).toEqual([]);
    }, 150_000);
  }
});

function tryMount(dir: string): string | null {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", dir], { stdio: "pipe" });
    return null;
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr ?? e).trim() || "mount failed";
  }
}

describe("a full disk (1 MiB tmpfs) during a write", () => {
  const disk = join(root, "tmpfs");
  mkdirSync(disk);
  const refused = tryMount(disk);
  if (refused) console.log(`tmpfs disk-full cases skipped: ${refused}`);
  afterAll(() => {
    if (!refused) execFileSync("umount", [disk]);
  });
  for (const c of CASES) {
    const name = `${c.format} ${c.mode}${c.compression ? ` ${c.compression}` : ""}`;
    it.skipIf(refused !== null)(`${name}: TASK_WRITE_FAILED (ENOSPC), old data intact, space given back`, async () => {
      const dir = join(disk, name.replace(/ /g, "-"));
      mkdirSync(dir);
      const target = join(dir, "t");
      await writeOld(target, c.format);
      const df = spark.range(30_000).selectExpr("CAST(id AS INT) AS id", "'new' AS tag", "concat(sha2(CAST(id AS STRING), 256), sha2(CAST(-id AS STRING), 256)) AS pad");
      const w = df.write.mode(c.mode).format(c.format);
      if (c.compression) w.option("compression", c.compression);
      const e = await w.save(target).then(() => null, (x: unknown) => x);
      if (c.compression && e === null) return expect.fail(`a compressed ${c.format} write fit in 1 MiB: make its rows larger`);
      expect(e).toBeInstanceOf(PijarError);
      expect((e as PijarError).errorClass).toBe("TASK_WRITE_FAILED");
      expect((e as Error).message).toContain(`file:${target}`);
      expect((e as Error).message).toContain("ENOSPC");
      expect(await rowsAt(target, c.format)).toEqual(OLD);
      expect(leftovers(dir)).toEqual([]);
      rmSync(dir, { recursive: true });
    }, 60_000);
  }
});
