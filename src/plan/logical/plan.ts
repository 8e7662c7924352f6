/**
 * Logical plan nodes. Every node is immutable and carries its resolved `output` attributes, so
 * the DataFrame API can resolve column names on the line that names them. The same nodes are
 * built by the DataFrame API and by the SQL front end (through src/plan/builder/), optimized
 * by src/optimizer/ and turned into physical operators by src/physical/planner.ts.
 */
import type { Attr, Expr, NamedExpr, SortOrder } from "../expr/expr.js";
import type { TableSource } from "./table-source.js";
import { internalError } from "../../errors/pijar-error.js";
import type { Batch } from "../../columnar/batch.js";

interface Node<K extends string> {
  readonly kind: K;
  readonly output: readonly Attr[];
}

/** Rows held in memory (createDataFrame, cached results). */
export interface LocalRelation extends Node<"local"> {
  readonly batches: readonly Batch[];
  readonly description: string;
}

/** spark.range; bounds and step are exact 64-bit integers (ids past 2^53 stay exact). */
export interface RangeRelation extends Node<"range"> {
  readonly start: bigint;
  readonly end: bigint;
  readonly step: bigint;
}

/** A file or database source; optimizer rules push filters, column pruning and limits into it. */
export interface Scan extends Node<"scan"> {
  readonly source: TableSource;
  /** Columns of the source's full schema, in `output` order (after pruning). */
  readonly columns: readonly string[];
  readonly pushedFilters: readonly Expr[];
  readonly limit: number | null;
}

export interface Project extends Node<"project"> {
  readonly child: LogicalPlan;
  readonly exprs: readonly NamedExpr[];
}

export interface Filter extends Node<"filter"> {
  readonly child: LogicalPlan;
  readonly condition: Expr;
}

export interface Aggregate extends Node<"aggregate"> {
  readonly child: LogicalPlan;
  readonly groupBy: readonly Expr[];
  /** Output expressions: group keys and aggregates (possibly with expressions over them). */
  readonly aggs: readonly NamedExpr[];
  /**
   * For ROLLUP/CUBE/GROUPING SETS: each set lists indexes into groupBy; null means one plain set.
   */
  readonly groupingSets: readonly (readonly number[])[] | null;
}

export interface Sort extends Node<"sort"> {
  readonly child: LogicalPlan;
  readonly orders: readonly SortOrder[];
}

export interface Limit extends Node<"limit"> {
  readonly child: LogicalPlan;
  readonly limit: number;
  readonly offset: number;
}

export type JoinType = "inner" | "left" | "right" | "full" | "left_semi" | "left_anti" | "cross";

export interface Join extends Node<"join"> {
  readonly left: LogicalPlan;
  readonly right: LogicalPlan;
  readonly joinType: JoinType;
  readonly condition: Expr | null;
}

/** UNION ALL of children with the same number of columns (coerced by the builder). */
export interface Union extends Node<"union"> {
  readonly children: readonly LogicalPlan[];
}

/** INTERSECT / EXCEPT, with or without ALL. */
export interface SetOperation extends Node<"set_op"> {
  readonly op: "intersect" | "except";
  readonly all: boolean;
  readonly left: LogicalPlan;
  readonly right: LogicalPlan;
}

/** Keeps the first row per key (distinct, dropDuplicates). */
export interface Deduplicate extends Node<"deduplicate"> {
  readonly child: LogicalPlan;
  readonly keys: readonly Attr[];
}

/** Window functions computed over the child's rows; output = child output + window columns. */
export interface Window extends Node<"window"> {
  readonly child: LogicalPlan;
  readonly windowExprs: readonly NamedExpr[];
}

/** explode / posexplode and friends. Output = child output + generated columns. */
export interface Generate extends Node<"generate"> {
  readonly child: LogicalPlan;
  readonly generator: Expr;
  readonly outer: boolean;
  readonly position: boolean;
  readonly generatedOutput: readonly Attr[];
}

