/**
 * User-defined functions: a JS function applied row by row, as PySpark's Python UDFs. Each UDF
 * gets its own registry entry under a private key; its column name is `name(args)` (or
 * `<lambda>(args)` for an anonymous function, as PySpark names lambdas). Arguments arrive as
 * plain JS values (DATE and TIMESTAMP as Date, DECIMAL as Decimal, null as null); the result
 * is converted to the declared return type, and a value that does not convert becomes null.
 */
import type { DataType } from "../types/data-types.js";
import { ArrayType, DateType, DecimalType, MapType, StructType, TimestampNTZType, TimestampType } from "../types/data-types.js";
import { typeOf } from "../plan/expr/type-of.js";
import { typedValue } from "../values/js-value.js";
import { Decimal } from "../values/decimal-value.js";
import { castValue } from "./cast/cast-value.js";
import { register, type FunctionContext, type ScalarFunctionDef } from "./registry.js";

/** Internal value -> what user code sees. */
export function toUserValue(v: unknown, t: DataType): unknown {
  if (v == null) return null;
  if (t instanceof DateType) return new Date((v as number) * 86_400_000);
  if (t instanceof TimestampType || t instanceof TimestampNTZType) return new Date(Math.floor((v as number) / 1000));
  if (t instanceof DecimalType) return new Decimal(v as bigint, t.scale, t.precision);
  if (t instanceof ArrayType) return (v as unknown[]).map((e) => toUserValue(e, t.elementType));
  if (t instanceof MapType) return new Map([...(v as Map<unknown, unknown>)].map(([k, x]) => [toUserValue(k, t.keyType), toUserValue(x, t.valueType)]));
  if (t instanceof StructType) return Object.fromEntries(t.fields.map((f, i) => [f.name, toUserValue((v as unknown[])[i], f.dataType)]));
  return v;
}

/** What user code returned -> internal value of type t (null when it does not fit). */
export function fromUserValue(v: unknown, t: DataType, ctx: FunctionContext): unknown {
  if (v == null) return null;
  if (t instanceof ArrayType) return Array.isArray(v) ? v.map((e) => fromUserValue(e, t.elementType, ctx)) : null;
  if (t instanceof StructType) {
    if (Array.isArray(v)) return t.fields.map((f, i) => fromUserValue(v[i], f.dataType, ctx));
    if (typeof v === "object") return t.fields.map((f) => fromUserValue((v as Record<string, unknown>)[f.name], f.dataType, ctx));
    return null;
  }
  if (t instanceof MapType) {
    const entries = v instanceof Map ? [...v] : typeof v === "object" ? Object.entries(v as object) : null;
    return entries ? new Map(entries.map(([k, x]) => [fromUserValue(k, t.keyType, ctx), fromUserValue(x, t.valueType, ctx)])) : null;
  }
  if (t instanceof DateType && v instanceof Date) return Math.floor(v.getTime() / 86_400_000);
  try {
    const { value, dataType } = typedValue(v);
    return castValue(value, dataType, t, ctx);
  } catch {
    return null;
  }
}

let nextUdf = 1;

/** Registers a UDF and returns the registry key to call it by. */
export function registerUdf(f: (...args: any[]) => unknown, returnType: DataType, name?: string, deterministic = true): string {
  const key = `#udf${nextUdf++}`;
  const shown = name ?? (f.name || "<lambda>");
  const def: ScalarFunctionDef = {
    kind: "scalar", name: key, minArgs: 0, maxArgs: Infinity, deterministic,
    resolve: (args) => ({ args, dataType: returnType, nullable: true }),
    eval(args, n, call, ctx) {
      const types = call.args.map(typeOf);
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        const vals = args.map((a, j) => toUserValue(a[i], types[j]!));
        out[i] = fromUserValue(f(...vals), returnType, ctx);
      }
      return out;
    },
    sql: (a) => `${shown}(${a.join(", ")})`,
  };
  register(def);
  return key;
}
