/**
 * Building and reading nested values: array, struct/named_struct, get_item (`col[i]`,
 * `col[key]`), get_field (`col.f`), element_at, size/cardinality.
 */
import type { Call, Expr } from "../../plan/expr/expr.js";
import { ArrayType, MapType, StructField, StructType, integerType, nullType, type DataType } from "../../types/data-types.js";
import { isIntegral, isNull, widerTypeOfAll } from "../../types/type-utils.js";
import { nullableOf, typeOf } from "../../plan/expr/type-of.js";
import { castTo } from "../../plan/expr/cast-to.js";
import { exprName } from "../../plan/expr/sql-text.js";
import { PijarError } from "../../errors/pijar-error.js";
import { equalsFor } from "../../values/compare.js";
import { callSql, expectType, literalArg, unexpectedType } from "../helpers.js";
import type { FunctionDef } from "../registry.js";
import { commonArgs } from "../conditional/null-handling.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

definitions.push({
  kind: "scalar", name: "array", minArgs: 0, maxArgs: Infinity,
  resolve(args) {
    if (args.length === 0) return { args, dataType: new ArrayType(nullType, false), nullable: false };
    const r = commonArgs("array", args);
    return { args: r.args, dataType: new ArrayType(r.dataType, args.some(nullableOf)), nullable: false };
  },
  eval: (args, n) => Array.from({ length: n }, (_, i) => args.map((a) => a[i] ?? null)),
});

/** The field name Spark gives a struct() argument: its column or alias name, else colN. */
function fieldName(e: Expr, i: number): string {
  if (e.kind === "alias") return e.name;
  if (e.kind === "attr") return e.name;
  if (e.kind === "call" && e.fn.name === "get_field") return String(literalArg(e.args, 1));
  return `col${i + 1}`;
}

definitions.push({
  kind: "scalar", name: "struct", minArgs: 0, maxArgs: Infinity,
  resolve(args) {
    const fields = args.map((a, i) => new StructField(fieldName(a, i), typeOf(a), nullableOf(a)));
    return { args, dataType: new StructType(fields), nullable: false };
  },
  eval: (args, n) => Array.from({ length: n }, (_, i) => args.map((a) => a[i] ?? null)),
  sql: (_a, call) => `struct(${call.args.map((e) => (e.kind === "alias" ? `${exprName(e.child)} AS ${e.name}` : exprName(e))).join(", ")})`,
});

definitions.push({
  kind: "scalar", name: "named_struct", minArgs: 0, maxArgs: Infinity,
  resolve(args) {
    if (args.length % 2 !== 0) {
      throw new PijarError("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", { functionName: "`named_struct`", expectedNum: "2n (n > 0)", actualNum: String(args.length), docroot: "" });
    }
    const fields: StructField[] = [];
    for (let i = 0; i < args.length; i += 2) {
      const name = literalArg(args, i);
      if (typeof name !== "string") {
        throw new PijarError("DATATYPE_MISMATCH.CREATE_NAMED_STRUCT_WITHOUT_FOLDABLE_STRING", {}, {
          message: `Cannot resolve "${callSql("named_struct", args)}": only foldable STRING expressions are allowed to appear at odd position, got "${exprName(args[i]!)}". Use F.lit("name").`,
        });
      }
      fields.push(new StructField(name, typeOf(args[i + 1]!), nullableOf(args[i + 1]!)));
    }
    return { args, dataType: new StructType(fields), nullable: false };
  },
  eval: (args, n) => Array.from({ length: n }, (_, i) => args.filter((_, j) => j % 2 === 1).map((a) => a[i] ?? null)),
});

definitions.push({
  kind: "scalar", name: "get_field", minArgs: 2, maxArgs: 2,
  resolve(args) {
    const t = typeOf(args[0]!);
    const name = literalArg(args, 1);
    if (!(t instanceof StructType) || typeof name !== "string") throw unexpectedType(callSql("get_field", args), 0, "\"STRUCT\"", args[0]!);
    const index = t.fields.findIndex((f) => f.name === name) >= 0 ? t.fields.findIndex((f) => f.name === name) : t.fields.findIndex((f) => f.name.toLowerCase() === name.toLowerCase());
    if (index < 0) {
      throw new PijarError("FIELD_NOT_FOUND", { fieldName: "`" + name + "`", fields: t.fields.map((f) => "`" + f.name + "`").join(", ") }, {
        message: `No such struct field \`${name}\` in ${t.fields.map((f) => "`" + f.name + "`").join(", ")}.`,
      });
    }
    return { args, dataType: t.fields[index]!.dataType, nullable: true, state: index };
  },
  eval(args, n, call) {
    const k = call.state as number;
    return Array.from({ length: n }, (_, i) => {
      const s = args[0]![i] as unknown[] | null;
      return s == null ? null : (s[k] ?? null);
    });
  },
  sql: (a, call) => `${a[0]}.${(typeOf(call.args[0]!) as StructType).fields[call.state as number]!.name}`,
});

