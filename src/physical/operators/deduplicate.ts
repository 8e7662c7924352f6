/** distinct() / dropDuplicates(): keeps the first row seen per key; streams. */
import type { Attr } from "../../plan/expr/expr.js";
import { PhysicalOperator, type ExecContext } from "../operator.js";
import type { Batch } from "../../columnar/batch.js";
import { keyOf } from "../../values/compare.js";

export class DeduplicateExec extends PhysicalOperator {
  readonly name = "Deduplicate";
  constructor(output: readonly Attr[], readonly child: PhysicalOperator, readonly keyIndexes: readonly number[]) {
    super(output, [child]);
  }
  describe(): string {
    return `[${this.keyIndexes.map((i) => this.output[i]!.name).join(", ")}]`;
  }
  async *execute(ctx: ExecContext): AsyncGenerator<Batch> {
    const seen = new Set<string>();
    for await (const b of this.child.execute(ctx)) {
      ctx.job.checkCancelled();
      const cols = this.keyIndexes.map((i) => b.values(i));
      const keep: number[] = [];
      for (let r = 0; r < b.numRows; r++) {
        let key = "";
        for (const c of cols) key += keyOf(c[r]) + "\u0001";
        if (!seen.has(key)) {
          seen.add(key);
          keep.push(r);
        }
      }
      if (keep.length === b.numRows) yield b;
      else if (keep.length) yield b.take(keep);
    }
  }
}
