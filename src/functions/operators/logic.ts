/** AND, OR, NOT with SQL's three-valued logic. */
import { booleanType } from "../../types/data-types.js";
import { expectType } from "../helpers.js";
import type { FunctionDef } from "../registry.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

definitions.push({
  kind: "scalar", name: "and", minArgs: 2, maxArgs: 2,
  resolve: (args) => ({ args: [expectType("and", args, 0, booleanType), expectType("and", args, 1, booleanType)], dataType: booleanType }),
  eval(args, n) {
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const x = args[0]![i];
      const y = args[1]![i];
      out[i] = x === false || y === false ? false : x == null || y == null ? null : true;
    }
    return out;
  },
  sql: (a) => `(${a[0]} AND ${a[1]})`,
});

definitions.push({
  kind: "scalar", name: "or", minArgs: 2, maxArgs: 2,
  resolve: (args) => ({ args: [expectType("or", args, 0, booleanType), expectType("or", args, 1, booleanType)], dataType: booleanType }),
  eval(args, n) {
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const x = args[0]![i];
      const y = args[1]![i];
      out[i] = x === true || y === true ? true : x == null || y == null ? null : false;
    }
    return out;
  },
  sql: (a) => `(${a[0]} OR ${a[1]})`,
});

definitions.push({
  kind: "scalar", name: "not", aliases: ["!"], minArgs: 1, maxArgs: 1,
  resolve: (args) => ({ args: [expectType("not", args, 0, booleanType)], dataType: booleanType }),
  eval(args, n) {
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const x = args[0]![i];
      out[i] = x == null ? null : !x;
    }
    return out;
  },
  sql: (a) => `(NOT ${a[0]})`,
});
