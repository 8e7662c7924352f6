/**
 * Expression nodes, shared by the DataFrame API, the SQL front end, the analyzer, the optimizer
 * and the physical planner. Unresolved nodes (`unresolved_attr`, `star`, `unresolved_call`,
 * `unresolved_extract`) come from the front ends; the analyzer replaces them by resolved ones
 * that carry a data type.
 */
import type { DataType } from "../../types/data-types.js";
import type { FunctionDef } from "./function-def.js";
import type { LogicalPlan } from "../logical/plan.js";
import { internalError } from "../../errors/pijar-error.js";

let nextExprId = 1;
/** A fresh expression id: attributes are identified by id, not by name (as Spark's ExprId). */
export function newExprId(): number {
  return nextExprId++;
}

/** A resolved column of some plan's output. */
export interface Attr {
  readonly kind: "attr";
  readonly name: string;
  readonly id: number;
  readonly dataType: DataType;
  readonly nullable: boolean;
  /** Relation aliases this column can be qualified with (`t.a`). */
  readonly qualifier: readonly string[];
}

export interface UnresolvedAttr {
  readonly kind: "unresolved_attr";
  /** `a`, or `t.a` as ["t","a"], or a struct path `s.f`. */
  readonly nameParts: readonly string[];
  /** The name as the user wrote it (for errors). */
  readonly text: string;
}

export interface Star {
  readonly kind: "star";
  readonly target: readonly string[] | null;
}

export interface Literal {
  readonly kind: "literal";
  readonly value: unknown;
  readonly dataType: DataType;
}

export interface Alias {
  readonly kind: "alias";
  readonly child: Expr;
  readonly name: string;
  readonly id: number;
}

export interface UnresolvedCall {
  readonly kind: "unresolved_call";
  readonly name: string;
  readonly args: readonly Expr[];
  readonly distinct: boolean;
  /** Extra, non-column arguments some functions take (e.g. a format string given as JS). */
  readonly filter?: Expr | null;
  /** True when written as `count(*)` etc. (for naming). */
  readonly isStar?: boolean;
}

export interface Call {
  readonly kind: "call";
  readonly fn: FunctionDef;
  readonly args: readonly Expr[];
  readonly distinct: boolean;
  readonly dataType: DataType;
  readonly nullable: boolean;
  /** Constant parameters a function computed when resolved (e.g. a parsed date format). */
  readonly state?: unknown;
  readonly isStar?: boolean;
  readonly filter?: Expr | null;
}

export interface Cast {
  readonly kind: "cast";
  readonly child: Expr;
  readonly to: DataType;
  /** "ansi" raises on invalid input (Spark 4 default); "try" yields null. */
  readonly mode: "ansi" | "try";
  /** Implicit casts added by the analyzer are not shown in column names. */
  readonly implicit?: boolean;
}

export interface CaseWhen {
  readonly kind: "case";
  readonly branches: readonly { readonly when: Expr; readonly then: Expr }[];
  readonly otherwise: Expr | null;
  readonly dataType?: DataType;
}

export interface SortOrder {
  readonly kind: "sort";
  readonly child: Expr;
  readonly ascending: boolean;
  readonly nullsFirst: boolean;
}

export type FrameBound =
  | { readonly type: "unbounded_preceding" }
  | { readonly type: "unbounded_following" }
  | { readonly type: "current_row" }
  | { readonly type: "offset"; readonly value: number };

export interface WindowFrame {
  readonly frameType: "rows" | "range";
  readonly lower: FrameBound;
  readonly upper: FrameBound;
}

export interface WindowSpec {
  readonly partitionBy: readonly Expr[];
  readonly orderBy: readonly SortOrder[];
  readonly frame: WindowFrame | null;
}

export interface WindowExpr {
  readonly kind: "window";
  readonly fn: Expr;
  readonly spec: WindowSpec;
  readonly dataType?: DataType;
}

/** `a[0]`, `a['k']`, `s.f` on a value: resolved into get_item / get_field calls. */
export interface UnresolvedExtract {
  readonly kind: "unresolved_extract";
  readonly child: Expr;
  readonly key: Expr;
}

/** A subquery used as a value, in IN, or in EXISTS (SQL only). */
export interface SubqueryExpr {
  readonly kind: "subquery";
  readonly subKind: "scalar" | "in" | "exists";
  readonly plan: LogicalPlan;
  /** For IN: the value(s) tested. */
  readonly values: readonly Expr[];
  /**
   * Columns of enclosing queries the subquery reads (Spark's outer references), once per
   * occurrence in plan order. Empty for an uncorrelated subquery. They are children, so the
   * node hosting the subquery counts them as its references (column pruning keeps them).
   */
  readonly outerRefs?: readonly Attr[];
  readonly dataType?: DataType;
}

