/**
 * SQLite values come back exactly: columns named like integers ("2023", "2024") keep their
 * values (rows are read by position, not by JavaScript object key order), and strings with
 * NUL characters survive a write and a read.
 */
import { describe, expect, it } from "vitest";
import { SparkSession } from "../../src/index.js";
import { openConnection } from "../../src/io/jdbc/connect.js";
import { parseJdbcOptions } from "../../src/io/jdbc/jdbc-options.js";
import { tempSqliteUrl } from "../jdbc/helpers.js";

const spark = SparkSession.builder.getOrCreate();

async function exec(url: string, text: string): Promise<void> {
  const c = await openConnection(parseJdbcOptions({ url }));
  try {
    await c.exec(text);
  } finally {
    await c.close();
  }
}

describe("sqlite values", () => {
  it("integer-like column names read back in their own columns", async () => {
    const url = tempSqliteUrl();
    await exec(url, 'CREATE TABLE sales (city TEXT, "2024" INT, "2023" INT, "10" TEXT); INSERT INTO sales VALUES (\'Jakarta\', 24, 23, \'ten\')');
    const df = spark.read.jdbc(url, "sales");
    expect(df.columns).toEqual(["city", "2024", "2023", "10"]);
    const [row] = await df.collect();
    expect(row!.toArray()).toEqual(["Jakarta", 24, 23, "ten"]);
    // Also through a write by Pijar and a query.
    await spark.createDataFrame([["Bandung", 1, 2]], "city STRING, `2023` INT, `2024` INT").write.jdbc(url, "t2", "overwrite");
    const q = await spark.read.format("jdbc").option("url", url).option("query", 'SELECT "2024", city, "2023" FROM t2').load().collect();
    expect(q[0]!.toArray()).toEqual([2, "Bandung", 1]);
  });

  it("strings with NUL characters survive a write/read round trip", async () => {
    const url = tempSqliteUrl();
    const values = ["a\u0000b", "\u0000", "tail\u0000", "plain", "ünï\u0000cødé", null];
    await spark.createDataFrame(values.map((v, i) => [i, v]), "id INT, s STRING").write.jdbc(url, "nul");
    const rows = await spark.read.jdbc(url, "nul").orderBy("id").collect();
    expect(rows.map((r) => r.get("s"))).toEqual(values);
    // length() in SQLite counts the characters before the first NUL; the bytes are all there.
    const c = await openConnection(parseJdbcOptions({ url }));
    try {
      expect(await c.query("SELECT length(CAST(s AS BLOB)) FROM nul WHERE id = 0")).toEqual([[3]]);
    } finally {
      await c.close();
    }
  });
});
