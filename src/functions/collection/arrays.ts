/**
 * Array functions: sort_array, array_contains, array_distinct, array_join, array_max/min,
 * slice, flatten, arrays_zip, array_position, array_remove, set operations, append/prepend,
 * array_repeat, arrays_overlap, sequence. Elements compare as Spark values (NaN = NaN).
 */
import { canonLong } from "../../values/long.js";
import type { Expr } from "../../plan/expr/expr.js";
import { ArrayType, StructField, StructType, booleanType, integerType, longType, stringType, type DataType } from "../../types/data-types.js";
import { isIntegral, isNull, widerType } from "../../types/type-utils.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { castTo } from "../../plan/expr/cast-to.js";
import { PijarError } from "../../errors/pijar-error.js";
import { comparatorFor, keyOf } from "../../values/compare.js";
import { valueToString } from "../cast/cast-value.js";
import { callSql, expectType, literalArg, map1, map2, mapN, unexpectedType } from "../helpers.js";
import type { ResolveResult, FunctionDef } from "../registry.js";
import { evalTemporalSequence, isTemporalStep, resolveTemporalSequence } from "./temporal-sequence.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

function arrayType(name: string, args: readonly Expr[], i: number): ArrayType {
  const t = typeOf(args[i]!);
  if (!(t instanceof ArrayType)) throw unexpectedType(callSql(name, args), i, "\"ARRAY\"", args[i]!);
  return t;
}

const boolLit = (v: boolean): Expr => ({ kind: "literal", value: v, dataType: booleanType });

definitions.push({
  kind: "scalar", name: "sort_array", minArgs: 1, maxArgs: 2,
  resolve(args) {
    const full = args.length === 1 ? [args[0]!, boolLit(true)] : args;
    const t = arrayType("sort_array", full, 0);
    if (typeof literalArg(full, 1) !== "boolean") throw unexpectedType(callSql("sort_array", full), 1, "\"BOOLEAN\" literal", full[1]!);
    return { args: [full[0]!, full[1]!], dataType: t };
  },
  eval(args, n, call, ctx) {
    const cmp = comparatorFor((call.dataType as ArrayType).elementType);
    return map2((arr: unknown[], asc: boolean) => {
      // Ascending puts nulls first, descending puts them last.
      const nulls = arr.filter((v) => v == null);
      const vals = arr.filter((v) => v != null).sort(cmp);
      return asc ? [...nulls, ...vals] : [...vals.reverse(), ...nulls];
    })(args, n, call, ctx);
  },
});

/** Coerces (array, element) so the element matches the array's element type. */
function arrayAndElement(name: string, args: readonly Expr[]): ResolveResult {
  const t = arrayType(name, args, 0);
  const et = typeOf(args[1]!);
  const common = widerType(t.elementType, et);
  if (!common) {
    throw new PijarError("DATATYPE_MISMATCH.ARRAY_FUNCTION_DIFF_TYPES", {}, {
      message: `Cannot resolve "${callSql(name, args)}": input to \`${name}\` should have been "ARRAY" followed by a value with same element type, but it's ["${t.sql()}", "${et.sql()}"].`,
    });
  }
  return { args: [castTo(args[0]!, new ArrayType(common, t.containsNull)), castTo(args[1]!, common)], dataType: common };
}

definitions.push({
  kind: "scalar", name: "array_contains", minArgs: 2, maxArgs: 2,
  resolve: (args) => ({ ...arrayAndElement("array_contains", args), dataType: booleanType }),
  eval(args, n, call, ctx) {
    const cmp = comparatorFor(typeOf(call.args[1]!));
    return map2((arr: unknown[], v: unknown) => {
      let sawNull = false;
      for (const e of arr) {
        if (e == null) sawNull = true;
        else if (cmp(e, v) === 0) return true;
      }
      return sawNull ? null : false;
    })(args, n, call, ctx);
  },
});

definitions.push({
  kind: "scalar", name: "array_position", minArgs: 2, maxArgs: 2,
  resolve: (args) => ({ ...arrayAndElement("array_position", args), dataType: longType }),
  eval(args, n, call, ctx) {
    const cmp = comparatorFor(typeOf(call.args[1]!));
    return map2((arr: unknown[], v: unknown) => arr.findIndex((e) => e != null && cmp(e, v) === 0) + 1)(args, n, call, ctx);
  },
});

definitions.push({
  kind: "scalar", name: "array_remove", minArgs: 2, maxArgs: 2,
  resolve: (args) => {
    const r = arrayAndElement("array_remove", args);
    return { ...r, dataType: typeOf(r.args[0]!) };
  },
  eval(args, n, call, ctx) {
    const cmp = comparatorFor(typeOf(call.args[1]!));
    return map2((arr: unknown[], v: unknown) => arr.filter((e) => e == null || cmp(e, v) !== 0))(args, n, call, ctx);
  },
});

