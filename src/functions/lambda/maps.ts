/** map_filter, transform_keys, transform_values, map_zip_with: higher-order functions over maps. */
import type { Expr } from "../../plan/expr/expr.js";
import { MapType } from "../../types/data-types.js";
import { nullableOf, typeOf } from "../../plan/expr/type-of.js";
import { castTo } from "../../plan/expr/cast-to.js";
import { widerType } from "../../types/type-utils.js";
import { keyOf } from "../../values/compare.js";
import { PijarError } from "../../errors/pijar-error.js";
import type { FunctionDef } from "../registry.js";
import { callSql } from "../helpers.js";
import { dedupMap } from "../collection/extra.js";
import { checkPredicate, elementRows, mapArg, needLambdas, runnerAt, type ElementRows } from "./elements.js";
import type { LambdaRunner } from "../../plan/expr/function-def.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

/** Every entry of the batch's non-null maps as element rows: cols = [key, value]. */
function entriesOf(maps: readonly unknown[], n: number): ElementRows {
  return elementRows(n, 2, (i, add) => {
    const m = maps[i] as Map<unknown, unknown> | null;
    if (m != null) for (const [k, v] of m) add(k, v);
  });
}

/** (k, v) -> ... over a map's entries: the key is never null, the value as the map allows. */
function entryLambda(name: string, args: readonly Expr[], lambdas: Parameters<typeof needLambdas>[1]) {
  const t = mapArg(name, args, 0);
  const f = needLambdas(name, lambdas)(args[1]!, [{ dataType: t.keyType, nullable: false }, { dataType: t.valueType, nullable: t.valueContainsNull }]);
  return { t, f, args: [args[0]!, f] };
}

/** Runs the entry lambda over every entry and rebuilds each row's map from `build`. */
function perEntry(args: readonly unknown[][], n: number, run: LambdaRunner, build: (keys: unknown[], values: unknown[], out: unknown[], from: number, to: number) => Map<unknown, unknown>): unknown[] {
  const e = entriesOf(args[0]!, n);
  const out = run(e.rows, e.cols);
  return Array.from({ length: n }, (_, i) => (args[0]![i] == null ? null : build(e.cols[0]!, e.cols[1]!, out, e.starts[i]!, e.starts[i + 1]!)));
}

definitions.push({
  kind: "scalar", name: "map_filter", minArgs: 2, maxArgs: 2, higherOrder: true,
  resolve(args, _ctx, lambdas) {
    const r = entryLambda("map_filter", args, lambdas);
    checkPredicate("map_filter", r.args, 1);
    return { args: r.args, dataType: r.t };
  },
  eval: (args, n, _call, _ctx, lambdas) => perEntry(args, n, runnerAt("map_filter", lambdas, 1), (keys, values, keep, from, to) => {
    const m = new Map<unknown, unknown>();
    for (let j = from; j < to; j++) if (keep[j] === true) m.set(keys[j], values[j]);
    return m;
  }),
});

definitions.push({
  kind: "scalar", name: "transform_keys", minArgs: 2, maxArgs: 2, higherOrder: true,
  resolve(args, _ctx, lambdas) {
    const r = entryLambda("transform_keys", args, lambdas);
    return { args: r.args, dataType: new MapType(typeOf(r.f), r.t.valueType, r.t.valueContainsNull) };
  },
  eval: (args, n, _call, _ctx, lambdas) => perEntry(args, n, runnerAt("transform_keys", lambdas, 1), (_keys, values, newKeys, from, to) => {
    const entries: [unknown, unknown][] = [];
    for (let j = from; j < to; j++) {
      if (newKeys[j] == null) throw new PijarError("NULL_MAP_KEY", {}, { message: "Cannot use null as map key: the transform_keys lambda returned NULL. Wrap it in coalesce(..., default).", exceptionType: "SparkRuntimeException" });
      entries.push([newKeys[j], values[j]]);
    }
    return dedupMap(entries);
  }),
});

definitions.push({
  kind: "scalar", name: "transform_values", minArgs: 2, maxArgs: 2, higherOrder: true,
  resolve(args, _ctx, lambdas) {
    const r = entryLambda("transform_values", args, lambdas);
    return { args: r.args, dataType: new MapType(r.t.keyType, typeOf(r.f), nullableOf(r.f)) };
  },
  eval: (args, n, _call, _ctx, lambdas) => perEntry(args, n, runnerAt("transform_values", lambdas, 1), (keys, _values, newValues, from, to) => {
    const m = new Map<unknown, unknown>();
    for (let j = from; j < to; j++) m.set(keys[j], newValues[j]);
    return m;
  }),
});

definitions.push({
  kind: "scalar", name: "map_zip_with", minArgs: 3, maxArgs: 3, higherOrder: true,
  resolve(args, _ctx, lambdas) {
    const l = mapArg("map_zip_with", args, 0);
    const r = mapArg("map_zip_with", args, 1);
    const key = widerType(l.keyType, r.keyType);
    if (!key) {
      throw new PijarError("DATATYPE_MISMATCH.MAP_ZIP_WITH_DIFF_TYPES", {
        sqlExpr: `"${callSql("map_zip_with", args)}"`, functionName: "`map_zip_with`", leftType: `"${l.keyType.sql()}"`, rightType: `"${r.keyType.sql()}"`,
      });
    }
    // Both maps' keys are read as the wider key type, so 1 and 1L meet.
    const left = castTo(args[0]!, new MapType(key, l.valueType, l.valueContainsNull));
    const right = castTo(args[1]!, new MapType(key, r.valueType, r.valueContainsNull));
    const f = needLambdas("map_zip_with", lambdas)(args[2]!, [
      { dataType: key, nullable: false }, { dataType: l.valueType, nullable: true }, { dataType: r.valueType, nullable: true },
    ]);
    return { args: [left, right, f], dataType: new MapType(key, typeOf(f), nullableOf(f)) };
  },
  eval(args, n, _call, _ctx, lambdas) {
    // The keys of the first map in its order, then the second map's new keys.
    const { rows, cols, starts } = elementRows(n, 3, (i, add) => {
      const a = args[0]![i] as Map<unknown, unknown> | null;
      const b = args[1]![i] as Map<unknown, unknown> | null;
      if (a == null || b == null) return;
      const inB = new Map([...b].map(([k, v]) => [keyOf(k), v]));
      const inA = new Set([...a.keys()].map(keyOf));
      for (const [k, v] of a) add(k, v, inB.get(keyOf(k)));
      for (const [k, v] of b) if (!inA.has(keyOf(k))) add(k, null, v);
    });
    const out = runnerAt("map_zip_with", lambdas, 2)(rows, cols);
    return Array.from({ length: n }, (_, i) => {
      if (args[0]![i] == null || args[1]![i] == null) return null;
      const m = new Map<unknown, unknown>();
      for (let j = starts[i]!; j < starts[i + 1]!; j++) m.set(cols[0]![j], out[j]);
      return m;
    });
  },
});
