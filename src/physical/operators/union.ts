/** UNION ALL: the children's batches one after another. */
import type { Attr } from "../../plan/expr/expr.js";
import { PhysicalOperator, type ExecContext } from "../operator.js";
import type { Batch } from "../../columnar/batch.js";

export class UnionExec extends PhysicalOperator {
  readonly name = "Union";
  constructor(output: readonly Attr[], children: readonly PhysicalOperator[]) {
    super(output, children);
  }
  describe(): string {
    return "";
  }
  async *execute(ctx: ExecContext): AsyncGenerator<Batch> {
    for (const c of this.children) {
      for await (const b of c.execute(ctx)) yield b.withSchema(this.schema);
    }
  }
}