for (const [name, front] of [["array_append", false], ["array_prepend", true]] as const) {
  definitions.push({
    kind: "scalar", name, minArgs: 2, maxArgs: 2,
    resolve: (args) => {
      const r = arrayAndElement(name, args);
      return { ...r, dataType: new ArrayType(r.dataType, true) };
    },
    eval: (args, n) => Array.from({ length: n }, (_, i) => {
      const arr = args[0]![i] as unknown[] | null;
      if (arr == null) return null;
      const v = args[1]![i] ?? null;
      return front ? [v, ...arr] : [...arr, v];
    }),
  });
}

function distinct(arr: readonly unknown[]): unknown[] {
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const v of arr) {
    const k = keyOf(v);
    if (!seen.has(k)) { seen.add(k); out.push(v); }
  }
  return out;
}

definitions.push({
  kind: "scalar", name: "array_distinct", minArgs: 1, maxArgs: 1,
  resolve: (args) => ({ args, dataType: arrayType("array_distinct", args, 0) }),
  eval: map1(distinct),
});

function twoArrays(name: string, args: readonly Expr[]): ResolveResult {
  const a = arrayType(name, args, 0);
  const b = arrayType(name, args, 1);
  const common = widerType(a, b);
  if (!common) {
    throw new PijarError("DATATYPE_MISMATCH.BINARY_ARRAY_DIFF_TYPES", {}, {
      message: `Cannot resolve "${callSql(name, args)}": input to function \`${name}\` should have been two "ARRAY" with same element type, but it's ["${a.sql()}", "${b.sql()}"].`,
    });
  }
  return { args: [castTo(args[0]!, common), castTo(args[1]!, common)], dataType: common };
}

const SET_OPS: [string, (a: unknown[], b: unknown[]) => unknown][] = [
  ["array_union", (a, b) => distinct([...a, ...b])],
  ["array_intersect", (a, b) => {
    const keys = new Set(b.map(keyOf));
    return distinct(a.filter((v) => keys.has(keyOf(v))));
  }],
  ["array_except", (a, b) => {
    const keys = new Set(b.map(keyOf));
    return distinct(a.filter((v) => !keys.has(keyOf(v))));
  }],
  ["arrays_overlap", (a, b) => {
    const keys = new Set(a.filter((v) => v != null).map(keyOf));
    if (b.some((v) => v != null && keys.has(keyOf(v)))) return true;
    return a.length && b.length && (a.includes(null) || b.includes(null)) ? null : false;
  }],
];
for (const [name, f] of SET_OPS) {
  definitions.push({
    kind: "scalar", name, minArgs: 2, maxArgs: 2,
    resolve: (args) => {
      const r = twoArrays(name, args);
      return name === "arrays_overlap" ? { ...r, dataType: booleanType } : r;
    },
    eval: map2(f),
  });
}

definitions.push({
  kind: "scalar", name: "array_join", minArgs: 2, maxArgs: 3,
  resolve(args) {
    arrayType("array_join", args, 0);
    return { args: [args[0]!, ...args.slice(1).map((_, i) => expectType("array_join", args, i + 1, stringType))], dataType: stringType };
  },
  eval(args, n, call, ctx) {
    const et = (typeOf(call.args[0]!) as ArrayType).elementType;
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const arr = args[0]![i] as unknown[] | null;
      const sep = args[1]![i] as string | null;
      const rep = args[2] ? (args[2][i] as string | null) : undefined;
      if (arr == null || sep == null || rep === null) { out[i] = null; continue; }
      const parts: string[] = [];
      for (const v of arr) {
        if (v != null) parts.push(valueToString(v, et, ctx));
        else if (rep !== undefined) parts.push(rep);
      }
      out[i] = parts.join(sep);
    }
    return out;
  },
});

for (const [name, sign] of [["array_max", 1], ["array_min", -1]] as const) {
  definitions.push({
    kind: "scalar", name, minArgs: 1, maxArgs: 1,
    resolve: (args) => ({ args, dataType: arrayType(name, args, 0).elementType, nullable: true }),
    eval(args, n, call, ctx) {
      const cmp = comparatorFor(call.dataType);
      return map1((arr: unknown[]) => {
        let best: unknown = null;
        for (const v of arr) if (v != null && (best == null || sign * cmp(v, best) > 0)) best = v;
        return best;
      })(args, n, call, ctx);
    },
  });
}

