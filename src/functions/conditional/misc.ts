/**
 * Session and row metadata (monotonically_increasing_id, spark_partition_id, current_schema,
 * current_catalog, current_user, version, typeof), user errors (raise_error, assert_true)
 * and small numeric helpers (nullifzero, zeroifnull, width_bucket, factorial, bit_count,
 * getbit).
 */
import { canonLong } from "../../values/long.js";
import type { Call } from "../../plan/expr/expr.js";
import { byteType, doubleType, integerType, longType, nullType, stringType } from "../../types/data-types.js";
import { isAnsiInterval, isIntegral, isNumeric, isYearMonthInterval } from "../../types/type-utils.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { exprName } from "../../plan/expr/sql-text.js";
import { PijarError } from "../../errors/pijar-error.js";
import { callSql, expectType, map1, mapN, unexpectedType } from "../helpers.js";
import type { ScalarFunctionDef, FunctionDef } from "../registry.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

const counters = new WeakMap<Call, { next: number }>();

definitions.push({
  kind: "scalar", name: "monotonically_increasing_id", minArgs: 0, maxArgs: 0, deterministic: false,
  resolve: () => ({ args: [], dataType: longType, nullable: false }),
  eval(_a, n, call) {
    // One partition: ids are 0, 1, 2... in input order across batches.
    let c = counters.get(call);
    if (!c) counters.set(call, (c = { next: 0 }));
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) out[i] = c.next++;
    return out;
  },
});

function constant(name: string, value: (call: Call) => unknown, shown?: string): ScalarFunctionDef {
  return {
    kind: "scalar", name, minArgs: 0, maxArgs: 0,
    resolve: () => ({ args: [], dataType: name === "spark_partition_id" ? integerType : stringType, nullable: false }),
    eval: (_a, n, call) => new Array(n).fill(value(call)),
    ...(shown ? { sql: () => shown } : {}),
  };
}
definitions.push(constant("spark_partition_id", () => 0, "SPARK_PARTITION_ID()"));
definitions.push(constant("current_schema", () => "default"));
definitions.push(constant("current_database", () => "default", "current_schema()"));
definitions.push(constant("current_catalog", () => "spark_catalog"));
definitions.push(constant("version", () => "4.3.0 pijar"));
for (const name of ["current_user", "user", "session_user"]) definitions.push(constant(name, () => process.env["USER"] ?? "root"));

definitions.push({
  kind: "scalar", name: "typeof", minArgs: 1, maxArgs: 1,
  resolve: (args) => ({ args, dataType: stringType, nullable: false, state: typeOf(args[0]!).simpleString() }),
  eval: (_a, n, call) => new Array(n).fill(call.state),
});

function userError(message: string): PijarError {
  return new PijarError("USER_RAISED_EXCEPTION", { errorMessage: message }, { message, exceptionType: "SparkRuntimeException" });
}

definitions.push({
  kind: "scalar", name: "raise_error", minArgs: 1, maxArgs: 1, deterministic: false,
  resolve: (args) => ({ args: [expectType("raise_error", args, 0, stringType)], dataType: nullType }),
  eval(args, n) {
    for (let i = 0; i < n; i++) throw userError(String(args[0]![i] ?? "null"));
    return [];
  },
});

definitions.push({
  kind: "scalar", name: "assert_true", minArgs: 1, maxArgs: 2, deterministic: false,
  resolve: (args) => ({ args: args.length === 2 ? [args[0]!, expectType("assert_true", args, 1, stringType)] : [...args], dataType: nullType }),
  eval(args, n, call, ctx) {
    for (let i = 0; i < n; i++) {
      if (args[0]![i] !== true) throw userError(args[1] ? String(args[1][i]) : `'${exprName(call.args[0]!)}' is not true!`);
    }
    return new Array(n).fill(null);
  },
});

for (const [name, fromZero] of [["nullifzero", true], ["zeroifnull", false]] as const) {
  definitions.push({
    kind: "scalar", name, minArgs: 1, maxArgs: 1,
    resolve(args) {
      const t = typeOf(args[0]!);
      if (!isNumeric(t) && t.typeName() !== "void") throw unexpectedType(callSql(name, args), 0, "\"NUMERIC\"", args[0]!);
      return { args, dataType: t.typeName() === "void" ? integerType : t, nullable: fromZero };
    },
    eval: (args, n) => Array.from({ length: n }, (_, i) => {
      const v = args[0]![i];
      if (fromZero) return v === 0 || v === 0n ? null : (v ?? null);
      return v ?? (typeof v === "bigint" ? 0n : 0);
    }),
  });
}

