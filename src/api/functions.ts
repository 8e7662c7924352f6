/**
 * `F`: PySpark's `pyspark.sql.functions` for TypeScript, same names and argument order.
 * Column arguments take a Column or a column name; arguments PySpark takes as plain values
 * (formats, patterns, scales) take JS values.
 *
 * @example
 * import { functions as F } from "pijar";
 * df.select(F.upper("name"), F.round(F.col("price").multiply(1.1), 2).alias("with_tax"));
 */
export * from "./functions/core.js";
export * from "./functions/string.js";
export * from "./functions/math.js";
export * from "./functions/datetime.js";
export * from "./functions/collection.js";
export * from "./functions/aggregate.js";
export * from "./functions/window.js";
export * from "./functions/hash.js";
export * from "./functions/misc.js";
export * from "./functions/json.js";
export * from "./functions/udf.js";
export * from "./functions/lambda.js";
