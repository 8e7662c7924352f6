/** Shared helpers for engine unit tests: a UTC session and stdout capture. */
import { SparkSession } from "../../src/index.js";

export function session(): SparkSession {
  const spark = SparkSession.builder.appName("engine-tests").getOrCreate();
  spark.conf.set("spark.sql.session.timeZone", "UTC");
  return spark;
}

/** Runs `f` and returns what it wrote to stdout. */
export async function captureStdout(f: () => unknown): Promise<string> {
  const orig = process.stdout.write.bind(process.stdout);
  let out = "";
  (process.stdout as { write: unknown }).write = (chunk: string | Uint8Array) => {
    out += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString();
    return true;
  };
  try {
    await f();
  } finally {
    (process.stdout as { write: unknown }).write = orig;
  }
  return out;
}
