/** Keeps the rows whose condition is true (null and false both drop the row). */
import type { Attr, Expr } from "../../plan/expr/expr.js";
import { PhysicalOperator, type ExecContext } from "../operator.js";
import type { Batch } from "../../columnar/batch.js";
import { evaluate } from "../expr/evaluate.js";
import { evaluateMask } from "../expr/evaluate-vector.js";
import { selectTrue } from "../../columnar/vector.js";
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
      // Typed kernels give a mask; otherwise the value path gives booleans.
      const mask = evaluateMask(this.condition, b, ctx.fn);
      let keep: Int32Array;
      if (mask) keep = selectTrue(mask);
      else {
        const c = evaluate(this.condition, b, ctx.fn);
        const rows: number[] = [];
        for (let i = 0; i < b.numRows; i++) if (c[i] === true) rows.push(i);
        keep = Int32Array.from(rows);
      }
      if (keep.length === b.numRows) yield b;
      else if (keep.length) yield b.take(keep);
    }
  }
}

export { exprName };
