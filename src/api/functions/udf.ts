/** `F.udf`: wraps a JS function as a column function, as PySpark's Python UDFs. */
import type { DataType } from "../../types/data-types.js";
import { stringType } from "../../types/data-types.js";
import { parseDataType } from "../../types/ddl.js";
import { registerUdf } from "../../functions/udf.js";
import { c, fn, Column, type ColumnOrName } from "./build.js";

/** A callable UDF; `.asNondeterministic()` marks it volatile, as in PySpark. */
export interface UserDefinedFunction {
  (...cols: ColumnOrName[]): Column;
  readonly returnType: DataType;
  asNondeterministic(): UserDefinedFunction;
}

/**
 * Makes a UDF from a JS function; the return type defaults to STRING, as PySpark's.
 * `const plus1 = F.udf((x: number) => x + 1, "int"); df.select(plus1("x"))`
 */
export function udf(f: (...args: any[]) => unknown, returnType: DataType | string = stringType, deterministic = true): UserDefinedFunction {
  const t = typeof returnType === "string" ? parseDataType(returnType) : returnType;
  const key = registerUdf(f, t, undefined, deterministic);
  const call = (...cols: ColumnOrName[]) => fn(key, ...cols.map(c));
  return Object.assign(call, {
    returnType: t,
    asNondeterministic: () => udf(f, t, false),
  });
}
