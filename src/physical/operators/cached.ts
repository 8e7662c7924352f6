/** df.cache(): runs the child once, keeps its batches, replays them afterwards. */
import type { Attr } from "../../plan/expr/expr.js";
import { PhysicalOperator, type ExecContext } from "../operator.js";
import type { Batch } from "../../columnar/batch.js";

export class CachedExec extends PhysicalOperator {
  readonly name = "InMemoryRelation";
  constructor(output: readonly Attr[], readonly child: PhysicalOperator, readonly store: { batches: Batch[] | null }) {
    super(output, [child]);
  }
  describe(): string {
    return this.store.batches ? "cached" : "not yet materialized";
  }
  async *execute(ctx: ExecContext): AsyncGenerator<Batch> {
    if (this.store.batches) {
      for (const b of this.store.batches) yield b.withSchema(this.schema);
      return;
    }
    const kept: Batch[] = [];
    for await (const b of this.child.execute(ctx)) kept.push(b);
    this.store.batches = kept;
    for (const b of kept) yield b.withSchema(this.schema);
  }
}
