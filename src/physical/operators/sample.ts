/** Bernoulli sampling with a seeded generator (deterministic for a given seed). */
import type { Attr } from "../../plan/expr/expr.js";
import { PhysicalOperator, type ExecContext } from "../operator.js";
import type { Batch } from "../../columnar/batch.js";

export class SampleExec extends PhysicalOperator {
  readonly name = "Sample";
  constructor(output: readonly Attr[], readonly child: PhysicalOperator, readonly fraction: number, readonly withReplacement: boolean, readonly seed: number) {
    super(output, [child]);
  }
  describe(): string {
    return `fraction=${this.fraction}, seed=${this.seed}`;
  }
  async *execute(ctx: ExecContext): AsyncGenerator<Batch> {
    let state = this.seed >>> 0 || 0x9e3779b9;
    const next = () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) / 4294967296;
    };
    for await (const b of this.child.execute(ctx)) {
      const keep: number[] = [];
      for (let r = 0; r < b.numRows; r++) {
        if (this.withReplacement) {
          // Poisson(fraction) copies of each row.
          let k = 0;
          let p = Math.exp(-this.fraction);
          let s = p;
          const u = next();
          while (u > s) { k++; p *= this.fraction / k; s += p; }
          for (let i = 0; i < k; i++) keep.push(r);
        } else if (next() < this.fraction) keep.push(r);
      }
      if (keep.length) yield b.take(keep);
      void ctx;
    }
  }
}