/** A named relation (df.alias("t"), FROM x AS t, a temp view): requalifies its output. */
export interface SubqueryAlias extends Node<"subquery_alias"> {
  readonly child: LogicalPlan;
  readonly alias: string;
}

/** Pins the child's results in memory on first execution (df.cache()/persist()). */
export interface Cached extends Node<"cached"> {
  readonly child: LogicalPlan;
  readonly store: { batches: Batch[] | null };
}

/** Random sample. */
export interface Sample extends Node<"sample"> {
  readonly child: LogicalPlan;
  readonly fraction: number;
  readonly withReplacement: boolean;
  readonly seed: number;
}

/**
 * A subquery evaluated for every row of the child, its answer appended as `result` (Spark's
 * "single join"): a scalar value (NULL without rows, SCALAR_SUBQUERY_TOO_MANY_ROWS above one),
 * EXISTS, or IN over `values`. The subquery reads the child's `outerRefs`; it is run once per
 * distinct tuple of their values, with them substituted as literals. It is not a child plan:
 * until those literals are in, it is not a plan the optimizer may rewrite.
 */
export interface ApplySubquery extends Node<"apply_subquery"> {
  readonly child: LogicalPlan;
  readonly subquery: LogicalPlan;
  readonly subKind: "scalar" | "exists" | "in";
  /** Distinct columns of the child the subquery reads. */
  readonly outerRefs: readonly Attr[];
  /** IN's tested values, over the child's columns. */
  readonly values: readonly Expr[];
  readonly result: Attr;
}

export type LogicalPlan =
  | LocalRelation | RangeRelation | Scan | Project | Filter | Aggregate | Sort | Limit | Join | Union
  | SetOperation | Deduplicate | Window | Generate | SubqueryAlias | Cached | Sample | ApplySubquery;

/** The node of `LogicalPlan` with kind `K`. */
export type PlanOf<K extends LogicalPlan["kind"]> = Extract<LogicalPlan, { readonly kind: K }>;

/** What every plan kind holds: child plans, expressions, and how to rebuild it over new ones. */
interface PlanShape<P extends LogicalPlan> {
  children(p: P): readonly LogicalPlan[];
  /** Every expression the node holds, in a fixed order (named ones stay Attr/Alias). */
  expressions(p: P): readonly Expr[];
  /** The same node over new children and expressions (same order and counts). */
  rebuild(p: P, kids: readonly LogicalPlan[], exprs: readonly Expr[]): P;
}

const named = (e: Expr): NamedExpr => {
  if (e.kind !== "attr" && e.kind !== "alias") throw internalError(`a named output expression became ${e.kind}`);
  return e;
};
const sortOrder = (e: Expr): SortOrder => {
  if (e.kind !== "sort") throw internalError(`a sort order became ${e.kind}`);
  return e;
};
const attr = (e: Expr): Attr => {
  if (e.kind !== "attr") throw internalError(`a key attribute became ${e.kind}`);
  return e;
};

/** A node with one child: which expressions it holds and how to put them back. */
function unary<P extends LogicalPlan & { readonly child: LogicalPlan }>(
  expressions: (p: P) => readonly Expr[] = () => [],
  put: (p: P, exprs: readonly Expr[]) => P = (p) => p,
): PlanShape<P> {
  return { children: (p) => [p.child], expressions, rebuild: (p, [child], exprs) => ({ ...put(p, exprs), child: child! }) };
}

const leafPlan = <P extends LogicalPlan>(): PlanShape<P> => ({ children: () => [], expressions: () => [], rebuild: (p) => p });

/**
 * One entry per plan kind, with no catch-all: a new kind fails the type check here until its
 * children and expressions are described. Optimizer rules and explain() walk plans through it.
 */
