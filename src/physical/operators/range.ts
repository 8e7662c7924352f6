/**
 * spark.range(start, end, step): ids generated batch by batch, never materialized. Bounds are
 * exact 64-bit integers; while every id is a safe integer the ids are plain numbers (the fast
 * path), otherwise they are computed in BigInt and handed on as a BigInt64 vector, so ids past
 * 2^53 stay exact as in Spark.
 */
import type { Attr } from "../../plan/expr/expr.js";
import { PhysicalOperator, type ExecContext } from "../operator.js";
import { Batch } from "../../columnar/batch.js";
import { numericData } from "../../columnar/convert/build.js";
import { longType } from "../../types/data-types.js";

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const isSafe = (x: bigint) => x >= -SAFE && x <= SAFE;

/** How many ids range(start, end, step) has: ceil((end - start) / step), at least 0. */
export function rangeCount(start: bigint, end: bigint, step: bigint): bigint {
  const span = step > 0n ? end - start : start - end;
  if (span <= 0n) return 0n;
  const by = step > 0n ? step : -step;
  return (span + by - 1n) / by;
}

export class RangeExec extends PhysicalOperator {
  readonly name = "Range";
  constructor(output: readonly Attr[], readonly start: bigint, readonly end: bigint, readonly step: bigint, readonly limit: number | null = null) {
    super(output, []);
  }
  describe(): string {
    return `(${this.start}, ${this.end}, step=${this.step})`;
  }
  async *execute(ctx: ExecContext): AsyncGenerator<Batch> {
    const { start, step } = this;
    let total = rangeCount(start, this.end, step);
    if (this.limit !== null && BigInt(this.limit) < total) total = BigInt(this.limit);
    if (total === 0n) return;
    // The last id lies between start and end, so both ends safe means every id is.
    const fast = isSafe(start) && isSafe(start + (total - 1n) * step);
    const size = BigInt(ctx.batchSize);
    for (let done = 0n; done < total; done += size) {
      ctx.job.checkCancelled();
      const n = Number(total - done < size ? total - done : size);
      ctx.job.reportRead(n, 0);
      if (fast) {
        const first = Number(start + done * step);
        const by = Number(step);
        const values = new Array<unknown>(n);
        for (let i = 0; i < n; i++) values[i] = first + i * by;
        yield Batch.fromValues(this.schema, [values], n);
      } else {
        const ids = new BigInt64Array(n);
        let v = start + done * step;
        for (let i = 0; i < n; i++, v += step) ids[i] = v;
        yield Batch.of(this.schema, [numericData(longType, ids)], n);
      }
    }
  }
}
