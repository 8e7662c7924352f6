/**
 * The function registry: every SQL function and operator Pijar knows, by its Spark SQL name.
 * `F.upper(col)`, `upper(x)` in SQL and `selectExpr("upper(x)")` all resolve here, so a function
 * is written once. Each definition lives in its own file under src/functions/<group>/ and is
 * registered from src/functions/index.ts.
 */
import type { Call, Expr } from "../plan/expr/expr.js";
import type { DataType } from "../types/data-types.js";
import { PijarError, orderBySimilarity } from "../errors/pijar-error.js";

/** Session settings functions may depend on. */
export interface FunctionContext {
  readonly timeZone: string;
  readonly ansi: boolean;
  /** Fixed per query so current_date()/now() are stable within one action. */
  readonly nowMicros: number;
}

export interface ResolveResult {
  /** The arguments after implicit casts. */
  readonly args: readonly Expr[];
  readonly dataType: DataType;
  readonly nullable?: boolean;
  readonly state?: unknown;
}

interface FunctionBase {
  /** Canonical Spark SQL name (lower case), used for the column name. */
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly minArgs: number;
  /** Infinity for variadic. */
  readonly maxArgs: number;
  /** Checks and coerces argument types; throws DATATYPE_MISMATCH errors. */
  resolve(args: readonly Expr[], ctx: FunctionContext): ResolveResult;
  /** Column name text when different from `name(arg, ...)`. */
  sql?(args: readonly string[], call: Call): string;
}

export interface ScalarFunctionDef extends FunctionBase {
  readonly kind: "scalar";
  /** Volatile functions (rand, current_timestamp) are never constant-folded. */
  readonly deterministic?: boolean;
  /** Evaluates over whole columns of internal values (see columnar/convert/read.ts). */
  eval(args: readonly unknown[][], n: number, call: Call, ctx: FunctionContext): unknown[];
}

/** Per-group state of an aggregate, held columnar so millions of groups stay cheap. */
export interface AggregateState {
  /** Makes room for group ids < numGroups. */
  grow(numGroups: number): void;
  /** Adds the rows of one batch: row i belongs to group groupIds[i]. */
  update(groupIds: Int32Array, args: readonly unknown[][], n: number): void;
  /** One result per group. */
  finish(numGroups: number): unknown[];
}

export interface AggregateFunctionDef extends FunctionBase {
  readonly kind: "agg";
  create(call: Call, ctx: FunctionContext): AggregateState;
}

/** Ranking and offset functions that only exist over a window (row_number, lag...). */
export interface WindowFunctionDef extends FunctionBase {
  readonly kind: "window";
  /**
   * Computes the values for one partition, whose rows are already sorted by the window order.
   * `peerGroupStarts` marks rows whose ORDER BY values differ from the previous row.
   */
  evalPartition(args: readonly unknown[][], n: number, isNewPeer: Uint8Array, call: Call, ctx: FunctionContext): unknown[];
}

export type FunctionDef = ScalarFunctionDef | AggregateFunctionDef | WindowFunctionDef;

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
