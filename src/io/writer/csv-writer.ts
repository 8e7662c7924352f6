/**
 * CSV part files as Spark writes them (UnivocityGenerator): a value is quoted only when it
 * holds the separator, the quote character or a line break; quotes inside are escaped with
 * `escape`; null -> nullValue (default empty), "" -> emptyValue (default `""`); whitespace is
 * trimmed by default on write; dates/timestamps through dateFormat/timestampFormat.
 */
import { codecExtension } from "../compression.js";
import {
  ArrayType, BinaryType, BooleanType, DataType, DateType, DecimalType, DoubleType, FloatType, MapType, StructType,
  TimestampNTZType, TimestampType,
} from "../../types/data-types.js";
import type { Batch } from "../../columnar/batch.js";
import { compilePattern } from "../../values/datetime-pattern.js";
import type { CsvWriteOptions } from "../csv/csv-options.js";
import { TextPartWriter, unsupportedDataType, type OutputFormat, type PartWriter } from "./output-format.js";
import { decimalString, javaDoubleString, javaFloatString } from "./value-text.js";

type Fmt = (v: unknown) => string;

/** Text of one non-null value of `type` (shared with partition folder names). */
export function valueFormatter(type: DataType, dateFormat: string, timestampFormat: string, timestampNTZFormat: string, tz: string): Fmt {
  if (type instanceof DoubleType) return (v) => javaDoubleString(v as number);
  if (type instanceof FloatType) return (v) => javaFloatString(v as number);
  if (type instanceof DecimalType) return (v) => decimalString(v as bigint, type.scale);
  if (type instanceof BooleanType) return (v) => (v ? "true" : "false");
  if (type instanceof DateType) {
    const p = compilePattern(dateFormat);
    return (v) => p.formatDate(v as number);
  }
  if (type instanceof TimestampType) {
    const p = compilePattern(timestampFormat);
    return (v) => p.formatTimestamp(v as number, tz);
  }
  if (type instanceof TimestampNTZType) {
    const p = compilePattern(timestampNTZFormat);
    return (v) => p.formatTimestamp(v as number, "UTC");
  }
  if (type instanceof BinaryType) return (v) => new TextDecoder().decode(v as Uint8Array);
  return (v) => String(v);
}

export class CsvOutputFormat implements OutputFormat {
  readonly name = "csv";
  readonly extension: string;
  constructor(private readonly o: CsvWriteOptions) {
    this.extension = ".csv" + codecExtension(o.compression);
  }

  checkSchema(schema: StructType): void {
    for (const f of schema.fields) {
      const t = f.dataType;
      if (t instanceof ArrayType || t instanceof MapType || t instanceof StructType) throw unsupportedDataType("CSV", f.name, t.sql());
    }
  }

  async open(file: string, schema: StructType): Promise<PartWriter> {
    const o = this.o;
    const { sep, quote, escape, lineSep } = o;
    const needsQuote = new RegExp(`[${[sep, quote, "\n", "\r"].filter((c) => c !== "\u0000").map(escapeRe).join("")}]`);
    const quoteRe = quote === "\u0000" ? null : new RegExp(escapeRe(quote), "g");
    const escapedQuote = escape + quote;
    const text = (s: string): string => {
      if (o.ignoreLeadingWhiteSpace) s = s.replace(/^[ \t]+/, "");
      if (o.ignoreTrailingWhiteSpace) s = s.replace(/[ \t]+$/, "");
      if (s === "") return o.emptyValue;
      if (o.quoteAll) return quote + (o.escapeQuotes && quoteRe ? s.replace(quoteRe, escapedQuote) : s) + quote;
      if (!needsQuote.test(s) || quote === "\u0000") return s;
      const hasQuote = quoteRe !== null && s.includes(quote);
      // escapeQuotes=false: a value whose only special character is a quote stays bare.
      if (hasQuote && !o.escapeQuotes && !s.includes(sep) && !/[\n\r]/.test(s)) return s;
      return quote + (hasQuote && o.escapeQuotes ? s.replace(quoteRe!, escapedQuote) : s) + quote;
    };
    const fmts = schema.fields.map((f) => valueFormatter(f.dataType, o.dateFormat, o.timestampFormat, o.timestampNTZFormat, o.timeZone));
    const nullText = o.quoteAll ? quote + o.nullValue + quote : o.nullValue;
    const head = o.header ? schema.names.map((n) => text(n)).join(sep) + lineSep : "";
    const lines = (b: Batch): string => {
      const cols = schema.fields.map((_, i) => b.values(i));
      const out: string[] = new Array(b.numRows);
      for (let r = 0; r < b.numRows; r++) {
        let line = "";
        for (let c = 0; c < cols.length; c++) {
          const v = cols[c]![r];
          if (c) line += sep;
          line += v == null ? nullText : text(fmts[c]!(v));
        }
        out[r] = line;
      }
      return out.join(lineSep) + lineSep;
    };
    return TextPartWriter.open(file, head, lines, o.compression);
  }
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\\-]/g, "\\$&");
}
