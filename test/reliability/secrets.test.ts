/**
 * Secrets suite: a planted password must not appear in any representation of any API object
 * that held it (reader, writer, option sets, parsed JDBC options, DataFrames, errors):
 * util.inspect (what console.log and the kernel's text/plain use), JSON.stringify, String(),
 * the Jupyter display bundle, error messages, stacks and causes.
 */
import { describe, expect, it } from "vitest";
import { inspect } from "node:util";
import { SparkSession } from "../../src/index.js";
import { Options } from "../../src/io/options.js";
import { parseJdbcOptions } from "../../src/io/jdbc/jdbc-options.js";
import { tempSqliteUrl } from "../jdbc/helpers.js";

const PW = "Sup3r-s3cret-PW-9931";
const TOKEN = "tok-77-zzq-secret-value";
const spark = SparkSession.builder.getOrCreate();
const DISPLAY = Symbol.for("Jupyter.display");

/** Every text form of a value we know of. */
async function representations(v: unknown): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  out["inspect"] = inspect(v, { depth: 8, showHidden: false });
  out["inspect-deep"] = inspect(v, { depth: Infinity, getters: true });
  try {
    out["json"] = JSON.stringify(v) ?? "";
  } catch (e) {
    out["json"] = `(throws ${(e as Error).message})`;
  }
  out["string"] = String(v);
  out["template"] = `${v as string}`;
  const d = (v as Record<symbol, unknown>)?.[DISPLAY];
  if (typeof d === "function") out["display"] = JSON.stringify(await (d as () => unknown).call(v));
  if (v instanceof Error) {
    out["message"] = v.message;
    out["stack"] = v.stack ?? "";
    out["cause"] = inspect(v.cause, { depth: 8 });
  }
  return out;
}

const leaks = (reps: Record<string, string>) => Object.entries(reps).filter(([, t]) => t.includes(PW) || t.includes(TOKEN)).map(([k]) => k);

async function failure(f: () => unknown): Promise<unknown> {
  try {
    await f();
  } catch (e) {
    return e;
  }
  throw new Error("expected a failure");
}

describe("no representation shows a planted password", () => {
  const url = `jdbc:postgresql://127.0.0.1:1/nodb?user=u&password=${PW}`;
  const cases: [string, () => unknown | Promise<unknown>][] = [
    ["DataFrameReader with option(password)", () => spark.read.format("jdbc").option("url", "jdbc:postgresql://127.0.0.1:1/x").option("password", PW).option("dbtable", "t")],
    ["DataFrameReader with options({password, token})", () => spark.read.format("jdbc").options({ password: PW, "fs.s3a.access.key": TOKEN, apiToken: TOKEN })],
    ["DataFrameReader with a URL holding the password", () => spark.read.format("jdbc").option("url", url)],
    ["DataFrameReader with userinfo in the URL", () => spark.read.format("jdbc").option("url", `jdbc:postgresql://u:${PW}@127.0.0.1:1/x`)],
    ["DataFrameWriter with option(password)", () => spark.createDataFrame([[1]], "a INT").write.format("jdbc").option("password", PW).option("secretKey", TOKEN).mode("append")],
    ["Options", () => new Options({ password: PW, "spark.hadoop.fs.s3a.secret.key": TOKEN, url })],
    ["parsed JDBC options", () => parseJdbcOptions({ url, dbtable: "t", password: PW })],
    ["parsed JDBC options (password in the URL)", () => parseJdbcOptions({ url, dbtable: "t" })],
    ["error: connection refused", () => failure(() => spark.read.format("jdbc").option("url", "jdbc:postgresql://127.0.0.1:1/x").option("user", "u").option("password", PW).option("dbtable", "t").load())],
    ["error: bad URL with the password", () => failure(() => spark.read.jdbc(`jdbc:postgresql://127.0.0.1:1/x?password=${PW}&bad=%zz`, "t"))],
    ["error: unknown database kind", () => failure(() => spark.read.jdbc(`jdbc:oracle://h/x?password=${PW}`, "t"))],
    ["error: multiple statements", () => failure(() => spark.read.jdbc(`${tempSqliteUrl()}?password=${PW}`, "(SELECT 1) q; DROP TABLE x", { password: PW }))],
    ["error: write to an unreachable server", () => failure(() => spark.createDataFrame([[1]], "a INT").write.jdbc("jdbc:mysql://127.0.0.1:1/x", "t", "append", { user: "u", password: PW }))],
    ["DataFrame read from sqlite with a password option", async () => {
      const u = tempSqliteUrl();
      await spark.createDataFrame([[1]], "a INT").write.jdbc(u, "t");
      return spark.read.jdbc(u, "t", { password: PW });
    }],
  ];
  for (const [name, make] of cases) {
    it(name, async () => {
      const v = await make();
      const reps = await representations(v);
      expect(leaks(reps), Object.entries(reps).map(([k, t]) => `${k}: ${t.slice(0, 300)}`).join("\n")).toEqual([]);
    }, 30_000);
  }

  it("explain() of a jdbc DataFrame does not show it", async () => {
    const u = tempSqliteUrl();
    await spark.createDataFrame([[1]], "a INT").write.jdbc(u, "t");
    const df = spark.read.jdbc(u, "t", { password: PW });
    const lines: string[] = [];
    const log = console.log;
    console.log = (...a: unknown[]) => void lines.push(a.join(" "));
    try {
      await df.explain(true);
    } finally {
      console.log = log;
    }
    expect(lines.join("\n")).not.toContain(PW);
  });

  it("a bad % escape in a JDBC URL is JDBC_INVALID_URL (not URIError), password masked", async () => {
    for (const u of [`jdbc:postgresql://127.0.0.1:1/x?password=${PW}&bad=%zz`, "jdbc:mysql://h/db%2", "jdbc:sqlite:/tmp/x.db?mode=%G0"]) {
      const e = await failure(() => spark.read.jdbc(u, "t"));
      expect((e as { errorClass?: string }).errorClass, String(e)).toBe("JDBC_INVALID_URL");
      expect(String(e)).toContain("%-escape");
      expect(String(e)).not.toContain(PW);
    }
  });

  it("the redaction regex is Spark's: secret, password, token, access key", () => {
    const s = inspect(new Options({ password: "p1x", "my.secret": "p2x", authToken: "p3x", "s3.access.key": "p4x", accesskey: "p5x", user: "visible-user" }));
    for (const v of ["p1x", "p2x", "p3x", "p4x", "p5x"]) expect(s).not.toContain(v);
    expect(s).toContain("visible-user");
    expect(s).toContain("*********(redacted)");
  });
});
