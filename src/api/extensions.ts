/**
 * Late-bound parts of DataFrame (`df.write`, `df.plot`) that live in other modules; index.ts
 * wires them, which keeps the DataFrame module free of import cycles.
 */
import type { DataFrame } from "./dataframe.js";
import { internalError } from "../errors/pijar-error.js";

export const extensions = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  writer: (_df: DataFrame): any => {
    throw internalError("df.write is not wired (src/index.ts sets extensions.writer)");
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  plot: (_df: DataFrame): any => {
    throw internalError("df.plot is not wired (src/index.ts sets extensions.plot)");
  },
};
