/**
 * ceil(x, scale) and floor(x, scale) (Spark 3.3+): round up/down to `scale` decimal places
 * (negative: to tens, hundreds...) and return a DECIMAL. The one-argument forms stay the
 * definitions of round.ts (`oneArgCeilFloor`, not registered themselves); this module wraps them.
 * Result type for an input DECIMAL(p, s): DECIMAL(p - s + scale + 1, scale) when scale >= 0,
 * else DECIMAL(max(p - s + 1, 1 - scale), 0); integral inputs count as DECIMAL(digits, 0).
 */
import type { Expr } from "../../plan/expr/expr.js";
import { DecimalType, type DataType } from "../../types/data-types.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { castTo } from "../../plan/expr/cast-to.js";
import { PijarError } from "../../errors/pijar-error.js";
import { callSql, literalArg } from "../helpers.js";
import type { ScalarFunctionDef, FunctionDef } from "../registry.js";
import { oneArgCeilFloor } from "./round.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

const INTEGRAL_DIGITS: Record<string, number> = { tinyint: 3, smallint: 5, int: 10, bigint: 20 };

function inputDecimal(t: DataType): DecimalType | null {
  if (t instanceof DecimalType) return t;
  const d = INTEGRAL_DIGITS[t.simpleString()];
  return d ? new DecimalType(d, 0) : null;
}

/** An integer literal, or the negation of one (`-3` arrives as a call); else undefined. */
function intConstant(e: Expr): number | undefined {
  const t = typeOf(e).simpleString();
  if (!["int", "tinyint", "smallint", "bigint"].includes(t)) return undefined;
  const v = literalArg([e], 0);
  if (typeof v === "number") return v;
  if (e.kind === "call" && ["negative", "-"].includes(e.fn.name) && e.args.length === 1) {
    const inner = intConstant(e.args[0]!);
    return inner === undefined ? undefined : -inner;
  }
  return undefined;
}

function withScale(name: string, one: ScalarFunctionDef, up: boolean): ScalarFunctionDef {
  return {
    ...one, maxArgs: 2,
    resolve(args, ctx) {
      if (args.length === 1) return one.resolve(args, ctx);
      const scale = intConstant(args[1]!);
      if (scale === undefined) {
        throw new PijarError("NON_FOLDABLE_ARGUMENT", { funcName: `\`${name}\``, paramName: "`scale`", paramType: "\"INT\"" }, {
          message: `The function \`${name}\` requires the parameter \`scale\` to be a foldable expression of the type "INT" in ${callSql(name, args)}, e.g. ${name}(x, 2).`,
        });
      }
      const inT = inputDecimal(typeOf(args[0]!));
      if (!inT) return one.resolve([args[0]!], ctx);
      const out = scale >= 0
        ? new DecimalType(Math.min(38, inT.precision - inT.scale + scale + 1), scale)
        : new DecimalType(Math.min(38, Math.max(inT.precision - inT.scale + 1, 1 - scale)), 0);
      const x: Expr = typeOf(args[0]!) instanceof DecimalType ? args[0]! : castTo(args[0]!, inT);
      return { args: [x, args[1]!], dataType: out, nullable: true, state: { from: inT.scale, scale } };
    },
    eval(args, n, call, ctx) {
      if (call.args.length === 1) return one.eval(args, n, call, ctx);
      const { from, scale } = call.state as { from: number; scale: number };
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        const v = args[0]![i] as bigint | null;
        if (v == null) { out[i] = null; continue; }
        const drop = from - scale;
        if (drop <= 0) { out[i] = v * 10n ** BigInt(-drop); continue; }
        const unit = 10n ** BigInt(drop);
        let q = v / unit;
        const r = v % unit;
        if (r !== 0n && (up ? v > 0n : v < 0n)) q += up ? 1n : -1n;
        out[i] = scale >= 0 ? q : q * 10n ** BigInt(-scale);
      }
      return out;
    },
  };
}

for (const [name, up] of [["ceil", true], ["ceiling", true], ["floor", false]] as const) {
  definitions.push(withScale(name, oneArgCeilFloor.find((d) => d.name === name)!, up));
}
