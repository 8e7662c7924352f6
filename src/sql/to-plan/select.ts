/**
 * One SELECT block -> plan, in Spark's logical order: FROM, WHERE, GROUP BY (with ROLLUP /
 * CUBE / GROUPING SETS), the select list, HAVING, DISTINCT, ORDER BY. HAVING and ORDER BY may
 * use aggregates or columns that are not in the select list: those are computed as hidden
 * columns and projected away afterwards, as Spark's analyzer does.
 */
import type { Expr as PlanExpr, SortOrder } from "../../plan/expr/expr.js";
import type { Attr } from "../../plan/expr/expr.js";
import { alias, call, exists, literal, transform } from "../../plan/expr/expr.js";
import { exprKey } from "../../plan/expr/equality.js";
import { exprName } from "../../plan/expr/sql-text.js";
import { resolveExpr } from "../../analyzer/resolve-expr.js";
import { lookup, unresolvedColumn, type Scope } from "../../analyzer/scope.js";
import { scopeOf } from "../../plan/builder/index.js";
import { nullType, stringType } from "../../types/data-types.js";
import type { LogicalPlan } from "../../plan/logical/plan.js";
import {
  buildAggregate, buildDeduplicate, buildFilter, buildGenerate, buildProject, buildSort,
} from "../../plan/builder/index.js";
import { lookupFunction } from "../../functions/index.js";
import { expandStar } from "../../plan/builder/star.js";
import { PijarError } from "../../errors/pijar-error.js";
import type { Expr, GroupingElement, LateralView, SelectBody, SortItem } from "../ast.js";
import type { QueryScope } from "./context.js";
import { ExprTranslator } from "./expressions.js";
import { translateRelation } from "./relations.js";
import { oneRowPlan } from "./rows.js";
import { applyWhere } from "./subquery-joins.js";
import { pivotPlan } from "./pivot.js";
import { joinScalarSubqueries } from "./scalar-subqueries.js";

const HIDDEN = "__pijar_hidden_";

export function translateSelect(body: SelectBody, scope: QueryScope, sql: string, orderBy: readonly SortItem[]): LogicalPlan {
  if (body.windows.length) scope.windows = body.windows;
  const tx = new ExprTranslator(scope, sql);
  let input = body.from ? translateRelation(body.from, scope, sql) : oneRowPlan();
  for (const lv of body.lateralViews) input = lateralView(input, lv, tx, scope);
  if (body.pivot) input = pivotPlan(input, body.pivot, tx, scope);
  // Subqueries anywhere in this SELECT may read its FROM columns (then the enclosing queries').
  tx.outer = { attrs: input.output, outer: scope.build.outer };
  const isAggregate = body.groupBy !== undefined || body.having !== undefined || body.items.some((i) => hasAggregateCall(i.expr));
  // In aggregate queries a joined-in column would need grouping: only WHERE's subqueries join there.
  const base = input.output;
  input = joinScalarSubqueries(input, body, !isAggregate, scope, sql, tx);
  if (body.where) input = applyWhere(input, body.where, scope, sql, tx);
  let items = inlineLateralAliases(body, body.items.map((i) => selectExpr(tx, i.expr, i.alias, i.aliases)), input, scope);
  // Columns joined in for scalar subqueries are not the query's own: `*` stops at the FROM columns.
  if (input.output.length !== base.length) items = items.flatMap((e) => (e.kind === "star" ? expandStar(e, base) : [e]));
  const plan = isAggregate
    ? aggregateSelect(body, input, items, tx, scope, orderBy)
    : plainSelect(body, input, items, tx, scope, orderBy);
  return plan;
}

/**
 * Spark's lateral column aliases: `SELECT STRUCT(1 AS a) AS b, b.a AS c` — a name that is no
 * column of the FROM clause (nor of an enclosing query) but the alias of an earlier select
 * item reads that item's expression.
 */
