/**
 * Running a logical plan: optimize, plan physical operators, stream batches inside a Job (so
 * the kernel can show progress and cancel it).
 */
import type { LogicalPlan } from "../plan/logical/plan.js";
import type { FunctionContext } from "../functions/registry.js";
import { optimize } from "../optimizer/optimizer.js";
import { planPhysical } from "../physical/planner.js";
import type { Batch } from "../columnar/batch.js";
import { BATCH_SIZE } from "../columnar/batch.js";
import { runJob, type Job } from "./jobs.js";
import type { StructType } from "../types/data-types.js";
import type { PhysicalOperator } from "../physical/operator.js";

export interface ExecutionSettings {
  readonly fn: FunctionContext;
  readonly excludedRules: ReadonlySet<string>;
  readonly batchSize?: number;
}

export function physicalPlanOf(plan: LogicalPlan, settings: ExecutionSettings): PhysicalOperator {
  return planPhysical(optimize(plan, settings.fn, settings.excludedRules));
}

/** Runs the plan as one job, handing the stream of batches to `consume`. */
export function runPlan<T>(
  plan: LogicalPlan,
  settings: ExecutionSettings,
  description: string,
  consume: (batches: AsyncIterable<Batch>, schema: StructType, job: Job) => Promise<T>,
): Promise<T> {
  return runJob(description, async (job) => {
    const op = physicalPlanOf(plan, settings);
    const stream = op.execute({ fn: settings.fn, job, batchSize: settings.batchSize ?? BATCH_SIZE, excludedRules: settings.excludedRules });
    return consume(stream, op.schema, job);
  });
}
