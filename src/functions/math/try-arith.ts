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

/**
 * An aggregate that yields null instead of raising. An error in update() (a long sum leaving
 * 64 bits) poisons only its group, so rows are fed one at a time: a failed batch could not be
 * undone. An error in finish() (decimal precision, checked there) has no group to name, so the
 * whole result degrades to null.
 */
class TolerantState implements AggregateState {
  private readonly poisoned = new Set<number>();
  private readonly one = new Int32Array(1);
  constructor(private readonly inner: AggregateState) {}
  grow(n: number): void { this.inner.grow(n); }
  update(g: Int32Array, args: readonly unknown[][], n: number): void {
    const row = args.map(() => [null as unknown]);
    for (let i = 0; i < n; i++) {
      const k = g[i]!;
      if (this.poisoned.has(k)) continue;
      this.one[0] = k;
      for (let j = 0; j < args.length; j++) row[j]![0] = args[j]![i];
      try {
        this.inner.update(this.one, row, 1);
      } catch {
        this.poisoned.add(k);
      }
    }
  }
  finish(n: number): unknown[] {
    try {
      const out = this.inner.finish(n);
      for (const k of this.poisoned) if (k < n) out[k] = null;
      return out;
    } catch {
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
