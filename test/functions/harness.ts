/**
 * A tiny expression evaluator for function unit tests: resolves a Column against named test
 * columns and evaluates it with the registry's defs, without the physical engine. Scalars,
 * casts, CASE, aggregates (one or more groups) and window functions (one partition).
 */
import "../../src/functions/index.js";
import type { Attr, Expr } from "../../src/plan/expr/expr.js";
import { newExprId } from "../../src/plan/expr/expr.js";
import { exprName } from "../../src/plan/expr/sql-text.js";
import { resolveExpr } from "../../src/analyzer/resolve-expr.js";
import { typeOf } from "../../src/plan/expr/type-of.js";
import { castColumn } from "../../src/functions/cast/cast-value.js";
import type { FunctionContext } from "../../src/functions/registry.js";
import type { DataType } from "../../src/types/data-types.js";
import { parseDataType } from "../../src/types/ddl.js";
import type { Column } from "../../src/api/column.js";

export const ctx: FunctionContext = { timeZone: "UTC", ansi: true, nowMicros: Date.UTC(2024, 2, 5, 10, 11, 12) * 1000 };

/** Test input: column name -> [DDL type, values]. */
export type Data = Record<string, [string | DataType, unknown[]]>;

function setup(data: Data) {
  const attrs: Attr[] = [];
  const cols = new Map<number, unknown[]>();
  let n = 1;
  for (const [name, [t, values]] of Object.entries(data)) {
    const dataType = typeof t === "string" ? parseDataType(t) : t;
    const id = newExprId();
    attrs.push({ kind: "attr", name, id, dataType, nullable: true, qualifier: [] });
    cols.set(id, values);
    n = values.length;
  }
  return { attrs, cols, n };
}

function evalExpr(e: Expr, cols: Map<number, unknown[]>, n: number): unknown[] {
  switch (e.kind) {
    case "attr": return cols.get(e.id)!;
    case "literal": return new Array(n).fill(e.value);
    case "alias": return evalExpr(e.child, cols, n);
    case "cast": return castColumn(evalExpr(e.child, cols, n), typeOf(e.child), e.to, e.mode, ctx);
    case "case": {
      const whens = e.branches.map((b) => evalExpr(b.when, cols, n));
      const thens = e.branches.map((b) => evalExpr(b.then, cols, n));
      const other = e.otherwise ? evalExpr(e.otherwise, cols, n) : null;
      return Array.from({ length: n }, (_, i) => {
        for (let j = 0; j < whens.length; j++) if (whens[j]![i] === true) return thens[j]![i];
        return other ? other[i] : null;
      });
    }
    case "call": {
      if (e.fn.kind !== "scalar") throw new Error(`${e.fn.name} is not scalar`);
      const args = e.args.map((a) => evalExpr(a, cols, n));
      return e.fn.eval(args, n, e, ctx);
    }
    default: throw new Error(`harness cannot evaluate ${e.kind}`);
  }
}

/** Resolves and evaluates a scalar column. */
export function run(col: Column, data: Data = { _: ["int", [0]] }) {
  const { attrs, cols, n } = setup(data);
  const e = resolveExpr(col.expr, { attrs }, ctx);
  return { name: exprName(e), type: typeOf(e).simpleString(), values: evalExpr(e, cols, n) };
}

/** The single value of a scalar column over a one-row input. */
export function one(col: Column, data?: Data): unknown {
  return run(col, data).values[0];
}

/** Resolves and evaluates an aggregate; `groups` assigns rows to groups (default: one group). */
export function agg(col: Column, data: Data, groups?: number[]) {
  const { attrs, cols, n } = setup(data);
  const e = resolveExpr(col.expr, { attrs }, ctx);
  const call = e.kind === "alias" ? e.child : e;
  if (call.kind !== "call" || call.fn.kind !== "agg") throw new Error("not an aggregate");
  const g = Int32Array.from(groups ?? new Array(n).fill(0));
  const numGroups = g.length ? Math.max(...g) + 1 : 1;
  const state = call.fn.create(call, ctx);
  state.grow(numGroups);
  const args = call.args.map((a) => evalExpr(a, cols, n));
  // Two batches, to exercise state carried across update() calls.
  const half = Math.floor(n / 2);
  state.update(g.subarray(0, half), args.map((a) => a.slice(0, half)), half);
  state.update(g.subarray(half), args.map((a) => a.slice(half)), n - half);
  return { name: exprName(e), type: typeOf(e).simpleString(), values: state.finish(numGroups) };
}

/** Evaluates a window function over one sorted partition; `peers[i]` = 1 when row i starts a new ORDER BY value. */
export function win(col: Column, data: Data, peers?: number[]) {
  const { attrs, cols, n } = setup(data);
  // Window functions only resolve inside OVER (...); the spec itself is the operator's business.
  const w = resolveExpr(col.over().expr, { attrs }, ctx);
  const e = w.kind === "window" ? w.fn : w;
  if (e.kind !== "call" || e.fn.kind !== "window") throw new Error("not a window function");
  const args = e.args.map((a) => evalExpr(a, cols, n));
  const isNewPeer = Uint8Array.from(peers ?? Array.from({ length: n }, () => 1));
  return { name: exprName(e), type: typeOf(e).simpleString(), values: e.fn.evalPartition(args, n, isNewPeer, e, ctx) };
}
