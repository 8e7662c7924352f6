/**
 * One Java-style formatter for float and double text: show(), cast to string and the CSV writer
 * agree. Expected text from PySpark 4.3 (Java 17): `spark.createDataFrame([...], "f float,
 * d double").show()` and `cast(f as string)`.
 */
import { describe, expect, it } from "vitest";
import { rm, mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { captureStdout, session } from "./helpers.js";

const spark = session();
const rows = [[123456.79, 123456.79], [0.1, 0.1], [1e-5, 1e-5], [16777216.0, 16777216.0], [1.1, 1.1]];
const df = () => spark.createDataFrame(rows, "f float, d double");

describe("float and double text", () => {
  it("show() prints floats as Java's Float.toString", async () => {
    const out = await captureStdout(() => df().show());
    expect(out).toBe([
      "+-----------+-----------+",
      "|          f|          d|",
      "+-----------+-----------+",
      "|  123456.79|  123456.79|",
      "|        0.1|        0.1|",
      "|     1.0E-5|     1.0E-5|",
      "|1.6777216E7|1.6777216E7|",
      "|        1.1|        1.1|",
      "+-----------+-----------+",
      "",
    ].join("\n") + "\n");
  });

  it("cast to string gives the same text", async () => {
    const got = (await df().selectExpr("cast(f as string) fs", "cast(d as string) ds").collect()).map((r) => [r.get(0), r.get(1)]);
    expect(got).toEqual([["123456.79", "123456.79"], ["0.1", "0.1"], ["1.0E-5", "1.0E-5"], ["1.6777216E7", "1.6777216E7"], ["1.1", "1.1"]]);
  });

  it("the CSV writer writes what show() prints", async () => {
    const dir = await mkdtemp(join(tmpdir(), "pijar-float-"));
    try {
      await df().write.mode("overwrite").csv(join(dir, "out"));
      const part = (await readdir(join(dir, "out"))).find((f) => f.endsWith(".csv"))!;
      const text = await readFile(join(dir, "out", part), "utf8");
      expect(text.split("\n")[0]).toBe("123456.79,123456.79");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
