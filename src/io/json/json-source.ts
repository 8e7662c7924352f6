/**
 * The JSON data source: JSON Lines (one record per line, default) or `multiLine` (each file
 * is one JSON value: an object or an array of objects). Schema inference in one streaming pass,
 * parse modes and `_corrupt_record` as Spark.
 */
import { readWhole, readWholeSync } from "../compression.js";
import * as fs from "node:fs";
import {
  ArrayType, DataType, MapType, StructField, StructType, stringType,
} from "../../types/data-types.js";
import type { Batch } from "../../columnar/batch.js";
import { Batch as BatchClass } from "../../columnar/batch.js";
import type { TaskContext } from "../../context/task-context.js";
import type { SessionSettings } from "../../context/settings.js";
import { PijarError, quoteId } from "../../errors/pijar-error.js";
import { CHUNK_SIZE, listInputFiles, normalizeEncoding, readTextChunks, readTextChunksSync, type InputFile } from "../files.js";
import { FileScanSource, type FileFormat, type FileScan } from "../file-scan.js";
import { inferPartitionSchema } from "../partitions.js";
import { Options, checkUnsupported, invalidValue, parseModeOption, type ParseMode } from "../options.js";
import { BAD, converterFor, type TextConversion } from "../text-columns.js";
import { compilePattern } from "../../values/datetime-pattern.js";
import { JsonNumber, JsonSyntaxError, jsonText, parseJson, type JsonValue, type ParseInfo } from "./json-parse.js";
import { canonicalize, inferJsonType, mergeJsonTypes } from "./json-infer.js";

export const JSON_READ_OPTIONS = [
  "path", "samplingRatio", "primitivesAsString", "prefersDecimal", "allowComments", "allowUnquotedFieldNames",
  "allowSingleQuotes", "allowNumericLeadingZeros", "allowBackslashEscapingAnyCharacter", "allowUnquotedControlChars",
  "mode", "columnNameOfCorruptRecord", "dateFormat", "timestampFormat", "timestampNTZFormat", "multiLine", "encoding",
  "charset", "lineSep", "dropFieldIfAllNull", "locale", "allowNonNumericNumbers", "enableDateTimeParsingFallback",
  "recursiveFileLookup", "pathGlobFilter", "modifiedBefore", "modifiedAfter", "ignoreCorruptFiles", "ignoreMissingFiles",
  "inferTimestamp", "timeZone",
];

interface JsonReadOptions {
  readonly multiLine: boolean;
  readonly primitivesAsString: boolean;
  readonly mode: ParseMode;
  readonly corrupt: string;
  readonly conversion: TextConversion;
  readonly encoding: string;
  readonly lineSep: string | null;
}

/** Options Spark has that change results but Pijar does not implement (value = Spark's default). */
const JSON_UNSUPPORTED = {
  prefersDecimal: "false", allowComments: "false", allowUnquotedFieldNames: "false", allowSingleQuotes: "true",
  allowNumericLeadingZeros: "false", allowBackslashEscapingAnyCharacter: "false", allowUnquotedControlChars: "false",
  dropFieldIfAllNull: "false", inferTimestamp: "false", allowNonNumericNumbers: "true", samplingRatio: "1.0",
  recursiveFileLookup: "false", pathGlobFilter: "*", modifiedBefore: "", modifiedAfter: "", ignoreCorruptFiles: "false",
};

function jsonReadOptions(opts: Options, timeZone: string): JsonReadOptions {
  opts.checkKnown("JSON", JSON_READ_OPTIONS);
  checkUnsupported(opts, "JSON", JSON_UNSUPPORTED);
  const pat = (n: string) => {
    const v = opts.get(n);
    if (v !== undefined) compilePattern(v);
    return v ?? null;
  };
  const lineSep = opts.get("lineSep") ?? null;
  if (lineSep === "") throw invalidValue("lineSep", "", "a non-empty line separator");
  return {
    multiLine: opts.bool("multiLine", false),
    primitivesAsString: opts.bool("primitivesAsString", false),
    mode: parseModeOption(opts),
    corrupt: opts.string("columnNameOfCorruptRecord", "_corrupt_record"),
    conversion: {
      timeZone: opts.get("timeZone") ?? timeZone,
      dateFormat: pat("dateFormat"), timestampFormat: pat("timestampFormat"), timestampNTZFormat: pat("timestampNTZFormat"),
      nanValue: "NaN", positiveInf: "Infinity", negativeInf: "-Infinity",
    },
    encoding: normalizeEncoding(opts.getAny("encoding", "charset") ?? "utf-8"),
    lineSep,
  };
}

