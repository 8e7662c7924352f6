/**
 * Whole queries -> plans: WITH (each CTE visible to the later ones and the body), set
 * operations, parenthesized queries, VALUES / TABLE bodies, then ORDER BY, LIMIT, OFFSET.
 */
import type { LogicalPlan } from "../../plan/logical/plan.js";
import {
  buildDeduplicate, buildLimit, buildOffset, buildSetOperation, buildSort, buildSubqueryAlias, buildToDF, buildUnion,
} from "../../plan/builder/index.js";
import { PijarError } from "../../errors/pijar-error.js";
import type { Query, QueryBody, SortItem } from "../ast.js";
import type { QueryScope } from "./context.js";
import { ExprTranslator } from "./expressions.js";
import { integerArg, lookupTable } from "./relations.js";
import { valuesPlan } from "./rows.js";
import { translateSelect } from "./select.js";

export function translateQuery(q: Query, scope: QueryScope, sql: string): LogicalPlan {
  for (const cte of q.ctes) {
    let plan = translateQuery(cte.query, scope.child(), sql);
    if (cte.columns) plan = buildToDF(plan, cte.columns);
    scope.addCte(cte.name, buildSubqueryAlias(plan, cte.name));
  }
  let plan: LogicalPlan;
  if (q.body.kind === "select") {
    const inner = scope.child();
    if (q.windows.length) inner.windows = q.windows;
    plan = translateSelect(q.body, inner, sql, q.orderBy);
  } else {
    plan = translateBody(q.body, scope, sql);
    if (q.orderBy.length) plan = sortOutput(plan, q.orderBy, scope, sql);
  }
  const limit = q.limit ? nonNegative(integerArg(q.limit, sql), "limit", sql.slice(q.limit.start, q.limit.end)) : null;
  const offset = q.offset ? nonNegative(integerArg(q.offset, sql), "offset", sql.slice(q.offset.start, q.offset.end)) : 0;
  if (limit !== null) plan = buildLimit(plan, limit, offset);
  else if (offset > 0) plan = buildOffset(plan, offset);
  return plan;
}

function translateBody(b: QueryBody, scope: QueryScope, sql: string): LogicalPlan {
  switch (b.kind) {
    case "select": return translateSelect(b, scope.child(), sql, []);
    case "nested": return translateQuery(b.query, scope.child(), sql);
    case "table": return lookupTable(b.name, scope);
    case "values": {
      const tx = new ExprTranslator(scope, sql);
      const width = b.rows[0]?.length ?? 0;
      const names = b.alias?.columns ?? Array.from({ length: width }, (_, i) => `col${i + 1}`);
      const plan = valuesPlan(b.rows.map((r) => r.map((e) => tx.translate(e))), names, scope.build);
      return b.alias ? buildSubqueryAlias(plan, b.alias.name) : plan;
    }
    case "setOp": {
      const left = translateBody(b.left, scope, sql);
      const right = translateBody(b.right, scope, sql);
      if (b.op === "UNION") {
        const union = buildUnion([left, right]);
        return b.all ? union : buildDeduplicate(union, null);
      }
      return buildSetOperation(b.op === "INTERSECT" ? "intersect" : "except", b.all, left, right);
    }
  }
}

/** ORDER BY after a set operation: names and ordinals refer to its output columns. */
function sortOutput(plan: LogicalPlan, orderBy: readonly SortItem[], scope: QueryScope, sql: string): LogicalPlan {
  const tx = new ExprTranslator(scope, sql);
  const orders = orderBy.map((o) => {
    const s = tx.sortOrder(o);
    if (o.expr.kind === "literal" && o.expr.type === "int") {
      const n = o.expr.value as number;
      if (n < 1 || n > plan.output.length) {
        throw new PijarError("ORDER_BY_POS_OUT_OF_RANGE", { index: String(n), size: String(plan.output.length) });
      }
      return { ...s, child: plan.output[n - 1]! };
    }
    return s;
  });
  return buildSort(plan, orders, scope.build);
}

function nonNegative(n: number, what: "limit" | "offset", text: string): number {
  if (n < 0) {
    throw new PijarError("INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE", { name: what, expr: text, v: String(n) }, {
      message: `The ${what} like expression "${text}" is invalid. The ${what} expression must be equal to or greater than 0, but got ${n}.`,
    });
  }
  return n;
}
