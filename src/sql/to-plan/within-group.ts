/**
 * The inverse-distribution aggregates written with WITHIN GROUP, as Spark plans them:
 * `percentile_cont(p) WITHIN GROUP (ORDER BY v [DESC])` is percentile(v, p) (1 - p when
 * descending, the same interpolation read from the other end); `percentile_disc(...)` is the
 * percentile_disc aggregate. They need exactly one argument and one ordering, no DISTINCT, and
 * over a window they take no ORDER BY or frame (INVALID_WINDOW_SPEC_FOR_AGGREGATION_FUNC), as
 * median, which is percentile_cont(0.5).
 */
import type { Expr as PlanExpr, WindowSpec as PlanWindowSpec } from "../../plan/expr/expr.js";
import { call, literal } from "../../plan/expr/expr.js";
import { booleanType, doubleType, stringType } from "../../types/data-types.js";
import { exprName } from "../../plan/expr/sql-text.js";
import { PijarError } from "../../errors/pijar-error.js";
import type { FunctionExpr, SortItem } from "../ast.js";
import { numericLiteralArg } from "../../functions/helpers.js";

const INVERSE = new Set(["percentile_cont", "percentile_disc"]);

/** A planned call when `e` is (or must be) a WITHIN GROUP aggregate; undefined otherwise. */
export function withinGroupCall(e: FunctionExpr, name: string, t: (x: FunctionExpr["args"][number]) => PlanExpr): PlanExpr | undefined {
  if (!e.withinGroup) {
    if (INVERSE.has(name)) {
      throw new PijarError("INVALID_WITHIN_GROUP_EXPRESSION.WITHIN_GROUP_MISSING", { funcName: `\`${name}\`` }, {
        message: `Invalid function \`${name}\` with WITHIN GROUP. The function requires WITHIN GROUP: write ${name}(p) WITHIN GROUP (ORDER BY col).`,
      });
    }
    return undefined;
  }
  if (ORDERED_LISTAGG.has(name)) return listaggCall(e, name, t);
  if (name === "mode") return modeCall(e, t);
  if (!INVERSE.has(name)) {
    throw new PijarError("INVALID_SQL_SYNTAX.FUNCTION_WITH_UNSUPPORTED_SYNTAX", { prettyName: `\`${name}\``, syntax: "WITHIN GROUP (ORDER BY ...)" }, {
      message: `Invalid SQL syntax: the function \`${name}\` does not support WITHIN GROUP (ORDER BY ...). Only percentile_cont, percentile_disc, listagg and string_agg take it.`,
    });
  }
  if (e.distinct) {
    throw new PijarError("INVALID_WITHIN_GROUP_EXPRESSION.DISTINCT_UNSUPPORTED", { funcName: `\`${name}\`` }, {
      message: `Invalid function \`${name}\` with WITHIN GROUP. The function does not support DISTINCT with WITHIN GROUP.`,
    });
  }
  if (e.args.length !== 1) {
    throw new PijarError("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", { functionName: `\`${name}\``, expectedNum: "1", actualNum: String(e.args.length), docroot: "" }, {
      message: `The \`${name}\` requires 1 parameters but the actual number is ${e.args.length}. Write ${name}(p) WITHIN GROUP (ORDER BY col).`,
    });
  }
  if (e.withinGroup.length !== 1) {
    throw new PijarError("INVALID_WITHIN_GROUP_EXPRESSION.WRONG_NUM_ORDERINGS", { funcName: `\`${name}\``, expectedNum: "1", actualNum: String(e.withinGroup.length) }, {
      message: `Invalid function \`${name}\` with WITHIN GROUP. The function requires 1 orderings in WITHIN GROUP but got ${e.withinGroup.length}.`,
    });
  }
  const order: SortItem = e.withinGroup[0]!;
  const desc = order.direction === "DESC";
  const value = t(order.expr);
  const p = t(e.args[0]!);
  const filter = e.filter ? { filter: t(e.filter) } : {};
  if (name === "percentile_disc") return call("percentile_disc", [value, p, literal(desc, booleanType)], false, filter);
  // Descending order reads the same interpolation from the other end: percentile 1 - p.
  const pct = !desc ? p : p.kind === "literal" && p.value !== null ? literal(1 - Number(numericLiteralArg([p], 0)), doubleType) : call("-", [literal(1, doubleType), p]);
  return call("percentile", [value, pct], false, filter);
}

const ORDERED_LISTAGG = new Set(["listagg", "string_agg"]);

/**
 * `listagg(v [, delim]) WITHIN GROUP (ORDER BY k ...)`: the sort keys follow the delimiter
 * (null when not written) as arguments of listagg. With DISTINCT every key must be the value
 * itself, as Spark requires: otherwise which duplicate's key orders it is undefined.
 */
function listaggCall(e: FunctionExpr, name: string, t: (x: FunctionExpr["args"][number]) => PlanExpr): PlanExpr {
  const args = e.args.map(t);
  if (args.length === 1) args.push(literal(null, stringType));
  const keys: PlanExpr[] = e.withinGroup!.map((o) => {
    const ascending = o.direction !== "DESC";
    return { kind: "sort", child: t(o.expr), ascending, nullsFirst: o.nulls ? o.nulls === "FIRST" : ascending };
  });
  if (e.distinct) {
    for (const k of keys) {
      const key = (k as { child: PlanExpr }).child;
      // Names still unresolved here: the same text (in any case) is the same input.
      if (exprName(key).toLowerCase() !== exprName(args[0]!).toLowerCase()) {
        throw new PijarError("INVALID_WITHIN_GROUP_EXPRESSION.MISMATCH_WITH_DISTINCT_INPUT", { funcName: `\`${name}\``, funcArg: `"${exprName(args[0]!)}"`, orderingExpr: `"${exprName(key)}"` });
      }
    }
  }
  const filter = e.filter ? { filter: t(e.filter) } : {};
  return call("listagg", [...args, ...keys], e.distinct, filter);
}

/** `mode() WITHIN GROUP (ORDER BY col [DESC])`: mode of col, ties to the first value in that order. */
function modeCall(e: FunctionExpr, t: (x: FunctionExpr["args"][number]) => PlanExpr): PlanExpr {
  if (e.args.length !== 0 || e.withinGroup!.length !== 1) {
    throw new PijarError("INVALID_WITHIN_GROUP_EXPRESSION.WRONG_NUM_ORDERINGS", { funcName: "`mode`", expectedNum: "0", actualNum: String(e.withinGroup!.length) }, {
      message: `Invalid function \`mode\` with WITHIN GROUP. Write mode() WITHIN GROUP (ORDER BY col), with no argument and one ordering.`,
    });
  }
  const o = e.withinGroup![0]!;
  const ascending = o.direction !== "DESC";
  const filter = e.filter ? { filter: t(e.filter) } : {};
  return call("mode", [{ kind: "sort", child: t(o.expr), ascending, nullsFirst: ascending }], e.distinct, filter);
}

/** Spark refuses an ORDER BY or a frame in the window of these aggregates. */
export function checkInverseWindow(name: string, e: FunctionExpr, spec: PlanWindowSpec): void {
  if (!(INVERSE.has(name) || name === "median")) return;
  if (spec.orderBy.length || spec.frame) {
    throw new PijarError("INVALID_WINDOW_SPEC_FOR_AGGREGATION_FUNC", { aggFunc: `"${name}"` }, {
      message: `Cannot specify ORDER BY or a window frame for ${name}. Use OVER (PARTITION BY ...) only.`,
    });
  }
  void e;
}