/** Splits text chunks into JSON Lines records (blank lines skipped, \r\n accepted). */
class LineSplitter {
  private rest = "";
  constructor(private readonly sep: string | null) {}
  push(chunk: string, out: string[]): void {
    const buf = this.rest + chunk;
    const sep = this.sep;
    let start = 0;
    for (;;) {
      const i = sep ? buf.indexOf(sep, start) : buf.indexOf("\n", start);
      if (i < 0) break;
      let end = i;
      if (!sep && end > start && buf.charCodeAt(end - 1) === 13) end--;
      const line = buf.slice(start, end);
      if (line.trim()) out.push(line);
      start = i + (sep ? sep.length : 1);
    }
    this.rest = buf.slice(start);
  }
  end(out: string[]): void {
    const last = this.rest.endsWith("\r") ? this.rest.slice(0, -1) : this.rest;
    if (last.trim()) out.push(last);
    this.rest = "";
  }
}

/** Streams the records (raw text) of one file: lines, or the whole file for multiLine. */
async function* records(file: string, o: JsonReadOptions, chunkSize: number, onBytes?: (n: number) => void, utf8?: { invalid: boolean }): AsyncGenerator<string> {
  if (o.multiLine) {
    const bytes = await readWhole(file);
    onBytes?.(bytes.length);
    const text = new TextDecoder(o.encoding).decode(bytes);
    if (text.trim()) yield text;
    return;
  }
  const split = new LineSplitter(o.lineSep);
  const out: string[] = [];
  for await (const chunk of readTextChunks(file, o.encoding, chunkSize, onBytes, utf8)) {
    split.push(chunk, out);
    yield* out;
    out.length = 0;
  }
  split.end(out);
  yield* out;
}

/** Synchronous twin of `records` for schema inference (see readTextChunksSync). */
function* recordsSync(file: string, o: JsonReadOptions, chunkSize: number, utf8?: { invalid: boolean }): Generator<string> {
  if (o.multiLine) {
    const text = new TextDecoder(o.encoding).decode(readWholeSync(file));
    if (text.trim()) yield text;
    return;
  }
  const split = new LineSplitter(o.lineSep);
  const out: string[] = [];
  for (const chunk of readTextChunksSync(file, o.encoding, chunkSize, utf8)) {
    split.push(chunk, out);
    yield* out;
    out.length = 0;
  }
  split.end(out);
  yield* out;
}

/** The rows (objects) of one record, or null when the record is malformed. */
function rowsOfRecord(text: string, info?: ParseInfo): Map<string, JsonValue>[] | null {
  let v: JsonValue;
  try {
    v = parseJson(text, 0, text.length, info);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return null;
    throw e;
  }
  if (v instanceof Map) return [v];
  if (Array.isArray(v) && v.every((x) => x instanceof Map)) return v as Map<string, JsonValue>[];
  return null;
}