definitions.push({
  kind: "scalar", name: "width_bucket", minArgs: 4, maxArgs: 4,
  resolve(args) {
    const types = args.slice(0, 3).map(typeOf);
    // Three intervals of one kind bucket by their months or microseconds (Spark's WidthBucket).
    if (types.some(isAnsiInterval)) {
      if (!types.every((t) => isAnsiInterval(t) && isYearMonthInterval(t) === isYearMonthInterval(types[0]!))) {
        throw new PijarError("DATATYPE_MISMATCH.DATA_DIFF_TYPES", { functionName: "`width_bucket`", dataType: `(${types.map((t) => `"${t.sql()}"`).join(" or ")})` }, {
          message: `Cannot resolve "${callSql("width_bucket", args)}" due to data type mismatch: Input to \`width_bucket\` should all be the same type, but it's (${types.map((t) => `"${t.sql()}"`).join(" or ")}).`,
        });
      }
      return { args: [...args.slice(0, 3), expectType("width_bucket", args, 3, longType)], dataType: longType };
    }
    return { args: [0, 1, 2].map((i) => expectType("width_bucket", args, i, doubleType)).concat(expectType("width_bucket", args, 3, longType)), dataType: longType };
  },
  eval: mapN(([value, low, high, k]: [number | bigint, number | bigint, number | bigint, number]) => {
    const [v, lo, hi] = [Number(value), Number(low), Number(high)];
    if (k <= 0 || lo === hi || !Number.isFinite(v) || !Number.isFinite(lo) || !Number.isFinite(hi)) return null;
    if (lo < hi) {
      if (v < lo) return 0;
      if (v >= hi) return k + 1;
      return Math.floor(((v - lo) * k) / (hi - lo)) + 1;
    }
    if (v > lo) return 0;
    if (v <= hi) return k + 1;
    return Math.floor(((lo - v) * k) / (lo - hi)) + 1;
  }),
});

definitions.push({
  kind: "scalar", name: "factorial", minArgs: 1, maxArgs: 1,
  resolve: (args) => ({ args: [expectType("factorial", args, 0, integerType)], dataType: longType }),
  eval: map1((k: number) => {
    if (k < 0 || k > 20) return null;
    let f = 1n;
    for (let j = 2n; j <= BigInt(k); j++) f *= j;
    return canonLong(f); // 20! is beyond 2^53: keep it exact
  }),
});

definitions.push({
  kind: "scalar", name: "bit_count", minArgs: 1, maxArgs: 1,
  resolve(args) {
    const t = typeOf(args[0]!);
    if (!isIntegral(t) && t.typeName() !== "boolean") throw unexpectedType(callSql("bit_count", args), 0, "(\"INTEGRAL\" or \"BOOLEAN\")", args[0]!);
    return { args, dataType: integerType, state: t.typeName() };
  },
  eval: (args, n, call, ctx) => map1((v: number | boolean) => {
    if (typeof v === "boolean") return v ? 1 : 0;
    const bits = { byte: 8, short: 16, integer: 32, long: 64 }[call.state as string] ?? 64;
    return [...BigInt.asUintN(bits, BigInt(v)).toString(2)].filter((c) => c === "1").length;
  })(args, n, call, ctx),
});

for (const name of ["getbit", "bit_get"]) {
  definitions.push({
    kind: "scalar", name, minArgs: 2, maxArgs: 2,
    resolve: (args) => ({ args: [expectType(name, args, 0, longType), expectType(name, args, 1, integerType)], dataType: byteType }),
    eval: mapN(([v, pos]: [number, number]) => {
      if (pos < 0 || pos > 63) {
        throw new PijarError("INVALID_PARAMETER_VALUE.BIT_POSITION_RANGE", {}, { message: `The value of parameter(s) \`pos\` in \`${name}\` is invalid: expects an integer value in [0, 64), but got ${pos}.` });
      }
      return Number((BigInt.asUintN(64, BigInt(v)) >> BigInt(pos)) & 1n);
    }),
  });
}
