import { describe, expect, it } from "vitest";
import "../../src/functions/index.js";
import { Catalog } from "../../src/catalog/catalog.js";
import { catalogAdapter } from "../../src/sql/to-plan/catalog-adapter.js";
import { sqlStatement, type SqlContext } from "../../src/sql/to-plan/index.js";

describe("SQL statements over the session catalog", () => {
  const catalog = new Catalog();
  const ctx: SqlContext = { build: { fn: { timeZone: "UTC", ansi: true, nowMicros: 0 } }, catalog: catalogAdapter(catalog) };
  const run = (sql: string) => sqlStatement(sql, ctx);

  it("creates, reads, lists and drops temp views", () => {
    run("CREATE OR REPLACE TEMP VIEW people AS VALUES ('Ann', 30), ('Bo', 25) AS p(name, age)");
    expect(catalog.lookup(["people"])).not.toBeNull();
    expect(run("SELECT name FROM people WHERE age > 26").plan.output.map((a) => a.name)).toEqual(["name"]);
    expect(catalogAdapter(catalog).listTables()).toEqual([{ namespace: "", tableName: "people", isTemporary: true }]);
    run("DROP VIEW people");
    expect(catalog.lookup(["people"])).toBeNull();
  });

  it("global temp views live under global_temp", () => {
    run("CREATE OR REPLACE GLOBAL TEMP VIEW shared AS SELECT 1 AS one");
    expect(run("SELECT one FROM global_temp.shared").plan.output.map((a) => a.name)).toEqual(["one"]);
    expect(catalogAdapter(catalog).listTables(["global_temp"])).toContainEqual({ namespace: "global_temp", tableName: "shared", isTemporary: true });
    expect(() => run("SELECT * FROM shared")).toThrow(/TABLE_OR_VIEW_NOT_FOUND/);
    run("DROP VIEW global_temp.shared");
    expect(catalog.lookup(["global_temp", "shared"])).toBeNull();
  });

  it("CREATE TEMP VIEW without OR REPLACE fails when the view exists", () => {
    run("CREATE TEMP VIEW once AS SELECT 1");
    expect(() => run("CREATE TEMP VIEW once AS SELECT 2")).toThrow(/TEMP_TABLE_OR_VIEW_ALREADY_EXISTS/);
  });
});
