/**
 * The bundled build (dist/bundle, made by `npm run build`) is what `import "pijar"`, the kernel
 * and the benchmarks load, while the other tests import src/ directly. These run the bundle in
 * a plain Node child process, as a user's script would, and check the seams bundling can break:
 * the exports, one module instance behind both entries, the worker file found beside the bundle.
 * (The scripts run as `node --input-type=module -e`, which the library's eval workers must survive.)
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as source from "../../src/index.js";

const root = join(import.meta.dirname, "..", "..");
const bundle = join(root, "dist", "bundle");

/** Runs an ES module script in a fresh Node and returns what it printed. */
function runNode(script: string): string {
  if (!existsSync(join(bundle, "pijar.js"))) throw new Error("dist/bundle/pijar.js is missing: run `npm run build` first");
  return execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8", env: { ...process.env, TZ: "UTC" } });
}

describe("dist/bundle", () => {
  it("is the package's import entry and exports what src/index.ts exports", async () => {
    const pkg = (await import("../../package.json", { with: { type: "json" } })).default as { exports: Record<string, { import?: string }> };
    expect(pkg.exports["."]!.import).toBe("./dist/bundle/pijar.js");
    const names = JSON.parse(runNode(`const m = await import("pijar"); console.log(JSON.stringify(Object.keys(m).sort()));`));
    expect(names).toEqual(Object.keys(source).sort());
  });

  it("runs a query and shows it as src/ does", () => {
    const out = runNode(`const { SparkSession, functions: F } = await import("./dist/bundle/pijar.js");
const spark = SparkSession.builder.getOrCreate();
const df = spark.range(5).withColumn("sq", F.col("id").multiply(F.col("id")));
console.log(await df._showString());`);
    expect(out).toContain("| id| sq|");
    expect(out).toContain("|  4| 16|");
  });

  it("shares one job registry between pijar.js and jobs.js (the kernel's progress and cancel hooks)", () => {
    const out = runNode(`const jobs = await import("./dist/bundle/jobs.js");
let ended = 0;
jobs.addProgressListener({ onJobStart() {}, onProgress() {}, onJobEnd() { ended++; } });
const { SparkSession } = await import("./dist/bundle/pijar.js");
const spark = SparkSession.builder.getOrCreate();
await spark.range(1000).selectExpr("sum(id) AS s").collect();
console.log(ended, jobs.runningJobCount());`);
    const [ended, running] = out.trim().split(" ").map(Number);
    expect(ended).toBeGreaterThan(0);
    expect(running).toBe(0);
  });

  it("finds the JDBC describe worker beside the bundle (schema of a SQLite table, synchronously)", () => {
    const db = join(mkdtempSync(join(tmpdir(), "pijar-bundle-")), "shop.db");
    const out = runNode(`const { SparkSession } = await import("./dist/bundle/pijar.js");
const spark = SparkSession.builder.getOrCreate();
const url = ${JSON.stringify("jdbc:sqlite:" + db)};
await spark.createDataFrame([{ id: 1, city: "Bandung" }]).write.jdbc(url, "shops");
const df = spark.read.jdbc(url, "shops");
console.log(df.columns.join(","), (await df.collect()).length);`);
    expect(out.trim()).toBe("id,city 1");
  });
});
