/**
 * Edge cases of reading and writing, against what PySpark 4.3 did with the same bytes
 * (expected/edge-cases.json from oracle.py): compressed input (gzip, deflate; truncated),
 * JSON oddities (invalid UTF-8, duplicate keys, -0, 100,000-deep nesting), compression names
 * on write, writes onto a regular file, a FIFO with no writer, temp view names.
 *
 * Known deliberate differences are listed in DIFFERENCES with the reason.
 */
import { afterAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SparkSession } from "../../src/index.js";

interface ReadCase {
  files: Record<string, string>;
  format: string;
  path: string;
  options: Record<string, string>;
  schema: string | null;
  expected: { schema?: string; rows?: unknown[][]; error?: string };
}
const oracle = JSON.parse(readFileSync(new URL("./expected/edge-cases.json", import.meta.url), "utf8")) as {
  reads: Record<string, ReadCase>;
  views: Record<string, { ok?: boolean; error?: string }>;
  write_codecs: Record<string, { extensions?: string[]; error?: string }>;
  write_onto_file: Record<string, { ok?: boolean; error?: string; file_kept: boolean; now_folder: boolean }>;
  fifo: { rows?: unknown[][]; error?: string };
};

/** Where Pijar knowingly differs from Spark (see the reason). */
const DIFFERENCES: Record<string, string> = {
  // Spark (Hadoop) raises an unclassed ParentNotDirectoryException; Pijar classes it.
  "write csv append": "PATH_NOT_A_DIRECTORY",
  "write json append": "PATH_NOT_A_DIRECTORY",
  "write parquet append": "PATH_NOT_A_DIRECTORY",
};

const spark = SparkSession.builder.getOrCreate();
const root = mkdtempSync(join(tmpdir(), "pijar-edge-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const norm = (v: unknown): unknown => {
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "number" && !Number.isInteger(v)) return String(v);
  return v;
};

async function attempt<T>(f: () => Promise<T> | T): Promise<{ value?: T; error?: string; raw?: unknown }> {
  try {
    return { value: await f() };
  } catch (e) {
    return { error: (e as { errorClass?: string }).errorClass ?? `unclassed ${String(e)}`, raw: e };
  }
}

describe("reads match PySpark", () => {
  let n = 0;
  for (const [name, c] of Object.entries(oracle.reads)) {
    it(name, async () => {
      const d = join(root, `r${n++}`);
      execFileSync("mkdir", ["-p", d]);
      for (const [f, b64] of Object.entries(c.files)) writeFileSync(join(d, f), Buffer.from(b64, "base64"));
      const got = await attempt(async () => {
        const r = spark.read.format(c.format).options(c.options);
        if (c.schema) r.schema(c.schema);
        const df = r.load(join(d, c.path));
        const rows = (await df.collect()).map((row) => row.toArray().map(norm));
        // Float columns: Python prints whole doubles as "5.0"; compare as Spark's text.
        const types = df.schema.fields.map((f) => f.dataType.simpleString());
        return { schema: df.schema.simpleString(), rows: rows.map((r) => r.map((v, i) => (types[i] === "double" && typeof v === "number" ? (Object.is(v, -0) ? "-0.0" : `${v}.0`) : v))) };
      });
      if (c.expected.error) {
        expect(got.error, String(got.raw ?? JSON.stringify(got.value))).toBe(c.expected.error);
      } else {
        expect(got.error, String(got.raw)).toBeUndefined();
        expect(got.value).toEqual({ schema: c.expected.schema, rows: c.expected.rows });
      }
    }, 30_000);
  }
});

describe("write compression names match PySpark", () => {
  for (const [name, c] of Object.entries(oracle.write_codecs)) {
    it(name, async () => {
      const [fmt, codec] = name.split(" ") as [string, string];
      const out = join(root, `w-${fmt}-${codec}`);
      const got = await attempt(async () => {
        await spark.createDataFrame([[1, "a"], [2, "b"]], "id INT, s STRING").write.mode("overwrite").option("compression", codec).format(fmt).save(out);
        return readdirSync(out).filter((f) => f.startsWith("part-")).map((f) => f.slice(f.indexOf("-c000") + 5)).sort();
      });
      if (c.error) expect(got.error).toBe(c.error);
      else {
        expect(got.value).toEqual(c.extensions);
        // And the compressed output reads back.
        expect((await spark.read.format(fmt).schema("id INT, s STRING").load(out).orderBy("id").collect()).map((r) => r.toArray())).toEqual([[1, "a"], [2, "b"]]);
      }
    });
  }
});

describe("writes onto a regular file match PySpark", () => {
  for (const [key, c] of Object.entries(oracle.write_onto_file)) {
    it(key, async () => {
      const [fmt, mode] = key.split(" ") as [string, string];
      const p = join(root, `onto-${fmt}-${mode}`);
      writeFileSync(p, "keep me\n");
      const got = await attempt(() => spark.createDataFrame([[1, "a"]], "id INT, s STRING").write.mode(mode).format(fmt).save(p));
      const want = DIFFERENCES[`write ${fmt} ${mode}`] ?? c.error;
      expect(got.error).toBe(want);
      expect(existsSync(p) && statSync(p).isFile() && readFileSync(p, "utf8") === "keep me\n").toBe(c.file_kept);
      expect(existsSync(p) && statSync(p).isDirectory()).toBe(c.now_folder);
    });
  }
});

describe("other inputs", () => {
  it("a FIFO with no writer reads as PySpark does (and does not block)", async () => {
    const p = join(root, "fifo.csv");
    execFileSync("mkfifo", [p]);
    const got = await attempt(async () => (await spark.read.csv(p).collect()).map((r) => r.toArray()));
    if (oracle.fifo.error) expect(got.error).toBe(oracle.fifo.error);
    else expect(got.value).toEqual(oracle.fifo.rows);
  }, 20_000);

  for (const [name, c] of Object.entries(oracle.views)) {
    it(`createOrReplaceTempView(${JSON.stringify(name)})`, async () => {
      const got = await attempt(() => spark.createDataFrame([[1]], "id INT").createOrReplaceTempView(name));
      if (c.error) expect(got.error).toBe(c.error);
      else expect(got.error).toBeUndefined();
    });
  }

  it("a permission-denied file is a classed error naming the file (run as an unprivileged user)", async () => {
    // Root reads any file, so the read runs in a child process as `nobody` when we are root.
    const p = join(root, "noperm.csv");
    writeFileSync(p, "a\n1\n");
    execFileSync("chmod", ["0000", p]);
    if (process.getuid?.() !== 0) {
      const got = await attempt(async () => spark.read.csv(p).collect());
      expect(got.error).toBe("FAILED_READ_FILE.NO_HINT");
      expect(String(got.raw)).toContain(p);
      return;
    }
    execFileSync("chmod", ["0755", root]);
    const script = `import { SparkSession } from ${JSON.stringify(new URL("../../src/index.ts", import.meta.url).pathname)};
try { SparkSession.builder.getOrCreate().read.csv(${JSON.stringify(p)}); console.log("no error"); }
catch (e) { console.log(e.errorClass + " " + e.message); }`;
    const file = join(root, "perm-child.mts");
    writeFileSync(file, script);
    const tsx = new URL("../../node_modules/tsx/dist/cli.mjs", import.meta.url).pathname;
    const out = execFileSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, tsx, file], { encoding: "utf8", cwd: "/tmp" });
    expect(out).toMatch(/^FAILED_READ_FILE\.NO_HINT /);
    expect(out).toContain(p);
    expect(out).toContain("EACCES");
  }, 60_000);
});
