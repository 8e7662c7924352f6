/**
 * JS values to typed internal values, as PySpark's `lit`: integers that fit 32 bits are INT, larger
 * ones BIGINT; other numbers DOUBLE; strings STRING; booleans BOOLEAN; Date -> TIMESTAMP;
 * bigint -> BIGINT; arrays -> ARRAY; null -> VOID.
 */
import {
  ArrayType, booleanType, doubleType, integerType, longType, nullType, stringType, timestampType, DecimalType, binaryType,
  type DataType,
} from "../types/data-types.js";
import { widerTypeOfAll } from "../types/type-utils.js";
import { Decimal } from "./decimal-value.js";
import { PijarError } from "../errors/pijar-error.js";
import { canonLong, inLongRange } from "../values/long.js";

export function typedValue(v: unknown): { value: unknown; dataType: DataType } {
  if (v === null || v === undefined) return { value: null, dataType: nullType };
  switch (typeof v) {
    case "boolean": return { value: v, dataType: booleanType };
    case "string": return { value: v, dataType: stringType };
    case "bigint":
      // Exact over 64 bits (canonical long); beyond that Python's lit makes a decimal.
      if (inLongRange(v)) return { value: canonLong(v), dataType: longType };
      if (v >= -(10n ** 38n) + 1n && v < 10n ** 38n) return { value: v, dataType: new DecimalType(Math.max(String(v < 0n ? -v : v).length, 1), 0) };
      throw new PijarError("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", { value: String(v), precision: "38", scale: "0", config: "\"spark.sql.ansi.enabled\"" });
    case "number":
      // Integers JS holds exactly become INT/BIGINT; 1e20 and the like are doubles, as in Python.
      if (Number.isSafeInteger(v) && !Object.is(v, -0)) {
        return { value: v, dataType: v >= -2147483648 && v <= 2147483647 ? integerType : longType };
      }
      return { value: v, dataType: doubleType };
  }
  if (v instanceof Date) return { value: (v as Date & { epochMicros?: number }).epochMicros ?? v.getTime() * 1000, dataType: timestampType };
  if (v instanceof Decimal) return { value: v.unscaled, dataType: new DecimalType(v.precision, v.scale) };
  if (v instanceof Uint8Array) return { value: v, dataType: binaryType };
  if (Array.isArray(v)) {
    const items = v.map(typedValue);
    const elem = widerTypeOfAll(items.map((i) => i.dataType)) ?? stringType;
    return { value: items.map((i) => i.value), dataType: new ArrayType(elem, items.some((i) => i.value === null)) };
  }
  throw new PijarError("INVALID_TYPE", { message: `Cannot make a literal from ${String(v)}: use a number, string, boolean, Date, bigint, Decimal, array or null.` }, { exceptionType: "PySparkTypeError" });
}
