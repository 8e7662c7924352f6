/**
 * The CSV data source: schema discovery (header, inference in one streaming pass over all
 * files) and the scan (tokenizer -> typed column builders -> batches), with Spark's parse modes.
 */
import { IntegerType, StructField, StructType, stringType, type DataType } from "../../types/data-types.js";
import { Batch } from "../../physical/batch.js";
import type { Job } from "../../execution/jobs.js";
import type { FunctionContext } from "../../functions/registry.js";
import { PijarError } from "../../errors/pijar-error.js";
import { CHUNK_SIZE, listInputFiles, readTextChunks, readTextChunksSync, type InputFile } from "../files.js";
import { FileScanSource, type FileFormat, type FileScan } from "../file-scan.js";
import { inferPartitionSchema } from "../partitions.js";
import { Options } from "../options.js";
import { BAD, columnBuilder, converterFor, type ColumnBuilder, type Converter } from "../text-columns.js";
import { CsvTokenizer } from "./csv-tokenizer.js";
import { csvReadOptions, type CsvReadOptions } from "./csv-options.js";
import { CsvTypeInferrer, headerNames, inferredSchema, nullType } from "./csv-infer.js";

/** Tuning knobs tests use to force tiny chunks (chunk-boundary cases). */
export interface CsvTuning {
  chunkSize?: number;
  dictionaryStrings?: boolean;
}

/** Tokenizes files (streaming, synchronously: see readTextChunksSync) until `onRecord` returns false. */
function tokenizeFiles(
  files: readonly InputFile[], o: CsvReadOptions, chunkSize: number,
  onRecord: (t: CsvTokenizer, n: number, fileIndex: number, recordIndex: number) => boolean,
): void {
  for (let fi = 0; fi < files.length; fi++) {
    let rec = 0;
    let go = true;
    const tok = new CsvTokenizer(o.syntax, (t, n) => (go = onRecord(t, n, fi, rec++)));
    for (const text of readTextChunksSync(files[fi]!.path, o.encoding, chunkSize)) {
      if (!tok.push(text)) break;
    }
    if (go) tok.end();
  }
}

/** Field i's text after Spark's null/empty rules, or null. */
function fieldText(t: CsvTokenizer, i: number, o: CsvReadOptions): string | null {
  const quoted = t.quoted[i]!;
  if (t.isEmpty(i)) {
    if (!quoted) return null;
    return o.emptyValue === o.nullValue ? null : o.emptyValue;
  }
  const v = t.text(i);
  return v === o.nullValue ? null : v;
}

/** Opens CSV files as a DataSource (reads them once for the header and, if asked, inference). */
export function openCsv(
  paths: readonly string[], options: Options, userSchema: StructType | null, timeZone: string, tuning: CsvTuning = {},
): FileScanSource {
  const o = csvReadOptions(options, timeZone);
  const files = listInputFiles(paths);
  const partitionSchema = inferPartitionSchema(files);
  const partNames = new Set(partitionSchema.names.map((n) => n.toLowerCase()));
  const chunkSize = tuning.chunkSize ?? CHUNK_SIZE;
  let dataSchema: StructType;
  if (userSchema) {
    dataSchema = new StructType(userSchema.fields.filter((f) => !partNames.has(f.name.toLowerCase())));
    if (!o.enforceSchema && o.header && files.length) checkHeader(files, o, dataSchema, chunkSize);
  } else {
    if (files.length === 0) {
      throw new PijarError("UNABLE_TO_INFER_SCHEMA", { format: "CSV" }, { message: "Unable to infer schema for CSV. It must be specified manually (no input files found)." });
    }
    let header: (string | null)[] | null = null;
    let types: DataType[] = [];
    const inferrer = new CsvTypeInferrer(o);
    let seed = 42;
    const sample = () => {
      if (o.samplingRatio >= 1) return true;
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff < o.samplingRatio;
    };
    tokenizeFiles(files, o, chunkSize, (tk, n, fi, ri) => {
      if (fi === 0 && ri === 0) {
        header = Array.from({ length: n }, (_, i) => (o.header ? fieldText(tk, i, o) : null));
        types = new Array<DataType>(n).fill(nullType);
        if (o.header) return o.inferSchema;
      } else if (ri === 0 && o.header) return true;
      if (!o.inferSchema) return false;
      if (!sample()) return true;
      const m = Math.min(n, types.length);
      for (let i = 0; i < m; i++) types[i] = inferrer.infer(types[i]!, fieldText(tk, i, o));
      return true;
    });
    const h = header as (string | null)[] | null;
    const names = headerNames(o.header ? h : null, h ? h.length : 0, o.nullValue);
    dataSchema = o.inferSchema ? inferredSchema(names, types) : new StructType(names.map((n) => new StructField(n, stringType, true)));
    dataSchema = new StructType(dataSchema.fields.filter((f) => !partNames.has(f.name.toLowerCase())));
  }
  const desc = `csv ${paths.join(", ")}`;
  return new FileScanSource(desc, files, dataSchema, partitionSchema, new CsvFormat(o, dataSchema, tuning));
}

