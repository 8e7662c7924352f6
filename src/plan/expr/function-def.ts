/**
 * The shape of a function definition: how a Call resolves its arguments and evaluates, whole
 * columns at a time. The shape sits with the expressions because a Call holds its definition;
 * the definitions themselves, and the registry that finds them by name, live in src/functions.
 * Keeping the shape here lets the expression layer name it without importing the layer above.
 */
import type { Call, Expr, LambdaFunction } from "./expr.js";
import type { DataType } from "../../types/data-types.js";
import type { SessionSettings } from "../../context/settings.js";

/** What a function may read of the session: the settings, nothing of the layer that owns them. */
export type FunctionContext = SessionSettings;

export interface ResolveResult {
  /** The arguments after implicit casts. */
  readonly args: readonly Expr[];
  readonly dataType: DataType;
  readonly nullable?: boolean;
  readonly state?: unknown;
}

/** What one parameter of a lambda argument receives: its type and whether it can be null. */
export interface LambdaParam {
  readonly dataType: DataType;
  readonly nullable: boolean;
}

/**
 * Resolves a lambda argument once its function knows what the parameters receive (transform:
 * the element type, then INT for the index). Raises Spark's INVALID_LAMBDA_FUNCTION_CALL when
 * the lambda takes another number of parameters, and when `arg` is not a lambda.
 */
export type LambdaResolver = (arg: Expr, params: readonly LambdaParam[]) => LambdaFunction;

/**
 * Runs a lambda argument's body over element rows, all of a batch at once: element j belongs
 * to input row `rows[j]` (so the body reads that row's columns) and its parameter k receives
 * `params[k][j]`. Returns one value per element.
 */
export type LambdaRunner = (rows: readonly number[], params: readonly (readonly unknown[])[]) => unknown[];

interface FunctionBase {
  /** Canonical Spark SQL name (lower case), used for the column name. */
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly minArgs: number;
  /** Infinity for variadic. */
  readonly maxArgs: number;
  /**
   * A higher-order function (transform, aggregate...): some arguments are lambdas. Its
   * `resolve` receives them unresolved and resolves each through `lambdas`; every other
   * function rejects a lambda argument.
   */
  readonly higherOrder?: boolean;
  /** Checks and coerces argument types; throws DATATYPE_MISMATCH errors. */
  resolve(args: readonly Expr[], ctx: FunctionContext, lambdas?: LambdaResolver): ResolveResult;
  /** Column name text when different from `name(arg, ...)`. */
  sql?(args: readonly string[], call: Call): string;
}

export interface ScalarFunctionDef extends FunctionBase {
  readonly kind: "scalar";
  /** Volatile functions (rand, current_timestamp) are never constant-folded. */
  readonly deterministic?: boolean;
  /**
   * Evaluates over whole columns of internal values (see columnar/convert/read.ts). For a
   * higher-order function, `lambdas[i]` runs the lambda at argument i (whose `args[i]` is empty).
   */
  eval(args: readonly unknown[][], n: number, call: Call, ctx: FunctionContext, lambdas?: readonly (LambdaRunner | undefined)[]): unknown[];
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
