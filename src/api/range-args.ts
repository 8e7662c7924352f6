/**
 * `spark.range` arguments as exact 64-bit integers. PySpark passes `int(x)` to the JVM's
 * `range(long, long, long)`, so a bound past 2^53 is exact there; here a JS `bigint` carries
 * it (a `number` is exact only to 2^53) and a fractional number is truncated as `int()` does.
 */
import { PijarError } from "../errors/pijar-error.js";
import { LONG_MAX, LONG_MIN } from "../values/long.js";

/** One bound or step: a JS number, or a bigint for values past 2^53. */
export type RangeArg = number | bigint;

function toLong(name: string, x: RangeArg): bigint {
  const v = typeof x === "bigint" ? x : typeof x === "number" && Number.isFinite(x) ? BigInt(Math.trunc(x)) : undefined;
  if (v === undefined || v < LONG_MIN || v > LONG_MAX) {
    throw new PijarError("INVALID_ARGUMENT", {
      message: `range(): ${name} must be an integer in the BIGINT range [${LONG_MIN}, ${LONG_MAX}], got ${String(x)}. Pass values past 2^53 as a bigint, e.g. 9007199254740993n.`,
    });
  }
  return v;
}

/** [start, end, step] of `range(end)` or `range(start, end, step)`, checked. */
export function rangeBounds(start: RangeArg, end: RangeArg | undefined, step: RangeArg): [bigint, bigint, bigint] {
  const [s, e] = end === undefined ? [0n, toLong("end", start)] : [toLong("start", start), toLong("end", end)];
  const st = toLong("step", step);
  if (st === 0n) throw new PijarError("INVALID_ARGUMENT", { message: "range(): step must not be 0." }, { exceptionType: "IllegalArgumentException" });
  return [s, e, st];
}