/** Opens JSON files as a DataSource (inference reads them once, synchronously, chunk by chunk). */
export function openJson(paths: readonly string[], options: Options, userSchema: StructType | null, timeZone: string, chunkSize = CHUNK_SIZE): FileScanSource {
  const o = jsonReadOptions(options, timeZone);
  const files = listInputFiles(paths);
  const partitionSchema = inferPartitionSchema(files);
  const partNames = new Set(partitionSchema.names.map((n) => n.toLowerCase()));
  let schema: StructType;
  if (userSchema) schema = userSchema;
  else {
    let t: DataType = new StructType([]);
    let sawCorrupt = false;
    for (const f of files) {
      const utf8 = { invalid: false };
      for (const rec of recordsSync(f.path, o, chunkSize, utf8)) {
        const info: ParseInfo = { duplicateKey: null };
        const rows = utf8.invalid && rec.includes("\uFFFD") ? null : rowsOfRecord(rec, info);
        // Spark's inferred struct cannot hold one field twice.
        if (info.duplicateKey !== null) throw new PijarError("COLUMN_ALREADY_EXISTS", { columnName: quoteId(info.duplicateKey) });
        if (!rows) {
          if (o.mode === "FAILFAST") throw malformed(rec, f.path);
          sawCorrupt = true;
          continue;
        }
        for (const r of rows) t = mergeJsonTypes(t, inferJsonType(r, o.primitivesAsString));
      }
    }
    schema = (canonicalize(t) as StructType | null) ?? new StructType([]);
    if (sawCorrupt && o.mode === "PERMISSIVE" && !schema.field(o.corrupt)) {
      // Spark merges the corrupt-record column into the inferred (name-sorted) struct.
      schema = mergeJsonTypes(schema, new StructType([new StructField(o.corrupt, stringType, true)])) as StructType;
    }
    const seen = new Set<string>();
    for (const f of schema.fields) {
      const l = f.name.toLowerCase();
      if (seen.has(l)) throw new PijarError("COLUMN_ALREADY_EXISTS", { columnName: quoteId(l) });
      seen.add(l);
    }
  }
  const dataSchema = new StructType(schema.fields.filter((f) => !partNames.has(f.name.toLowerCase())));
  return new FileScanSource(`json ${paths.join(", ")}`, files, dataSchema, partitionSchema, new JsonFormat(o, dataSchema, chunkSize));
}

function malformed(rec: string, path: string): PijarError {
  return new PijarError("MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION", { badRecord: rec.length > 200 ? rec.slice(0, 200) + "..." : rec }, {
    context: `  (file ${path}). Fix the record, or read with mode DROPMALFORMED to skip bad records or PERMISSIVE to get nulls.`,
  });
}

type JConv = (v: JsonValue) => unknown;

/** A converter from a parsed JSON value to the internal value of `type` (BAD on mismatch). */
function jsonConverter(type: DataType, conv: TextConversion): JConv {
  if (type instanceof StructType) {
    const kids = type.fields.map((f) => jsonConverter(f.dataType, conv));
    return (v) => {
      if (!(v instanceof Map)) return BAD;
      let bad = false;
      const out = type.fields.map((f, i) => {
        const x = v.has(f.name) ? v.get(f.name)! : findCaseInsensitive(v, f.name);
        if (x === null || x === undefined) return null;
        const r = kids[i]!(x);
        if (r === BAD) {
          bad = true;
          return null;
        }
        return r;
      });
      return bad ? new PartialRow(out) : out;
    };
  }
  if (type instanceof ArrayType) {
    const e = jsonConverter(type.elementType, conv);
    return (v) => {
      if (!Array.isArray(v)) return BAD;
      const out = v.map((x) => (x === null ? null : e(x)));
      return out.includes(BAD) ? BAD : out;
    };
  }
  if (type instanceof MapType) {
    const e = jsonConverter(type.valueType, conv);
    return (v) => {
      if (!(v instanceof Map)) return BAD;
      const m = new Map<unknown, unknown>();
      for (const [k, x] of v) {
        const r = x === null ? null : e(x);
        if (r === BAD) return BAD;
        m.set(k, r);
      }
      return m;
    };
  }
  const text = converterFor(type, conv);
  const name = type.typeName();
  if (name === "string") return (v) => (typeof v === "string" ? v : jsonText(v));
  if (name === "boolean") return (v) => (typeof v === "boolean" ? v : BAD);
  if (name === "double" || name === "float") {
    // An integral "-0" is Jackson's integer 0, so the double is 0.0 (only "-0.0" is -0.0).
    return (v) => (v instanceof JsonNumber ? text(v.isIntegral && /^-0+$/.test(v.text) ? "0" : v.text) : typeof v === "string" && /^[+-]?(NaN|Infinity|INF)$/.test(v) ? text(v.replace("INF", "Infinity")) : BAD);
  }
  if (name === "date") return (v) => (typeof v === "string" ? text(v) : BAD);
  if (name === "timestamp" || name === "timestamp_ntz") {
    return (v) => (typeof v === "string" ? text(v) : v instanceof JsonNumber && v.isIntegral ? Number(v.text) * 1_000_000 : BAD);
  }
  if (name === "decimal") return (v) => (v instanceof JsonNumber || typeof v === "string" ? text(v instanceof JsonNumber ? v.text : v) : BAD);
  // Integral types: only integral JSON numbers in range.
  return (v) => (v instanceof JsonNumber && v.isIntegral ? text(v.text) : BAD);
}