/** A reference to a column by position in the physical input (used only after planning). */
export interface BoundRef {
  readonly kind: "bound";
  readonly index: number;
  readonly dataType: DataType;
  readonly nullable: boolean;
  readonly name: string;
}

/**
 * A parameter of a lambda function (Spark's NamedLambdaVariable). Identified by id, as an
 * attribute, so a nested lambda's `x` never captures an outer one; the DataFrame API creates
 * them with no type, the analyzer gives them the element type of the higher-order function.
 */
export interface LambdaVar {
  readonly kind: "lambda_var";
  readonly name: string;
  readonly id: number;
  readonly dataType?: DataType;
  readonly nullable?: boolean;
}

/**
 * `(x, i) -> body` (Spark's LambdaFunction): only an argument of a higher-order function
 * (transform, filter, aggregate...). The body reads the parameters and any outer column.
 */
export interface LambdaFunction {
  readonly kind: "lambda";
  readonly params: readonly LambdaVar[];
  readonly body: Expr;
}

export type Expr =
  | Attr | UnresolvedAttr | Star | Literal | Alias | UnresolvedCall | Call | Cast | CaseWhen | SortOrder
  | WindowExpr | UnresolvedExtract | SubqueryExpr | BoundRef | LambdaVar | LambdaFunction;

/** An expression that names an output column. */
export type NamedExpr = Attr | Alias;

export const attrOf = (a: Attr): Attr => a;

export function unresolvedAttr(text: string): UnresolvedAttr {
  return { kind: "unresolved_attr", nameParts: splitName(text), text };
}

/** Splits `a.b.c` honoring backticks: "`a.b`.c" -> ["a.b", "c"]. */
export function splitName(text: string): string[] {
  const parts: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "`") {
      if (quoted && text[i + 1] === "`") {
        cur += "`";
        i++;
      } else quoted = !quoted;
    } else if (c === "." && !quoted) {
      parts.push(cur);
      cur = "";
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}

/** A fresh, untyped lambda parameter named `name`. */
export function lambdaVar(name: string): LambdaVar {
  return { kind: "lambda_var", name, id: newExprId() };
}

export function literal(value: unknown, dataType: DataType): Literal {
  return { kind: "literal", value, dataType };
}

export function alias(child: Expr, name: string): Alias {
  return { kind: "alias", child, name, id: newExprId() };
}

export function call(name: string, args: readonly Expr[], distinct = false, extra: Partial<UnresolvedCall> = {}): UnresolvedCall {
  return { kind: "unresolved_call", name, args, distinct, ...extra };
}

/** The node of `Expr` with kind `K`. */
export type ExprOf<K extends Expr["kind"]> = Extract<Expr, { readonly kind: K }>;

/** What every expression kind holds: its child expressions, and how to rebuild it over new ones. */
interface ExprShape<E extends Expr> {
  /** Child expressions in a fixed order (a subquery's plan is not an expression child). */
  children(e: E): readonly Expr[];
  /** The same node over `kids` (same order and count as `children`). */
  rebuild(e: E, kids: readonly Expr[]): E;
}

const leaf = { children: () => [], rebuild: <E>(e: E) => e };

const asSortOrder = (e: Expr): SortOrder => {
  if (e.kind !== "sort") throw internalError(`a window ORDER BY became ${e.kind}`);
  return e;
};

const asLambdaVar = (e: Expr): LambdaVar => {
  if (e.kind !== "lambda_var") throw internalError(`a lambda parameter became ${e.kind}`);
  return e;
};

const asAttr = (e: Expr): Attr => {
  if (e.kind !== "attr") throw internalError(`an outer reference became ${e.kind}`);
  return e;
};

/** Arguments then the optional FILTER clause, for both call kinds. */
const callShape = <E extends UnresolvedCall | Call>(): ExprShape<E> => ({
  children: (e) => (e.filter ? [...e.args, e.filter] : e.args),
  rebuild: (e, kids) => (e.filter ? { ...e, args: kids.slice(0, -1), filter: kids[kids.length - 1]! } : { ...e, args: kids }),
});

/**
 * One entry per expression kind, with no catch-all: a new kind fails the type check here until
 * its children are described, and every traversal below follows from this table.
 */