function inlineLateralAliases(body: SelectBody, items: PlanExpr[], input: LogicalPlan, scope: QueryScope): PlanExpr[] {
  const aliases = body.items.map((i) => i.alias?.toLowerCase());
  if (!aliases.some((a) => a !== undefined)) return items;
  const inputScope = scopeOf(input.output, scope.build);
  const isColumn = (parts: readonly string[]) => {
    for (let s: Scope | undefined = inputScope; s; s = s.outer) if (lookup(parts, s)) return true;
    return false;
  };
  const out: PlanExpr[] = [];
  items.forEach((item, i) => {
    out.push(i === 0 ? item : transform(item, (n) => {
      if (n.kind !== "unresolved_attr" || isColumn(n.nameParts)) return undefined;
      const j = aliases.slice(0, i).lastIndexOf(n.nameParts[0]!.toLowerCase());
      const earlier = j >= 0 ? out[j]! : undefined;
      if (!earlier || earlier.kind !== "alias") return undefined;
      let e: PlanExpr = earlier.child;
      for (const f of n.nameParts.slice(1)) e = { kind: "unresolved_extract", child: e, key: literal(f, stringType) };
      return e;
    }));
  });
  return out;
}

/** A Generate node, its new columns qualified by the view's table name (`e.x`). */
function lateralView(input: LogicalPlan, lv: LateralView, tx: ExprTranslator, scope: QueryScope): LogicalPlan {
  const name = lv.generator.name.join(".").toLowerCase() + (lv.outer ? "_outer" : "");
  const gen = buildGenerate(input, call(name, lv.generator.args.map((a) => tx.translate(a))), lv.columns, scope.build);
  const ids = new Set(gen.generatedOutput.map((a) => a.id));
  const q = (a: Attr): Attr => (ids.has(a.id) ? { ...a, qualifier: [lv.table] } : a);
  return { ...gen, generatedOutput: gen.generatedOutput.map(q), output: gen.output.map(q) };
}

function selectExpr(tx: ExprTranslator, e: Expr, name: string | undefined, names: string[] | undefined): PlanExpr {
  const x = tx.translate(e);
  // Generators take several names as one alias joined by NUL (see plan/builder/generate.ts).
  if (names) return alias(x, names.join("\u0000"));
  return name !== undefined ? alias(x, name) : x;
}

/** True if the expression calls an aggregate function outside any OVER (...). */
export function hasAggregateCall(e: Expr): boolean {
  let found = false;
  visit(e, (x) => {
    if (x.kind === "function" && !x.over && lookupFunction(x.name.join(".").toLowerCase())?.kind === "agg") found = true;
  });
  return found;
}

/** True if a column is read outside every aggregate call (and outside subqueries) of e. */
function columnOutsideAggregate(e: Expr): boolean {
  if (e.kind === "column") return true;
  if (e.kind === "function" && !e.over && lookupFunction(e.name.join(".").toLowerCase())?.kind === "agg") return false;
  if (e.kind === "scalarSubquery" || e.kind === "exists" || e.kind === "inSubquery") return false;
  for (const v of Object.values(e)) {
    if (Array.isArray(v)) {
      for (const x of v) if (x && typeof x === "object" && "kind" in x && columnOutsideAggregate(x as Expr)) return true;
    } else if (v && typeof v === "object" && "kind" in v && (v as { kind: unknown }).kind !== "query" && columnOutsideAggregate(v as Expr)) return true;
  }
  return false;
}

function visit(e: Expr, f: (x: Expr) => void): void {
  f(e);
  for (const v of Object.values(e)) {
    if (Array.isArray(v)) {
      for (const item of v) if (item && typeof item === "object" && "kind" in item) visit(item as Expr, f);
    } else if (v && typeof v === "object" && "kind" in v && (v as { kind: unknown }).kind !== "query") visit(v as Expr, f);
  }
}