const PLAN_SHAPES: { readonly [K in LogicalPlan["kind"]]: PlanShape<PlanOf<K>> } = {
  local: leafPlan(),
  range: leafPlan(),
  scan: {
    children: () => [],
    expressions: (p) => p.pushedFilters,
    rebuild: (p, _kids, exprs) => ({ ...p, pushedFilters: exprs }),
  },
  project: unary((p) => p.exprs, (p, exprs) => ({ ...p, exprs: exprs.map(named) })),
  filter: unary((p) => [p.condition], (p, [condition]) => ({ ...p, condition: condition! })),
  aggregate: unary(
    (p) => [...p.groupBy, ...p.aggs],
    (p, exprs) => ({ ...p, groupBy: exprs.slice(0, p.groupBy.length), aggs: exprs.slice(p.groupBy.length).map(named) }),
  ),
  sort: unary((p) => p.orders, (p, exprs) => ({ ...p, orders: exprs.map(sortOrder) })),
  limit: unary(),
  join: {
    children: (p) => [p.left, p.right],
    expressions: (p) => (p.condition ? [p.condition] : []),
    rebuild: (p, [left, right], exprs) => ({ ...p, left: left!, right: right!, condition: p.condition ? exprs[0]! : null }),
  },
  union: { children: (p) => p.children, expressions: () => [], rebuild: (p, kids) => ({ ...p, children: kids }) },
  set_op: {
    children: (p) => [p.left, p.right],
    expressions: () => [],
    rebuild: (p, [left, right]) => ({ ...p, left: left!, right: right! }),
  },
  deduplicate: unary((p) => p.keys, (p, exprs) => ({ ...p, keys: exprs.map(attr) })),
  window: unary((p) => p.windowExprs, (p, exprs) => ({ ...p, windowExprs: exprs.map(named) })),
  generate: unary((p) => [p.generator], (p, [generator]) => ({ ...p, generator: generator! })),
  subquery_alias: unary(),
  cached: unary(),
  sample: unary(),
  apply_subquery: unary(
    (p) => [...p.outerRefs, ...p.values],
    (p, exprs) => ({ ...p, outerRefs: exprs.slice(0, p.outerRefs.length).map(attr), values: exprs.slice(p.outerRefs.length) }),
  ),
};

const planShapeOf = <P extends LogicalPlan>(p: P): PlanShape<P> => PLAN_SHAPES[p.kind] as unknown as PlanShape<P>;

/** Every plan kind, as the table knows them (tests build one node of each). */
export const planKinds = (): readonly LogicalPlan["kind"][] => Object.keys(PLAN_SHAPES) as LogicalPlan["kind"][];

/** Direct children of a plan node. */
export function planChildren(p: LogicalPlan): readonly LogicalPlan[] {
  return planShapeOf(p).children(p);
}

/** Every expression a plan node holds (not those of its children). */
export function planExpressions(p: LogicalPlan): readonly Expr[] {
  return planShapeOf(p).expressions(p);
}

function rebuilt<P extends LogicalPlan>(p: P, kids: readonly LogicalPlan[], exprs: readonly Expr[]): P {
  const shape = planShapeOf(p);
  const oldKids = shape.children(p);
  const oldExprs = shape.expressions(p);
  if (kids.length !== oldKids.length || exprs.length !== oldExprs.length) {
    throw internalError(`${p.kind} holds ${oldKids.length} children and ${oldExprs.length} expressions, got ${kids.length} and ${exprs.length}`);
  }
  const same = kids.every((k, i) => k === oldKids[i]) && exprs.every((e, i) => e === oldExprs[i]);
  return same ? p : shape.rebuild(p, kids, exprs);
}

/** Rebuilds a node with new children (same order as planChildren); unchanged, the node itself. */
export function withChildren<P extends LogicalPlan>(p: P, kids: readonly LogicalPlan[]): P {
  return rebuilt(p, kids, planExpressions(p));
}

/** Rebuilds a node with new expressions (same order as planExpressions). */
export function withExpressions<P extends LogicalPlan>(p: P, exprs: readonly Expr[]): P {
  return rebuilt(p, planChildren(p), exprs);
}
