/**
 * The plan and expression tree tables: for one node of every kind, rebuilding it from (copies
 * of) its own children and expressions gives an equal node, and from the very same ones gives
 * the node itself. A kind added to the tables without a sample here fails the first tests.
 */
import { describe, expect, it } from "vitest";
import {
  children, exprKinds, transform, transformUp, withChildren,
  type Attr, type Expr, type ExprOf, type SortOrder,
} from "../../src/plan/expr/expr.js";
import {
  planChildren, planExpressions, planKinds, withChildren as withPlanChildren, withExpressions,
  type LogicalPlan, type PlanOf,
} from "../../src/plan/logical/plan.js";
import { collectPlans, mapExpressions, planExists, transformDown as transformPlanDown } from "../../src/plan/logical/tree.js";
import type { TableSource } from "../../src/plan/logical/table-source.js";
import type { FunctionDef } from "../../src/functions/registry.js";
import { integerType, stringType, StructType, StructField, ArrayType } from "../../src/types/data-types.js";

const a: Attr = { kind: "attr", name: "a", id: 1, dataType: integerType, nullable: true, qualifier: [] };
const b: Attr = { kind: "attr", name: "b", id: 2, dataType: stringType, nullable: false, qualifier: ["t"] };
const one: ExprOf<"literal"> = { kind: "literal", value: 1, dataType: integerType };
const fn = { kind: "scalar", name: "f", minArgs: 0, maxArgs: Infinity } as unknown as FunctionDef;
const order: SortOrder = { kind: "sort", child: a, ascending: true, nullsFirst: true };

const EXPRS: { [K in Expr["kind"]]: ExprOf<K> } = {
  attr: a,
  unresolved_attr: { kind: "unresolved_attr", nameParts: ["t", "a"], text: "t.a" },
  star: { kind: "star", target: null },
  literal: one,
  alias: { kind: "alias", child: a, name: "x", id: 3 },
  unresolved_call: { kind: "unresolved_call", name: "f", args: [a, one], distinct: false, filter: b },
  call: { kind: "call", fn, args: [a, b], distinct: true, dataType: integerType, nullable: true, filter: one },
  cast: { kind: "cast", child: b, to: integerType, mode: "try" },
  case: { kind: "case", branches: [{ when: a, then: one }, { when: b, then: a }], otherwise: one, dataType: integerType },
  sort: order,
  window: {
    kind: "window", fn: a,
    spec: { partitionBy: [b, one], orderBy: [order, { ...order, child: b }], frame: null },
  },
  unresolved_extract: { kind: "unresolved_extract", child: a, key: one },
  subquery: { kind: "subquery", subKind: "in", plan: { kind: "range", start: 0, end: 1, step: 1, output: [a] }, values: [a, b], outerRefs: [b] },
  bound: { kind: "bound", index: 0, dataType: integerType, nullable: true, name: "a" },
  lambda_var: { kind: "lambda_var", name: "x", id: 4, dataType: integerType, nullable: true },
  lambda: { kind: "lambda", params: [{ kind: "lambda_var", name: "x", id: 4 }, { kind: "lambda_var", name: "i", id: 5 }], body: a },
};

const source: TableSource = { schema: new StructType([new StructField("a", integerType, true)]), description: "test source" };
const range: PlanOf<"range"> = { kind: "range", start: 0, end: 10, step: 1, output: [a] };
const local: PlanOf<"local"> = { kind: "local", batches: [], description: "rows", output: [b] };
const named = EXPRS.alias;

const PLANS: { [K in LogicalPlan["kind"]]: PlanOf<K> } = {
  local,
  range,
  scan: { kind: "scan", source, columns: ["a"], pushedFilters: [a, EXPRS.call], limit: null, output: [a] },
  project: { kind: "project", child: range, exprs: [a, named], output: [a] },
  filter: { kind: "filter", child: range, condition: EXPRS.call, output: [a] },
  aggregate: { kind: "aggregate", child: range, groupBy: [a, b], aggs: [a, named], groupingSets: [[0], [1]], output: [a] },
  sort: { kind: "sort", child: range, orders: [order, { ...order, ascending: false }], output: [a] },
  limit: { kind: "limit", child: range, limit: 5, offset: 1, output: [a] },
  join: { kind: "join", left: range, right: local, joinType: "left", condition: EXPRS.call, output: [a, b] },
  union: { kind: "union", children: [range, range, range], output: [a] },
  set_op: { kind: "set_op", op: "except", all: true, left: range, right: range, output: [a] },
  deduplicate: { kind: "deduplicate", child: range, keys: [a, b], output: [a] },
  window: { kind: "window", child: range, windowExprs: [{ ...named, child: EXPRS.window }], output: [a] },
  generate: {
    kind: "generate", child: range, generator: EXPRS.unresolved_call, outer: true, position: false,
    generatedOutput: [{ ...b, dataType: new ArrayType(stringType) }], output: [a, b],
  },
  subquery_alias: { kind: "subquery_alias", child: range, alias: "t", output: [a] },
  cached: { kind: "cached", child: range, store: { batches: null }, output: [a] },
  sample: { kind: "sample", child: range, fraction: 0.5, withReplacement: false, seed: 7, output: [a] },
  apply_subquery: {
    kind: "apply_subquery", child: range, subquery: local, subKind: "in", outerRefs: [a], values: [EXPRS.call],
    result: { ...b, id: 9 }, output: [a, { ...b, id: 9 }],
  },
};

