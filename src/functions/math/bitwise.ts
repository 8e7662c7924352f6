/** Bitwise & | ^ ~ and shifts on integral types (BIGINT via BigInt to stay exact). */
import type { Expr } from "../../plan/expr/expr.js";
import { integerType, longType, type DataType } from "../../types/data-types.js";
import { isIntegral, isNull } from "../../types/type-utils.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { castTo } from "../../plan/expr/cast-to.js";
import { PijarError } from "../../errors/pijar-error.js";
import { exprName } from "../../plan/expr/sql-text.js";
import { callSql, expectType, map1, map2, unexpectedType } from "../helpers.js";
import type { FunctionDef } from "../registry.js";
import { canonLong } from "../../values/long.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

const BITS: Record<string, number> = { byte: 8, short: 16, integer: 32, long: 64 };

/** Wraps to the type's width; BIGINT results stay canonical longs (bigint beyond 2^53). */
function wrap(v: bigint, t: DataType): number | bigint {
  return canonLong(BigInt.asIntN(BITS[t.typeName()]!, v));
}

for (const [name, op, f] of [
  ["&", "&", (a: bigint, b: bigint) => a & b],
  ["|", "|", (a: bigint, b: bigint) => a | b],
  ["^", "^", (a: bigint, b: bigint) => a ^ b],
] as const) {
  definitions.push({
    kind: "scalar", name, minArgs: 2, maxArgs: 2,
    resolve(args) {
      const [l, r] = args as [Expr, Expr];
      const lt = typeOf(l);
      const rt = typeOf(r);
      const common = isNull(lt) ? rt : isNull(rt) ? lt : isIntegral(lt) && isIntegral(rt) ? (BITS[lt.typeName()]! >= BITS[rt.typeName()]! ? lt : rt) : null;
      if (!common || !isIntegral(common)) {
        throw new PijarError("DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES", {
          sqlExpr: `"(${exprName(l)} ${op} ${exprName(r)})"`, left: `"${lt.sql()}"`, right: `"${rt.sql()}"`,
        }, { message: `Cannot resolve "(${exprName(l)} ${op} ${exprName(r)})": bitwise operators need integral types (TINYINT, SMALLINT, INT, BIGINT), got ${lt.sql()} and ${rt.sql()}.` });
      }
      return { args: [castTo(l, common), castTo(r, common)], dataType: common };
    },
    eval: (args, n, call, ctx) => map2((a: number | bigint, b: number | bigint) => wrap(f(BigInt(a), BigInt(b)), call.dataType))(args, n, call, ctx),
    sql: (a) => `(${a[0]} ${op} ${a[1]})`,
  });
}

for (const name of ["~", "bitwise_not"]) {
  definitions.push({
    kind: "scalar", name, minArgs: 1, maxArgs: 1,
    resolve(args) {
      const t = typeOf(args[0]!);
      if (!isIntegral(t)) throw unexpectedType(callSql(name, args), 0, "\"INTEGRAL\"", args[0]!);
      return { args, dataType: t };
    },
    eval: (args, n, call, ctx) => map1((a: number | bigint) => wrap(~BigInt(a), call.dataType))(args, n, call, ctx),
    sql: (a) => `~${a[0]}`,
  });
}

// Each shift twice: by name (`shiftleft(2, 1)`) and as an operator (`2 << 1`, shown so).
for (const [name, op] of [
  ["shiftleft", "shiftleft"], ["shiftright", "shiftright"], ["shiftrightunsigned", "shiftrightunsigned"],
  ["<<", "shiftleft"], [">>", "shiftright"], [">>>", "shiftrightunsigned"],
] as const) {
  const isOperator = name !== op;
  definitions.push({
    kind: "scalar", name, minArgs: 2, maxArgs: 2,
    ...(isOperator ? { sql: (a: readonly string[]) => `(${a[0]} ${name} ${a[1]})` } : {}),
    resolve(args) {
      const t = typeOf(args[0]!);
      const base = t.typeName() === "long" ? longType : isIntegral(t) || isNull(t) ? integerType : null;
      if (!base) throw unexpectedType(callSql(name, args), 0, "(\"INT\" or \"BIGINT\")", args[0]!);
      return { args: [castTo(args[0]!, base), expectType(name, args, 1, integerType)], dataType: base };
    },
    eval(args, n, call, ctx) {
      const bits = BITS[call.dataType.typeName()]!;
      return map2((a: number | bigint, s: number) => {
        const k = BigInt(s & (bits - 1));
        const v = BigInt(a);
        if (op === "shiftleft") return canonLong(BigInt.asIntN(bits, v << k));
        if (op === "shiftright") return canonLong(v >> k);
        return canonLong(BigInt.asIntN(bits, BigInt.asUintN(bits, v) >> k));
      })(args, n, call, ctx);
    },
  });
}
