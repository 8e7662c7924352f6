/**
 * explode / explode_outer / posexplode / posexplode_outer / inline / stack in select(): a
 * Generate node that emits one row per array element (or map entry) beside the input columns.
 */
import type { Attr, Expr, UnresolvedCall } from "../expr/expr.js";
import { newExprId } from "../expr/expr.js";
import type { Generate, LogicalPlan } from "../logical/plan.js";
import { scopeOf, type BuildContext } from "./context.js";
import { resolveExpr } from "../../analyzer/resolve-expr.js";
import { typeOf } from "../expr/type-of.js";
import { ArrayType, MapType, StructType, integerType, nullType, stringType, type DataType } from "../../types/data-types.js";
import { PijarError } from "../../errors/pijar-error.js";
import { exprName } from "../expr/sql-text.js";

const GENERATORS = new Set(["explode", "explode_outer", "posexplode", "posexplode_outer", "inline", "inline_outer", "stack"]);

export function generatorOf(e: Expr): { call: UnresolvedCall; aliases: string[] } | null {
  if (e.kind === "unresolved_call" && GENERATORS.has(e.name.toLowerCase())) return { call: e, aliases: [] };
  if (e.kind === "alias" && e.child.kind === "unresolved_call" && GENERATORS.has(e.child.name.toLowerCase())) {
    return { call: e.child, aliases: e.name.split("\u0000") };
  }
  return null;
}

/**
 * stack(n, v1, ..., vm): m values in n rows of ceil(m / n) columns col0, col1..., the last row
 * padded with nulls. It is inline() over an array of those rows as structs, so the rows' types
 * meet as array() makes them meet.
 */
function stackAsInline(call: UnresolvedCall, child: LogicalPlan, ctx: BuildContext): UnresolvedCall {
  const [count, ...values] = call.args;
  const sqlExpr = `"stack(${call.args.map(exprName).join(", ")})"`;
  if (!count || values.length === 0) {
    throw new PijarError("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", { functionName: "`stack`", expectedNum: "> 1", actualNum: String(call.args.length), docroot: "" });
  }
  const lit = count.kind === "literal" ? count.value : undefined;
  const n = typeof lit === "number" ? lit : typeof lit === "bigint" ? Number(lit) : NaN;
  if (!Number.isInteger(n)) {
    throw new PijarError("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", { sqlExpr, inputName: "`n`", inputType: "\"INT\"", inputExpr: `"${exprName(count)}"` });
  }
  if (n < 1) {
    throw new PijarError("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", { sqlExpr, exprName: "`n`", valueRange: "[1, 2147483647]", currentValue: String(n) });
  }
  const width = Math.ceil(values.length / n);
  // Spark does not widen: every value of a column has its first value's type (or is NULL).
  const types = values.map((v) => typeOf(resolveExpr(v, scopeOf(child.output, ctx), ctx.fn, ctx.resolveOptions)));
  for (let c = 0; c < width; c++) {
    let first = -1;
    for (let i = c; i < values.length; i += width) {
      if (types[i]!.typeName() === "void") continue;
      if (first < 0) first = i;
      else if (!types[i]!.equals(types[first]!)) {
        throw new PijarError("DATATYPE_MISMATCH.STACK_COLUMN_DIFF_TYPES", {
          sqlExpr, columnIndex: String(c), leftType: `"${types[first]!.sql()}"`, leftParamIndex: String(first + 1),
          rightType: `"${types[i]!.sql()}"`, rightParamIndex: String(i + 1),
        });
      }
    }
  }
  const rows: Expr[] = [];
  for (let r = 0; r < n; r++) {
    const fields: Expr[] = [];
    for (let c = 0; c < width; c++) {
      fields.push({ kind: "literal", value: `col${c}`, dataType: stringType }, values[r * width + c] ?? { kind: "literal", value: null, dataType: nullType });
    }
    rows.push({ kind: "unresolved_call", name: "named_struct", args: fields, distinct: false });
  }
  return { kind: "unresolved_call", name: "inline", args: [{ kind: "unresolved_call", name: "array", args: rows, distinct: false }], distinct: false };
}

export function buildGenerate(child: LogicalPlan, given: UnresolvedCall, aliases: string[], ctx: BuildContext): Generate {
  const call = given.name.toLowerCase() === "stack" ? stackAsInline(given, child, ctx) : given;
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
