/**
 * A server that goes away mid-session, for real: this file starts its own Spark Connect server
 * (scripts/connect/start-server.sh, local[1], a free port), stops its JVM between two actions,
 * then starts it again behind the same URL and token.
 * - while it is down, the next action (async or synchronous) fails with
 *   CONNECT_SERVER_UNAVAILABLE naming the server's address and saying how to reconnect;
 * - once it is back, the old session is gone on the server: the client sends the server-side
 *   session id it observed, so Spark itself answers INVALID_HANDLE.SESSION_CHANGED (instead of
 *   silently running in a fresh session without the temp views); a new session works.
 * Runs where the shared server runs (PIJAR_TEST_SPARK_REMOTE set: a JVM can start here).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { SparkSession, PijarError, functions as F } from "../../src/index.js";
import { ROOT, describeRemote, thrown } from "./helpers.js";

const run = promisify(execFile);
const TOKEN = "lost-connection-token-7";
let dir = "";
let port = 0;
let url = "";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const p = (srv.address() as { port: number }).port;
      srv.close(() => resolve(p));
    });
  });
}
async function startServer(): Promise<void> {
  await run("bash", [join(ROOT, "scripts/connect/start-server.sh"), dir], {
    env: { ...process.env, PIJAR_CONNECT_PORT: String(port), PIJAR_CONNECT_MASTER: "local[1]", PIJAR_CONNECT_TOKEN: TOKEN },
  });
}
async function stopServer(): Promise<void> {
  await run("bash", [join(ROOT, "scripts/connect/stop-server.sh"), dir]);
}
// JVM start-ups: ~20 s on an idle machine, minutes on a loaded one (start-server.sh waits 600 s).
describeRemote("a Spark Connect server that goes away mid-session (its own JVM)", { timeout: 900_000 }, () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "pijar-lost-connection-"));
    port = await freePort();
    url = `sc://127.0.0.1:${port}/;token=${TOKEN}`;
    await startServer();
  }, 900_000);
  afterAll(async () => {
    if (dir) await stopServer();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it("fails the next action with CONNECT_SERVER_UNAVAILABLE naming the server, then SESSION_CHANGED after a restart", async () => {
    const spark = SparkSession.builder.remote(url).create();
    spark.sql("CREATE OR REPLACE TEMP VIEW nums AS SELECT id FROM range(5)");
    expect(await spark.table("nums").count()).toBe(5);

    await stopServer();
    const address = `sc://127.0.0.1:${port}`;
    // An action (ExecutePlan stream) and a synchronous schema (AnalyzePlan via the worker thread).
    const action = await thrown(() => spark.table("nums").count());
    const schema = await thrown(() => spark.range(3).withColumn("x", F.col("id").plus(1)).columns);
    for (const e of [action, schema]) {
      expect(e).toBeInstanceOf(PijarError);
      expect(e.errorClass).toBe("CONNECT_SERVER_UNAVAILABLE");
      expect(e.message).toContain(address);
      expect(e.message).toContain("SparkSession.builder.remote(url).getOrCreate()");
      expect(e.message).not.toContain(TOKEN);
    }

    await startServer();
    // Same URL, same session id, but a new server: Spark's own class, not an empty fresh session.
    const changed = await thrown(() => spark.table("nums").count());
    expect(changed.errorClass).toBe("INVALID_HANDLE.SESSION_CHANGED");
    spark.stop();

    const again = SparkSession.builder.remote(url).create();
    expect(await again.range(4).count()).toBe(4);
    again.stop();
  });
});
