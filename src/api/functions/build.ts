/** Shared helpers for the F namespace: how PySpark turns arguments into expressions. */
import type { Expr } from "../../plan/expr/expr.js";
import { call } from "../../plan/expr/expr.js";
import { Column, type ColumnOrName, type ColumnOrValue } from "../column.js";

/** A column argument: a Column or a column name. */
export const c = (x: ColumnOrName): Expr => Column.of(x).expr;
/** A literal argument: a JS value, or a Column passed through. */
export const l = (x: ColumnOrValue): Expr => Column.lit(x).expr;
/** A call of the SQL function `name`. */
export const fn = (name: string, ...args: Expr[]): Column => new Column(call(name, args));
/** A DISTINCT aggregate call. */
export const fnDistinct = (name: string, ...args: Expr[]): Column => new Column(call(name, args, true));

export { Column };
export type { ColumnOrName, ColumnOrValue };
