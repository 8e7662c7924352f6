/** explode and friends: one output row per array element or map entry. */
import type { Attr, Expr } from "../../plan/expr/expr.js";
import { PhysicalOperator, type ExecContext } from "../operator.js";
import { Batch } from "../../columnar/batch.js";
import { evaluate } from "../expr/evaluate.js";
import { exprName } from "../../plan/expr/sql-text.js";

export class GenerateExec extends PhysicalOperator {
  readonly name = "Generate";
  constructor(output: readonly Attr[], readonly child: PhysicalOperator, readonly fnName: string, readonly arg: Expr, readonly outer: boolean, readonly position: boolean, readonly generatedCount: number) {
    super(output, [child]);
  }
  describe(): string {
    return `${this.fnName}(${exprName(this.arg)})${this.outer ? " outer" : ""}`;
  }
  async *execute(ctx: ExecContext): AsyncGenerator<Batch> {
    const width = this.child.output.length;
    const inline = this.fnName.startsWith("inline");
    for await (const b of this.child.execute(ctx)) {
      ctx.job.checkCancelled();
      const vals = evaluate(this.arg, b, ctx.fn);
      const rows: number[] = [];
      const gen: unknown[][] = Array.from({ length: this.generatedCount }, () => []);
      for (let r = 0; r < b.numRows; r++) {
        const v = vals[r];
        const items: unknown[][] = [];
        if (v instanceof Map) {
          let p = 0;
          for (const [k, x] of v) items.push(this.position ? [p++, k, x] : [k, x]);
        } else if (Array.isArray(v)) {
          v.forEach((x, p) => {
            const cols = inline ? (x == null ? new Array(this.generatedCount - (this.position ? 1 : 0)).fill(null) : (x as unknown[])) : [x];
            items.push(this.position ? [p, ...cols] : cols);
          });
        }
        if (!items.length && this.outer) items.push(new Array(this.generatedCount).fill(null));
        for (const it of items) {
          rows.push(r);
          for (let g = 0; g < this.generatedCount; g++) gen[g]!.push(it[g] ?? null);
        }
      }
      if (!rows.length) continue;
      const base = b.take(rows);
      const cols = [...Array.from({ length: width }, (_, c) => base.values(c)), ...gen];
      yield Batch.fromValues(this.schema, cols, rows.length);
    }
  }
}
