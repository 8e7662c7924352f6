/**
 * coalesce, nvl/ifnull, nvl2, nullif, if, isnan, nanvl, greatest/least: the null- and
 * NaN-aware conditionals. Branch values are coerced to their wider common type.
 */
import type { Expr } from "../../plan/expr/expr.js";
import { booleanType, doubleType, type DataType } from "../../types/data-types.js";
import { comparisonType, isFractional, isNull, isNumeric, isString, widerTypeOfAll } from "../../types/type-utils.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { castTo } from "../../plan/expr/cast-to.js";
import { exprName } from "../../plan/expr/sql-text.js";
import { PijarError } from "../../errors/pijar-error.js";
import { comparatorFor } from "../../values/compare.js";
import { callSql, expectType, unexpectedType } from "../helpers.js";
import type { ResolveResult, FunctionDef } from "../registry.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

/** Coerces all args to their common type or raises DATA_DIFF_TYPES naming the function. */
export function commonArgs(name: string, args: readonly Expr[], sqlText?: string, allowStrings = true): ResolveResult {
  const types = args.map(typeOf);
  const common = widerTypeOfAll(types, allowStrings);
  if (!common) {
    throw new PijarError("DATATYPE_MISMATCH.DATA_DIFF_TYPES", {
      sqlExpr: `"${sqlText ?? callSql(name, args)}"`, functionName: "`" + name + "`",
      dataType: "[" + types.map((t) => `"${t.sql()}"`).join(", ") + "]",
    });
  }
  return { args: args.map((a) => castTo(a, common)), dataType: common };
}

for (const name of ["coalesce", "nvl", "ifnull"]) {
  definitions.push({
    kind: "scalar", name, minArgs: name === "coalesce" ? 1 : 2, maxArgs: name === "coalesce" ? Infinity : 2,
    resolve(args) {
      const r = commonArgs(name, args);
      return { ...r, nullable: r.args.every((a) => a.kind !== "literal" || a.value === null) };
    },
    eval(args, n) {
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        let v: unknown = null;
        for (const a of args) if (a[i] != null) { v = a[i]; break; }
        out[i] = v;
      }
      return out;
    },
  });
}

definitions.push({
  kind: "scalar", name: "nvl2", minArgs: 3, maxArgs: 3,
  resolve(args) {
    const r = commonArgs("nvl2", args.slice(1), callSql("nvl2", args));
    return { args: [args[0]!, ...r.args], dataType: r.dataType };
  },
  eval: (args, n) => Array.from({ length: n }, (_, i) => (args[0]![i] != null ? args[1]![i] : args[2]![i])),
});

definitions.push({
  kind: "scalar", name: "nullif", minArgs: 2, maxArgs: 2,
  resolve(args) {
    const common = comparisonType(typeOf(args[0]!), typeOf(args[1]!));
    if (!common) {
      throw new PijarError("DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES", {
        sqlExpr: `"${callSql("nullif", args)}"`, left: `"${typeOf(args[0]!).sql()}"`, right: `"${typeOf(args[1]!).sql()}"`,
      });
    }
    // The third, hidden argument is the first one in the common type, for the comparison.
    return { args: [args[0]!, castTo(args[1]!, common), castTo(args[0]!, common)], dataType: typeOf(args[0]!), state: common, nullable: true };
  },
  eval(args, n, call) {
    const cmp = comparatorFor(call.state as DataType);
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const a = args[2]![i];
      const b = args[1]![i];
      out[i] = a != null && b != null && cmp(a, b) === 0 ? null : args[0]![i];
    }
    return out;
  },
  sql: (a) => `nullif(${a[0]}, ${a[1]})`,
});

definitions.push({
  kind: "scalar", name: "if", aliases: ["iff"], minArgs: 3, maxArgs: 3,
  resolve(args) {
    const cond = typeOf(args[0]!);
    if (cond.typeName() !== "boolean" && !isNull(cond)) throw unexpectedType(callSql("if", args), 0, "\"BOOLEAN\"", args[0]!);
    const r = commonArgs("if", args.slice(1), `(IF(${args.map(exprName).join(", ")}))`);
    return { args: [castTo(args[0]!, booleanType), ...r.args], dataType: r.dataType };
  },
  eval: (args, n) => Array.from({ length: n }, (_, i) => (args[0]![i] === true ? args[1]![i] : args[2]![i])),
  sql: (a) => `(IF(${a.join(", ")}))`,
});

function doubleArg(name: string, args: readonly Expr[], i: number): Expr {
  const t = typeOf(args[i]!);
  if (isFractional(t)) return args[i]!;
  if (isNumeric(t) || isString(t) || isNull(t)) return expectType(name, args, i, doubleType);
  throw unexpectedType(callSql(name, args), i, "(\"DOUBLE\" or \"FLOAT\")", args[i]!);
}

definitions.push({
  kind: "scalar", name: "isnan", minArgs: 1, maxArgs: 1,
  resolve: (args) => ({ args: [doubleArg("isnan", args, 0)], dataType: booleanType, nullable: false }),
  eval: (args, n) => Array.from({ length: n }, (_, i) => Number.isNaN(args[0]![i] as number) && args[0]![i] != null),
});

definitions.push({
  kind: "scalar", name: "nanvl", minArgs: 2, maxArgs: 2,
  resolve(args) {
    const a = doubleArg("nanvl", args, 0);
    const b = doubleArg("nanvl", args, 1);
    const t = typeOf(a).equals(typeOf(b)) ? typeOf(a) : doubleType;
    return { args: [castTo(a, t), castTo(b, t)], dataType: t };
  },
  eval(args, n) {
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const a = args[0]![i];
      out[i] = a == null ? null : Number.isNaN(a as number) ? args[1]![i] : a;
    }
    return out;
  },
});

for (const [name, sign] of [["greatest", 1], ["least", -1]] as const) {
  definitions.push({
    kind: "scalar", name, minArgs: 2, maxArgs: Infinity,
    resolve: (args) => commonArgs(name, args, undefined, false),
    eval(args, n, call) {
      const cmp = comparatorFor(call.dataType);
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        let best: unknown = null;
        for (const a of args) {
          const v = a[i];
          if (v != null && (best == null || sign * cmp(v, best) > 0)) best = v;
        }
        out[i] = best;
      }
      return out;
    },
  });
}
