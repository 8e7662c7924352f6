/**
 * SQL expressions -> unresolved plan expressions, using the same function names and node
 * shapes the DataFrame API's Column methods build (so `df.filter("a > 1")` and
 * `df.filter(F.col("a") > 1)` give the same plan). Names are resolved later by the builder.
 */
import { placeNamedArgs } from "./named-args.js";
import type { Expr as PlanExpr, SortOrder, WindowFrame, FrameBound as PlanBound, WindowSpec as PlanWindowSpec } from "../../plan/expr/expr.js";
import { alias, call, lambdaVar, literal } from "../../plan/expr/expr.js";
import { booleanType, integerType, stringType } from "../../types/data-types.js";
import { PijarError } from "../../errors/pijar-error.js";
import { lookupFunction } from "../../functions/registry.js";
import type { BinaryOp, Expr, FrameBound, FunctionExpr, SortItem, WindowSpec } from "../ast.js";
import { bindParam, intervalLiteral, toPlanLiteral } from "./literals.js";
import type { QueryScope } from "./context.js";
import { translateQuery } from "./query.js";
import { subqueryExpr } from "./subquery-expr.js";
import type { Scope } from "../../analyzer/scope.js";
import { castAliasType } from "./cast-aliases.js";
import { checkInverseWindow, withinGroupCall } from "./within-group.js";

