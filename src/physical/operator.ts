/**
 * Physical operators: each streams Batches from its children. Pipeline breakers (sort,
 * aggregate, window, the build side of a join) say so in explain().
 */
import type { Attr } from "../plan/expr/expr.js";
import type { FunctionContext } from "../functions/registry.js";
import type { TaskContext } from "../context/task-context.js";
import { StructField, StructType } from "../types/data-types.js";
import type { Batch } from "../columnar/batch.js";
import type { LogicalPlan } from "../plan/logical/plan.js";

export interface ExecContext {
  readonly fn: FunctionContext;
  /** The running task: cancel checks between batches and progress (the Job implements it). */
  readonly job: TaskContext;
  readonly batchSize: number;
  /** Optimizer rules switched off (spark.pijar.optimizer.excludedRules), for plans run inside operators. */
  readonly excludedRules?: ReadonlySet<string>;
}

export abstract class PhysicalOperator {
  abstract readonly name: string;
  readonly schema: StructType;
  constructor(readonly output: readonly Attr[], readonly children: readonly PhysicalOperator[]) {
    this.schema = schemaOf(output);
  }
  /** True when the operator must consume all its input before producing output. */
  get pipelineBreaker(): boolean {
    return false;
  }
  /** A subquery the operator runs per outer value, shown under it by explain(). */
  get subqueryPlan(): LogicalPlan | undefined {
    return undefined;
  }
  /** The operator's details for explain(), e.g. the filter condition. */
  abstract describe(): string;
  abstract execute(ctx: ExecContext): AsyncGenerator<Batch>;
}

export function schemaOf(attrs: readonly Attr[]): StructType {
  return new StructType(attrs.map((a) => new StructField(a.name, a.dataType, a.nullable)));
}

/** Re-chunks a stream so no batch exceeds `size` rows. */
export async function* rechunk(input: AsyncIterable<Batch>, size: number): AsyncGenerator<Batch> {
  for await (const b of input) {
    if (b.numRows <= size) {
      if (b.numRows > 0) yield b;
      continue;
    }
    for (let s = 0; s < b.numRows; s += size) yield b.slice(s, s + size);
  }
}
