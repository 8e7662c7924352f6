/**
 * CSV functions on one record: from_csv(text, schema[, options]) parses a line into a struct
 * (PERMISSIVE: a field that does not read as its type is NULL), schema_of_csv(text[, options])
 * infers the struct type of a line as Spark's CSV inference does (INT, BIGINT, DOUBLE, BOOLEAN,
 * else STRING; fields named _c0, _c1...). Options come as a map of string literals:
 * sep/delimiter, quote, timestampFormat, dateFormat.
 */
import { DataType, StructField, StructType, booleanType, doubleType, integerType, longType, stringType } from "../../types/data-types.js";
import { parseSchema } from "../../types/ddl.js";
import { PijarError } from "../../errors/pijar-error.js";
import { castColumn } from "../cast/cast-value.js";
import { compilePattern } from "../../values/datetime-pattern.js";
import { callSql, expectType, literalArg, optionsArg } from "../helpers.js";
import type { FunctionContext, FunctionDef } from "../registry.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

type Options = Record<string, string>;

/** Splits one CSV line; quoted fields may hold the separator, a doubled quote is a quote. */
export function splitCsvLine(line: string, opts: Options): string[] {
  const sep = opts["sep"] ?? opts["delimiter"] ?? ",";
  const quote = opts["quote"] ?? "\"";
  const out: string[] = [];
  let cur = "";
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (inQuotes) {
      if (c === quote && line[i + 1] === quote) { cur += quote; i++; } else if (c === quote) inQuotes = false;
      else cur += c;
    } else if (c === quote && cur === "") inQuotes = true;
    else if (line.startsWith(sep, i)) { out.push(cur); cur = ""; i += sep.length - 1; } else cur += c;
  }
  out.push(cur);
  return out;
}

function readField(text: string | undefined, t: DataType, opts: Options, ctx: FunctionContext): unknown {
  if (text === undefined || text === "") return t.typeName() === "string" && text === "" ? "" : null;
  const name = t.typeName();
  if ((name === "timestamp" || name === "timestamp_ntz") && opts["timestampformat"]) {
    const p = compilePattern(opts["timestampformat"]);
    return name === "timestamp" ? p.parseTimestamp(text, ctx.timeZone) : p.parseTimestampNTZ(text);
  }
  if (name === "date" && opts["dateformat"]) return compilePattern(opts["dateformat"]).parseDate(text);
  return castColumn([text], stringType, t, "try", ctx)[0] ?? null;
}

definitions.push({
  kind: "scalar", name: "from_csv", minArgs: 2, maxArgs: 3,
  resolve(args) {
    const schemaText = literalArg(args, 1);
    if (typeof schemaText !== "string") {
      throw new PijarError("INVALID_SCHEMA.NON_STRING_LITERAL", { inputSchema: `"${callSql("from_csv", args)}"` }, { message: `The schema of from_csv must be a literal string such as 'a INT, b STRING', got "${callSql("from_csv", args)}".` });
    }
    const schema = parseSchema(schemaText);
    const opts = optionsArg("from_csv", args, 2);
    return { args: [expectType("from_csv", args, 0, stringType), args[1]!], dataType: schema, nullable: true, state: { schema, opts } };
  },
  eval(args, n, call, ctx) {
    const { schema, opts } = call.state as { schema: StructType; opts: Options };
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const line = args[0]![i] as string | null;
      if (line == null) { out[i] = null; continue; }
      const fields = splitCsvLine(line, opts);
      out[i] = schema.fields.map((f, j) => readField(fields[j], f.dataType, opts, ctx));
    }
    return out;
  },
  sql: (a) => `from_csv(${a[0]})`,
});

/** Spark's CSV type inference for one field. */
function inferField(text: string): DataType {
  const s = text.trim();
  if (/^[+-]?\d+$/.test(s)) {
    const v = Number(s);
    return v >= -2147483648 && v <= 2147483647 ? integerType : longType;
  }
  if (s !== "" && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return doubleType;
  if (/^(true|false)$/i.test(s)) return booleanType;
  return stringType;
}

definitions.push({
  kind: "scalar", name: "schema_of_csv", minArgs: 1, maxArgs: 2,
  resolve(args) {
    const text = literalArg(args, 0);
    if (typeof text !== "string") {
      throw new PijarError("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", {}, { message: `Cannot resolve "${callSql("schema_of_csv", args)}": the input csv should be a foldable STRING expression, e.g. '1,abc'.` });
    }
    const opts = optionsArg("schema_of_csv", args, 1);
    const type = new StructType(splitCsvLine(text, opts).map((f, i) => new StructField(`_c${i}`, inferField(f), true)));
    return { args: [args[0]!], dataType: stringType, nullable: false, state: type.sql() };
  },
  eval: (_a, n, call) => new Array(n).fill(call.state),
});
