/**
 * CSV behaviour beyond the oracle cases: streaming and limits, pruning, shared dictionaries,
 * error messages (Pijar's own wording, so asserted directly).
 */
import { afterAll, describe, expect, it } from "vitest";
import * as A from "apache-arrow";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openCsv } from "../../src/io/csv/csv-source.js";
import { Options } from "../../src/io/options.js";
import { Job } from "../../src/execution/jobs.js";
import { parseSchema } from "../../src/types/ddl.js";
import { ctx, errorClassOf, rowsOf, scanAll } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "pijar-csvx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const big = (() => {
  let s = "id,city,v\n";
  for (let i = 0; i < 50_000; i++) s += `${i},${["Jakarta", "Bandung", "Medan"][i % 3]},${i / 2}\n`;
  return file("big.csv", s);
})();

describe("CSV scan", () => {
  it("stops reading at the limit (reads only the first chunk)", async () => {
    const src = openCsv([big], new Options({ header: true }), null, "UTC", { chunkSize: 4096 });
    const job = new Job(0, "t");
    let rows = 0;
    for await (const b of src.scan({ columns: ["id"], filters: [], limit: 5, batchSize: 1000, ctx }, job)) rows += b.numRows;
    expect(rows).toBe(5);
    expect(job.progress.bytesRead).toBeLessThanOrEqual(4096);
  });

  it("produces batches of at most batchSize rows, in order", async () => {
    const src = openCsv([big], new Options({ header: true, inferSchema: true }), null, "UTC", { chunkSize: 10_000 });
    const bs = await scanAll(src, { batchSize: 7000 });
    expect(bs.every((b) => b.numRows <= 7000)).toBe(true);
    const rows = rowsOf(bs);
    expect(rows.length).toBe(50_000);
    expect(rows[49_999]).toEqual([49_999, "Bandung", 24_999.5]); // 49999 % 3 === 1
    expect(src.schema.simpleString()).toBe("struct<id:int,city:string,v:double>");
  });

  it("returns only the requested columns, in the requested order", async () => {
    const src = openCsv([big], new Options({ header: true, inferSchema: true }), null, "UTC");
    const bs = await scanAll(src, { columns: ["v", "id"], limit: 2 });
    expect(bs[0]!.schema.names).toEqual(["v", "id"]);
    expect(rowsOf(bs)).toEqual([[0, 0], [0.5, 1]]);
  });

  it("dictionary-encodes low-cardinality strings with one dictionary across batches", async () => {
    const src = openCsv([big], new Options({ header: true }), null, "UTC");
    const bs = await scanAll(src, { columns: ["city"], batchSize: 10_000 });
    const types = bs.map((b) => b.columns[0]!.type.typeId);
    expect(types.every((t) => t === A.Type.Dictionary)).toBe(true);
    const firstDict = bs[0]!.columns[0]!.dictionary!;
    const lastDict = bs[bs.length - 1]!.columns[0]!.dictionary!;
    expect(lastDict.toArray().slice(0, firstDict.length)).toEqual(firstDict.toArray());
    expect(bs[0]!.values(0).slice(0, 3)).toEqual(["Jakarta", "Bandung", "Medan"]);
  });

  it("reads several files, a glob and a folder, with a header in each file", async () => {
    file("g1.csv", "a,b\n1,x\n");
    file("g2.csv", "a,b\n2,y\n");
    const src = openCsv([join(dir, "g*.csv")], new Options({ header: true, inferSchema: true }), null, "UTC");
    expect(rowsOf(await scanAll(src))).toEqual([[1, "x"], [2, "y"]]);
  });

  it("reports the missing path as Spark does", () => {
    const err = (() => {
      try {
        openCsv([join(dir, "missing.csv")], new Options(), null, "UTC");
      } catch (e) {
        return e;
      }
    })();
    expect(String(err)).toContain(`[PATH_NOT_FOUND] Path does not exist: file:${join(dir, "missing.csv")}.`);
  });
});

describe("CSV option errors", () => {
  const f = file("opts.csv", "a\n1\n");
  const err = (o: Record<string, string>) => {
    try {
      openCsv([f], new Options(o), null, "UTC");
      return null;
    } catch (e) {
      return e as Error;
    }
  };
  it("names an unknown option and suggests the nearest", () => {
    const e = err({ inferSchemma: "true" })!;
    expect(errorClassOf(e)).toBe("INVALID_OPTION");
    expect(e.message).toContain("Did you mean 'inferSchema'?");
  });
  it("rejects an invalid mode, a bad boolean and a bad datetime pattern", () => {
    expect(err({ mode: "FOO" })!.message).toContain("PERMISSIVE, DROPMALFORMED or FAILFAST");
    expect(err({ header: "yes" })!.message).toContain("true or false");
    expect(errorClassOf(err({ dateFormat: "YYYY-MM-dd" }))).toBe("INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION");
  });
  it("option names are case-insensitive", () => {
    expect(err({ HEADER: "true", InferSchema: "true" })).toBeNull();
  });
});

describe("CSV FAILFAST", () => {
  it("names the file and the line of the bad record", async () => {
    const f = file("ff.csv", "x,y\n1,2\n\n3,abc\n");
    const src = openCsv([f], new Options({ header: true, mode: "FAILFAST" }), parseSchema("x INT, y INT"), "UTC");
    const e = (await scanAll(src).catch((x) => x)) as Error;
    expect(errorClassOf(e)).toBe("MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION");
    expect(e.message).toContain("3,abc");
    expect(e.message).toContain("line 4");
  });
});

describe("options Pijar knows but does not implement", () => {
  it("raise UNSUPPORTED_FEATURE instead of being silently ignored (default values pass)", () => {
    const f = file("unsup.csv", "a\n1\n");
    expect(() => openCsv([f], new Options({ recursiveFileLookup: "true" }), null, "UTC")).toThrow(/UNSUPPORTED_FEATURE.*recursiveFileLookup/);
    expect(() => openCsv([f], new Options({ recursiveFileLookup: "false" }), null, "UTC")).not.toThrow();
  });
});
