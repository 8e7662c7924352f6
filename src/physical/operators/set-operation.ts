/** INTERSECT / EXCEPT [ALL] by hashing whole rows of the right side. */
import type { Attr } from "../../plan/expr/expr.js";
import { PhysicalOperator, type ExecContext } from "../operator.js";
import type { Batch } from "../../columnar/batch.js";
import { keyOf } from "../../values/compare.js";

export class SetOperationExec extends PhysicalOperator {
  readonly name: string;
  constructor(output: readonly Attr[], readonly left: PhysicalOperator, readonly right: PhysicalOperator, readonly op: "intersect" | "except", readonly all: boolean) {
    super(output, [left, right]);
    this.name = op === "intersect" ? "Intersect" : "Except";
  }
  override get pipelineBreaker(): boolean {
    return true;
  }
  /** The right side is counted whole first; the left side streams through. */
  override get childRoles(): readonly string[] {
    return ["probe", "build"];
  }
  describe(): string {
    return this.all ? "ALL" : "DISTINCT";
  }
  async *execute(ctx: ExecContext): AsyncGenerator<Batch> {
    const counts = new Map<string, number>();
    const rowKey = (b: Batch, r: number) => {
      let k = "";
      for (let c = 0; c < b.schema.fields.length; c++) k += keyOf(b.values(c)[r]) + "\u0001";
      return k;
    };
    for await (const b of this.right.execute(ctx)) {
      for (let r = 0; r < b.numRows; r++) {
        const k = rowKey(b, r);
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    }
    const emitted = new Set<string>();
    for await (const b of this.left.execute(ctx)) {
      ctx.job.checkCancelled();
      const keep: number[] = [];
      for (let r = 0; r < b.numRows; r++) {
        const k = rowKey(b, r);
        const c = counts.get(k) ?? 0;
        if (this.all) {
          if (this.op === "intersect" ? c > 0 : c === 0) keep.push(r);
          if (c > 0) counts.set(k, c - 1);
        } else if (!emitted.has(k) && (this.op === "intersect" ? c > 0 : c === 0)) {
          emitted.add(k);
          keep.push(r);
        }
      }
      if (keep.length) yield b.take(keep).withSchema(this.schema);
    }
  }
}
