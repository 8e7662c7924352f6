/**
 * explode / explode_outer / posexplode / posexplode_outer / inline in select(): a Generate node
 * that emits one row per array element (or map entry) beside the input columns.
 */
import type { Attr, Expr, UnresolvedCall } from "../expr/expr.js";
import { newExprId } from "../expr/expr.js";
import type { Generate, LogicalPlan } from "../logical/plan.js";
import { scopeOf, type BuildContext } from "./context.js";
import { resolveExpr } from "../../analyzer/resolve-expr.js";
import { typeOf } from "../expr/type-of.js";
import { ArrayType, MapType, StructType, integerType, type DataType } from "../../types/data-types.js";
import { PijarError } from "../../errors/pijar-error.js";
import { exprName } from "../expr/sql-text.js";

const GENERATORS = new Set(["explode", "explode_outer", "posexplode", "posexplode_outer", "inline", "inline_outer"]);

export function generatorOf(e: Expr): { call: UnresolvedCall; aliases: string[] } | null {
  if (e.kind === "unresolved_call" && GENERATORS.has(e.name.toLowerCase())) return { call: e, aliases: [] };
  if (e.kind === "alias" && e.child.kind === "unresolved_call" && GENERATORS.has(e.child.name.toLowerCase())) {
    return { call: e.child, aliases: e.name.split("\u0000") };
  }
  return null;
}

export function buildGenerate(child: LogicalPlan, call: UnresolvedCall, aliases: string[], ctx: BuildContext): Generate {
  const name = call.name.toLowerCase();
  if (call.args.length !== 1) {
    throw new PijarError("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", { functionName: "`" + name + "`", expectedNum: "1", actualNum: String(call.args.length), docroot: "" });
  }
  const arg = resolveExpr(call.args[0]!, scopeOf(child.output, ctx), ctx.fn, ctx.resolveOptions);
  const t = typeOf(arg);
  const outer = name.endsWith("_outer");
  const position = name.startsWith("pos");
  const cols: [string, DataType][] = [];
  if (position) cols.push(["pos", integerType]);
  if (name.startsWith("inline")) {
    if (!(t instanceof ArrayType) || !(t.elementType instanceof StructType)) throw mismatch(name, arg, t, "\"ARRAY<STRUCT>\"");
    for (const f of t.elementType.fields) cols.push([f.name, f.dataType]);
  } else if (t instanceof ArrayType) cols.push(["col", t.elementType]);
  else if (t instanceof MapType) cols.push(["key", t.keyType], ["value", t.valueType]);
  else throw mismatch(name, arg, t, "(\"ARRAY\" or \"MAP\")");
  if (aliases.length && aliases.length !== cols.length) {
    throw new PijarError("UDTF_ALIAS_NUMBER_MISMATCH", {}, {
      message: `The number of aliases supplied in the AS clause does not match the number of columns output by ${name}: expected ${cols.length} aliases but got ${aliases.join(", ")}.`,
    });
  }
  const generatedOutput: Attr[] = cols.map(([n, dt], i) => ({
    kind: "attr", name: aliases[i] ?? n, id: newExprId(), dataType: dt, nullable: true, qualifier: [],
  }));
  return {
    kind: "generate", child, generator: { kind: "unresolved_call", name, args: [arg], distinct: false },
    outer, position, generatedOutput, output: [...child.output, ...generatedOutput],
  };
}

function mismatch(name: string, arg: Expr, t: DataType, required: string): PijarError {
  return new PijarError("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", {
    sqlExpr: `"${name}(${exprName(arg)})"`, paramIndex: "first", requiredType: required,
    inputSql: `"${exprName(arg)}"`, inputType: `"${t.sql()}"`,
  });
}
