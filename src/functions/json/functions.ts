/**
 * JSON functions: get_json_object, json_array_length, json_object_keys, to_json, from_json
 * (PERMISSIVE: unreadable input gives nulls, never an error) and schema_of_json.
 */
import { parseLong } from "../../values/long.js";
import { ArrayType, BinaryType, BooleanType, DataType, DateType, DecimalType, MapType, StructField, StructType, TimestampNTZType, TimestampType, booleanType, doubleType, integerType, longType, stringType } from "../../types/data-types.js";
import { isFractional, isIntegral } from "../../types/type-utils.js";
import { parseDataType, parseSchema } from "../../types/ddl.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { PijarError } from "../../errors/pijar-error.js";
import { javaDoubleString } from "../../values/java-number-text.js";
import { formatDecimal, parseDecimal, fitsPrecision } from "../../values/decimal.js";
import { formatDate, localFields, parseDate, parseTimestamp } from "../../values/datetime.js";
import { callSql, expectType, fixedSignature, literalArg, map1, map2, optionsArg, unexpectedType } from "../helpers.js";
import { compilePattern, type DateTimePattern } from "../../values/datetime-pattern.js";
import type { Expr } from "../../plan/expr/expr.js";
import type { FunctionContext, FunctionDef } from "../registry.js";
import { JsonNumber, evalJsonPath, parseJson, parseJsonPath, writeJson, type JsonReadOptions, type JsonValue } from "./json-value.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

definitions.push({
  kind: "scalar", name: "get_json_object", minArgs: 2, maxArgs: 2,
  resolve: fixedSignature("get_json_object", [stringType, stringType], stringType),
  eval: map2((json: string, path: string) => {
    const steps = parseJsonPath(path);
    const doc = steps ? parseJson(json) : undefined;
    if (!steps || doc === undefined) return null;
    const v = evalJsonPath(doc, steps);
    if (v === undefined || v === null) return null;
    return typeof v === "string" ? v : writeJson(v, javaDoubleString);
  }),
});

definitions.push({
  kind: "scalar", name: "json_array_length", minArgs: 1, maxArgs: 1,
  resolve: fixedSignature("json_array_length", [stringType], integerType),
  eval: map1((json: string) => {
    const v = parseJson(json);
    return Array.isArray(v) ? v.length : null;
  }),
});

