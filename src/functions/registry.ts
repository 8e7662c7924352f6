/**
 * The function registry: every SQL function and operator Pijar knows, by its Spark SQL name.
 * `F.upper(col)`, `upper(x)` in SQL and `selectExpr("upper(x)")` all resolve here, so a function
 * is written once. Each definition lives in a file under src/functions/<group>/, which exports
 * its list (`definitions`); src/functions/index.ts registers the lists, so nothing registers
 * on import. `register` itself is also how a UDF joins at run time.
 */
import type { Call, Expr } from "../plan/expr/expr.js";
import type { DataType } from "../types/data-types.js";
import { PijarError, orderBySimilarity } from "../errors/pijar-error.js";

export type {
  FunctionContext,
  ResolveResult,
  ScalarFunctionDef,
  AggregateState,
  AggregateFunctionDef,
  WindowFunctionDef,
  FunctionDef,
} from "../plan/expr/function-def.js";
import type { FunctionDef } from "../plan/expr/function-def.js";

const registry = new Map<string, FunctionDef>();

export function register(def: FunctionDef): void {
  registry.set(def.name.toLowerCase(), def);
  for (const a of def.aliases ?? []) registry.set(a.toLowerCase(), def);
}

export function lookupFunction(name: string): FunctionDef | undefined {
  return registry.get(name.toLowerCase());
}

export function functionNames(): string[] {
  return [...registry.keys()];
}

/** Finds a function or raises UNRESOLVED_ROUTINE with the nearest names. */
export function requireFunction(name: string): FunctionDef {
  const def = lookupFunction(name);
  if (def) return def;
  const near = orderBySimilarity(name.toLowerCase(), functionNames().filter((n) => /^[a-z_]/.test(n)), 3);
  throw new PijarError("UNRESOLVED_ROUTINE", {
    routineName: "`" + name + "`",
    searchPath: "[`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]",
  }, {
    message: `Cannot resolve routine \`${name}\` on search path [\`system\`.\`builtin\`, \`system\`.\`session\`, \`spark_catalog\`.\`default\`]. Did you mean one of the following? [${near.map((n) => "`" + n + "`").join(", ")}]`,
  });
}

/** Raises WRONG_NUM_ARGS when the count is outside the function's range. */
export function checkArity(def: FunctionDef, n: number): void {
  if (n < def.minArgs || n > def.maxArgs) {
    const expected = def.minArgs === def.maxArgs ? String(def.minArgs)
      : def.maxArgs === Infinity ? `> ${def.minArgs - 1}` : `[${def.minArgs}, ${def.maxArgs}]`;
    throw new PijarError("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", {
      functionName: "`" + def.name + "`", expectedNum: expected, actualNum: String(n), docroot: "",
    });
  }
}
