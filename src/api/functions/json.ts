/** JSON functions of the F namespace. */
import { DataType } from "../../types/data-types.js";
import { c, fn, l, Column, type ColumnOrName } from "./build.js";

/** Extracts by JSON path as text. `F.get_json_object("payload", "$.user.id")` */
export function get_json_object(x: ColumnOrName, path: string): Column { return fn("get_json_object", c(x), l(path)); }
/** One column per field name (generator, in select). `F.json_tuple("payload", "a", "b")` */
export function json_tuple(x: ColumnOrName, ...fields: string[]): Column { return fn("json_tuple", c(x), ...fields.map(l)); }
/** Parses JSON text with a schema (DDL string or DataType); unreadable input gives nulls. `F.from_json("payload", "id INT, tags ARRAY<STRING>")` */
export function from_json(x: ColumnOrName, schema: DataType | string | Column, options?: Record<string, string>): Column {
  const s = schema instanceof DataType ? l(schema.simpleString()) : schema instanceof Column ? schema.expr : l(schema);
  return options ? fn("from_json", c(x), s, optionsMap(options)) : fn("from_json", c(x), s);
}
/** A struct, map or array as JSON text. `F.to_json(F.struct("id", "name"))` */
export function to_json(x: ColumnOrName, options?: Record<string, string>): Column {
  return options ? fn("to_json", c(x), optionsMap(options)) : fn("to_json", c(x));
}

/** Options as the SQL functions take them: map('timestampFormat', 'dd/MM/yyyy', ...). */
function optionsMap(options: Record<string, string>) {
  return fn("map", ...Object.entries(options).flatMap(([k, v]) => [l(k), l(v)])).expr;
}
/** The DDL schema Spark infers for a JSON literal. `F.schema_of_json(F.lit('{"a": 1}'))` */
export function schema_of_json(json: string | Column): Column { return fn("schema_of_json", l(json)); }
/** Length of a JSON array. `F.json_array_length("arr")` */
export function json_array_length(x: ColumnOrName): Column { return fn("json_array_length", c(x)); }
/** Keys of a JSON object. `F.json_object_keys("obj")` */
export function json_object_keys(x: ColumnOrName): Column { return fn("json_object_keys", c(x)); }
