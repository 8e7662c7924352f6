/**
 * The CSV data source: schema discovery (header, inference in one streaming pass over all
 * files) and the scan (byte tokenizer -> field readers -> typed column builders -> batches),
 * with Spark's parse modes.
 */
import { StructField, StructType, stringType, type DataType } from "../../types/data-types.js";
import { Batch } from "../../columnar/batch.js";
import type { TaskContext } from "../../context/task-context.js";
import type { SessionSettings } from "../../context/settings.js";
import { PijarError } from "../../errors/pijar-error.js";
import { CHUNK_SIZE, listInputFiles, type InputFile } from "../files.js";
import { FileScanSource, type FileFormat, type FileScan } from "../file-scan.js";
import { inferPartitionSchema } from "../partitions.js";
import { Options } from "../options.js";
import { columnBuilder, type ColumnBuilder } from "../text-columns.js";
import type { CsvRecord } from "./csv-record.js";
import { chunkTokenizer, readChunksAsync, readChunksSync } from "./csv-reader.js";
import { fieldText } from "./csv-field-readers.js";
import { CsvRowDecoder } from "./csv-row-decoder.js";
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
  onRecord: (t: CsvRecord, n: number, fileIndex: number, recordIndex: number) => boolean,
): void {
  for (let fi = 0; fi < files.length; fi++) {
    let rec = 0;
    let go = true;
    const tok = chunkTokenizer(o.syntax, o.encoding, (t, n) => (go = onRecord(t, n, fi, rec++)));
    for (const chunk of readChunksSync(files[fi]!.path, chunkSize)) {
      if (!tok.push(chunk)) break;
    }
    if (go) tok.end();
  }
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

  openScan(columns: readonly string[], batchSize: number, job: TaskContext, ctx: SessionSettings): FileScan {
    const o = this.o;
    const conv = { ...o.conversion, timeZone: ctx.timeZone };
    const corruptName = o.columnNameOfCorruptRecord;
    const tokenFields = this.schema.fields.filter((f) => f.name !== corruptName);
    const numTokens = tokenFields.length;
    const outFields = columns.map((c) => this.schema.field(c)!);
    const outSchema = new StructType(outFields);
    // For each output column: its token index, or -1 for the corrupt-record column.
    const tokenIndex = outFields.map((f) => (f.name === corruptName ? -1 : tokenFields.indexOf(f)));
    const builders: ColumnBuilder[] = outFields.map((f) => columnBuilder(f.dataType, batchSize, this.tuning.dictionaryStrings ?? true));
    const decoder = new CsvRowDecoder(outFields, tokenIndex, numTokens, o, conv, builders);
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
        const tok = chunkTokenizer(o.syntax, o.encoding, (t, n) => {
          if (first) {
            first = false;
            if (o.header) return true;
          }
          if (!decoder.append(t, n, pending, file.path)) return true;
          pending++;
          rows++;
          if (pending >= batchSize) flush();
          return limit === null || rows < limit;
        });
        for await (const chunk of readChunksAsync(file.path, chunkSize)) {
          job.checkCancelled();
          bytes += chunk.length;
          const more = tok.push(chunk);
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