function plainSelect(
  body: SelectBody, input: LogicalPlan, items: PlanExpr[], tx: ExprTranslator, scope: QueryScope, orderBy: readonly SortItem[],
): LogicalPlan {
  let plan = buildProject(input, items, scope.build);
  if (body.distinct) plan = buildDeduplicate(plan, null);
  if (!orderBy.length) return plan;
  const orders = orderBy.map((o) => sortWithOrdinal(o, tx, plan));
  try {
    return buildSort(plan, orders, scope.build);
  } catch (e) {
    if (body.distinct || !isUnresolved(e)) throw e;
  }
  // ORDER BY a column of the FROM clause that is not selected: carry it, sort, then drop it.
  const hidden = orders.map((o, i) => alias(o.child, HIDDEN + i));
  const wide = buildProject(input, [...items, ...hidden], scope.build);
  const sorted = buildSort(wide, orders.map((o, i) => ({ ...o, child: hiddenRef(i) })), scope.build);
  const keep = wide.output.slice(0, wide.output.length - hidden.length);
  return { kind: "project", child: sorted, exprs: keep, output: keep };
}

function aggregateSelect(
  body: SelectBody, input: LogicalPlan, items: PlanExpr[], tx: ExprTranslator, scope: QueryScope, orderBy: readonly SortItem[],
): LogicalPlan {
  const { keys, sets } = groupingOf(body, input, tx);
  const outputNames = new Set(body.items.map((i) => (i.alias ?? (i.expr.kind === "column" ? i.expr.parts[i.expr.parts.length - 1]! : "")).toLowerCase()));
  // Aggregates and non-selected columns used by HAVING / ORDER BY become hidden outputs.
  const fn = scope.build.fn;
  const opts = scope.build.resolveOptions;
  const inputScope = scopeOf(input.output, scope.build);
  const inputIds = new Set(input.output.map((a) => a.id));
  const resolvesTo = (e: PlanExpr): PlanExpr | undefined => {
    try {
      return resolveExpr(e, inputScope, fn, opts);
    } catch {
      return undefined;
    }
  };
  const keyKeys = new Set(keys.map(resolvesTo).filter((k): k is PlanExpr => k !== undefined).map(exprKey));
  const groupingKeyOf = (e: PlanExpr): boolean => {
    if (!keyKeys.size || !exists(e, (x) => x.kind === "unresolved_attr")) return false;
    const r = resolvesTo(e);
    return r !== undefined && keyKeys.has(exprKey(r));
  };
  // Names an unresolved HAVING / ORDER BY column is suggested from: the select list's.
  const aggOutputNames = (): Attr[] => items.map((e, i) => ({
    kind: "attr", name: e.kind === "alias" ? e.name : exprName(e), id: -1 - i, dataType: nullType, nullable: true, qualifier: [],
  }));
  const hidden: PlanExpr[] = [];
  // Grouping columns a HAVING / ORDER BY subquery reads are carried through the aggregate as they are.
  const carried: Attr[] = [];
  const lift = (x: PlanExpr): PlanExpr =>
    transform(x, (n) => {
      if (n.kind === "subquery") {
        const own = new Set(input.output.map((a) => a.id));
        for (const r of n.outerRefs ?? []) if (own.has(r.id) && !carried.some((c) => c.id === r.id)) carried.push(r);
        return n;
      }
      if (n.kind === "window") return n;
      // grouping() / grouping_id() are answered by the aggregate, like aggregate calls.
      const isAgg = n.kind === "unresolved_call" && (lookupFunction(n.name)?.kind === "agg" || n.name === "grouping" || n.name === "grouping_id");
      const isOutputName = n.kind === "unresolved_attr" && n.nameParts.length === 1 && outputNames.has(n.nameParts[0]!.toLowerCase());
      const isOuterName = n.kind === "unresolved_attr" && !isOutputName;
      // `GROUP BY a/2 ORDER BY a/2`: an expression equal to a grouping key is that key.
      const grouped = !isAgg && !isOutputName && n.kind !== "literal" && groupingKeyOf(n);
      if (isOuterName && !grouped && n.kind === "unresolved_attr") {
        // A FROM column that is not grouped cannot be read after the aggregate: as Spark, it is
        // not found there (columns of an enclosing query are, and stay outer references).
        const r = resolvesTo(n);
        if (r && r.kind === "attr" && inputIds.has(r.id)) throw unresolvedColumn(n.text, { attrs: aggOutputNames() });
      }
      if (!isAgg && !isOuterName && !grouped) return undefined;
      hidden.push(alias(n, HIDDEN + hidden.length));
      return hiddenRef(hidden.length - 1);
    });
  const having = body.having ? lift(tx.translate(body.having)) : null;
  const selected = items.length;
  const orders: SortOrder[] = orderBy.map((o) => {
    const n = ordinal(o.expr);
    if (n !== null) return { ...tx.sortOrder(o), child: ordinalRef(n, items) };
    const s = tx.sortOrder(o);
    return { ...s, child: lift(s.child) };
  });
  let plan: LogicalPlan;
  try {
    plan = buildAggregate(input, keys, [...items, ...hidden, ...carried], sets, scope.build);
  } catch (e) {
    // Without a GROUP BY clause Spark names the missing clause rather than the column.
    // So does GROUP BY GROUPING SETS (()), which has no grouping column either.
    if ((body.groupBy === undefined || keys.length === 0) && (e as { errorClass?: string }).errorClass === "MISSING_AGGREGATION") {
      throw new PijarError("MISSING_GROUP_BY", {}, {
        message: "The query does not include a GROUP BY clause. Add GROUP BY or turn it into the window functions using OVER clauses.",
        cause: e,
      });
    }
    throw e;
  }
  if (having) plan = buildFilter(plan, having, scope.build);
  const extra = hidden.length + carried.length;
  if (body.distinct && extra === 0) plan = buildDeduplicate(plan, null);
  if (orders.length) plan = buildSort(plan, orders.map((o) => resolveOrdinal(o, plan)), scope.build);
  if (extra) {
    const keep = plan.output.slice(0, selected);
    plan = { kind: "project", child: plan, exprs: keep, output: keep };
    if (body.distinct) plan = buildDeduplicate(plan, null);
  }
  return plan;
}

