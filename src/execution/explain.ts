/**
 * explain(): Pijar's own stable plan text. Each operator is one numbered line, children
 * indented under `+- `, so plan diffs read well in tests and lessons. Modes follow PySpark:
 * "simple" (physical only), "extended" (logical, optimized, physical), "formatted" (same as
 * simple plus each line's output columns), "cost"/"codegen" print like "simple".
 */
import type { LogicalPlan } from "../plan/logical/plan.js";
import { planChildren } from "../plan/logical/plan.js";
import { exprName } from "../plan/expr/sql-text.js";
import type { PhysicalOperator } from "../physical/operator.js";

interface TreeLine {
  depth: number;
  last: boolean[];
  text: string;
}

function render(lines: TreeLine[]): string {
  const width = String(lines.length).length;
  return lines.map((l, i) => {
    let indent = "";
    for (let d = 1; d < l.depth; d++) indent += l.last[d] ? "   " : ":  ";
    const branch = l.depth > 0 ? "+- " : "";
    return `${String(i + 1).padStart(width)}  ${indent}${branch}${l.text}`;
  }).join("\n") + "\n";
}

function walk<T>(node: T, kids: (n: T) => readonly T[], text: (n: T) => string, depth = 0, last: boolean[] = [], out: TreeLine[] = []): TreeLine[] {
  out.push({ depth, last: [...last], text: text(node) });
  const cs = kids(node);
  cs.forEach((c, i) => walk(c, kids, text, depth + 1, [...last, i === cs.length - 1], out));
  return out;
}

export function logicalLine(p: LogicalPlan): string {
  const names = (as: readonly { name: string }[]) => as.map((a) => a.name).join(", ");
  switch (p.kind) {
    case "local": return `LocalRelation ${p.description} [${names(p.output)}]`;
    case "range": return `Range (${p.start}, ${p.end}, step=${p.step})`;
    case "scan": {
      let s = `Scan ${p.source.description} [${p.columns.join(", ")}]`;
      if (p.pushedFilters.length) s += ` PushedFilters: [${p.pushedFilters.map(exprName).join(", ")}]`;
      if (p.limit !== null) s += ` Limit: ${p.limit}`;
      return s;
    }
    case "project": return `Project [${p.exprs.map((e) => (e.kind === "alias" && exprName(e.child) !== e.name ? `${exprName(e.child)} AS ${e.name}` : exprName(e))).join(", ")}]`;
    case "filter": return `Filter ${exprName(p.condition)}`;
    case "aggregate": return `Aggregate [${p.groupBy.map(exprName).join(", ")}], [${p.aggs.map((a) => (a.kind === "alias" && exprName(a.child) !== a.name ? `${exprName(a.child)} AS ${a.name}` : exprName(a))).join(", ")}]${p.groupingSets ? ` GroupingSets ${JSON.stringify(p.groupingSets)}` : ""}`;
    case "sort": return `Sort [${p.orders.map(exprName).join(", ")}]`;
    case "limit": return p.offset ? `Limit ${p.limit === Number.MAX_SAFE_INTEGER ? "all" : p.limit} Offset ${p.offset}` : `Limit ${p.limit}`;
    case "join": return `Join ${p.joinType}${p.condition ? ", " + exprName(p.condition) : ""}`;
    case "union": return "Union";
    case "set_op": return `${p.op === "intersect" ? "Intersect" : "Except"}${p.all ? " All" : ""}`;
    case "deduplicate": return `Deduplicate [${names(p.keys)}]`;
    case "window": return `Window [${p.windowExprs.map((w) => (w.kind === "alias" ? `${exprName(w.child)} AS ${w.name}` : exprName(w))).join(", ")}]`;
    case "generate": return `Generate ${exprName(p.generator)}${p.outer ? " outer" : ""} [${names(p.generatedOutput)}]`;
    case "subquery_alias": return `SubqueryAlias ${p.alias}`;
    case "cached": return `InMemoryRelation [${names(p.output)}]`;
    case "apply_subquery": {
      const tested = p.subKind === "in" ? ` (${p.values.map(exprName).join(", ")}) IN` : "";
      return `ApplySubquery ${p.subKind}${tested} [outer: ${names(p.outerRefs)}] AS ${p.result.name}`;
    }
    case "sample": return `Sample ${p.fraction}${p.withReplacement ? " with replacement" : ""}, seed=${p.seed}`;
  }
}

/** Children for explain(): an ApplySubquery shows its subquery under the child. */
function explainChildren(p: LogicalPlan): readonly LogicalPlan[] {
  return p.kind === "apply_subquery" ? [p.child, p.subquery] : planChildren(p);
}

export function logicalTree(p: LogicalPlan): string {
  return render(walk(p, explainChildren, logicalLine));
}

export function physicalTree(op: PhysicalOperator, withOutput = false): string {
  type Node = { op: PhysicalOperator } | { plan: LogicalPlan };
  // An operator running a subquery per outer value shows the subquery's (logical) plan under it.
  const kids = (n: Node): Node[] => {
    if ("plan" in n) return explainChildren(n.plan).map((plan) => ({ plan }));
    const sub = n.op.subqueryPlan;
    return [...n.op.children.map((op) => ({ op })), ...(sub ? [{ plan: sub }] : [])];
  };
  const text = (n: Node): string => {
    if ("plan" in n) return logicalLine(n.plan);
    const o = n.op;
    const d = o.describe();
    const base = `${o.name}${d ? " " + d : ""}${o.pipelineBreaker ? "  (pipeline breaker)" : ""}`;
    return withOutput ? `${base}  => [${o.output.map((a) => `${a.name}: ${a.dataType.simpleString()}`).join(", ")}]` : base;
  };
  return render(walk<Node>({ op }, kids, text));
}
