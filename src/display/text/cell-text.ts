/** How show() prints one value (Spark 4's ToPrettyString): NULL, [1, 2], {a, 1}, {k -> v}. */
import { ArrayType, BinaryType, DataType, MapType, StructType } from "../../types/data-types.js";
import { valueToString } from "../../functions/cast/cast-value.js";
import type { FunctionContext } from "../../functions/registry.js";

export function cellText(v: unknown, t: DataType, ctx: FunctionContext): string {
  if (v === null || v === undefined) return "NULL";
  if (t instanceof BinaryType) return "[" + Array.from(v as Uint8Array, (b) => b.toString(16).toUpperCase().padStart(2, "0")).join(" ") + "]";
  if (t instanceof ArrayType) return "[" + (v as unknown[]).map((e) => cellText(e, t.elementType, ctx)).join(", ") + "]";
  if (t instanceof StructType) return "{" + (v as unknown[]).map((e, i) => cellText(e, t.fields[i]!.dataType, ctx)).join(", ") + "}";
  if (t instanceof MapType) {
    return "{" + [...(v as Map<unknown, unknown>)].map(([k, x]) => `${cellText(k, t.keyType, ctx)} -> ${cellText(x, t.valueType, ctx)}`).join(", ") + "}";
  }
  return valueToString(v, t, ctx);
}
