/** Computes the output columns of each batch. */
import type * as A from "apache-arrow";
import type { Expr, NamedExpr } from "../../plan/expr/expr.js";
import { PhysicalOperator, type ExecContext } from "../operator.js";
import { Batch } from "../../columnar/batch.js";
import { evaluate } from "../expr/evaluate.js";
import { evaluateVector } from "../expr/evaluate-vector.js";
import { exprName } from "../../plan/expr/sql-text.js";
import type { Attr } from "../../plan/expr/expr.js";

export class ProjectExec extends PhysicalOperator {
  readonly name = "Project";
  constructor(output: readonly Attr[], readonly child: PhysicalOperator, readonly exprs: readonly Expr[], readonly named: readonly NamedExpr[]) {
    super(output, [child]);
  }
  describe(): string {
    return `[${this.named.map((e) => (e.kind === "alias" && exprName(e.child) !== e.name ? `${exprName(e.child)} AS ${e.name}` : exprName(e))).join(", ")}]`;
  }
  async *execute(ctx: ExecContext): AsyncGenerator<Batch> {
    for await (const b of this.child.execute(ctx)) {
      ctx.job.checkCancelled();
      // Each column from a typed kernel where one exists, else from the value path.
      const cols = this.exprs.map((e) => evaluateVector(e, b, ctx.fn) ?? passThrough(e, b) ?? evaluate(e, b, ctx.fn));
      yield Batch.of(this.schema, cols, b.numRows);
    }
  }
}

/** A column passed on as it is keeps whatever form it has (vector or values). */
function passThrough(e: Expr, b: Batch): A.Data | undefined {
  let x = e;
  while (x.kind === "alias") x = x.child;
  return x.kind === "bound" && b.hasVector(x.index) ? b.column(x.index) : undefined;
}
