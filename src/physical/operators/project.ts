/** Computes the output columns of each batch. */
import type { Expr, NamedExpr } from "../../plan/expr/expr.js";
import { PhysicalOperator, type ExecContext } from "../operator.js";
import { Batch } from "../../columnar/batch.js";
import { evaluate } from "../expr/evaluate.js";
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
      const cols = this.exprs.map((e) => evaluate(e, b, ctx.fn));
      yield Batch.fromValues(this.schema, cols, b.numRows);
    }
  }
}
