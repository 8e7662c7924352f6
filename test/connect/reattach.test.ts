/**
 * A connection that breaks in the middle of a result, for real: a TCP proxy on loopback between
 * Pijar and the shared Spark Connect server cuts the connection once a few MB of a large result
 * have passed. The client reattaches (ReattachExecute after the last response it had) and the
 * result is whole; when the server cannot be reached again, the action fails with
 * CONNECT_SERVER_UNAVAILABLE instead of returning part of the rows.
 */
import { afterEach, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { SparkSession, PijarError } from "../../src/index.js";
import { REMOTE_TIMEOUT, REMOTE_URL, ROOT, describeRemote, thrown } from "./helpers.js";

interface Proxy {
  url: string;
  /** Connections cut so far. */
  cuts: number;
  child: ChildProcess;
}

/**
 * Starts cut-proxy.mjs (its own process: the client blocks this thread in synchronous calls) in
 * front of the server: it cuts the first connection that has sent `cutAfter` bytes back, and with
 * `refuseAfterCut` closes every connection after that (the server "gone").
 */
async function proxy(cutAfter: number, refuseAfterCut = false): Promise<Proxy> {
  const target = new URL(REMOTE_URL.replace(/^sc:/, "http:"));
  const child = spawn(process.execPath, [join(ROOT, "test/connect/cut-proxy.mjs"), target.hostname, target.port, String(cutAfter), refuseAfterCut ? "1" : "0"], { stdio: ["ignore", "pipe", "inherit"] });
  const state: Proxy = { url: "", cuts: 0, child };
  await new Promise<void>((resolve, reject) => {
    child.on("exit", (code) => reject(new Error(`cut-proxy.mjs exited (${code})`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (line === "cut") state.cuts++;
      const m = /^port (\d+)$/.exec(line);
      if (m) {
        state.url = REMOTE_URL.replace(/^sc:\/\/[^/]+/, `sc://127.0.0.1:${m[1]}`);
        resolve();
      }
    });
  });
  return state;
}

let open: Proxy | null = null;
afterEach(() => {
  open?.child.kill();
  open = null;
});

// 2M rows of two bigints: about 32 MB of Arrow, in several responses of at most 4 MB.
const ROWS = 2_000_000;
const query = (spark: SparkSession) => spark.range(0, ROWS).selectExpr("id", "id * 2 AS twice");

describeRemote("Spark Connect: a connection cut mid-result", () => {
  it("reattaches and returns the whole result", REMOTE_TIMEOUT, async () => {
    open = await proxy(6 * 1024 * 1024);
    const spark = SparkSession.builder.remote(open.url).create();
    try {
      const table = await query(spark).toArrow();
      expect(open.cuts).toBe(1);
      expect(table.numRows).toBe(ROWS);
      let sum = 0n;
      let twiceOk = true;
      const ids = table.getChild("id")!;
      const twice = table.getChild("twice")!;
      for (let i = 0; i < table.numRows; i++) {
        const id = BigInt(ids.get(i));
        sum += id;
        if (BigInt(twice.get(i)) !== id * 2n) twiceOk = false;
      }
      expect(sum).toBe(BigInt(ROWS) * BigInt(ROWS - 1) / 2n); // every id once, none twice
      expect(twiceOk).toBe(true);
    } finally {
      spark.stop();
    }
  });

  it("fails with CONNECT_SERVER_UNAVAILABLE when the server cannot be reached again", REMOTE_TIMEOUT, async () => {
    open = await proxy(6 * 1024 * 1024, true);
    const spark = SparkSession.builder.remote(open.url).create();
    try {
      const e = await thrown(() => query(spark).toArrow());
      expect(open.cuts).toBe(1);
      expect(e).toBeInstanceOf(PijarError);
      expect(e.errorClass).toBe("CONNECT_SERVER_UNAVAILABLE");
    } finally {
      spark.stop();
    }
  });
});
