/**
 * = <=> < <= > >= with Spark's coercion of both sides to a common type, three-valued logic
 * (null compared to anything is null, except with <=>), and NaN = NaN.
 */
import type { Call, Expr } from "../../plan/expr/expr.js";
import { booleanType, type DataType } from "../../types/data-types.js";
import { comparisonType } from "../../types/type-utils.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { castTo } from "../../plan/expr/cast-to.js";
import { exprName } from "../../plan/expr/sql-text.js";
import { PijarError } from "../../errors/pijar-error.js";
import { comparatorFor } from "../../values/compare.js";
import type { ResolveResult, FunctionDef } from "../registry.js";
import { map2 } from "../helpers.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

export function resolveComparison(symbol: string, args: readonly Expr[]): ResolveResult {
  const [l, r] = args as [Expr, Expr];
  const common = comparisonType(typeOf(l), typeOf(r));
  if (!common) {
    throw new PijarError("DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES", {
      sqlExpr: `"(${exprName(l)} ${symbol} ${exprName(r)})"`, left: `"${typeOf(l).sql()}"`, right: `"${typeOf(r).sql()}"`,
    });
  }
  return { args: [castTo(l, common), castTo(r, common)], dataType: booleanType, state: common };
}

function comparison(name: string, symbol: string, test: (c: number) => boolean, aliases: string[] = []) {
  definitions.push({
    kind: "scalar", name, aliases, minArgs: 2, maxArgs: 2,
    resolve: (args) => resolveComparison(symbol, args),
    eval(args, n, call: Call, ctx) {
      const cmp = comparatorFor(call.state as DataType);
      return map2((x, y) => test(cmp(x, y)))(args, n, call, ctx);
    },
    sql: (a) => `(${a[0]} ${symbol} ${a[1]})`,
  });
}

comparison("equal_to", "=", (c) => c === 0, ["=", "=="]);
comparison("less_than", "<", (c) => c < 0, ["<"]);
comparison("less_than_or_equal", "<=", (c) => c <= 0, ["<="]);
comparison("greater_than", ">", (c) => c > 0, [">"]);
comparison("greater_than_or_equal", ">=", (c) => c >= 0, [">="]);

definitions.push({
  kind: "scalar", name: "equal_null_safe", aliases: ["<=>", "equal_null"], minArgs: 2, maxArgs: 2,
  resolve: (args) => ({ ...resolveComparison("<=>", args), nullable: false }),
  eval(args, n, call) {
    const cmp = comparatorFor(call.state as DataType);
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const x = args[0]![i];
      const y = args[1]![i];
      out[i] = x == null || y == null ? x == null && y == null : cmp(x, y) === 0;
    }
    return out;
  },
  sql: (a) => `(${a[0]} <=> ${a[1]})`,
});