function findCaseInsensitive(m: Map<string, JsonValue>, name: string): JsonValue | undefined {
  const l = name.toLowerCase();
  for (const [k, v] of m) if (k.toLowerCase() === l) return v;
  return undefined;
}

/** A struct where some field failed: Spark keeps the other fields (partial result). */
class PartialRow {
  constructor(readonly values: unknown[]) {}
}

class JsonFormat implements FileFormat {
  readonly name = "json";
  constructor(private readonly o: JsonReadOptions, private readonly schema: StructType, private readonly chunkSize: number) {}

  openScan(columns: readonly string[], batchSize: number, job: TaskContext, ctx: SessionSettings): FileScan {
    const o = this.o;
    const conv = { ...o.conversion, timeZone: ctx.timeZone };
    const fields = columns.map((c) => this.schema.field(c)!);
    const outSchema = new StructType(fields);
    const corruptIdx = fields.findIndex((f) => f.name === o.corrupt);
    const dataFields = fields.filter((_, i) => i !== corruptIdx);
    const rowConv = jsonConverter(new StructType(dataFields), conv);
    const chunkSize = this.chunkSize;
    return {
      readFile: async function* (file: InputFile, limit: number | null): AsyncIterable<Batch> {
        let cols: unknown[][] = fields.map(() => []);
        let n = 0;
        let total = 0;
        let bytes = 0;
        const emit = () => {
          const b = BatchClass.fromValues(outSchema, cols, n);
          cols = fields.map(() => []);
          n = 0;
          return b;
        };
        const utf8 = { invalid: false };
        for await (const rec of records(file.path, o, chunkSize, (b) => (bytes += b), utf8)) {
          // Invalid UTF-8 makes Spark's parser fail: the record is corrupt (shown with U+FFFD).
          const rows = utf8.invalid && rec.includes("\uFFFD") ? null : rowsOfRecord(rec);
          const push = (vals: unknown[] | null, bad: boolean) => {
            let k = 0;
            for (let i = 0; i < fields.length; i++) {
              if (i === corruptIdx) cols[i]!.push(bad ? rec : null);
              else cols[i]!.push(vals ? vals[k++] : null);
            }
            n++;
            total++;
          };
          if (!rows) {
            if (o.mode === "FAILFAST") throw malformed(rec, file.path);
            if (o.mode === "PERMISSIVE") push(null, true);
          } else {
            for (const r of rows) {
              const v = rowConv(r);
              const bad = v instanceof PartialRow;
              if (bad && o.mode === "FAILFAST") throw malformed(rec, file.path);
              if (bad && o.mode === "DROPMALFORMED") continue;
              push(bad ? (v as PartialRow).values : (v as unknown[]), bad);
            }
          }
          if (n >= batchSize || (limit !== null && total >= limit)) {
            job.checkCancelled();
            job.reportRead(n, bytes);
            bytes = 0;
            yield emit();
            if (limit !== null && total >= limit) return;
          }
        }
        job.reportRead(n, bytes);
        if (n) yield emit();
      },
    };
  }
}
