// spark.read.format("jdbc")...load() and df.write.format("jdbc")...save() through the
// reader/writer extension points (registerJdbc), on SQLite.
import { describe, expect, it } from "vitest";
import { registerJdbc } from "../../src/io/jdbc/index.js";
import { internalRows, session, tempSqliteUrl } from "./helpers.js";

registerJdbc();

describe("jdbc through spark.read / df.write", () => {
  it("format('jdbc') load() and save() round-trip, with PySpark's option names in any case", async () => {
    const spark = session();
    const url = tempSqliteUrl();
    const df = spark.createDataFrame([[1, "Jakarta"], [2, "Bandung"]], "id INT, city STRING");
    await df.write.format("jdbc").option("url", url).option("dbTable", "cities").save();
    await df.write.format("jdbc").mode("append").options({ url, dbtable: "cities" }).save();
    const back = spark.read.format("jdbc").option("URL", url).option("dbtable", "cities").load();
    expect(back.schema.simpleString()).toBe("struct<id:int,city:string>");
    expect(await internalRows(back)).toEqual([[1, "Jakarta"], [2, "Bandung"], [1, "Jakarta"], [2, "Bandung"]]);
    expect(await back.count()).toBe(4);
    await expect(df.write.format("jdbc").options({ url, dbtable: "cities" }).save()).rejects.toThrow(/TABLE_OR_VIEW_ALREADY_EXISTS/);
    expect(() => spark.read.format("jdbc").options({ url, dbtable: "missing_table" }).load()).toThrow(/FAILED_JDBC.*no such table: missing_table/);
    expect(() => spark.read.format("jdbc").schema("id INT").options({ url, dbtable: "cities" }).load()).toThrow(/customSchema/);
  });
});