/** GROUP BY keys (ordinals and select aliases replaced) and grouping sets as key indexes. */
function groupingOf(body: SelectBody, input: LogicalPlan, tx: ExprTranslator): { keys: PlanExpr[]; sets: number[][] | null } {
  const g = body.groupBy;
  if (!g) return { keys: [], sets: null };
  if (g.all) {
    // `id + count(*)`: a column outside the aggregate in an aggregating item cannot be inferred.
    const mixed = body.items.find((i) => hasAggregateCall(i.expr) && columnOutsideAggregate(i.expr));
    if (mixed) {
      throw new PijarError("UNRESOLVED_ALL_IN_GROUP_BY", {}, {
        message: "Cannot infer grouping columns for GROUP BY ALL based on the select clause. Please explicitly specify the grouping columns. "
          + `(${exprName(tx.translate(mixed.expr))} mixes an aggregate with columns outside it.)`,
      });
    }
    // GROUP BY ALL: every select item without an aggregate is a key.
    return { keys: body.items.filter((i) => !hasAggregateCall(i.expr)).map((i) => tx.translate(i.expr)), sets: null };
  }
  const inputNames = new Set(input.output.map((a) => a.name.toLowerCase()));
  const keyExpr = (e: Expr): Expr => {
    const n = ordinal(e);
    if (n !== null) {
      const item = body.items[n - 1];
      if (!item) {
        throw new PijarError("GROUP_BY_POS_OUT_OF_RANGE", { index: String(n), size: String(body.items.length) });
      }
      return item.expr;
    }
    // Spark's groupByAliases: `GROUP BY x` may name a select alias when no input column is x.
    if (e.kind === "column" && e.parts.length === 1 && !inputNames.has(e.parts[0]!.toLowerCase())) {
      const item = body.items.find((i) => i.alias?.toLowerCase() === e.parts[0]!.toLowerCase());
      if (item) return item.expr;
    }
    return e;
  };
  const keys: PlanExpr[] = [];
  const keyTexts: string[] = [];
  const indexOf = (e: Expr): number => {
    const k = keyExpr(e);
    const text = JSON.stringify(k, (name, v) => (name === "start" || name === "end" ? undefined : typeof v === "bigint" ? String(v) : v));
    let i = keyTexts.indexOf(text);
    if (i < 0) {
      i = keyTexts.length;
      keyTexts.push(text);
      keys.push(tx.translate(k));
    }
    return i;
  };
  for (const e of g.declared ?? []) indexOf(e);
  const elementSets: number[][][] = g.items.map((item) => setsOf(item, indexOf));
  let sets: number[][] = [[]];
  for (const choices of elementSets) sets = sets.flatMap((s) => choices.map((c) => [...s, ...c]));
  const plainOnly = g.items.every((i) => i.kind === "expr");
  if (g.with) {
    const all = sets[0]!;
    return { keys, sets: g.with === "ROLLUP" ? rollup(all.map((i) => [i])) : cube(all.map((i) => [i])) };
  }
  return { keys, sets: plainOnly ? null : sets.map((s) => [...new Set(s)]) };
}

