// The byte-level COPY/LOAD DATA encoder must write exactly what the string encoder writes.
import { describe, expect, it } from "vitest";
import { parseSchema } from "../../src/types/ddl.js";
import { encodeTextRows, fieldWriter } from "../../src/io/jdbc/drivers/text-format.js";
import { textEncoder } from "../../src/io/jdbc/values.js";
import { ALL_TYPES_DDL, allTypesRows } from "./types.js";
import { parseJdbcUrl, redactUrl } from "../../src/io/jdbc/url.js";
import { splitTableName, quoteTableName } from "../../src/io/jdbc/dialects/dialect.js";
import { postgresDialect } from "../../src/io/jdbc/dialects/postgres.js";
import { mysqlDialect } from "../../src/io/jdbc/dialects/mysql.js";
import { partitionPredicates } from "../../src/io/jdbc/jdbc-source.js";

describe("jdbc text format", () => {
  for (const flavour of ["postgresql", "mysql"] as const) {
    it(`byte encoder equals the string encoder (${flavour})`, () => {
      const schema = parseSchema(ALL_TYPES_DDL);
      const rows = [...allTypesRows({ wideDecimal: true }), ...allTypesRows({ wideDecimal: false })];
      const cols = schema.fields.map((_, c) => rows.map((r) => r[c]));
      const writers = schema.fields.map((f) => fieldWriter(f.dataType, flavour, f.name));
      const got = Buffer.concat([...encodeTextRows(cols, rows.length, writers)]).toString("utf8");
      const enc = schema.fields.map((f) => textEncoder(f.dataType, flavour, f.name));
      const strip = (s: string) => s.replace(/(\d{2}:\d{2}:\d{2})\.(\d*?)0+(?=[+\t\n]|$)/g, (_m, a, b) => (b ? `${a}.${b}` : a));
      const want = rows.map((r) => r.map((v, c) => enc[c]!(v)).join("\t") + "\n").join("");
      expect(strip(got)).toBe(want);
    });
  }
  it("chunks large loads into ~1 MB buffers", () => {
    const n = 200_000;
    const cols = [Array.from({ length: n }, (_, i) => i), Array.from({ length: n }, (_, i) => `row ${i}`)];
    const bufs = [...encodeTextRows(cols, n, [fieldWriter(parseSchema("a INT").fields[0]!.dataType, "postgresql", "a"), fieldWriter(parseSchema("b STRING").fields[0]!.dataType, "postgresql", "b")])];
    expect(bufs.length).toBeGreaterThan(1);
    expect(Buffer.concat(bufs).toString().split("\n")[123456]).toBe("123456\trow 123456");
  });
});

describe("jdbc urls and names", () => {
  it("parses Spark's URL forms and redacts passwords", () => {
    expect(parseJdbcUrl("jdbc:postgresql://db.example:6543/shop?user=ann&password=s3cret&sslmode=require")).toMatchObject({
      kind: "postgresql", host: "db.example", port: 6543, database: "shop", user: "ann", password: "s3cret", params: { sslmode: "require" },
    });
    expect(parseJdbcUrl("jdbc:mariadb://localhost/shop")).toMatchObject({ kind: "mysql", port: 3306, database: "shop" });
    expect(parseJdbcUrl("jdbc:mysql://[::1]:3307/x")).toMatchObject({ host: "::1", port: 3307 });
    expect(parseJdbcUrl("jdbc:sqlite:data/shop.db").path).toBe(process.cwd() + "/data/shop.db");
    expect(redactUrl("jdbc:postgresql://h/db?user=a&password=s3cret&x=1")).toBe("jdbc:postgresql://h/db?user=a&password=***&x=1");
    expect(redactUrl("postgresql://ann:s3cret@h/db")).toBe("postgresql://ann:***@h/db");
    expect(() => parseJdbcUrl("jdbc:postgresql:shop?password=s3cret")).toThrow(/JDBC_INVALID_URL(?![\s\S]*s3cret)/);
  });
  it("quotes table names part by part, folding unquoted parts as the database would", () => {
    expect(splitTableName('public."My.Table"')).toEqual([{ name: "public", quoted: false }, { name: "My.Table", quoted: true }]);
    expect(quoteTableName(postgresDialect, "Sales.Orders")).toBe('"sales"."orders"');
    expect(quoteTableName(postgresDialect, 'x; DROP TABLE y')).toBe('"x; drop table y"');
    expect(quoteTableName(mysqlDialect, "a`b")).toBe("`a``b`");
  });
  it("partition predicates follow Spark's columnPartition", () => {
    const schema = parseSchema("id BIGINT");
    expect(partitionPredicates({ column: "id", lowerBound: "0", upperBound: "100", numPartitions: 4 }, postgresDialect, schema)).toEqual([
      '"id" < 25 OR "id" IS NULL', '"id" >= 25 AND "id" < 50', '"id" >= 50 AND "id" < 75', '"id" >= 75',
    ]);
  });
});
