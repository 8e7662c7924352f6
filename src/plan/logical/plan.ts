/**
 * Logical plan nodes. Every node is immutable and carries its resolved `output` attributes, so
 * the DataFrame API can resolve column names on the line that names them. The same nodes are
 * built by the DataFrame API and by the SQL front end (through src/plan/builder/), optimized
 * by src/optimizer/ and turned into physical operators by src/physical/planner.ts.
 */
import type { Attr, Expr, NamedExpr, SortOrder } from "../expr/expr.js";
import type { TableSource } from "./table-source.js";
import type { Batch } from "../../physical/batch.js";

interface Node<K extends string> {
  readonly kind: K;
  readonly output: readonly Attr[];
}

/** Rows held in memory (createDataFrame, cached results). */
export interface LocalRelation extends Node<"local"> {
  readonly batches: readonly Batch[];
  readonly description: string;
}

/** spark.range. */
export interface RangeRelation extends Node<"range"> {
  readonly start: number;
  readonly end: number;
  readonly step: number;
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

export type LogicalPlan =
  | LocalRelation | RangeRelation | Scan | Project | Filter | Aggregate | Sort | Limit | Join | Union
  | SetOperation | Deduplicate | Window | Generate | SubqueryAlias | Cached | Sample;

/** Direct children of a plan node. */
export function planChildren(p: LogicalPlan): LogicalPlan[] {
  switch (p.kind) {
    case "local":
    case "range":
    case "scan": return [];
    case "join":
    case "set_op": return [p.left, p.right];
    case "union": return [...p.children];
    default: return [p.child];
  }
}

/** Rebuilds a node with new children (same order as planChildren). */
export function withChildren(p: LogicalPlan, kids: LogicalPlan[]): LogicalPlan {
  switch (p.kind) {
    case "local":
    case "range":
    case "scan": return p;
    case "join":
    case "set_op": return { ...p, left: kids[0]!, right: kids[1]! };
    case "union": return { ...p, children: kids };
    default: return { ...p, child: kids[0]! } as LogicalPlan;
  }
}
