/**
 * Evaluates a bound expression over a batch, column at a time, producing internal values.
 * AND, OR, CASE WHEN, coalesce and if evaluate their later operands only on the rows that
 * need them, as Spark does, so `when(b != 0, a / b)` never divides by zero.
 */
import type { Call, Expr, LambdaFunction } from "../../plan/expr/expr.js";
import { transform } from "../../plan/expr/expr.js";
import type { LambdaRunner } from "../../plan/expr/function-def.js";
import { StructField, StructType } from "../../types/data-types.js";
import { typeOf } from "../../plan/expr/type-of.js";
import type { FunctionContext } from "../../functions/registry.js";
import { castColumn } from "../../functions/cast/cast-value.js";
import { internalError } from "../../errors/pijar-error.js";
import { Batch } from "../../columnar/batch.js";

export function evaluate(e: Expr, batch: Batch, ctx: FunctionContext): unknown[] {
  const n = batch.numRows;
  switch (e.kind) {
    case "bound": return batch.values(e.index);
    case "literal": return new Array<unknown>(n).fill(e.value);
    case "alias": return evaluate(e.child, batch, ctx);
    case "cast": return castColumn(evaluate(e.child, batch, ctx), typeOfBound(e.child), e.to, e.mode, ctx);
    case "case": return evalCase(e, batch, ctx);
    case "call": {
      if (e.fn.kind !== "scalar") throw internalError(`${e.fn.name} must be computed by an aggregate or window operator`);
      const lazy = LAZY[e.fn.name];
      if (lazy) return lazy(e, batch, ctx);
      if (e.fn.higherOrder) {
        const lambdas = e.args.map((a) => (a.kind === "lambda" ? lambdaRunner(a, batch, ctx) : undefined));
        const args = e.args.map((a) => (a.kind === "lambda" ? [] : evaluate(a, batch, ctx)));
        return e.fn.eval(args, n, e, ctx, lambdas);
      }
      const args = e.args.map((a) => evaluate(a, batch, ctx));
      return e.fn.eval(args, n, e, ctx);
    }
    case "sort": return evaluate(e.child, batch, ctx);
    default: throw internalError(`cannot evaluate ${e.kind} expressions`);
  }
}

/**
 * A lambda's body over element rows: the batch's rows at `rows` (so the body reads the outer
 * columns of its own row) with one more column per parameter. The parameters bind here, to
 * the columns after this batch's, because only now is the batch's width known: an aggregate
 * evaluates its outputs over its own [keys, aggregates] batch, not over its input.
 */
function lambdaRunner(l: LambdaFunction, batch: Batch, ctx: FunctionContext): LambdaRunner {
  const width = batch.schema.fields.length;
  const slot = new Map(l.params.map((p, k) => [p.id, width + k]));
  const body = transform(l.body, (x) => {
    if (x.kind !== "lambda_var" || !slot.has(x.id)) return undefined;
    return { kind: "bound", index: slot.get(x.id)!, dataType: typeOf(x), nullable: x.nullable ?? true, name: x.name };
  });
  const fields = l.params.map((p, k) => new StructField(`#lambda${k}`, typeOf(p), true));
  return (rows, params) => {
    const outer = batch.take(rows);
    const cols = outer.schema.fields.map((_, i) => (outer.hasVector(i) ? outer.column(i) : outer.values(i)));
    const schema = new StructType([...outer.schema.fields, ...fields]);
    const elements = Batch.of(schema, [...cols, ...params.map((p) => p as unknown[])], rows.length);
    return evaluate(body, elements, ctx);
  };
}

function typeOfBound(e: Expr) {
  switch (e.kind) {
    case "bound":
    case "literal":
    case "call": return e.dataType;
    case "cast": return e.to;
    case "alias": return typeOfBound(e.child);
    case "case": return e.dataType!;
    default: throw internalError(`no type for ${e.kind}`);
  }
}

/** Evaluates e only on `rows` of batch; returns values in the order of `rows`. */
function evalOn(e: Expr, batch: Batch, rows: number[], ctx: FunctionContext): unknown[] {
  if (rows.length === batch.numRows) return evaluate(e, batch, ctx);
  if (e.kind === "literal") return new Array<unknown>(rows.length).fill(e.value);
  return evaluate(e, batch.take(rows), ctx);
}

function evalCase(e: Extract<Expr, { kind: "case" }>, batch: Batch, ctx: FunctionContext): unknown[] {
  const n = batch.numRows;
  const out = new Array<unknown>(n).fill(null);
  let remaining: number[] = Array.from({ length: n }, (_, i) => i);
  for (const b of e.branches) {
    if (!remaining.length) break;
    const cond = evalOn(b.when, batch, remaining, ctx);
    const hit: number[] = [];
    const miss: number[] = [];
    remaining.forEach((row, k) => (cond[k] === true ? hit : miss).push(row));
    if (hit.length) {
      const vals = evalOn(b.then, batch, hit, ctx);
      hit.forEach((row, k) => { out[row] = vals[k]; });
    }
    remaining = miss;
  }
  if (e.otherwise && remaining.length) {
    const vals = evalOn(e.otherwise, batch, remaining, ctx);
    remaining.forEach((row, k) => { out[row] = vals[k]; });
  }
  return out;
}

type LazyEval = (e: Call, batch: Batch, ctx: FunctionContext) => unknown[];

/** AND/OR: the right side only where the left side does not decide. */
function logical(isAnd: boolean): LazyEval {
  return (e, batch, ctx) => {
    const left = evaluate(e.args[0]!, batch, ctx);
    const n = batch.numRows;
    const decided = isAnd ? false : true;
    const need: number[] = [];
    for (let i = 0; i < n; i++) if (left[i] !== decided) need.push(i);
    const out = new Array<unknown>(n).fill(decided);
    if (!need.length) return out;
    const right = evalOn(e.args[1]!, batch, need, ctx);
    need.forEach((row, k) => {
      const l = left[row];
      const r = right[k];
      out[row] = r === decided ? decided : l == null || r == null ? null : !decided;
    });
    return out;
  };
}

/** coalesce/nvl/ifnull: each next argument only where all earlier ones were null. */
const coalesce: LazyEval = (e, batch, ctx) => {
  const n = batch.numRows;
  const out = new Array<unknown>(n).fill(null);
  let remaining = Array.from({ length: n }, (_, i) => i);
  for (const a of e.args) {
    if (!remaining.length) break;
    const vals = evalOn(a, batch, remaining, ctx);
    const next: number[] = [];
    remaining.forEach((row, k) => {
      if (vals[k] == null) next.push(row);
      else out[row] = vals[k];
    });
    remaining = next;
  }
  return out;
};

/** if(cond, a, b): a only where cond is true, b elsewhere. */
const iff: LazyEval = (e, batch, ctx) => {
  const n = batch.numRows;
  const cond = evaluate(e.args[0]!, batch, ctx);
  const yes: number[] = [];
  const no: number[] = [];
  for (let i = 0; i < n; i++) (cond[i] === true ? yes : no).push(i);
  const out = new Array<unknown>(n).fill(null);
  if (yes.length) evalOn(e.args[1]!, batch, yes, ctx).forEach((v, k) => { out[yes[k]!] = v; });
  if (no.length) evalOn(e.args[2]!, batch, no, ctx).forEach((v, k) => { out[no[k]!] = v; });
  return out;
};

const LAZY: Record<string, LazyEval> = { and: logical(true), or: logical(false), coalesce, if: iff };
