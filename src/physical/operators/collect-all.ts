/** Concatenates a stream into one batch (for pipeline breakers), optionally pruning as it goes. */
import { Batch } from "../../columnar/batch.js";
import type { StructType } from "../../types/data-types.js";
import type { ExecContext } from "../operator.js";

export async function collectAll(input: AsyncIterable<Batch>, schema: StructType, ctx: ExecContext, prune: ((b: Batch) => Batch) | null = null): Promise<Batch> {
  let cols: unknown[][] = schema.fields.map(() => []);
  let n = 0;
  for await (const b of input) {
    ctx.job.checkCancelled();
    for (let i = 0; i < cols.length; i++) {
      const src = b.values(i);
      const dst = cols[i]!;
      for (let r = 0; r < b.numRows; r++) dst.push(src[r]);
    }
    n += b.numRows;
    if (prune) {
      const pruned = prune(Batch.fromValues(schema, cols, n));
      if (pruned.numRows !== n) {
        cols = schema.fields.map((_, i) => pruned.values(i).slice());
        n = pruned.numRows;
      }
    }
  }
  return Batch.fromValues(schema, cols, n);
}