definitions.push({
  kind: "scalar", name: "slice", minArgs: 3, maxArgs: 3,
  resolve: (args) => ({
    args: [args[0]!, expectType("slice", args, 1, integerType), expectType("slice", args, 2, integerType)], dataType: arrayType("slice", args, 0),
  }),
  eval: mapN(([arr, start, len]: [unknown[], number, number]) => {
    if (start === 0) {
      throw new PijarError("INVALID_PARAMETER_VALUE.START", {}, { message: "The value of parameter(s) `start` in `slice` is invalid: Expects a positive or a negative value for `start`, but got 0." });
    }
    if (len < 0) {
      throw new PijarError("INVALID_PARAMETER_VALUE.LENGTH", {}, { message: `The value of parameter(s) \`length\` in \`slice\` is invalid: Expects \`length\` greater than or equal to 0, but got ${len}.` });
    }
    const from = start > 0 ? start - 1 : arr.length + start;
    if (from < 0) return [];
    return arr.slice(from, from + len);
  }),
});

definitions.push({
  kind: "scalar", name: "flatten", minArgs: 1, maxArgs: 1,
  resolve(args) {
    const t = arrayType("flatten", args, 0);
    if (!(t.elementType instanceof ArrayType)) throw unexpectedType(callSql("flatten", args), 0, "\"ARRAY\" of \"ARRAY\"", args[0]!);
    return { args, dataType: t.elementType };
  },
  eval: map1((arr: (unknown[] | null)[]) => (arr.some((a) => a == null) ? null : arr.flatMap((a) => a!))),
});

definitions.push({
  kind: "scalar", name: "arrays_zip", minArgs: 1, maxArgs: Infinity,
  resolve(args) {
    const fields = args.map((a, i) => new StructField(a.kind === "attr" ? a.name : a.kind === "alias" ? a.name : String(i), arrayType("arrays_zip", args, i).elementType, true));
    return { args, dataType: new ArrayType(new StructType(fields), false) };
  },
  eval: mapN((arrs: unknown[][]) => {
    const len = Math.max(...arrs.map((a) => a.length));
    return Array.from({ length: len }, (_, j) => arrs.map((a) => a[j] ?? null));
  }),
});

definitions.push({
  kind: "scalar", name: "array_repeat", minArgs: 2, maxArgs: 2,
  resolve: (args) => ({ args: [args[0]!, expectType("array_repeat", args, 1, integerType)], dataType: new ArrayType(typeOf(args[0]!), true) }),
  eval: (args, n) => Array.from({ length: n }, (_, i) => {
    const k = args[1]![i] as number | null;
    return k == null ? null : new Array(Math.max(k, 0)).fill(args[0]![i] ?? null);
  }),
});

definitions.push({
  kind: "scalar", name: "sequence", minArgs: 2, maxArgs: 3,
  resolve(args) {
    const types = args.map(typeOf);
    let common: DataType | null = types[0]!;
    for (const t of types.slice(1)) common = common && widerType(common, t);
    // Dates without a step go by a day; dates and timestamps with an interval step: temporal-sequence.ts.
    if (common && common.typeName() === "date" && args.length === 2) return { args, dataType: new ArrayType(common, false) };
    const temporal = resolveTemporalSequence(args);
    if (temporal) return temporal;
    if (!common || !(isIntegral(common) || isNull(common))) throw unexpectedType(callSql("sequence", args), 0, "\"INTEGRAL\"", args[0]!);
    return { args: args.map((a) => castTo(a, common!)), dataType: new ArrayType(common, false) };
  },
  eval: (args, n, call, ctx) => (isTemporalStep(call.state) ? evalTemporalSequence(args, n, call, ctx) : integralSequence(args, n, call, ctx)),
});

/** sequence over integers: step 1 or -1 by default. */
const integralSequence = mapN(([start, stop, step]: [number, number, number | undefined]) => {
  const st = step ?? (start <= stop ? 1 : -1);
  if (st === 0 || (st > 0 && start > stop) || (st < 0 && start < stop)) {
    if (start === stop) return [start];
    throw new PijarError("INVALID_PARAMETER_VALUE", { parameter: "`step`", functionName: "`sequence`", message: `Illegal sequence boundaries: ${start} to ${stop} by ${st}` });
  }
  if (typeof start === "bigint" || typeof stop === "bigint" || typeof st === "bigint") {
    // BIGINT bounds beyond 2^53: step in BigInt, keep each element a canonical long.
    const out: unknown[] = [];
    const [a, b, s] = [BigInt(start), BigInt(stop), BigInt(st)];
    for (let v = a; s > 0n ? v <= b : v >= b; v += s) out.push(canonLong(v));
    return out;
  }
  const out: number[] = [];
  for (let v = start; st > 0 ? v <= stop : v >= stop; v += st) out.push(v);
  return out;
});
