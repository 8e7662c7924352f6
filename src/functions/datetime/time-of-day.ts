/**
 * The functions whose result is a TIME (make_time, time_from_*, to_time, try_to_time). Pijar
 * has no TIME type, and Spark 4.3 by default rejects these with UNSUPPORTED_TIME_TYPE
 * (src/types/time-type.ts); they are defined so that a call gets that answer, with Spark's
 * argument-count check first, rather than "function not found".
 */
import { timeTypeUnsupported } from "../../types/time-type.js";
import type { FunctionDef } from "../registry.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

const TIME_RESULT: readonly (readonly [string, number, number])[] = [
  ["make_time", 3, 3],
  ["time_from_micros", 1, 1],
  ["time_from_millis", 1, 1],
  ["time_from_seconds", 1, 1],
  ["to_time", 1, 2],
  ["try_to_time", 1, 2],
];

for (const [name, minArgs, maxArgs] of TIME_RESULT) {
  definitions.push({
    kind: "scalar", name, minArgs, maxArgs,
    resolve: () => {
      throw timeTypeUnsupported();
    },
    eval: () => {
      throw timeTypeUnsupported();
    },
  });
}