const EXPR_SHAPES: { readonly [K in Expr["kind"]]: ExprShape<ExprOf<K>> } = {
  attr: leaf,
  unresolved_attr: leaf,
  star: leaf,
  literal: leaf,
  bound: leaf,
  alias: { children: (e) => [e.child], rebuild: (e, [child]) => ({ ...e, child: child! }) },
  cast: { children: (e) => [e.child], rebuild: (e, [child]) => ({ ...e, child: child! }) },
  sort: { children: (e) => [e.child], rebuild: (e, [child]) => ({ ...e, child: child! }) },
  unresolved_call: callShape<UnresolvedCall>(),
  call: callShape<Call>(),
  case: {
    children: (e) => [...e.branches.flatMap((b) => [b.when, b.then]), ...(e.otherwise ? [e.otherwise] : [])],
    rebuild: (e, kids) => ({
      ...e,
      branches: e.branches.map((_, i) => ({ when: kids[2 * i]!, then: kids[2 * i + 1]! })),
      otherwise: e.otherwise ? kids[2 * e.branches.length]! : null,
    }),
  },
  window: {
    children: (e) => [e.fn, ...e.spec.partitionBy, ...e.spec.orderBy],
    rebuild: (e, [fn, ...rest]) => ({
      ...e,
      fn: fn!,
      spec: {
        ...e.spec,
        partitionBy: rest.slice(0, e.spec.partitionBy.length),
        orderBy: rest.slice(e.spec.partitionBy.length).map(asSortOrder),
      },
    }),
  },
  lambda_var: leaf,
  lambda: {
    children: (e) => [e.body, ...e.params],
    rebuild: (e, [body, ...params]) => ({ ...e, body: body!, params: params.map(asLambdaVar) }),
  },
  unresolved_extract: { children: (e) => [e.child, e.key], rebuild: (e, [child, key]) => ({ ...e, child: child!, key: key! }) },
  subquery: {
    children: (e) => [...e.values, ...(e.outerRefs ?? [])],
    rebuild: (e, kids) => ({
      ...e,
      values: kids.slice(0, e.values.length),
      ...(e.outerRefs ? { outerRefs: kids.slice(e.values.length).map(asAttr) } : {}),
    }),
  },
};

const shapeOf = <E extends Expr>(e: E): ExprShape<E> => EXPR_SHAPES[e.kind] as unknown as ExprShape<E>;

/** Every expression kind, as the table knows them (tests build one node of each). */
export const exprKinds = (): readonly Expr["kind"][] => Object.keys(EXPR_SHAPES) as Expr["kind"][];

/** Children of an expression, for generic traversals. */
export function children(e: Expr): readonly Expr[] {
  return shapeOf(e).children(e);
}

/** The node over new children; the node itself when every child is the same object. */
export function withChildren<E extends Expr>(e: E, kids: readonly Expr[]): E {
  const old = shapeOf(e).children(e);
  if (kids.length !== old.length) throw internalError(`${e.kind} has ${old.length} children, got ${kids.length}`);
  return kids.every((k, i) => k === old[i]) ? e : shapeOf(e).rebuild(e, kids);
}

/** True if some node in the tree satisfies `pred`. */
export function exists(e: Expr, pred: (x: Expr) => boolean): boolean {
  if (pred(e)) return true;
  return children(e).some((c) => exists(c, pred));
}

/** Collects all nodes of the tree satisfying `pred` (pre-order). */
export function collect<T extends Expr>(e: Expr, pred: (x: Expr) => x is T, out: T[] = []): T[] {
  if (pred(e)) out.push(e);
  for (const c of children(e)) collect(c, pred, out);
  return out;
}

/**
 * Rewrites top-down: where `f` returns a node it replaces the subtree (and is not descended
 * into); elsewhere the children are rewritten. Unchanged subtrees keep their identity.
 */
export function transform(e: Expr, f: (x: Expr) => Expr | undefined): Expr {
  const replaced = f(e);
  if (replaced !== undefined) return replaced;
  return withChildren(e, children(e).map((c) => transform(c, f)));
}

/** Rewrites bottom-up: `f` sees every node after its children were rewritten. */
export function transformUp(e: Expr, f: (x: Expr) => Expr): Expr {
  return f(withChildren(e, children(e).map((c) => transformUp(c, f))));
}

/** Rewrites top-down: `f` sees every node before its (rewritten) children. */
export function transformDown(e: Expr, f: (x: Expr) => Expr): Expr {
  const x = f(e);
  return withChildren(x, children(x).map((c) => transformDown(c, f)));
}

/** Attributes referenced by an expression. */
export function references(e: Expr): Attr[] {
  return collect(e, (x): x is Attr => x.kind === "attr");
}
