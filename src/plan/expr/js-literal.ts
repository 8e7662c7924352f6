/** A JS value as a literal expression (`F.lit`, SQL parameter markers), typed as PySpark types it. */
import type { Literal } from "./expr.js";
import { typedValue } from "../../values/js-value.js";

export function literalExpr(v: unknown): Literal {
  const { value, dataType } = typedValue(v);
  return { kind: "literal", value, dataType };
}
