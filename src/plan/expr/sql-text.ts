/**
 * The text Spark uses to name an unaliased expression's column, e.g. `(quantity * unit_price)`,
 * `upper(name)`, `count(1)`, `CAST(id AS STRING)`. Learners see these names in show() headers,
 * so they follow Spark's `Expression.sql`/`toString` conventions.
 */
import type { Expr, FrameBound, WindowSpec } from "./expr.js";
import { formatLiteral } from "./literal-text.js";

export function exprName(e: Expr): string {
  switch (e.kind) {
    case "attr": return e.name;
    case "bound": return e.name;
    case "unresolved_attr": return e.nameParts[e.nameParts.length - 1]!;
    case "star": return e.target ? `${e.target.join(".")}.*` : "*";
    case "literal": return formatLiteral(e.value, e.dataType);
    case "alias": return e.name;
    case "unresolved_call": {
      const args = e.isStar ? ["1"] : e.args.map(exprName);
      return `${e.name}(${e.distinct ? "DISTINCT " : ""}${args.join(", ")})`;
    }
    case "call": {
      const args = e.isStar ? ["1"] : e.args.map(exprName);
      if (e.fn.sql) return e.fn.sql(args, e);
      return `${e.fn.name}(${e.distinct ? "DISTINCT " : ""}${args.join(", ")})`;
    }
    case "cast":
      if (e.implicit) return exprName(e.child);
      return `${e.mode === "try" ? "TRY_CAST" : "CAST"}(${exprName(e.child)} AS ${e.to.sql()})`;
    case "case": {
      let s = "CASE";
      for (const b of e.branches) s += ` WHEN ${exprName(b.when)} THEN ${exprName(b.then)}`;
      if (e.otherwise) s += ` ELSE ${exprName(e.otherwise)}`;
      return s + " END";
    }
    case "sort":
      return `${exprName(e.child)} ${e.ascending ? "ASC" : "DESC"} NULLS ${e.nullsFirst ? "FIRST" : "LAST"}`;
    case "window": return `${exprName(e.fn)} OVER (${windowSpecText(e.spec, e.fn)})`;
    case "unresolved_extract": return `${exprName(e.child)}[${exprName(e.key)}]`;
    // Spark prints a resolved lambda parameter as `namedlambdavariable()`, whatever its name
    // (errors raised before resolution show the name).
    case "lambda_var": return e.dataType ? "namedlambdavariable()" : e.name;
    case "lambda": return `lambdafunction(${[e.body, ...e.params].map(exprName).join(", ")})`;
    case "subquery":
      return e.subKind === "exists" ? "exists(subquery)" : e.subKind === "in" ? `(${e.values.map(exprName).join(", ")} IN (listquery()))` : `scalarsubquery(${(e.outerRefs ?? []).map((a) => a.name).join(", ")})`;
  }
}

function boundText(b: FrameBound, following: boolean): string {
  switch (b.type) {
    case "unbounded_preceding": return "UNBOUNDED PRECEDING";
    case "unbounded_following": return "UNBOUNDED FOLLOWING";
    case "current_row": return "CURRENT ROW";
    case "offset":
      if (b.value === 0) return "CURRENT ROW";
      return b.value < 0 ? `${-b.value} PRECEDING` : `${b.value} FOLLOWING`;
  }
  void following;
}

export function windowSpecText(spec: WindowSpec, fn?: Expr): string {
  const parts: string[] = [];
  if (spec.partitionBy.length) parts.push(`PARTITION BY ${spec.partitionBy.map(exprName).join(", ")}`);
  if (spec.orderBy.length) parts.push(`ORDER BY ${spec.orderBy.map(exprName).join(", ")}`);
  // lag/lead print their implicit frame as Spark does: `ROWS BETWEEN -1 FOLLOWING AND -1 FOLLOWING`.
  if (!spec.frame && fn && fn.kind === "call" && (fn.fn.name === "lag" || fn.fn.name === "lead")) {
    const off = fn.args[1]?.kind === "literal" ? Number(fn.args[1].value) : 1;
    const v = fn.fn.name === "lag" ? -off : off;
    parts.push(`ROWS BETWEEN ${v} FOLLOWING AND ${v} FOLLOWING`);
    return parts.join(" ");
  }
  const frame = spec.frame ?? defaultFrame(spec, fn);
  if (frame) {
    parts.push(`${frame.frameType === "rows" ? "ROWS" : "RANGE"} BETWEEN ${boundText(frame.lower, false)} AND ${boundText(frame.upper, true)}`);
  }
  return parts.join(" ");
}

/** Spark's default frame text: ranking functions show ROWS ... CURRENT ROW; aggregates RANGE. */
function defaultFrame(spec: WindowSpec, fn?: Expr) {
  const isRanking = fn && fn.kind === "call" && fn.fn.kind === "window";
  if (isRanking && fn.kind === "call" && (fn.fn.name === "cume_dist" || fn.fn.name === "nth_value")) {
    return { frameType: "range" as const, lower: { type: "unbounded_preceding" as const }, upper: { type: "current_row" as const } };
  }
  if (isRanking) {
    const name = fn.kind === "call" ? fn.fn.name : "";
    if (name === "lag" || name === "lead") {
      const off = fn.kind === "call" && fn.args[1]?.kind === "literal" ? Number(fn.args[1].value) : 1;
      const v = name === "lag" ? -off : off;
      return { frameType: "rows" as const, lower: { type: "offset" as const, value: v }, upper: { type: "offset" as const, value: v } };
    }
    return { frameType: "rows" as const, lower: { type: "unbounded_preceding" as const }, upper: { type: "current_row" as const } };
  }
  if (spec.orderBy.length === 0) {
    return { frameType: "rows" as const, lower: { type: "unbounded_preceding" as const }, upper: { type: "unbounded_following" as const } };
  }
  return { frameType: "range" as const, lower: { type: "unbounded_preceding" as const }, upper: { type: "current_row" as const } };
}
