/**
 * EEXIST on write: an append whose files would land on an entry of the other kind (a regular
 * file named like a partition folder, a folder named like a part file) fails before its commit
 * point with Spark's FAILED_RENAME_PATH naming both paths; the old data is untouched and no
 * staging folder or commit record is left behind.
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SparkSession } from "../../src/index.js";
import { PijarError } from "../../src/errors/pijar-error.js";

const spark = SparkSession.builder.getOrCreate();
const root = mkdtempSync(join(tmpdir(), "pijar-collide-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const rows = (tag: string) => [[1, tag, "a"], [2, tag, "b"]];
const df = (tag: string) => spark.createDataFrame(rows(tag), "id INT, tag STRING, k STRING");
const leftovers = (dir: string) => readdirSync(dir).filter((n) => n.includes("pijar-staging") || n.includes("pijar-commit"));

describe("an append onto an entry of the wrong kind", () => {
  it("a regular file where a partition folder goes", async () => {
    const target = join(root, "parted");
    await df("old").write.partitionBy("k").mode("overwrite").parquet(target);
    const squatter = join(target, "k=c");
    writeFileSync(squatter, "not a folder\n");
    const e = await spark.createDataFrame([[3, "new", "c"], [4, "new", "a"]], "id INT, tag STRING, k STRING")
      .write.partitionBy("k").mode("append").parquet(target).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(PijarError);
    expect((e as PijarError).errorClass).toBe("FAILED_RENAME_PATH");
    expect((e as Error).message).toContain(`file:${squatter}`);
    expect(readFileSync(squatter, "utf8")).toBe("not a folder\n");
    expect(readdirSync(join(target, "k=a")).filter((f) => f.startsWith("part-"))).toHaveLength(1);
    expect(leftovers(root)).toEqual([]);
    rmSync(squatter);
    const back = await spark.read.parquet(target).orderBy("id").collect();
    expect(back.map((r) => [r.get("id"), r.get("tag")])).toEqual([[1, "old"], [2, "old"]]);
  });

  it("a folder where a part file goes (_SUCCESS)", async () => {
    const target = join(root, "flat");
    await df("old").write.mode("overwrite").csv(target);
    rmSync(join(target, "_SUCCESS"));
    mkdirSync(join(target, "_SUCCESS"));
    const e = await df("new").write.mode("append").csv(target).then(() => null, (x: unknown) => x);
    expect((e as PijarError).errorClass).toBe("FAILED_RENAME_PATH");
    expect((e as Error).message).toContain(`file:${join(target, "_SUCCESS")}`);
    expect(leftovers(root)).toEqual([]);
    expect((await spark.read.schema("id INT, tag STRING, k STRING").csv(target).collect()).map((r) => r.get("tag"))).toEqual(["old", "old"]);
  });
});
