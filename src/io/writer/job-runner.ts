/**
 * What a writer outside the file commit protocol (JDBC) needs from the thing it writes: a way to
 * run the plan as a job and stream its batches. The API's DataFrame has this shape; naming the
 * shape here keeps io from importing the API above it.
 */
import type { Batch } from "../../columnar/batch.js";
import type { StructType } from "../../types/data-types.js";
import type { TaskContext } from "../../context/task-context.js";

export interface JobRunner {
  _runJob<T>(description: string, consume: (batches: AsyncIterable<Batch>, schema: StructType, job: TaskContext) => Promise<T>): Promise<T>;
}
