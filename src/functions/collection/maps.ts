/** Maps: map/create_map, map_from_arrays, map_keys, map_values, map_entries, map_contains_key. */
import type { Expr } from "../../plan/expr/expr.js";
import { ArrayType, MapType, StructField, StructType, booleanType, nullType } from "../../types/data-types.js";
import { nullableOf, typeOf } from "../../plan/expr/type-of.js";
import { castTo } from "../../plan/expr/cast-to.js";
import { PijarError } from "../../errors/pijar-error.js";
import { keyOf } from "../../values/compare.js";
import { callSql, map1, map2, unexpectedType } from "../helpers.js";
import type { FunctionDef } from "../registry.js";
import { commonArgs } from "../conditional/null-handling.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

function mapType(name: string, args: readonly Expr[], i: number): MapType {
  const t = typeOf(args[i]!);
  if (!(t instanceof MapType)) throw unexpectedType(callSql(name, args), i, "\"MAP\"", args[i]!);
  return t;
}

/** Builds a map, rejecting null and duplicate keys as Spark's default EXCEPTION dedup policy. */
function buildMap(keys: readonly unknown[], values: readonly unknown[]): Map<unknown, unknown> {
  const m = new Map<unknown, unknown>();
  const seen = new Set<string>();
  for (let j = 0; j < keys.length; j++) {
    const k = keys[j];
    if (k == null) throw new PijarError("NULL_MAP_KEY", {}, { message: "Cannot use null as map key.", exceptionType: "SparkRuntimeException" });
    const kk = keyOf(k);
    if (seen.has(kk)) {
      throw new PijarError("DUPLICATED_MAP_KEY", { key: String(k), mapKeyDedupPolicy: "\"spark.sql.mapKeyDedupPolicy\"" }, {
        message: `Duplicate map key ${String(k)} was found, please check the input data. If you want to remove the duplicated keys, you can set "spark.sql.mapKeyDedupPolicy" to "LAST_WIN" so that the key inserted at last takes precedence.`,
        exceptionType: "SparkRuntimeException",
      });
    }
    seen.add(kk);
    m.set(k, values[j] ?? null);
  }
  return m;
}

for (const name of ["map", "create_map"]) {
  definitions.push({
    kind: "scalar", name, minArgs: 0, maxArgs: Infinity,
    resolve(args) {
      if (args.length % 2 !== 0) {
        throw new PijarError("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", { functionName: "`map`", expectedNum: "2n (n > 0)", actualNum: String(args.length), docroot: "" });
      }
      const keys = args.filter((_, i) => i % 2 === 0);
      const vals = args.filter((_, i) => i % 2 === 1);
      const k = keys.length ? commonArgs("map", keys) : { args: [] as Expr[], dataType: nullType };
      const v = vals.length ? commonArgs("map", vals) : k;
      const out: Expr[] = [];
      for (let i = 0; i < keys.length; i++) out.push(k.args[i]!, v.args[i]!);
      return { args: out, dataType: new MapType(k.dataType, v.dataType, vals.some(nullableOf)), nullable: false };
    },
    eval: (args, n) => Array.from({ length: n }, (_, i) => buildMap(args.filter((_, j) => j % 2 === 0).map((a) => a[i]), args.filter((_, j) => j % 2 === 1).map((a) => a[i]))),
    sql: (a) => `map(${a.join(", ")})`,
  });
}

definitions.push({
  kind: "scalar", name: "map_from_arrays", minArgs: 2, maxArgs: 2,
  resolve(args) {
    const k = typeOf(args[0]!);
    const v = typeOf(args[1]!);
    if (!(k instanceof ArrayType)) throw unexpectedType(callSql("map_from_arrays", args), 0, "\"ARRAY\"", args[0]!);
    if (!(v instanceof ArrayType)) throw unexpectedType(callSql("map_from_arrays", args), 1, "\"ARRAY\"", args[1]!);
    return { args, dataType: new MapType(k.elementType, v.elementType, v.containsNull) };
  },
  eval: map2((ks: unknown[], vs: unknown[]) => {
    if (ks.length !== vs.length) {
      throw new PijarError("INVALID_PARAMETER_VALUE", { parameter: "`keys`, `values`", functionName: "`map_from_arrays`", message: "The key array and value array of MapData must have the same length." });
    }
    return buildMap(ks, vs);
  }),
});

definitions.push({
  kind: "scalar", name: "map_keys", minArgs: 1, maxArgs: 1,
  resolve: (args) => ({ args, dataType: new ArrayType(mapType("map_keys", args, 0).keyType, false) }),
  eval: map1((m: Map<unknown, unknown>) => [...m.keys()]),
});

definitions.push({
  kind: "scalar", name: "map_values", minArgs: 1, maxArgs: 1,
  resolve: (args) => {
    const t = mapType("map_values", args, 0);
    return { args, dataType: new ArrayType(t.valueType, t.valueContainsNull) };
  },
  eval: map1((m: Map<unknown, unknown>) => [...m.values()]),
});

definitions.push({
  kind: "scalar", name: "map_entries", minArgs: 1, maxArgs: 1,
  resolve: (args) => {
    const t = mapType("map_entries", args, 0);
    return { args, dataType: new ArrayType(new StructType([new StructField("key", t.keyType, false), new StructField("value", t.valueType, t.valueContainsNull)]), false) };
  },
  eval: map1((m: Map<unknown, unknown>) => [...m.entries()].map(([k, v]) => [k, v])),
});

definitions.push({
  kind: "scalar", name: "map_contains_key", minArgs: 2, maxArgs: 2,
  resolve: (args) => {
    const t = mapType("map_contains_key", args, 0);
    return { args: [args[0]!, castTo(args[1]!, t.keyType)], dataType: booleanType };
  },
  eval: map2((m: Map<unknown, unknown>, k: unknown) => {
    if (m.has(k)) return true;
    const kk = keyOf(k);
    for (const key of m.keys()) if (keyOf(key) === kk) return true;
    return false;
  }),
});
