/**
 * JSON Lines part files as Spark writes them (JacksonGenerator): fields in schema order, null
 * fields omitted (ignoreNullFields, default true), doubles in Java notation ("1.0E10") with
 * NaN/Infinity as strings, decimals as bare numbers, dates/timestamps as formatted strings.
 */
import { codecExtension, textWriteCodec, type WriteCodec } from "../compression.js";
import {
  ArrayType, BinaryType, BooleanType, DataType, DateType, DecimalType, DoubleType, FloatType, MapType, StructType,
  TimestampNTZType, TimestampType,
} from "../../types/data-types.js";
import type { Batch } from "../../columnar/batch.js";
import { compilePattern } from "../../values/datetime-pattern.js";
import { Options, invalidValue } from "../options.js";
import { TextPartWriter, type OutputFormat, type PartWriter } from "./output-format.js";
import { decimalString, javaDoubleString, javaFloatString } from "./value-text.js";

export const JSON_WRITE_OPTIONS = [
  "path", "compression", "codec", "dateFormat", "timestampFormat", "timestampNTZFormat", "encoding", "charset", "lineSep",
  "ignoreNullFields", "pretty", "locale",
];

export interface JsonWriteOptions {
  readonly dateFormat: string;
  readonly timestampFormat: string;
  readonly timestampNTZFormat: string;
  readonly ignoreNullFields: boolean;
  readonly lineSep: string;
  readonly timeZone: string;
  readonly compression: WriteCodec | null;
}

export function jsonWriteOptions(opts: Options, timeZone: string): JsonWriteOptions {
  opts.checkKnown("JSON", JSON_WRITE_OPTIONS);
  const compression = textWriteCodec(opts.getAny("compression", "codec"));
  const pat = (n: string, d: string) => {
    const v = opts.get(n) ?? d;
    compilePattern(v);
    return v;
  };
  return {
    dateFormat: pat("dateFormat", "yyyy-MM-dd"),
    timestampFormat: pat("timestampFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"),
    timestampNTZFormat: pat("timestampNTZFormat", "yyyy-MM-dd'T'HH:mm:ss[.SSS]"),
    ignoreNullFields: opts.bool("ignoreNullFields", true),
    lineSep: opts.get("lineSep") ?? "\n",
    timeZone,
    compression,
  };
}

type Gen = (v: unknown) => string;

function floatText(s: string): string {
  return s === "NaN" || s.endsWith("Infinity") ? `"${s}"` : s;
}

/** A JSON text generator for non-null values of `type`. */
function generator(type: DataType, o: JsonWriteOptions): Gen {
  if (type instanceof DoubleType) return (v) => floatText(javaDoubleString(v as number));
  if (type instanceof FloatType) return (v) => floatText(javaFloatString(v as number));
  if (type instanceof DecimalType) return (v) => decimalString(v as bigint, type.scale);
  if (type instanceof BooleanType) return (v) => (v ? "true" : "false");
  if (type instanceof DateType) {
    const p = compilePattern(o.dateFormat);
    return (v) => JSON.stringify(p.formatDate(v as number));
  }
  if (type instanceof TimestampType) {
    const p = compilePattern(o.timestampFormat);
    return (v) => JSON.stringify(p.formatTimestamp(v as number, o.timeZone));
  }
  if (type instanceof TimestampNTZType) {
    const p = compilePattern(o.timestampNTZFormat);
    return (v) => JSON.stringify(p.formatTimestamp(v as number, "UTC"));
  }
  if (type instanceof BinaryType) return (v) => JSON.stringify(Buffer.from(v as Uint8Array).toString("base64"));
  if (type instanceof ArrayType) {
    const g = generator(type.elementType, o);
    return (v) => "[" + (v as unknown[]).map((x) => (x == null ? "null" : g(x))).join(",") + "]";
  }
  if (type instanceof MapType) {
    const k = type.keyType;
    const kf = k instanceof StructType || k instanceof ArrayType ? generator(k, o) : null;
    const g = generator(type.valueType, o);
    return (v) => {
      const parts: string[] = [];
      for (const [key, x] of v as Map<unknown, unknown>) {
        parts.push(JSON.stringify(kf ? kf(key) : String(key)) + ":" + (x == null ? "null" : g(x)));
      }
      return "{" + parts.join(",") + "}";
    };
  }
  if (type instanceof StructType) return structGenerator(type, o);
  if (type.typeName() === "string") return (v) => JSON.stringify(v);
  return (v) => String(v);
}

function structGenerator(type: StructType, o: JsonWriteOptions): Gen {
  const names = type.names.map((n) => JSON.stringify(n) + ":");
  const gens = type.fields.map((f) => generator(f.dataType, o));
  return (v) => {
    const vals = v as unknown[];
    let s = "{";
    let first = true;
    for (let i = 0; i < gens.length; i++) {
      const x = vals[i];
      if (x == null && o.ignoreNullFields) continue;
      if (!first) s += ",";
      first = false;
      s += names[i] + (x == null ? "null" : gens[i]!(x));
    }
    return s + "}";
  };
}

export class JsonOutputFormat implements OutputFormat {
  readonly name = "json";
  readonly extension: string;
  constructor(private readonly o: JsonWriteOptions) {
    this.extension = ".json" + codecExtension(o.compression);
  }

  checkSchema(): void {}

  async open(file: string, schema: StructType): Promise<PartWriter> {
    const row = structGenerator(schema, this.o);
    const sep = this.o.lineSep;
    const lines = (b: Batch): string => {
      const cols = schema.fields.map((_, i) => b.values(i));
      let out = "";
      const vals = new Array<unknown>(cols.length);
      for (let r = 0; r < b.numRows; r++) {
        for (let c = 0; c < cols.length; c++) vals[c] = cols[c]![r];
        out += row(vals) + sep;
      }
      return out;
    };
    return TextPartWriter.open(file, "", lines, this.o.compression);
  }
}
