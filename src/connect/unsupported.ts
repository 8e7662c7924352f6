/**
 * The one error for "this works locally but not over Spark Connect (yet)": class
 * `UNSUPPORTED_FEATURE.SPARK_CONNECT_<WHAT>`, naming the feature and what to do instead.
 * Never a silent fallback to the local engine: the learner asked for the cluster.
 */
import { PijarError } from "../errors/pijar-error.js";

export function notOnConnect(what: string, feature: string, instead: string): PijarError {
  return new PijarError(`UNSUPPORTED_FEATURE.SPARK_CONNECT_${what}`, { feature }, {
    message: `${feature} cannot run on a Spark Connect session in this version of Pijar: ${instead}`,
    exceptionType: "PySparkNotImplementedError",
  });
}

/** Refuses a feature the server's Spark version does not have (it would fail misleadingly). */
export function requireServerVersion(serverVersion: string, minimum: string, feature: string): void {
  if (compareVersions(serverVersion, minimum) < 0) {
    throw new PijarError("UNSUPPORTED_FEATURE.SPARK_CONNECT_SERVER_VERSION", { feature }, {
      message: `${feature} needs a Spark Connect server of version ${minimum} or later; this server runs Spark ${serverVersion}. Upgrade the server or avoid ${feature}.`,
      exceptionType: "PySparkNotImplementedError",
    });
  }
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}