function checkHeader(files: readonly InputFile[], o: CsvReadOptions, schema: StructType, chunkSize: number): void {
  const expected = schema.names.filter((n) => n !== o.columnNameOfCorruptRecord);
  tokenizeFiles(files, o, chunkSize, (tk, n, fi) => {
    const got = Array.from({ length: n }, (_, i) => tk.text(i));
    const same = got.length === expected.length && got.every((g, i) => g.toLowerCase() === expected[i]!.toLowerCase());
    if (!same) {
      throw new PijarError("FAILED_READ_FILE.NO_HINT", {}, {
        message: `Encountered error while reading file ${files[fi]!.path}: CSV header does not conform to the schema.\n Header: ${got.join(", ")}\n Schema: ${expected.join(", ")}\n` +
          `Expected the same names in the same order (file ${files[fi]!.path}). Fix the schema, or drop option enforceSchema=false to ignore header names.`,
        exceptionType: "SparkException",
      });
    }
    return false;
  });
}

class CsvFormat implements FileFormat {
  readonly name = "csv";
  constructor(private readonly o: CsvReadOptions, private readonly schema: StructType, private readonly tuning: CsvTuning) {}

  openScan(columns: readonly string[], batchSize: number, job: Job, ctx: FunctionContext): FileScan {
    const o = this.o;
    const conv = { ...o.conversion, timeZone: ctx.timeZone };
    const corruptName = o.columnNameOfCorruptRecord;
    const tokenFields = this.schema.fields.filter((f) => f.name !== corruptName);
    const numTokens = tokenFields.length;
    const outFields = columns.map((c) => this.schema.field(c)!);
    const outSchema = new StructType(outFields);
    // For each output column: its token index, or -1 for the corrupt-record column.
    const tokenIndex = outFields.map((f) => (f.name === corruptName ? -1 : tokenFields.indexOf(f)));
    const converters: Converter[] = outFields.map((f) => converterFor(f.dataType, conv));
    const builders: ColumnBuilder[] = outFields.map((f) => columnBuilder(f.dataType, batchSize, this.tuning.dictionaryStrings ?? true));
    const hasCorrupt = tokenIndex.includes(-1);
    const intRange = outFields.map((f): [number, number] | null => (f.dataType instanceof IntegerType ? [-2147483648, 2147483647] : null));
    const row = new Array<unknown>(columns.length);
    const chunkSize = this.tuning.chunkSize ?? CHUNK_SIZE;

    return {
      readFile: async function* (file: InputFile, limit: number | null): AsyncIterable<Batch> {
        let rows = 0;
        let pending = 0;
        let total = 0;
        let bytes = 0;
        const ready: Batch[] = [];
        const flush = () => {
          if (pending === 0) return;
          ready.push(new Batch(outSchema, builders.map((b) => b.finish()), pending));
          pending = 0;
        };
        let first = true;
        const tok = new CsvTokenizer(o.syntax, (t, n) => {
          if (first) {
            first = false;
            if (o.header) return true;
          }
          let malformed = n !== numTokens;
          for (let k = 0; k < row.length; k++) {
            const ti = tokenIndex[k]!;
            if (ti < 0) continue;
            if (ti >= n) {
              row[k] = null;
              continue;
            }
            // Integers straight from the buffer (no substring) when nulls are spelled "".
            if (intRange[k] && o.nullValue === "") {
              const iv = t.intAt(ti, intRange[k]![0], intRange[k]![1]);
              if (iv !== undefined) {
                row[k] = iv;
                continue;
              }
            }
            const s = fieldText(t, ti, o);
            if (s === null) {
              row[k] = null;
              continue;
            }
            const v = converters[k]!(s);
            if (v === BAD) {
              malformed = true;
              row[k] = null;
            } else row[k] = v;
          }
          // Spark also flags bad values in columns that were pruned away; converting them
          // just to check would cost the pruning, so only type errors in read columns count.
          if (malformed) {
            if (o.mode === "FAILFAST") throw malformedRecord(t.rawRecord(), file.path, t.recordLine);
            if (o.mode === "DROPMALFORMED") return true;
          }
          if (hasCorrupt) for (let k = 0; k < row.length; k++) if (tokenIndex[k] === -1) row[k] = malformed ? t.rawRecord() : null;
          for (let k = 0; k < row.length; k++) builders[k]!.push(row[k]);
          pending++;
          rows++;
          if (pending >= batchSize) flush();
          return limit === null || rows < limit;
        });
        for await (const text of readTextChunks(file.path, o.encoding, chunkSize, (b) => (bytes += b))) {
          job.checkCancelled();
          const more = tok.push(text);
          job.reportRead(rows - total, bytes);
          total = rows;
          bytes = 0;
          while (ready.length) yield ready.shift()!;
          if (!more) break;
        }
        tok.end();
        job.reportRead(rows - total, bytes);
        flush();
        while (ready.length) yield ready.shift()!;
      },
    };
  }
}

function malformedRecord(raw: string, path: string, line: number): PijarError {
  return new PijarError("MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION", { badRecord: raw }, {
    context: `  (file ${path}, line ${line}). Fix the record, or read with mode DROPMALFORMED to skip bad rows or PERMISSIVE to get nulls.`,
  });
}
