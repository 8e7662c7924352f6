/**
 * grouping(col) and grouping_id([cols]) of GROUP BY ... GROUPING SETS / ROLLUP / CUBE. They are
 * answered by the hash aggregate (which knows each output row's grouping set and binds these
 * calls to its per-set columns), so evaluating one anywhere else means it sits outside an
 * aggregation: Spark's UNSUPPORTED_GROUPING_EXPRESSION.
 */
import { byteType, longType } from "../../types/data-types.js";
import { PijarError } from "../../errors/pijar-error.js";
import type { FunctionDef } from "../registry.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

function outsideGroupBy(): never {
  throw new PijarError("UNSUPPORTED_GROUPING_EXPRESSION", {}, {
    message: "grouping()/grouping_id() can only be used with GroupingSets/Cube/Rollup. Add GROUP BY ... GROUPING SETS, ROLLUP or CUBE.",
  });
}

definitions.push({
  kind: "scalar", name: "grouping", minArgs: 1, maxArgs: 1,
  resolve: (args) => ({ args, dataType: byteType, nullable: false }),
  eval: () => outsideGroupBy(),
});

definitions.push({
  kind: "scalar", name: "grouping_id", minArgs: 0, maxArgs: Infinity,
  resolve: (args) => ({ args, dataType: longType, nullable: false }),
  eval: () => outsideGroupBy(),
  sql: (args) => `grouping_id(${args.join(", ")})`,
});
