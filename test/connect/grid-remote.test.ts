/**
 * df.grid() on a Spark Connect DataFrame: the same page requests answered by Spark (the grid's
 * queries sent to a real server) and by Pijar's engine give the same cells and totals, so the
 * grid's sort, null order, filters and paging mean what Spark means. Also: the remote grid's
 * fallback is the remote DataFrame's own table.
 */
import { beforeAll, expect, it } from "vitest";
import { join } from "node:path";
import { SparkSession, type DataFrame } from "../../src/index.js";
import { GridQuery } from "../../src/api/grid-query.js";
import type { GridRequest } from "../../src/display/grid/protocol.js";
import { DATA, REMOTE_TIMEOUT, REMOTE_URL, describeRemote } from "./helpers.js";

const PEOPLE = join(DATA, "people.csv");
const PEOPLE_DDL = "id INT, name STRING, age INT, city STRING, salary DOUBLE, joined DATE";

let remote: DataFrame;
let local: DataFrame;

/** Requests whose answers do not depend on the order of ties (sorts on a unique column or none). */
const REQUESTS: Partial<GridRequest>[] = [
  {},
  { offset: 4 },
  { sort: { column: "id", ascending: false }, offset: 3 },
  { sort: { column: "salary", ascending: true } },
  { sort: { column: "joined", ascending: false } },
  { filter: { city: "jakarta" }, sort: { column: "id", ascending: true } },
  { filter: { age: "NULL" } },
  { filter: { age: "not null", salary: "> 6000" }, sort: { column: "salary", ascending: false } },
  { filter: { joined: "< 2020-01-01" }, sort: { column: "id", ascending: true } },
  { filter: { name: "a" }, sort: { column: "name", ascending: true } },
  { filter: { id: "!= 3" }, offset: 6 },
];

describeRemote("df.grid() on Spark Connect", REMOTE_TIMEOUT, () => {
  beforeAll(() => {
    const spark = SparkSession.builder.remote(REMOTE_URL).config("spark.sql.session.timeZone", "UTC").getOrCreate();
    remote = spark.read.csv(PEOPLE, { header: true, schema: PEOPLE_DDL });
    const ls = SparkSession.builder.getOrCreate();
    ls.conf.set("spark.sql.session.timeZone", "UTC");
    local = ls.read.csv(PEOPLE, { header: true, schema: PEOPLE_DDL });
  });

  it("answers each page request as Spark does", async () => {
    const r = new GridQuery(remote);
    const l = new GridQuery(local);
    expect(r.columns()).toEqual(l.columns());
    for (const over of REQUESTS) {
      const req: GridRequest = { seq: 1, offset: 0, limit: 4, sort: null, filter: {}, ...over };
      const [fromSpark, fromPijar] = await Promise.all([r.page(req), l.page(req)]);
      expect(fromPijar, JSON.stringify(over)).toEqual(fromSpark);
    }
    expect(r.rowsSent).toBeGreaterThan(0);
  });

  it("shows the remote table where no widget host is given", async () => {
    const show = (d: DataFrame) => (d as unknown as Record<symbol, () => Promise<unknown>>)[Symbol.for("Jupyter.display")]!.call(d);
    expect(await show(remote.grid())).toEqual(await show(remote));
  });
});