function arrayIndexError(index: number, size: number, elementAt: boolean): PijarError {
  if (elementAt) {
    return new PijarError("INVALID_ARRAY_INDEX_IN_ELEMENT_AT", { indexValue: String(index), arraySize: String(size) }, {
      message: `The index ${index} is out of bounds. The array has ${size} elements. Use \`try_element_at\` to tolerate accessing element at invalid index and return NULL instead.`,
      exceptionType: "ArrayIndexOutOfBoundsException",
    });
  }
  return new PijarError("INVALID_ARRAY_INDEX", { indexValue: String(index), arraySize: String(size) });
}

/** Map lookup by key (maps are JS Maps; keys compared by value for non-primitive keys). */
function mapGet(m: Map<unknown, unknown>, key: unknown, keyType: DataType): unknown {
  if (m.has(key)) return m.get(key) ?? null;
  if (typeof key !== "object") return null;
  const eq = equalsFor(keyType);
  for (const [k, v] of m) if (eq(k, key)) return v ?? null;
  return null;
}

function lookupResolve(name: string, elementAt: boolean) {
  return (args: readonly Expr[]) => {
    const t = typeOf(args[0]!);
    if (t instanceof ArrayType) {
      const kt = typeOf(args[1]!);
      if (!isIntegral(kt) && !isNull(kt)) throw unexpectedType(callSql(name, args), 1, "\"INT\"", args[1]!);
      return { args: [args[0]!, castTo(args[1]!, integerType)], dataType: t.elementType, nullable: true };
    }
    if (t instanceof MapType) return { args: [args[0]!, castTo(args[1]!, t.keyType)], dataType: t.valueType, nullable: true };
    throw unexpectedType(callSql(name, args), 0, "(\"ARRAY\" or \"MAP\")", args[0]!);
  };
}

/** A missing element: null for the tolerant forms (get, try_element_at), else the error. */
const MISSING = Symbol("missing");

/**
 * The eval shared by get_item, get, element_at and try_element_at: null in, null out; a map is
 * looked up by key; an array goes through `element`, which returns MISSING when out of bounds.
 */
function lookupEval(element: (arr: unknown[], idx: number) => unknown, outOfBounds: (idx: number, length: number) => Error, tolerant: boolean) {
  return (args: readonly unknown[][], n: number, call: Call): unknown[] => {
    const t = typeOf(call.args[0]!);
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const c = args[0]![i];
      const k = args[1]![i];
      if (c == null || k == null) { out[i] = null; continue; }
      if (t instanceof MapType) { out[i] = mapGet(c as Map<unknown, unknown>, k, t.keyType); continue; }
      const arr = c as unknown[];
      const v = element(arr, k as number);
      if (v !== MISSING) { out[i] = v ?? null; continue; }
      if (tolerant) { out[i] = null; continue; }
      throw outOfBounds(k as number, arr.length);
    }
    return out;
  };
}

/** `col[i]` (0-based; out of bounds raises INVALID_ARRAY_INDEX under ANSI) and `col[key]`. */
for (const [name, tolerant] of [["get_item", false], ["get", true]] as const) {
  definitions.push({
    kind: "scalar", name, minArgs: 2, maxArgs: 2,
    resolve: lookupResolve(name, false),
    eval: lookupEval((arr, idx) => (idx < 0 || idx >= arr.length ? MISSING : arr[idx]), (idx, len) => arrayIndexError(idx, len, false), tolerant),
    ...(name === "get_item" ? { sql: (a: readonly string[]) => `${a[0]}[${a[1]}]` } : {}),
  });
}

/** 1-based, negative from the end; index 0 raises INVALID_INDEX_OF_ZERO (try_element_at: null). */
function elementAt(arr: unknown[], idx: number, tolerant: boolean): unknown {
  if (idx === 0) {
    if (tolerant) return MISSING;
    throw new PijarError("INVALID_INDEX_OF_ZERO", {}, {
      message: "The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).", exceptionType: "ArrayIndexOutOfBoundsException",
    });
  }
  const j = idx > 0 ? idx - 1 : arr.length + idx;
  return j < 0 || j >= arr.length ? MISSING : arr[j];
}

for (const [name, tolerant] of [["element_at", false], ["try_element_at", true]] as const) {
  definitions.push({
    kind: "scalar", name, minArgs: 2, maxArgs: 2,
    resolve: lookupResolve(name, true),
    eval: lookupEval((arr, idx) => elementAt(arr, idx, tolerant), (idx, len) => arrayIndexError(idx, len, true), tolerant),
  });
}

for (const name of ["size", "cardinality"]) {
  definitions.push({
    kind: "scalar", name, minArgs: 1, maxArgs: 1,
    resolve(args) {
      const t = typeOf(args[0]!);
      if (!(t instanceof ArrayType) && !(t instanceof MapType) && !isNull(t)) throw unexpectedType(callSql(name, args), 0, "(\"ARRAY\" or \"MAP\")", args[0]!);
      return { args, dataType: integerType };
    },
    eval: (args, n) => Array.from({ length: n }, (_, i) => {
      const v = args[0]![i];
      return v == null ? null : v instanceof Map ? v.size : (v as unknown[]).length;
    }),
  });
}
