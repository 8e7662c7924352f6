/**
 * Resolves an expression against a scope: names become attributes, function calls find their
 * definition and types, implicit casts are inserted. Used by the plan builder, hence by both
 * the DataFrame API and SQL.
 */
import type { Expr, LambdaVar, SortOrder, WindowSpec } from "../plan/expr/expr.js";
import type { LambdaResolver } from "../plan/expr/function-def.js";
import { lambdaOutsideHigherOrder, lambdaVarById, lambdaVarNamed, resolveLambda } from "./resolve-lambda.js";
import { literal } from "../plan/expr/expr.js";
import { exprName } from "../plan/expr/sql-text.js";
import { checkArity, requireFunction, type FunctionContext } from "../functions/registry.js";
import { PijarError } from "../errors/pijar-error.js";
import { resolveName, type Scope } from "./scope.js";
import { castTo } from "../plan/expr/cast-to.js";
import { nullableOf, typeOf } from "../plan/expr/type-of.js";
import { ArrayType, BooleanType, MapType, StructType, booleanType, integerType, stringType } from "../types/data-types.js";
import { widerTypeOfAll, isString, isNull } from "../types/type-utils.js";
import { checkCast } from "../functions/cast/can-cast.js";

export interface ResolveOptions {
  /** Resolves a SQL subquery plan with the current scope as its outer scope. */
  readonly resolveSubquery?: (e: Extract<Expr, { kind: "subquery" }>, scope: Scope) => Expr;
  /** Parameters of the enclosing lambdas, innermost last. */
  readonly lambdaVars?: readonly LambdaVar[];
}

/** > 0 while resolving the function of a window expression (ranking functions are allowed there). */
let windowDepth = 0;

export function resolveExpr(e: Expr, scope: Scope, ctx: FunctionContext, opts: ResolveOptions = {}): Expr {
  const r = (x: Expr) => resolveExpr(x, scope, ctx, opts);
  switch (e.kind) {
    case "attr":
    case "literal":
    case "bound":
      return e;
    case "unresolved_attr": {
      const param = lambdaVarNamed(e.nameParts[0]!, opts.lambdaVars);
      if (param) {
        // `s.a` on a struct parameter: the rest of the name is a field path.
        return e.nameParts.slice(1).reduce<Expr>((child, f) => r({ kind: "unresolved_extract", child, key: literal(f, stringType) }), param);
      }
      const found = resolveName(e.nameParts, e.text, scope);
      return found.kind === "unresolved_extract" ? r(found) : found;
    }
    case "star":
      throw new PijarError("INVALID_ARGUMENT", { message: `Invalid usage of '*' in expression: use it only in select() or count("*").` }, { exceptionType: "AnalysisException" });
    case "alias":
      return { ...e, child: r(e.child) };
    case "unresolved_call": {
      const def = requireFunction(e.name);
      if (def.kind === "window" && windowDepth === 0) {
        throw new PijarError("WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE", { funcName: `"${def.name}()"` }, {
          message: `Window function "${def.name}()" requires an OVER clause: add .over(Window.partitionBy(...).orderBy(...)).`,
        });
      }
      // A higher-order function resolves its lambdas itself, once it knows their parameter types.
      const args = e.isStar ? [] : e.args.map((a) => {
        if (a.kind !== "lambda") return r(a);
        if (!def.higherOrder) throw lambdaOutsideHigherOrder(def.name);
        return a;
      });
      checkArity(def, args.length);
      const lambdas: LambdaResolver = (arg, params) => resolveLambda(arg, params, (body, vars) =>
        resolveExpr(body, scope, ctx, { ...opts, lambdaVars: [...(opts.lambdaVars ?? []), ...vars] }));
      const res = def.resolve(args, ctx, lambdas);
      const filter = e.filter ? castTo(r(e.filter), booleanType) : null;
      return {
        kind: "call", fn: def, args: res.args, distinct: e.distinct, dataType: res.dataType,
        nullable: res.nullable ?? res.args.some(nullableOf), state: res.state, isStar: e.isStar, filter,
      };
    }
    case "call":
      return e;
    case "cast": {
      const child = r(e.child);
      checkCast(child, typeOf(child), e.to);
      return { ...e, child };
    }
    case "case": {
      const branches = e.branches.map((b) => ({ when: r(b.when), then: r(b.then) }));
      for (const b of branches) {
        const t = typeOf(b.when);
        if (!(t instanceof BooleanType) && !isNull(t)) {
          throw new PijarError("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", {
            sqlExpr: "\"" + exprName(e) + "\"", paramIndex: "first", requiredType: "\"BOOLEAN\"",
            inputSql: "\"" + exprName(b.when) + "\"", inputType: "\"" + t.sql() + "\"",
          });
        }
      }
      const otherwise = e.otherwise ? r(e.otherwise) : null;
      const values = [...branches.map((b) => b.then), ...(otherwise ? [otherwise] : [])];
      const common = widerTypeOfAll(values.map(typeOf));
      if (!common) {
        throw new PijarError("DATATYPE_MISMATCH.DATA_DIFF_TYPES", {
          sqlExpr: "\"" + exprName(e) + "\"", functionName: "`casewhen`",
          dataType: "[" + values.map((v) => "\"" + typeOf(v).sql() + "\"").join(", ") + "]",
        });
      }
      return {
        kind: "case",
        branches: branches.map((b) => ({ when: castTo(b.when, booleanType), then: castTo(b.then, common) })),
        otherwise: otherwise ? castTo(otherwise, common) : null,
        dataType: common,
      };
    }
    case "sort":
      return { ...e, child: r(e.child) };
    case "window": {
      windowDepth++;
      let fn: Expr;
      try {
        fn = r(e.fn);
      } finally {
        windowDepth--;
      }
      if (fn.kind !== "call" || fn.fn.kind === "scalar") {
        throw new PijarError("UNSUPPORTED_FEATURE", { feature: `Expression ${exprName(fn)} is not supported over a window: use an aggregate or a window function.` });
      }
      const spec: WindowSpec = {
        partitionBy: e.spec.partitionBy.map(r),
        orderBy: e.spec.orderBy.map((o) => r(o) as SortOrder),
        frame: e.spec.frame,
      };
      return { kind: "window", fn, spec, dataType: typeOf(fn) };
    }
    case "unresolved_extract": {
      const child = r(e.child);
      const key = r(e.key);
      const t = typeOf(child);
      if (t instanceof StructType) return r({ kind: "unresolved_call", name: "get_field", args: [child, key], distinct: false });
      if (t instanceof ArrayType) return r({ kind: "unresolved_call", name: "get_item", args: [child, castTo(key, integerType)], distinct: false });
      if (t instanceof MapType) return r({ kind: "unresolved_call", name: "get_item", args: [child, key], distinct: false });
      throw new PijarError("INVALID_EXTRACT_BASE_FIELD_TYPE", { base: "\"" + exprName(child) + "\"", other: "\"" + t.sql() + "\"" }, {
        message: `Can't extract a value from "${exprName(child)}". Need a complex type [STRUCT, ARRAY, MAP] but got "${t.sql()}".`,
      });
    }
    case "lambda_var":
      return lambdaVarById(e, opts.lambdaVars);
    case "lambda":
      throw lambdaOutsideHigherOrder("a select list");
    case "subquery":
      if (!opts.resolveSubquery) throw new PijarError("UNSUPPORTED_FEATURE", { feature: "subqueries outside SQL" });
      return opts.resolveSubquery({ ...e, values: e.values.map(r) }, scope);
  }
}

export { typeOf, nullableOf, isString, stringType };
