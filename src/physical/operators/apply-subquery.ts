/**
 * Runs a subquery for every row of the input and appends its answer (the ApplySubquery plan
 * node). The subquery runs once per distinct tuple of its outer references' values — bound
 * as literals, then optimized and planned like any query — and the answer is memoized, so a
 * subquery over a column with ten distinct values runs ten times however many rows there are.
 */
import type { Attr, Expr, Literal } from "../../plan/expr/expr.js";
import type { ApplySubquery, LogicalPlan } from "../../plan/logical/plan.js";
import { bindOuterValues } from "../../plan/logical/outer-refs.js";
import { optimize } from "../../optimizer/optimizer.js";
import { PhysicalOperator, type ExecContext } from "../operator.js";
import { Batch } from "../../columnar/batch.js";
import { evaluate } from "../expr/evaluate.js";
import { keyOf } from "../../values/compare.js";
import { exprName } from "../../plan/expr/sql-text.js";
import { PijarError } from "../../errors/pijar-error.js";

/** What one run of the subquery answered: the scalar, whether rows exist, or IN's rows. */
type Answer = unknown;

export class ApplySubqueryExec extends PhysicalOperator {
  readonly name = "ApplySubquery";
  constructor(
    output: readonly Attr[],
    readonly child: PhysicalOperator,
    readonly node: ApplySubquery,
    /** Positions of the outer references in the child's output. */
    readonly outerIndexes: readonly number[],
    /** IN's tested values, bound to the child's output. */
    readonly values: readonly Expr[],
    /** The physical planner (passed in, so this file does not import it). */
    readonly plan: (p: LogicalPlan) => PhysicalOperator,
  ) {
    super(output, [child]);
  }
  override get subqueryPlan(): LogicalPlan {
    return this.node.subquery;
  }
  describe(): string {
    const n = this.node;
    const tested = n.subKind === "in" ? ` (${n.values.map(exprName).join(", ")}) IN` : "";
    const per = n.outerRefs.length ? `once per distinct [${n.outerRefs.map((a) => a.name).join(", ")}]` : "once";
    return `${n.subKind}${tested} AS ${n.result.name}, runs ${per}`;
  }

  async *execute(ctx: ExecContext): AsyncGenerator<Batch> {
    const memo = new Map<string, Answer>();
    for await (const b of this.child.execute(ctx)) {
      ctx.job.checkCancelled();
      const outer = this.outerIndexes.map((i) => b.values(i));
      const tested = this.values.map((v) => evaluate(v, b, ctx.fn));
      const result = new Array<unknown>(b.numRows);
      for (let r = 0; r < b.numRows; r++) {
        let key = "";
        for (const c of outer) key += keyOf(c[r]) + "\u0001";
        let answer = memo.get(key);
        if (answer === undefined && !memo.has(key)) {
          answer = await this.run(ctx, outer.map((c) => c[r]));
          memo.set(key, answer);
        }
        result[r] = this.node.subKind === "in" ? inResult(answer as unknown[][], tested.map((t) => t[r])) : answer;
      }
      const cols = b.schema.fields.map((_, i) => (b.hasVector(i) ? b.column(i) : b.values(i)));
      yield Batch.of(this.schema, [...cols, result], b.numRows);
    }
  }

  /** One run of the subquery with the outer references bound to `row`'s values. */
  private async run(ctx: ExecContext, row: readonly unknown[]): Promise<Answer> {
    const n = this.node;
    const bound = new Map<number, Literal>(n.outerRefs.map((a, i) => [a.id, { kind: "literal", value: row[i] ?? null, dataType: a.dataType }]));
    const op = this.plan(optimize(bindOuterValues(n.subquery, bound), ctx.fn, ctx.excludedRules));
    if (n.subKind === "exists") {
      for await (const batch of op.execute(ctx)) if (batch.numRows > 0) return true;
      return false;
    }
    const rows: unknown[][] = [];
    for await (const batch of op.execute(ctx)) {
      const cols = batch.schema.fields.map((_, i) => batch.values(i));
      for (let r = 0; r < batch.numRows; r++) rows.push(cols.map((c) => c[r]));
      if (n.subKind === "scalar" && rows.length > 1) {
        throw new PijarError("SCALAR_SUBQUERY_TOO_MANY_ROWS", {}, {
          message: `More than one row returned by a subquery used as an expression: ${n.result.name}${n.outerRefs.length ? ` for ${n.outerRefs.map((a, i) => `${a.name} = ${String(row[i])}`).join(", ")}` : ""}. `
            + "Make it return one row (an aggregate, a tighter WHERE, or LIMIT 1).",
        });
      }
    }
    return n.subKind === "scalar" ? (rows[0]?.[0] ?? null) : rows;
  }
}

/** SQL's three-valued IN: true on a match, NULL when a NULL made the answer unknown, else false. */
function inResult(rows: readonly unknown[][], tested: readonly unknown[]): boolean | null {
  if (rows.length === 0) return false;
  const want = tested.map(keyOf);
  let unknown = tested.some((v) => v === null || v === undefined);
  for (const r of rows) {
    let allEqual = true;
    let sawNull = false;
    for (let i = 0; i < tested.length; i++) {
      const v = r[i];
      if (v === null || v === undefined || tested[i] === null || tested[i] === undefined) sawNull = true;
      else if (keyOf(v) !== want[i]) {
        allEqual = false;
        break;
      }
    }
    if (allEqual && !sawNull) return true;
    if (allEqual && sawNull) unknown = true;
  }
  return unknown ? null : false;
}
