/**
 * Text of values as Spark's writers print them: Java's Double.toString / Float.toString for
 * floating point ("1.0", "1.0E10", "1.0E-4"), plain decimals, dates and timestamps through the
 * dateFormat / timestampFormat patterns.
 */
import { formatDecimal } from "../../values/decimal.js";

export { javaDoubleString, javaFloatString } from "../../values/java-number-text.js";

export function decimalString(v: bigint, scale: number): string {
  return formatDecimal(v, scale);
}
