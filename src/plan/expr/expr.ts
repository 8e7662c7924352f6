/**
 * Expression nodes, shared by the DataFrame API, the SQL front end, the analyzer, the optimizer
 * and the physical planner. Unresolved nodes (`unresolved_attr`, `star`, `unresolved_call`,
 * `unresolved_extract`) come from the front ends; the analyzer replaces them by resolved ones
 * that carry a data type.
 */
import type { DataType } from "../../types/data-types.js";
import type { FunctionDef } from "../../functions/registry.js";
import type { LogicalPlan } from "../logical/plan.js";

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

export type Expr =
  | Attr | UnresolvedAttr | Star | Literal | Alias | UnresolvedCall | Call | Cast | CaseWhen | SortOrder
  | WindowExpr | UnresolvedExtract | SubqueryExpr | BoundRef;

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

export function literal(value: unknown, dataType: DataType): Literal {
  return { kind: "literal", value, dataType };
}

export function alias(child: Expr, name: string): Alias {
  return { kind: "alias", child, name, id: newExprId() };
}

export function call(name: string, args: readonly Expr[], distinct = false, extra: Partial<UnresolvedCall> = {}): UnresolvedCall {
  return { kind: "unresolved_call", name, args, distinct, ...extra };
}

/** Children of an expression, for generic traversals. */
export function children(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case "alias": return [e.child];
    case "unresolved_call":
    case "call": return e.filter ? [...e.args, e.filter] : e.args;
    case "cast": return [e.child];
    case "case": {
      const out: Expr[] = [];
      for (const b of e.branches) out.push(b.when, b.then);
      if (e.otherwise) out.push(e.otherwise);
      return out;
    }
    case "sort": return [e.child];
    case "window": return [e.fn, ...e.spec.partitionBy, ...e.spec.orderBy];
    case "unresolved_extract": return [e.child, e.key];
    case "subquery": return e.values;
    default: return [];
  }
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

/** Rebuilds an expression bottom-up, replacing nodes for which `f` returns a value. */
export function transform(e: Expr, f: (x: Expr) => Expr | undefined): Expr {
  const replaced = f(e);
  if (replaced !== undefined) return replaced;
  switch (e.kind) {
    case "alias": return { ...e, child: transform(e.child, f) };
    case "unresolved_call":
    case "call": return { ...e, args: e.args.map((a) => transform(a, f)), filter: e.filter ? transform(e.filter, f) : e.filter } as Expr;
    case "cast": return { ...e, child: transform(e.child, f) };
    case "case":
      return {
        ...e,
        branches: e.branches.map((b) => ({ when: transform(b.when, f), then: transform(b.then, f) })),
        otherwise: e.otherwise ? transform(e.otherwise, f) : null,
      };
    case "sort": return { ...e, child: transform(e.child, f) };
    case "window":
      return {
        ...e,
        fn: transform(e.fn, f),
        spec: {
          ...e.spec,
          partitionBy: e.spec.partitionBy.map((p) => transform(p, f)),
          orderBy: e.spec.orderBy.map((o) => transform(o, f) as SortOrder),
        },
      };
    case "unresolved_extract": return { ...e, child: transform(e.child, f), key: transform(e.key, f) };
    case "subquery": return { ...e, values: e.values.map((v) => transform(v, f)) };
    default: return e;
  }
}

/** Attributes referenced by an expression. */
export function references(e: Expr): Attr[] {
  return collect(e, (x): x is Attr => x.kind === "attr");
}
