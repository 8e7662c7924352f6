/** Late-bound `spark.read` (src/api/reader.ts), wired by src/index.ts. */
import type { SparkSession } from "./session.js";
import { internalError } from "../errors/pijar-error.js";

export const sessionExtensions = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  reader: (_s: SparkSession): any => {
    throw internalError("spark.read is not wired (src/index.ts sets sessionExtensions.reader)");
  },
};