definitions.push({
  kind: "scalar", name: "json_object_keys", minArgs: 1, maxArgs: 1,
  resolve: fixedSignature("json_object_keys", [stringType], new ArrayType(stringType, true)),
  eval: map1((json: string) => {
    const v = parseJson(json);
    return v instanceof Map ? [...v.keys()] : null;
  }),
});

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** Spark's JSON timestamp text: yyyy-MM-dd'T'HH:mm:ss.SSSXXX in the session zone. */
function jsonTimestamp(micros: number, tz: string): string {
  const f = localFields(micros, tz);
  const off = f.offsetMinutes;
  const zone = off === 0 ? "Z" : `${off < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  return `${pad(f.y, 4)}-${pad(f.m)}-${pad(f.d)}T${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}.${pad(Math.floor(f.micros / 1000), 3)}${zone}`;
}

/** Writes an internal value of type t as JSON (null struct fields are left out, as Spark). */
export function toJsonText(v: unknown, t: DataType, ctx: FunctionContext, opts: JsonOptions = {}): string {
  if (v == null) return "null";
  if (t instanceof StructType) {
    const parts: string[] = [];
    t.fields.forEach((f, i) => {
      const x = (v as unknown[])[i];
      if (x != null) parts.push(JSON.stringify(f.name) + ":" + toJsonText(x, f.dataType, ctx, opts));
    });
    return "{" + parts.join(",") + "}";
  }
  if (t instanceof MapType) {
    return "{" + [...(v as Map<unknown, unknown>)].map(([k, x]) => JSON.stringify(typeof k === "string" ? k : toJsonText(k, t.keyType, ctx, opts)) + ":" + toJsonText(x, t.valueType, ctx, opts)).join(",") + "}";
  }
  if (t instanceof ArrayType) return "[" + (v as unknown[]).map((x) => toJsonText(x, t.elementType, ctx, opts)).join(",") + "]";
  if (t instanceof DecimalType) return formatDecimal(v as bigint, t.scale);
  if (isFractional(t)) return Number.isFinite(v as number) ? javaDoubleString(v as number) : JSON.stringify(String(v));
  if (isIntegral(t) || t instanceof BooleanType) return String(v);
  if (t instanceof DateType) return JSON.stringify(opts.dateFormat ? opts.dateFormat.formatDate(v as number) : formatDate(v as number));
  if (t instanceof TimestampType) return JSON.stringify(opts.timestampFormat ? opts.timestampFormat.formatTimestamp(v as number, ctx.timeZone) : jsonTimestamp(v as number, ctx.timeZone));
  if (t instanceof TimestampNTZType) return JSON.stringify(opts.timestampFormat ? opts.timestampFormat.formatTimestamp(v as number, "UTC") : jsonTimestamp(v as number, "UTC").replace(/Z$/, ""));
  if (t instanceof BinaryType) return JSON.stringify(Buffer.from(v as Uint8Array).toString("base64"));
  return JSON.stringify(String(v));
}

definitions.push({
  kind: "scalar", name: "to_json", minArgs: 1, maxArgs: 2,
  resolve(args) {
    const t = typeOf(args[0]!);
    if (!(t instanceof StructType || t instanceof MapType || t instanceof ArrayType)) throw unexpectedType(callSql("to_json", args), 0, "(\"STRUCT\" or \"MAP\" or \"ARRAY\")", args[0]!);
    // Always nullable, as Spark's StructsToJson.
    return { args: [args[0]!], dataType: stringType, nullable: true, state: jsonOptions("to_json", args, 1) };
  },
  eval: (args, n, call, ctx) => map1((v: unknown) => toJsonText(v, typeOf(call.args[0]!), ctx, call.state as JsonOptions))(args, n, call, ctx),
});

/** The options from_json and to_json read; others are accepted and ignored, as Spark ignores unknown ones. */
interface JsonOptions extends JsonReadOptions {
  readonly timestampFormat?: DateTimePattern;
  readonly dateFormat?: DateTimePattern;
}

function jsonOptions(name: string, args: readonly Expr[], i: number): JsonOptions {
  const o = optionsArg(name, args, i);
  return {
    ...(o["timestampformat"] ? { timestampFormat: compilePattern(o["timestampformat"]) } : {}),
    ...(o["dateformat"] ? { dateFormat: compilePattern(o["dateformat"]) } : {}),
    ...(o["allownumericleadingzeros"]?.toLowerCase() === "true" ? { allowNumericLeadingZeros: true } : {}),
  };
}

/** Converts a parsed JSON value to type t; null when it does not fit (PERMISSIVE mode). */
function fromJsonValue(v: JsonValue | undefined, t: DataType, ctx: FunctionContext, opts: JsonOptions = {}): unknown {
  if (v === undefined || v === null) return null;
  if (t instanceof StructType) {
    if (!(v instanceof Map)) return null;
    return t.fields.map((f) => fromJsonValue(v.get(f.name), f.dataType, ctx, opts));
  }
  if (t instanceof ArrayType) return Array.isArray(v) ? v.map((e) => fromJsonValue(e, t.elementType, ctx, opts)) : null;
  if (t instanceof MapType) {
    if (!(v instanceof Map)) return null;
    return new Map([...v].map(([k, e]) => [k, fromJsonValue(e, t.valueType, ctx, opts)]));
  }
  if (isIntegral(t)) {
    if (!(v instanceof JsonNumber) || !v.isIntegral) return null;
    // Exact 64-bit parse (a canonical long, bigint beyond 2^53); null when out of range.
    const x = parseLong(v.text);
    if (x === null || t.typeName() === "long") return x;
    const lim = { byte: 128, short: 32768, integer: 2147483648 }[t.typeName()]!;
    return typeof x === "number" && x >= -lim && x < lim ? x : null;
  }
  if (isFractional(t)) {
    if (v instanceof JsonNumber) return t.typeName() === "float" ? Math.fround(Number(v.text)) : Number(v.text);
    if (typeof v === "string" && /^(NaN|[+-]?Infinity)$/.test(v)) return Number(v);
    return null;
  }
  if (t instanceof DecimalType) {
    if (!(v instanceof JsonNumber)) return null;
    const d = parseDecimal(v.text, t.scale);
    return d !== null && fitsPrecision(d, t.precision) ? d : null;
  }
  if (t instanceof BooleanType) return typeof v === "boolean" ? v : null;
  if (t instanceof DateType) return typeof v === "string" ? (opts.dateFormat ? opts.dateFormat.parseDate(v) : parseDate(v)) : null;
  if (t instanceof TimestampType || t instanceof TimestampNTZType) {
    if (typeof v !== "string") return null;
    const f = opts.timestampFormat;
    if (t instanceof TimestampNTZType) return f ? f.parseTimestampNTZ(v) : parseTimestamp(v, "UTC");
    return f ? f.parseTimestamp(v, ctx.timeZone) : parseTimestamp(v, ctx.timeZone);
  }
  // STRING: strings as they are, anything else as its JSON text.
  return typeof v === "string" ? v : writeJson(v, javaDoubleString);
}

/** A schema given as a DDL string ("a INT, b STRING", "ARRAY<INT>") or a DataType's JSON. */
function schemaOf(text: string): DataType {
  try {
    return /^\s*(array|map|struct)\s*</i.test(text) ? parseDataType(text) : parseSchema(text);
  } catch (e) {
    throw new PijarError("PARSE_DATATYPE_ERROR", { dataType: text }, { message: `Cannot parse the schema '${text}' of from_json: give a DDL string such as "a INT, b STRING" or a StructType.`, cause: e });
  }
}

definitions.push({
  kind: "scalar", name: "from_json", minArgs: 2, maxArgs: 3,
  resolve(args) {
    const schemaText = literalArg(args, 1);
    if (typeof schemaText !== "string") {
      throw new PijarError("INVALID_SCHEMA.NON_STRING_LITERAL", {}, { message: `The schema of from_json must be a literal string or a StructType, got "${callSql("from_json", args)}".` });
    }
    const schema = schemaOf(schemaText);
    return { args: [expectType("from_json", args, 0, stringType), args[1]!], dataType: schema, nullable: true, state: { schema, opts: jsonOptions("from_json", args, 2) } };
  },
  eval(args, n, call, ctx) {
    const { schema, opts } = call.state as { schema: DataType; opts: JsonOptions };
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const text = args[0]![i] as string | null;
      if (text == null) { out[i] = null; continue; }
      const doc = parseJson(text, opts);
      // An unreadable record becomes a struct of nulls (PERMISSIVE), other types null.
      out[i] = doc === undefined && schema instanceof StructType ? schema.fields.map(() => null) : fromJsonValue(doc, schema, ctx, opts);
    }
    return out;
  },
  sql: (a) => `from_json(${a[0]})`,
});

/** Spark's JSON schema inference for one document. */
function inferType(v: JsonValue): DataType {
  if (v === null || typeof v === "string") return stringType;
  if (typeof v === "boolean") return booleanType;
  if (v instanceof JsonNumber) return v.isIntegral ? longType : doubleType;
  if (Array.isArray(v)) {
    const elems = v.filter((e) => e !== null).map(inferType);
    const first = elems[0] ?? stringType;
    const same = elems.every((e) => e.equals(first));
    return new ArrayType(same ? first : elems.some((e) => e.typeName() === "double") && elems.every((e) => ["double", "long"].includes(e.typeName())) ? doubleType : stringType, true);
  }
  const fields = [...v].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, e]) => new StructField(k, inferType(e), true));
  return new StructType(fields);
}

definitions.push({
  kind: "scalar", name: "schema_of_json", minArgs: 1, maxArgs: 2,
  resolve(args) {
    if (typeof literalArg(args, 0) !== "string") {
      throw new PijarError("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", {}, { message: `Cannot resolve "${callSql("schema_of_json", args)}": the input json should be a foldable STRING expression, e.g. F.lit('{"a": 1}').` });
    }
    return { args: [args[0]!], dataType: stringType, nullable: false, state: jsonOptions("schema_of_json", args, 1) };
  },
  eval: (args, n, call, ctx) => map1((json: string) => {
    const v = parseJson(json, call.state as JsonOptions);
    if (v === undefined) throw new PijarError("MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION", { badRecord: json });
    return inferType(v).sql();
  })(args, n, call, ctx),
});
