/** Expands `*`, `t.*` and `struct.*` in select lists. */
import type { Attr, Expr, Star } from "../expr/expr.js";
import { alias, literal } from "../expr/expr.js";
import { stringType } from "../../types/data-types.js";
import { PijarError } from "../../errors/pijar-error.js";
import { StructType } from "../../types/data-types.js";

export function expandStar(star: Star, input: readonly Attr[]): Expr[] {
  if (!star.target) return [...input];
  const t = star.target.map((p) => p.toLowerCase());
  const byQualifier = input.filter((a) => {
    const q = a.qualifier.map((p) => p.toLowerCase());
    return q.length >= t.length && q.slice(q.length - t.length).every((p, i) => p === t[i]);
  });
  if (byQualifier.length) return byQualifier;
  // struct.* : one column per field
  if (t.length === 1) {
    const s = input.find((a) => a.name.toLowerCase() === t[0]);
    if (s && s.dataType instanceof StructType) {
      return s.dataType.fields.map((f) => alias({ kind: "unresolved_extract", child: s, key: literal(f.name, stringType) }, f.name));
    }
  }
  throw new PijarError("CANNOT_RESOLVE_STAR_EXPAND", {}, {
    message: `Cannot resolve ${star.target.join(".")}.* given input columns ${input.map((a) => "`" + a.name + "`").join(", ")}. Check the table or struct name.`,
  });
}
