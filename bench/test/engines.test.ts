/**
 * Every engine runs the workload on a small generated input and must write the same top-100 as
 * DuckDB (and as PySpark when BENCH_TEST_PYSPARK=1, since a JVM start makes it slow).
 * Correctness only: nothing here asserts on timings.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareFingerprints, fingerprint, type ResultFingerprint } from "../check.js";
import { ENGINES } from "../engines.js";
import { writeCitiesCsv, writeSalesCsv, writeSalesParquet } from "../generate.js";
import { measure } from "../spawn.js";
import type { InputFormat } from "../workload.js";

const dir = mkdtempSync(join(tmpdir(), "pijar-bench-test-"));
const csv = join(dir, "sales.csv");
const pq = join(dir, "sales.parquet");
const cities = join(dir, "cities.csv");

beforeAll(async () => {
  await writeSalesCsv(csv, 30_000);
  writeCitiesCsv(cities);
  await writeSalesParquet(csv, pq);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const reference: Partial<Record<InputFormat, ResultFingerprint>> = {};

async function run(engine: string, format: InputFormat) {
  const spec = ENGINES.find((e) => e.name === engine)!;
  const out = join(dir, `${engine}_${format}.parquet`);
  const m = await measure(spec.command({ input: format === "csv" ? csv : pq, format, cities, out }), 170);
  return { m, out };
}

for (const format of ["csv", "parquet"] as const) {
  describe(`${format} input`, () => {
    it("duckdb writes 100 sorted rows", async () => {
      const { m, out } = await run("duckdb", format);
      expect(m.status, m.note).toBe("ok");
      const fp = await fingerprint(out);
      expect(fp.rows).toBe(100);
      expect(fp.sortedByRevenue).toBe(true);
      expect(m.peakMB).toBeGreaterThan(10);
      expect(m.cpuSeconds).toBeGreaterThan(0);
      reference[format] = fp;
    });

    for (const engine of ["polars", "arquero", "jsloop"]) {
      it(`${engine} matches duckdb`, async () => {
        const { m, out } = await run(engine, format);
        expect(m.status, m.note).toBe("ok");
        expect(compareFingerprints(await fingerprint(out), reference[format]!)).toBeUndefined();
      });
    }

    it.runIf(process.env.BENCH_TEST_PYSPARK === "1")("pyspark matches duckdb", async () => {
      const { m, out } = await run("pyspark", format);
      expect(m.status, m.note).toBe("ok");
      expect(compareFingerprints(await fingerprint(out), reference[format]!)).toBeUndefined();
    });

    it("pijar reports unavailable or matches duckdb", async () => {
      const { m, out } = await run("pijar", format);
      expect(["ok", "unavailable"], m.note).toContain(m.status);
      if (m.status === "ok") expect(compareFingerprints(await fingerprint(out), reference[format]!)).toBeUndefined();
    });
  });
}
