/** array_compact, array_insert, array_size, array_sort (natural order or a comparator), map_concat, map_from_entries. */
import { ArrayType, MapType, StructType, integerType } from "../../types/data-types.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { PijarError } from "../../errors/pijar-error.js";
import { comparatorFor, keyOf } from "../../values/compare.js";
import { callSql, expectType, map1, mapN, unexpectedType } from "../helpers.js";
import type { FunctionDef } from "../registry.js";
import { resolveComparator, sortWithComparator } from "../lambda/array-sort.js";
import { runnerAt } from "../lambda/elements.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

function arrayOf(name: string, args: readonly import("../../plan/expr/expr.js").Expr[], i: number): ArrayType {
  const t = typeOf(args[i]!);
  if (!(t instanceof ArrayType)) throw unexpectedType(callSql(name, args), i, "\"ARRAY\"", args[i]!);
  return t;
}

definitions.push({
  kind: "scalar", name: "array_compact", minArgs: 1, maxArgs: 1,
  resolve: (args) => ({ args, dataType: new ArrayType(arrayOf("array_compact", args, 0).elementType, false) }),
  eval: map1((a: unknown[]) => a.filter((v) => v != null)),
});

definitions.push({
  kind: "scalar", name: "array_size", minArgs: 1, maxArgs: 1,
  resolve: (args) => (arrayOf("array_size", args, 0), { args, dataType: integerType }),
  eval: map1((a: unknown[]) => a.length),
});

definitions.push({
  kind: "scalar", name: "array_insert", minArgs: 3, maxArgs: 3,
  resolve(args) {
    const t = arrayOf("array_insert", args, 0);
    return { args: [args[0]!, expectType("array_insert", args, 1, integerType), expectType("array_insert", args, 2, t.elementType)], dataType: new ArrayType(t.elementType, true) };
  },
  eval(args, n) {
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const arr = args[0]![i] as unknown[] | null;
      const pos = args[1]![i] as number | null;
      if (arr == null || pos == null) { out[i] = null; continue; }
      const v = args[2]![i] ?? null;
      if (pos === 0) {
        throw new PijarError("INVALID_INDEX_OF_ZERO", {}, { message: "The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).", exceptionType: "ArrayIndexOutOfBoundsException" });
      }
      if (pos > 0) {
        const idx = pos - 1;
        out[i] = idx <= arr.length ? [...arr.slice(0, idx), v, ...arr.slice(idx)] : [...arr, ...new Array(idx - arr.length).fill(null), v];
      } else {
        const idx = arr.length + pos + 1;
        out[i] = idx >= 0 ? [...arr.slice(0, idx), v, ...arr.slice(idx)] : [v, ...new Array(-idx).fill(null), ...arr];
      }
    }
    return out;
  },
});

// Spark names array_sort(a) after the default comparator lambda it adds.
const DEFAULT_COMPARATOR = "lambdafunction((IF(((namedlambdavariable() IS NULL) AND (namedlambdavariable() IS NULL)), 0, (IF((namedlambdavariable() IS NULL), 1, (IF((namedlambdavariable() IS NULL), -1, (IF((namedlambdavariable() < namedlambdavariable()), -1, (IF((namedlambdavariable() > namedlambdavariable()), 1, 0)))))))))), namedlambdavariable(), namedlambdavariable())";

definitions.push({
  kind: "scalar", name: "array_sort", minArgs: 1, maxArgs: 2, higherOrder: true,
  resolve(args, _ctx, lambdas) {
    const t = arrayOf("array_sort", args, 0);
    return { args: args.length === 2 ? [args[0]!, resolveComparator(args, t, lambdas)] : args, dataType: t };
  },
  eval(args, n, call, ctx, lambdas) {
    if (call.args.length === 2) return sortWithComparator(args[0]!, n, runnerAt("array_sort", lambdas, 1));
    const cmp = comparatorFor((call.dataType as ArrayType).elementType);
    return map1((a: unknown[]) => [...a.filter((v) => v != null).sort(cmp), ...a.filter((v) => v == null)])(args, n, call, ctx);
  },
  sql: (a) => (a.length === 2 ? `array_sort(${a[0]}, ${a[1]})` : `array_sort(${a[0]}, ${DEFAULT_COMPARATOR})`),
});

/** A map from entries, raising DUPLICATED_MAP_KEY on a repeated key (Spark's default policy). */
export function dedupMap(entries: Iterable<[unknown, unknown]>): Map<unknown, unknown> {
  const m = new Map<unknown, unknown>();
  const seen = new Set<string>();
  for (const [k, v] of entries) {
    const kk = keyOf(k);
    if (seen.has(kk)) {
      throw new PijarError("DUPLICATED_MAP_KEY", { key: String(k) }, { message: `Duplicate map key ${String(k)} was found, please check the input data.`, exceptionType: "SparkRuntimeException" });
    }
    seen.add(kk);
    m.set(k, v);
  }
  return m;
}

definitions.push({
  kind: "scalar", name: "map_concat", minArgs: 0, maxArgs: Infinity,
  resolve(args) {
    const types = args.map(typeOf);
    const bad = types.findIndex((t) => !(t instanceof MapType));
    if (bad >= 0) throw unexpectedType(callSql("map_concat", args), bad, "\"MAP\"", args[bad]!);
    return { args, dataType: types[0] ?? new MapType(integerType, integerType) };
  },
  eval: mapN((maps: Map<unknown, unknown>[]) => dedupMap(maps.flatMap((m) => [...m.entries()]))),
});

definitions.push({
  kind: "scalar", name: "map_from_entries", minArgs: 1, maxArgs: 1,
  resolve(args) {
    const t = arrayOf("map_from_entries", args, 0);
    const st = t.elementType;
    if (!(st instanceof StructType) || st.fields.length !== 2) throw unexpectedType(callSql("map_from_entries", args), 0, "\"ARRAY\" of pair \"STRUCT\"", args[0]!);
    return { args, dataType: new MapType(st.fields[0]!.dataType, st.fields[1]!.dataType, st.fields[1]!.nullable) };
  },
  eval: map1((a: ([unknown, unknown] | null)[]) => (a.some((e) => e == null) ? null : dedupMap(a.map((e) => [e![0], e![1]])))),
});
