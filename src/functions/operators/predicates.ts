/** IS NULL, IS NOT NULL, IN, and the null-handling functions built on them. */
import type { Expr } from "../../plan/expr/expr.js";
import { booleanType, type DataType } from "../../types/data-types.js";
import { comparisonType } from "../../types/type-utils.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { castTo } from "../../plan/expr/cast-to.js";
import { exprName } from "../../plan/expr/sql-text.js";
import { PijarError } from "../../errors/pijar-error.js";
import { comparatorFor } from "../../values/compare.js";
import type { FunctionDef } from "../registry.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

definitions.push({
  kind: "scalar", name: "isnull", minArgs: 1, maxArgs: 1,
  resolve: (args) => ({ args, dataType: booleanType, nullable: false }),
  eval: (args, n) => Array.from({ length: n }, (_, i) => args[0]![i] == null),
  sql: (a) => `(${a[0]} IS NULL)`,
});

definitions.push({
  kind: "scalar", name: "isnotnull", minArgs: 1, maxArgs: 1,
  resolve: (args) => ({ args, dataType: booleanType, nullable: false }),
  eval: (args, n) => Array.from({ length: n }, (_, i) => args[0]![i] != null),
  sql: (a) => `(${a[0]} IS NOT NULL)`,
});

/** `value IN (list...)`: args[0] is the value, the rest the list. */
definitions.push({
  kind: "scalar", name: "in", minArgs: 1, maxArgs: Infinity,
  resolve(args) {
    let common: DataType | null = typeOf(args[0]!);
    for (const a of args.slice(1)) common = common && comparisonType(common, typeOf(a));
    if (!common) {
      throw new PijarError("DATATYPE_MISMATCH.DATA_DIFF_TYPES", {
        sqlExpr: `"(${exprName(args[0]!)} IN (${args.slice(1).map(exprName).join(", ")}))"`, functionName: "`in`",
        dataType: "[" + args.map((a) => `"${typeOf(a).sql()}"`).join(", ") + "]",
      });
    }
    return { args: args.map((a: Expr) => castTo(a, common!)), dataType: booleanType, state: common };
  },
  eval(args, n, call) {
    const cmp = comparatorFor(call.state as DataType);
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const v = args[0]![i];
      if (v == null) { out[i] = null; continue; }
      let found = false;
      let sawNull = false;
      for (let j = 1; j < args.length; j++) {
        const w = args[j]![i];
        if (w == null) sawNull = true;
        else if (cmp(v, w) === 0) { found = true; break; }
      }
      out[i] = found ? true : sawNull ? null : false;
    }
    return out;
  },
  sql: (a) => `(${a[0]} IN (${a.slice(1).join(", ")}))`,
});
