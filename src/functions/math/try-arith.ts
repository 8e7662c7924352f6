/**
 * try_add, try_subtract, try_multiply, try_divide, try_mod (and try_sum / try_avg): the
 * operator's own typing, but null instead of an ANSI error (overflow, division by zero).
 */
import type { Call } from "../../plan/expr/expr.js";
import { requireFunction, type AggregateFunctionDef, type AggregateState, type ScalarFunctionDef, type FunctionDef } from "../registry.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

/** Runs a whole column; if any row raises, reruns row by row so only those rows become null. */
function tolerant(base: ScalarFunctionDef): ScalarFunctionDef["eval"] {
  return (args, n, call, ctx) => {
    try {
      return base.eval(args, n, call, ctx);
    } catch {
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        try {
          out[i] = base.eval(args.map((a) => [a[i]]), 1, call, ctx)[0];
        } catch {
          out[i] = null;
        }
      }
      return out;
    }
  };
}

for (const [name, op] of [["try_add", "add"], ["try_subtract", "subtract"], ["try_multiply", "multiply"], ["try_divide", "divide"], ["try_mod", "mod"]] as const) {
  const base = () => requireFunction(op) as ScalarFunctionDef;
  definitions.push({
    kind: "scalar", name, minArgs: 2, maxArgs: 2,
    resolve: (args, ctx) => ({ ...base().resolve(args, ctx), nullable: true }),
    eval: (args, n, call, ctx) => tolerant(base())(args, n, call, ctx),
  });
}

/** An aggregate whose finish() yields null per group instead of raising. */
class TolerantState implements AggregateState {
  constructor(private readonly inner: AggregateState) {}
  grow(n: number): void { this.inner.grow(n); }
  update(g: Int32Array, args: readonly unknown[][], n: number): void { this.inner.update(g, args, n); }
  finish(n: number): unknown[] {
    try {
      return this.inner.finish(n);
    } catch {
      // Sums are checked in finish(); without per-group detail, the whole result degrades to null.
      return new Array(n).fill(null);
    }
  }
}

for (const [name, op] of [["try_sum", "sum"], ["try_avg", "avg"]] as const) {
  const base = () => requireFunction(op) as AggregateFunctionDef;
  definitions.push({
    kind: "agg", name, minArgs: 1, maxArgs: 1,
    resolve: (args, ctx) => base().resolve(args, ctx),
    create: (call: Call, ctx) => new TolerantState(base().create(call, ctx)),
  });
}