/** The grouping sets one GROUP BY element contributes. */
function setsOf(item: GroupingElement, indexOf: (e: Expr) => number): number[][] {
  switch (item.kind) {
    case "expr": return [[indexOf(item.expr)]];
    case "rollup": return rollup(item.sets.map((s) => s.map(indexOf)));
    case "cube": return cube(item.sets.map((s) => s.map(indexOf)));
    case "groupingSets": return item.sets.map((s) => s.map(indexOf));
  }
}

/** ROLLUP(a, b) = (a, b), (a), (). */
function rollup(elems: number[][]): number[][] {
  const out: number[][] = [];
  for (let n = elems.length; n >= 0; n--) out.push(elems.slice(0, n).flat());
  return out;
}

/** CUBE(a, b) = (a, b), (a), (b), () in Spark's order. */
function cube(elems: number[][]): number[][] {
  if (elems.length === 0) return [[]];
  const [first, ...rest] = elems;
  const tail = cube(rest);
  return [...tail.map((t) => [...first!, ...t]), ...tail];
}

function ordinal(e: Expr): number | null {
  return e.kind === "literal" && e.type === "int" ? (e.value as number) : null;
}

/** `ORDER BY 2`: the second output column (checked against the select list size). */
function ordinalRef(n: number, items: readonly PlanExpr[]): PlanExpr {
  if (n < 1 || n > items.length) {
    throw new PijarError("ORDER_BY_POS_OUT_OF_RANGE", { index: String(n), size: String(items.length) });
  }
  return { kind: "unresolved_attr", nameParts: [`${ORDINAL}${n}`], text: String(n) };
}

const ORDINAL = "__pijar_ordinal_";

/** Replaces an ordinal placeholder by the plan's n-th output attribute. */
function resolveOrdinal(o: SortOrder, plan: LogicalPlan): SortOrder {
  const c = o.child;
  if (c.kind === "unresolved_attr" && c.nameParts[0]!.startsWith(ORDINAL)) {
    return { ...o, child: plan.output[Number(c.nameParts[0]!.slice(ORDINAL.length)) - 1]! };
  }
  return o;
}

function sortWithOrdinal(o: SortItem, tx: ExprTranslator, plan: LogicalPlan): SortOrder {
  const n = ordinal(o.expr);
  const s = tx.sortOrder(o);
  if (n === null) return s;
  if (n < 1 || n > plan.output.length) {
    throw new PijarError("ORDER_BY_POS_OUT_OF_RANGE", { index: String(n), size: String(plan.output.length) });
  }
  return { ...s, child: plan.output[n - 1]! };
}

function hiddenRef(i: number): PlanExpr {
  return { kind: "unresolved_attr", nameParts: [HIDDEN + i], text: HIDDEN + i };
}

function isUnresolved(e: unknown): boolean {
  return e instanceof PijarError && e.errorClass.startsWith("UNRESOLVED_COLUMN");
}
