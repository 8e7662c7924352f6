/** The few functions the API layer itself needs, without depending on the F module. */
import { Column } from "./column.js";
import { call } from "../plan/expr/expr.js";

export const F_lit = (v: unknown): Column => Column.lit(v);
export const F_coalesce = (...cols: Column[]): Column => new Column(call("coalesce", cols.map((c) => c.expr)));
export const F_call = (name: string, ...cols: Column[]): Column => new Column(call(name, cols.map((c) => c.expr)));
