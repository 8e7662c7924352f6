/**
 * rand / randn: seeded pseudo-random doubles, never constant-folded. The sequence is Pijar's
 * own (a per-call xorshift stream), so values differ from Spark's even with the same seed;
 * what matches is the contract: uniform in [0, 1) / standard normal, repeatable for a seed
 * within one query.
 */
import type { Call } from "../../plan/expr/expr.js";
import { doubleType, longType } from "../../types/data-types.js";
import { isIntegral, isNull } from "../../types/type-utils.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { castTo } from "../../plan/expr/cast-to.js";
import { callSql, literalArg, unexpectedType } from "../helpers.js";
import type { FunctionDef } from "../registry.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

/** xorshift64* over BigInt-free 32-bit halves (fast, good enough for sampling). */
class Rng {
  private a: number;
  private b: number;
  constructor(seed: number) {
    this.a = (seed ^ 0x9e3779b9) >>> 0 || 1;
    this.b = (Math.floor(seed / 4294967296) ^ 0x85ebca6b) >>> 0 || 2;
    for (let i = 0; i < 8; i++) this.next();
  }
  next(): number {
    // xorshift128 on two 32-bit words, combined into a 53-bit fraction.
    let t = this.a;
    const s = this.b;
    this.a = s;
    t ^= t << 23;
    t ^= t >>> 17;
    t ^= s ^ (s >>> 26);
    this.b = t >>> 0;
    const hi = (this.a >>> 5) * 67108864;
    const lo = (this.b + s) >>> 6;
    return (hi + (lo & 0x3ffffff)) / 9007199254740992;
  }
  gaussian(): number {
    let u = 0;
    while (u === 0) u = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
}

// One stream per resolved call: batches of the same query continue the sequence.
const streams = new WeakMap<Call, Rng>();

for (const [name, gaussian] of [["rand", false], ["random", false], ["randn", true]] as const) {
  definitions.push({
    kind: "scalar", name, minArgs: 0, maxArgs: 1, deterministic: false,
    resolve(args) {
      if (args.length === 0) {
        // Spark picks a random seed and shows it in the column name.
        const seed = Math.floor(Math.random() * 2 ** 53) - 2 ** 52;
        return { args: [{ kind: "literal", value: seed, dataType: longType }], dataType: doubleType, nullable: false };
      }
      const t = typeOf(args[0]!);
      const seed = literalArg(args, 0);
      if (!(isIntegral(t) || isNull(t)) || (seed !== null && typeof seed !== "number")) {
        throw unexpectedType(callSql(name, args), 0, "(\"INT\" or \"BIGINT\")", args[0]!);
      }
      return { args: [castTo(args[0]!, longType)], dataType: doubleType, nullable: false };
    },
    eval(args, n, call) {
      let rng = streams.get(call);
      if (!rng) {
        rng = new Rng(Number(args[0]?.[0] ?? 0));
        streams.set(call, rng);
      }
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) out[i] = gaussian ? rng.gaussian() : rng.next();
      return out;
    },
  });
}
