/**
 * Turns an optimized logical plan into physical operators, binding every expression to the
 * positions of its operator's input.
 */
import type { Attr, Expr } from "../plan/expr/expr.js";
import { references } from "../plan/expr/expr.js";
import type { LogicalPlan } from "../plan/logical/plan.js";
import { exprName } from "../plan/expr/sql-text.js";
import { typeOf } from "../plan/expr/type-of.js";
import { bindExpr } from "./expr/bind.js";
import type { PhysicalOperator } from "./operator.js";
import { ScanExec } from "./operators/scan.js";
import { asDataSource } from "../io/data-source.js";
import { LocalExec } from "./operators/local.js";
import { RangeExec } from "./operators/range.js";
import { ProjectExec } from "./operators/project.js";
import { FilterExec } from "./operators/filter.js";
import { HashAggregateExec } from "./operators/hash-aggregate.js";
import { SortExec } from "./operators/sort.js";
import { LimitExec } from "./operators/limit.js";
import { HashJoinExec } from "./operators/hash-join.js";
import { UnionExec } from "./operators/union.js";
import { DeduplicateExec } from "./operators/deduplicate.js";
import { SetOperationExec } from "./operators/set-operation.js";
import { GenerateExec } from "./operators/generate.js";
import { WindowExec } from "./operators/window.js";
import { CachedExec } from "./operators/cached.js";
import { SampleExec } from "./operators/sample.js";
import { ApplySubqueryExec } from "./operators/apply-subquery.js";
import { conjunction, splitConjuncts } from "../optimizer/conjuncts.js";
import { internalError } from "../errors/pijar-error.js";

export function planPhysical(p: LogicalPlan): PhysicalOperator {
  switch (p.kind) {
    case "scan": return new ScanExec(p.output, asDataSource(p.source), p.columns, p.pushedFilters, p.limit);
    case "local": return new LocalExec(p.output, () => p.batches, p.description);
    case "range": return new RangeExec(p.output, p.start, p.end, p.step);
    case "project": {
      const child = planPhysical(p.child);
      return new ProjectExec(p.output, child, p.exprs.map((e) => bindExpr(e.kind === "alias" ? e.child : e, p.child.output)), p.exprs);
    }
    case "filter": {
      const child = planPhysical(p.child);
      return new FilterExec(p.output, child, bindExpr(p.condition, p.child.output), exprName(p.condition));
    }
    case "aggregate": {
      const child = planPhysical(p.child);
      return new HashAggregateExec(
        p.output, child,
        p.groupBy.map((g) => bindExpr(g, p.child.output)),
        p.aggs.map((a) => bindExpr(a, p.child.output) as typeof a),
        p.groupingSets,
      );
    }
    case "sort": {
      // Sort directly under a Limit becomes a top-N sort (see planLimit).
      const child = planPhysical(p.child);
      const orders = p.orders.map((o) => ({ ...o, child: bindExpr(o.child, p.child.output) }));
      return new SortExec(p.output, child, orders, p.orders.map((o) => typeOf(o.child)));
    }
    case "limit": {
      if (p.child.kind === "sort" && p.offset === 0) {
        const s = p.child;
        const child = planPhysical(s.child);
        const orders = s.orders.map((o) => ({ ...o, child: bindExpr(o.child, s.child.output) }));
        return new SortExec(p.output, child, orders, s.orders.map((o) => typeOf(o.child)), p.limit);
      }
      return new LimitExec(p.output, planPhysical(p.child), p.limit, p.offset);
    }
    case "join": return planJoin(p);
    case "union": return new UnionExec(p.output, p.children.map(planPhysical));
    case "deduplicate": {
      const idx = p.keys.map((k) => p.child.output.findIndex((a) => a.id === k.id));
      if (idx.some((i) => i < 0)) throw internalError("deduplicate key not in child output");
      return new DeduplicateExec(p.output, planPhysical(p.child), idx);
    }
    case "set_op": return new SetOperationExec(p.output, planPhysical(p.left), planPhysical(p.right), p.op, p.all);
    case "generate": {
      const g = p.generator;
      if (g.kind !== "unresolved_call") throw internalError("generator shape");
      return new GenerateExec(p.output, planPhysical(p.child), g.name, bindExpr(g.args[0]!, p.child.output), p.outer, p.position, p.generatedOutput.length);
    }
    case "window": {
      const child = planPhysical(p.child);
      return new WindowExec(p.output, child, p.windowExprs.map((w) => bindExpr(w, p.child.output) as typeof w), typeOf);
    }
    case "subquery_alias": return planPhysical(p.child);
    case "cached": return new CachedExec(p.output, planPhysical(p.child), p.store);
    case "sample": return new SampleExec(p.output, planPhysical(p.child), p.fraction, p.withReplacement, p.seed);
    case "apply_subquery": {
      const idx = p.outerRefs.map((a) => p.child.output.findIndex((o) => o.id === a.id));
      if (idx.some((i) => i < 0)) throw internalError("an outer reference of a subquery is not in its input");
      return new ApplySubqueryExec(p.output, planPhysical(p.child), p, idx, p.values.map((v) => bindExpr(v, p.child.output)), planPhysical);
    }
  }
}

/** Splits the condition into equality keys (left = right) and a residual condition. */
function planJoin(p: Extract<LogicalPlan, { kind: "join" }>): PhysicalOperator {
  const leftIds = new Set(p.left.output.map((a) => a.id));
  const rightIds = new Set(p.right.output.map((a) => a.id));
  const sideOf = (e: Expr): "left" | "right" | "both" | "none" => {
    const refs = references(e);
    if (!refs.length) return "none";
    const l = refs.every((r) => leftIds.has(r.id));
    const r = refs.every((x) => rightIds.has(x.id));
    return l ? "left" : r ? "right" : "both";
  };
  const leftKeys: Expr[] = [];
  const rightKeys: Expr[] = [];
  const residual: Expr[] = [];
  for (const c of p.condition ? splitConjuncts(p.condition) : []) {
    if (c.kind === "call" && c.fn.name === "equal_to") {
      const [a, b] = c.args as [Expr, Expr];
      const sa = sideOf(a);
      const sb = sideOf(b);
      if (sa === "left" && sb === "right") { leftKeys.push(a); rightKeys.push(b); continue; }
      if (sa === "right" && sb === "left") { leftKeys.push(b); rightKeys.push(a); continue; }
    }
    residual.push(c);
  }
  const both: Attr[] = [...p.left.output, ...p.right.output];
  const res = conjunction(residual);
  const text = p.condition ? exprName(p.condition) : "";
  return new HashJoinExec(
    p.output, planPhysical(p.left), planPhysical(p.right), p.joinType,
    leftKeys.map((k) => bindExpr(k, p.left.output)), rightKeys.map((k) => bindExpr(k, p.right.output)),
    res ? bindExpr(res, both) : null, text,
  );
}

