/**
 * Shared setup for the Spark Connect tests: they run against a real server whose URL is in
 * PIJAR_TEST_SPARK_REMOTE (scripts/test.sh starts one with scripts/connect/start-server.sh);
 * without it they are skipped, saying so once.
 */
import { describe } from "vitest";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { PijarError } from "../../src/index.js";

export const REMOTE_URL = process.env.PIJAR_TEST_SPARK_REMOTE ?? "";
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const DATA = join(ROOT, "test/golden/data");

if (!REMOTE_URL) {
  console.warn("test/connect: skipped, PIJAR_TEST_SPARK_REMOTE is not set (start a server: eval \"$(bash scripts/connect/start-server.sh)\")");
}

export const describeRemote = REMOTE_URL ? describe : describe.skip;
/** Per-test budget: a cold server on a loaded box answers its first queries slowly. */
export const REMOTE_TIMEOUT = { timeout: 300_000 };

/** The error `f` throws (or rejects with); fails the test when it does not throw. */
export async function thrown(f: () => unknown): Promise<PijarError> {
  try {
    await f();
  } catch (e) {
    return e as PijarError;
  }
  throw new Error("expected an error");
}
