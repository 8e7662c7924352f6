/**
 * Pijar has no TIME type. Spark 4.3 gates its own behind `spark.sql.timeType.enabled`, off by
 * default, and then rejects TIME values with UNSUPPORTED_TIME_TYPE; Pijar gives that same
 * answer wherever a TIME would appear (a `TIME '...'` literal, a `time` type name, a function
 * returning TIME), so code written for Spark's defaults fails the same way in both.
 */
import { PijarError } from "../errors/pijar-error.js";

export function timeTypeUnsupported(): PijarError {
  return new PijarError("UNSUPPORTED_TIME_TYPE", {});
}