/** Binary operators whose plan call uses the operator itself as the function name. */
const SAME_NAME = new Set(["=", "<=>", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", ">>>"]);
const NAMED: Partial<Record<BinaryOp, string>> = { "==": "=", AND: "and", OR: "or", DIV: "div", "||": "concat" };

/** Functions whose `IGNORE NULLS` becomes their boolean second argument, as in F.first(col, True). */
const IGNORE_NULLS_ARG = new Set(["first", "last", "first_value", "last_value", "any_value"]);

export class ExprTranslator {
  /** Syntax nodes already planned elsewhere (scalar subqueries joined into the FROM side). */
  readonly substitutions = new Map<Expr, PlanExpr>();

  /**
   * The columns a subquery in these expressions may read from the enclosing query (the
   * SELECT's FROM output); unset where subqueries see only what encloses this query.
   */
  outer: Scope | undefined;

  constructor(private readonly scope: QueryScope, private readonly sql: string) {}

  /** The scope subqueries of these expressions are translated in. */
  subqueryScope(): QueryScope {
    return this.outer ? this.scope.correlated(this.outer) : this.scope.child();
  }

  translate(e: Expr): PlanExpr {
    const t = (x: Expr) => this.translate(x);
    const sub = this.substitutions.get(e);
    if (sub) return sub;
    switch (e.kind) {
      case "literal": return toPlanLiteral(e, this.scope.ctx, this.sql);
      case "interval": return intervalLiteral(e, this.sql);
      case "lambda":
        // The body's names stay unresolved: the analyzer finds the parameters among them.
        return { kind: "lambda", params: e.params.map((p) => lambdaVar(p)), body: t(e.body) };
      case "param": return bindParam(e, this.scope.ctx);
      case "column":
        // Hive's virtual column for the grouping set of a row: Spark reads it as grouping_id().
        if (e.parts.length === 1 && e.parts[0]!.toLowerCase() === "grouping__id") return call("grouping_id", []);
        return { kind: "unresolved_attr", nameParts: e.parts, text: e.parts.join(".") };
      case "star": return { kind: "star", target: e.target ?? null };
      case "unary":
        switch (e.op) {
          case "-": return call("negative", [t(e.arg)]);
          case "+": return call("positive", [t(e.arg)]);
          case "~": return call("~", [t(e.arg)]);
          case "NOT": return call("not", [t(e.arg)]);
        }
        break;
      case "binary": {
        const l = t(e.left);
        const r = t(e.right);
        if (e.op === "!=" || e.op === "<>") return call("not", [call("=", [l, r])]);
        const name = SAME_NAME.has(e.op) ? e.op : NAMED[e.op];
        return call(name!, [l, r]);
      }
      case "isNull": return call(e.negated ? "isnotnull" : "isnull", [t(e.arg)]);
      case "isBoolean": {
        // Spark rewrites `x IS TRUE` to `x <=> true` and `x IS UNKNOWN` to `x IS NULL`.
        if (e.value === null) return call(e.negated ? "isnotnull" : "isnull", [t(e.arg)]);
        const test = call("<=>", [t(e.arg), literal(e.value, booleanType)]);
        return e.negated ? call("not", [test]) : test;
      }
      case "distinctFrom": {
        const same = call("<=>", [t(e.left), t(e.right)]);
        return e.negated ? same : call("not", [same]);
      }
      case "between": {
        const [v, lo, hi] = [t(e.arg), t(e.lower), t(e.upper)];
        // Spark 4 plans `between(v, lo, hi)`; until the registry has it, use Column.between's form.
        const test = lookupFunction("between") ? call("between", [v, lo, hi]) : call("and", [call(">=", [v, lo]), call("<=", [v, hi])]);
        return negate(test, e.negated);
      }
      case "inList": return negate(call("in", [t(e.arg), ...e.list.map(t)]), e.negated);
      case "like": {
        const name = e.op.toLowerCase();
        const args = [t(e.arg), t(e.pattern)];
        if (e.escape !== undefined) args.push(literal(e.escape, stringType));
        return negate(call(name, args), e.negated);
      }
      case "case": {
        const operand = e.operand ? t(e.operand) : null;
        return {
          kind: "case",
          branches: e.branches.map((b) => ({
            when: operand ? call("=", [operand, t(b.when)]) : t(b.when),
            then: t(b.then),
          })),
          otherwise: e.else ? t(e.else) : null,
        };
      }
      case "cast": return { kind: "cast", child: t(e.arg), to: e.dataType, mode: e.try ? "try" : "ansi" };
      case "function": return this.func(e);
      case "subscript": return { kind: "unresolved_extract", child: t(e.base), key: t(e.index) };
      case "field": return { kind: "unresolved_extract", child: t(e.base), key: literal(e.field, stringType) };
      case "row": {
        // `(a, b)` is a struct (Spark's CreateStruct): fields named after columns, else col1, col2...
        const args: PlanExpr[] = [];
        e.items.forEach((x, i) => args.push(literal(x.kind === "column" ? x.parts[x.parts.length - 1]! : `col${i + 1}`, stringType), t(x)));
        return call("named_struct", args);
      }
      case "scalarSubquery": return subqueryExpr("scalar", translateQuery(e.query, this.subqueryScope(), this.sql));
      case "exists": return subqueryExpr("exists", translateQuery(e.query, this.subqueryScope(), this.sql));
      case "inSubquery":
        return negate(subqueryExpr("in", translateQuery(e.query, this.subqueryScope(), this.sql), e.args.map(t)), e.negated);
    }
    throw new PijarError("INTERNAL_ERROR", { message: `Unknown SQL expression ${(e as Expr).kind}.` });
  }

  private func(e: FunctionExpr): PlanExpr {
    const t = (x: Expr) => this.translate(x);
    const name = e.name.map((n) => n.toLowerCase()).join(".");
    let fn: PlanExpr;
    let withinGroup: PlanExpr | undefined;
    if (e.form === "trim") {
      const fnName = e.trimWhere === "LEADING" ? "ltrim" : e.trimWhere === "TRAILING" ? "rtrim" : "trim";
      // Spark SQL's two-argument form is trim(chars, src): the characters come first.
      fn = call(fnName, e.args.map(t));
    } else if (e.form === "position") {
      fn = call("locate", [t(e.args[0]!), t(e.args[1]!), literal(1, integerType)]);
    } else if ((withinGroup = withinGroupCall(e, name, t))) {
      fn = withinGroup;
    } else if (castAliasType(name) && e.args.length === 1 && !e.distinct && !e.filter && e.args[0]!.kind !== "star") {
      fn = { kind: "cast", child: t(e.args[0]!), to: castAliasType(name)!, mode: "ansi" };
    } else {
      const filter = e.filter ? { filter: t(e.filter) } : {};
      if (e.args.length === 1 && e.args[0]!.kind === "star" && !e.args[0]!.target) {
        fn = call(name, [{ kind: "star", target: null }], e.distinct, { isStar: true, ...filter });
      } else {
        let args = e.args.map(t);
        if (e.namedArgs) args = placeNamedArgs(name, args, e.namedArgs);
        if (e.argNames) args = args.map((a, i) => (e.argNames![i] !== undefined ? alias(a, e.argNames![i]!) : a));
        if (e.ignoreNulls && IGNORE_NULLS_ARG.has(name)) args.push(literal(true, booleanType));
        fn = call(name, args, e.distinct, filter);
      }
    }
    if (!e.over) return fn;
    const spec = this.windowSpec(e.over);
    checkInverseWindow(name, e, spec);
    return { kind: "window", fn, spec };
  }

  /** `OVER (...)` / `OVER w` -> the plan's WindowSpec; named windows come from the SELECT's WINDOW clause. */
  windowSpec(spec: WindowSpec): PlanWindowSpec {
    let s = spec;
    if (s.name !== undefined) {
      const named = this.scope.lookupWindow(s.name);
      if (!named) {
        throw new PijarError("MISSING_WINDOW_SPECIFICATION", { windowName: s.name }, {
          message: `Window specification ${s.name} is not defined in the WINDOW clause. Add WINDOW ${s.name} AS (...) after HAVING / before ORDER BY.`,
        });
      }
      s = named.spec;
    }
    return {
      partitionBy: s.partitionBy.map((x) => this.translate(x)),
      orderBy: s.orderBy.map((o) => this.sortOrder(o)),
      frame: s.frame ? { frameType: s.frame.type === "ROWS" ? "rows" : "range", lower: this.bound(s.frame.lower), upper: this.bound(s.frame.upper) } as WindowFrame : null,
    };
  }

  private bound(b: FrameBound): PlanBound {
    switch (b.kind) {
      case "UNBOUNDED PRECEDING": return { type: "unbounded_preceding" };
      case "UNBOUNDED FOLLOWING": return { type: "unbounded_following" };
      case "CURRENT ROW": return { type: "current_row" };
      default: {
        const off = b.offset!;
        const v = off.kind === "literal" && typeof off.value === "number" ? off.value
          : off.kind === "literal" && typeof off.value === "bigint" ? Number(off.value) : null;
        if (v === null) {
          throw new PijarError("UNSUPPORTED_FEATURE", { feature: "window frame offsets other than integer literals" }, {
            message: `The feature is not supported: window frame boundary ${this.sql.slice(off.start, off.end)}. Use an integer literal, e.g. ROWS BETWEEN 2 PRECEDING AND CURRENT ROW.`,
          });
        }
        return { type: "offset", value: b.kind === "PRECEDING" ? -v : v };
      }
    }
  }

  /** ORDER BY item with Spark's defaults: ASC NULLS FIRST, DESC NULLS LAST. */
  sortOrder(o: SortItem): SortOrder {
    const ascending = o.direction !== "DESC";
    const nullsFirst = o.nulls ? o.nulls === "FIRST" : ascending;
    return { kind: "sort", child: this.translate(o.expr), ascending, nullsFirst };
  }
}

function negate(e: PlanExpr, negated: boolean): PlanExpr {
  return negated ? call("not", [e]) : e;
}
