/** Keeps the rows whose condition is true (null and false both drop the row). */
import type { Attr, Expr } from "../../plan/expr/expr.js";
import { PhysicalOperator, type ExecContext } from "../operator.js";
import type { Batch } from "../../columnar/batch.js";
import { evaluate } from "../expr/evaluate.js";
import { exprName } from "../../plan/expr/sql-text.js";

export class FilterExec extends PhysicalOperator {
  readonly name = "Filter";
  constructor(output: readonly Attr[], readonly child: PhysicalOperator, readonly condition: Expr, readonly text: string) {
    super(output, [child]);
  }
  describe(): string {
    return this.text;
  }
  async *execute(ctx: ExecContext): AsyncGenerator<Batch> {
    for await (const b of this.child.execute(ctx)) {
      ctx.job.checkCancelled();
      const c = evaluate(this.condition, b, ctx.fn);
      const keep: number[] = [];
      for (let i = 0; i < b.numRows; i++) if (c[i] === true) keep.push(i);
      if (keep.length === b.numRows) yield b;
      else if (keep.length) yield b.take(keep);
    }
  }
}

export { exprName };