/** A structurally equal copy that is a different object, so a rebuild cannot return the original. */
const copy = <T extends object>(x: T): T => ({ ...x });

describe("expression tree table", () => {
  it("has a sample of every expression kind", () => {
    expect(Object.keys(EXPRS).sort()).toEqual([...exprKinds()].sort());
  });

  for (const [kind, e] of Object.entries(EXPRS) as [Expr["kind"], Expr][]) {
    it(`rebuilds ${kind} from its own children`, () => {
      const kids = children(e);
      expect(withChildren(e, kids)).toBe(e);
      const rebuilt = withChildren(e, kids.map(copy));
      expect(rebuilt).toEqual(e);
      if (kids.length) expect(rebuilt).not.toBe(e);
      expect(children(rebuilt)).toEqual(kids);
    });
  }

  it("refuses a rebuild with the wrong number of children", () => {
    expect(() => withChildren(EXPRS.cast, [])).toThrow(/INTERNAL_ERROR|children/);
  });

  it("walks every child: transformUp reaches the window's ORDER BY and the call's FILTER", () => {
    const renamed = (e: Expr) => transformUp(e, (x) => (x.kind === "attr" ? { ...x, name: x.name.toUpperCase() } : x));
    const w = renamed(EXPRS.window) as ExprOf<"window">;
    expect(w.spec.orderBy.map((o) => (o.child as Attr).name)).toEqual(["A", "B"]);
    expect((renamed(EXPRS.call) as ExprOf<"call">).filter).toBe(one);
    expect(((renamed(EXPRS.unresolved_call) as ExprOf<"unresolved_call">).filter as Attr).name).toBe("B");
  });

  it("keeps unchanged subtrees as they are", () => {
    expect(transform(EXPRS.case, () => undefined)).toBe(EXPRS.case);
  });
});

describe("plan tree table", () => {
  it("has a sample of every plan kind", () => {
    expect(Object.keys(PLANS).sort()).toEqual([...planKinds()].sort());
  });

  for (const [kind, p] of Object.entries(PLANS) as [LogicalPlan["kind"], LogicalPlan][]) {
    it(`rebuilds ${kind} from its own children and expressions`, () => {
      const kids = planChildren(p);
      const exprs = planExpressions(p);
      expect(withPlanChildren(p, kids)).toBe(p);
      expect(withExpressions(p, exprs)).toBe(p);
      const byKids = withPlanChildren(p, kids.map(copy));
      expect(byKids).toEqual(p);
      const byExprs = withExpressions(p, exprs.map(copy));
      expect(byExprs).toEqual(p);
      if (kids.length + exprs.length) expect(withExpressions(byKids, exprs.map(copy))).not.toBe(p);
      expect(planChildren(byExprs)).toEqual(kids);
      expect(planExpressions(byKids)).toEqual(exprs);
    });
  }

  it("holds the expressions of sort, window and generate (fold_constants used to miss them)", () => {
    expect(planExpressions(PLANS.sort)).toHaveLength(2);
    expect(planExpressions(PLANS.window)).toHaveLength(1);
    expect(planExpressions(PLANS.generate)).toEqual([EXPRS.unresolved_call]);
  });

  it("refuses an expression that would unname an output column", () => {
    expect(() => withExpressions(PLANS.project, [a, one])).toThrow(/named output/);
  });

  it("maps expressions under names and leaves output attributes alone", () => {
    const mapped = mapExpressions(PLANS.project, () => one) as PlanOf<"project">;
    expect(mapped.exprs[0]).toBe(a);
    expect(mapped.exprs[1]).toEqual({ ...named, child: one });
  });

  it("walks plans: exists, collect and transformDown reach every node", () => {
    const tree = PLANS.join;
    expect(planExists(tree, (p) => p.kind === "local")).toBe(true);
    expect(collectPlans(PLANS.union, (p): p is PlanOf<"range"> => p.kind === "range")).toHaveLength(3);
    const bumped = transformPlanDown(tree, (p) => (p.kind === "range" ? { ...p, end: 99 } : p)) as PlanOf<"join">;
    expect((bumped.left as PlanOf<"range">).end).toBe(99);
    expect(bumped.right).toBe(local);
  });
});
