/** lag, lead and nth_value over one sorted partition. */
import type { Expr } from "../../plan/expr/expr.js";
import { booleanType, integerType } from "../../types/data-types.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { castTo } from "../../plan/expr/cast-to.js";
import { PijarError } from "../../errors/pijar-error.js";
import { callSql, literalArg } from "../helpers.js";
import type { FunctionDef } from "../registry.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

function intLiteral(name: string, args: readonly Expr[], i: number, dflt: number): number {
  if (args.length <= i) return dflt;
  const v = literalArg(args, i);
  if (typeof v !== "number" || !Number.isInteger(v)) {
    throw new PijarError("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", {}, {
      message: `Cannot resolve "${callSql(name, args)}": the offset of ${name} must be an integer literal, e.g. F.${name}("x", 1).`,
    });
  }
  return v;
}

for (const [name, sign] of [["lag", -1], ["lead", 1]] as const) {
  definitions.push({
    kind: "window", name, minArgs: 1, maxArgs: 4,
    resolve(args) {
      const t = typeOf(args[0]!);
      const offset = intLiteral(name, args, 1, 1);
      const dflt = args[2] ? castTo(args[2], t) : { kind: "literal" as const, value: null, dataType: t };
      const ignoreNulls = args[3] ? literalArg(args, 3) === true : false;
      return {
        args: [args[0]!, { kind: "literal", value: offset, dataType: integerType }, dflt], dataType: t, nullable: true, state: { offset, ignoreNulls },
      };
    },
    evalPartition(args, n, _peers, call) {
      const { offset, ignoreNulls } = call.state as { offset: number; ignoreNulls: boolean };
      const x = args[0]!;
      const d = args[2]!;
      const out = new Array<unknown>(n);
      if (!ignoreNulls) {
        for (let i = 0; i < n; i++) {
          const j = i + sign * offset;
          out[i] = j >= 0 && j < n ? (x[j] ?? null) : (d[i] ?? null);
        }
        return out;
      }
      // ignoreNulls: count only non-null rows when stepping.
      for (let i = 0; i < n; i++) {
        let j = i;
        let left = offset;
        while (left > 0) {
          j += sign;
          if (j < 0 || j >= n) break;
          if (x[j] != null) left--;
        }
        out[i] = left === 0 && j >= 0 && j < n ? x[j] : (d[i] ?? null);
      }
      return out;
    },
    sql: (a) => `${name}(${a[0]}, ${a[1]}, ${a[2]})`,
  });
}

/**
 * nth_value(x, n[, ignoreNulls]) with the default frame (RANGE UNBOUNDED PRECEDING to CURRENT
 * ROW): the n-th row of the partition once the frame reaches it, null before.
 */
definitions.push({
  kind: "window", name: "nth_value", minArgs: 2, maxArgs: 3,
  resolve(args) {
    const k = intLiteral("nth_value", args, 1, 1);
    if (k <= 0) throw new PijarError("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", {}, { message: `Cannot resolve "${callSql("nth_value", args)}": n must be a positive integer literal.` });
    const ignoreNulls = args[2] ? literalArg(args, 2) === true : false;
    return { args: [args[0]!, args[1]!, { kind: "literal", value: ignoreNulls, dataType: booleanType }], dataType: typeOf(args[0]!), nullable: true, state: { k, ignoreNulls } };
  },
  evalPartition(args, n, peers, call) {
    const { k, ignoreNulls } = call.state as { k: number; ignoreNulls: boolean };
    const x = args[0]!;
    let target = -1;
    let seen = 0;
    for (let j = 0; j < n; j++) {
      if (ignoreNulls && x[j] == null) continue;
      if (++seen === k) { target = j; break; }
    }
    const out = new Array<unknown>(n).fill(null);
    if (target < 0) return out;
    // Frame end of row i = last row of its peer group.
    let end = n - 1;
    for (let i = n - 1; i >= 0; i--) {
      out[i] = end >= target ? x[target] : null;
      if (i === 0 || peers[i]) end = i - 1;
    }
    return out;
  },
  sql: (a) => `nth_value(${a[0]}, ${a[1]})`,
});
