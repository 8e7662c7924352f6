/**
 * The Spark Connect backend: plugs remote sessions into SparkSession.builder (remote(url),
 * master("sc://..."), SPARK_REMOTE). getOrCreate() reuses the open session of the same URL.
 */
import { remoteBackend } from "../api/session.js";
import { RemoteSparkSession, setOnStop } from "./remote-session.js";

const open = new Map<string, RemoteSparkSession>();

export function wireConnect(): void {
  remoteBackend.open = (url, options, create) => {
    if (!create) {
      const s = open.get(url);
      if (s) return s;
    }
    const s = new RemoteSparkSession(options, url);
    if (!create) open.set(url, s);
    return s;
  };
  setOnStop((s) => {
    for (const [k, v] of open) if (v === s) open.delete(k);
  });
}

export { RemoteSparkSession } from "./remote-session.js";
export { RemoteDataFrame } from "./remote-dataframe.js";
export { parseConnectionString } from "./connection-string.js";
export { crossCheck } from "./cross-check.js";
export type { CrossCheckOptions, CrossCheckReport } from "./cross-check.js";
