/**
 * The Parquet data source on parquet-wasm: the schema comes from the first file's footer (read
 * alone, not the whole file), preferring the Spark schema Spark stores in the file; the scan
 * streams record batches of the requested columns only (column pruning happens in the Parquet
 * reader, which then skips those column chunks).
 *
 * Type mapping as Spark reads Parquet: INT96 timestamps (what Spark writes by default) and
 * zone-adjusted timestamps are TIMESTAMP, unadjusted INT64 timestamps TIMESTAMP_NTZ.
 */
import { canonLong } from "../../values/long.js";
import * as fs from "node:fs";
import * as A from "apache-arrow";
import { DataType, LongType, StructField, StructType, TimestampNTZType, TimestampType, timestampType } from "../../types/data-types.js";
import { fromArrowType, toArrowType } from "../../types/arrow-types.js";
import { Batch } from "../../columnar/batch.js";
import type { TaskContext } from "../../context/task-context.js";
import type { SessionSettings } from "../../context/settings.js";
import { buildData } from "../../columnar/convert/build.js";
import { readValues } from "../../columnar/convert/read.js";
import { PijarError } from "../../errors/pijar-error.js";
import { isSpecialFile, listInputFiles, type InputFile } from "../files.js";
import { FileScanSource, type FileFormat, type FileScan } from "../file-scan.js";
import { inferPartitionSchema } from "../partitions.js";
import { Options, checkUnsupported } from "../options.js";
import { SPARK_ROW_METADATA_KEY, dataTypeFromJson } from "./spark-schema-json.js";
import { DecodeFailure, openDecoded, readSchemaIsolated, type DecodedFile } from "./isolated-decoder.js";
import { fileError } from "../file-errors.js";

export const PARQUET_READ_OPTIONS = [
  "path", "mergeSchema", "datetimeRebaseMode", "int96RebaseMode", "recursiveFileLookup", "pathGlobFilter",
  "modifiedBefore", "modifiedAfter", "ignoreCorruptFiles", "ignoreMissingFiles",
];

/**
 * Reads only the footer of a Parquet file and returns its Arrow schema. The frame is checked
 * here (magic bytes at both ends, a footer length that fits the file) and the footer is parsed
 * in a worker (isolated-decoder.ts), so a corrupt file is a FAILED_READ_FILE, never a crash.
 */
export function readParquetArrowSchema(path: string): A.Schema {
  // Never open a FIFO or device (the open would block without a writer).
  if (isSpecialFile(path)) throw footerError(path, "it is not a regular file");
  let fd: number;
  try {
    fd = fs.openSync(path, "r");
  } catch (e) {
    throw fileError(path, e);
  }
  try {
    const size = fs.fstatSync(fd).size;
    const head = Buffer.alloc(4);
    const tail = Buffer.alloc(8);
    if (size < 12) throw footerError(path, `the file has ${size} bytes, too few for Parquet`);
    fs.readSync(fd, head, 0, 4, 0);
    fs.readSync(fd, tail, 0, 8, size - 8);
    if (head.toString("latin1") !== "PAR1" || tail.toString("latin1", 4) !== "PAR1") throw footerError(path, "it is not a Parquet file (no PAR1 magic bytes)");
    const len = tail.readUInt32LE(0);
    if (len > size - 12) throw footerError(path, `the footer length (${len} bytes) exceeds the file size (${size} bytes)`);
    const footer = Buffer.alloc(len + 8);
    fs.readSync(fd, footer, 0, len + 8, size - 8 - len);
    let ipc: Uint8Array;
    try {
      // parquet-wasm parses the footer from the end of the buffer; the data pages are not needed.
      ipc = readSchemaIsolated(Buffer.concat([Buffer.from("PAR1"), footer]));
    } catch (e) {
      throw footerError(path, (e as Error).message);
    }
    try {
      return A.tableFromIPC(ipc).schema;
    } catch (e) {
      throw footerError(path, (e as Error).message);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Spark's error for an unreadable footer (not Parquet, truncated, corrupt metadata). */
function footerError(path: string, detail: string): PijarError {
  return new PijarError("FAILED_READ_FILE.CANNOT_READ_FILE_FOOTER", { path: `file:${path}` }, {
    message: `Encountered error while reading file file:${path}. Could not read footer (${detail}). Please ensure that the file is in either ORC or Parquet format. ` +
      "If not, please convert it to a valid format. If the file is in the valid format, please check if it is corrupt.",
    exceptionType: "SparkException",
  });
}

/** A corrupt data page (or any failure while decoding rows) of a file whose footer was fine. */
function readError(path: string, detail: string): PijarError {
  return new PijarError("FAILED_READ_FILE.NO_HINT", { path: `file:${path}` }, {
    message: `Encountered error while reading file file:${path}. The file is corrupt: ${detail}. Re-create it, or remove it from the input.`,
    exceptionType: "SparkException",
  });
}

/** The Spark schema of a Parquet file. */
export function sparkSchemaOf(arrow: A.Schema): StructType {
  const meta = arrow.metadata.get(SPARK_ROW_METADATA_KEY);
  if (meta) {
    try {
      const t = dataTypeFromJson(JSON.parse(meta));
      if (t instanceof StructType && t.fields.length === arrow.fields.length && t.fields.every((f, i) => f.name === arrow.fields[i]!.name)) return t;
    } catch {
      // fall back to the Parquet types
    }
  }
  return new StructType(arrow.fields.map((f) => {
    const t = f.type;
    // INT96 arrives as nanosecond timestamps without zone: Spark reads those as TIMESTAMP.
    const st = t.typeId === A.Type.Timestamp && !(t as A.Timestamp).timezone && (t as A.Timestamp).unit === A.TimeUnit.NANOSECOND
      ? timestampType : fromArrowType(t);
    return new StructField(f.name, st, f.nullable);
  }));
}

const UNIT_TO_MICROS: Record<number, [bigint, bigint]> = {
  [A.TimeUnit.SECOND]: [1_000_000n, 1n], [A.TimeUnit.MILLISECOND]: [1000n, 1n], [A.TimeUnit.MICROSECOND]: [1n, 1n], [A.TimeUnit.NANOSECOND]: [1n, 1000n],
};

/** Arrow data from the Parquet reader in the engine's layout for `type`. */
export function toEngineData(data: A.Data, type: DataType): A.Data {
  const t = data.type;
  if ((type instanceof TimestampType || type instanceof TimestampNTZType) && t.typeId === A.Type.Timestamp) {
    const [mul, div] = UNIT_TO_MICROS[(t as A.Timestamp).unit]!;
    const src = data.values as BigInt64Array;
    const out = new BigInt64Array(data.length);
    for (let i = 0; i < data.length; i++) {
      const v = src[i]! * mul; // a slice's values start at its first row
      out[i] = div === 1n ? v : v >= 0n ? v / div : -((-v + div - 1n) / div);
    }
    const bitmap = data.nullCount > 0 && data.offset === 0 ? data.nullBitmap : undefined;
    if (data.nullCount > 0 && !bitmap) return buildData(type, readValues(data, type));
    return A.makeData({ type: toArrowType(type) as A.Timestamp, length: data.length, nullCount: data.nullCount, nullBitmap: bitmap, data: out });
  }
  if (t.typeId === toArrowType(type).typeId && t.typeId !== A.Type.Dictionary) return data;
  // Other layouts (large strings, unsigned ints, dictionaries...): through values.
  const vec = A.makeVector(data);
  const vals: unknown[] = new Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = vec.get(i);
    // 64-bit integers stay exact as canonical longs; timestamps are microsecond numbers.
    vals[i] = typeof v === "bigint" ? (type instanceof LongType ? canonLong(BigInt.asIntN(64, v)) : Number(v)) : v;
  }
  return buildData(type, vals);
}

export function openParquet(paths: readonly string[], options: Options, userSchema: StructType | null): FileScanSource {
  options.checkKnown("Parquet", PARQUET_READ_OPTIONS);
  checkUnsupported(options, "Parquet", {
    mergeSchema: "false", recursiveFileLookup: "false", pathGlobFilter: "*", modifiedBefore: "", modifiedAfter: "", ignoreCorruptFiles: "false",
  });
  const files = listInputFiles(paths);
  const partitionSchema = inferPartitionSchema(files);
  const partNames = new Set(partitionSchema.names.map((n) => n.toLowerCase()));
  let schema: StructType;
  if (userSchema) schema = userSchema;
  else {
    if (files.length === 0) {
      throw new PijarError("UNABLE_TO_INFER_SCHEMA", { format: "Parquet" }, { message: "Unable to infer schema for Parquet. It must be specified manually (no input files found)." });
    }
    schema = sparkSchemaOf(readParquetArrowSchema(files[0]!.path));
  }
  const dataSchema = new StructType(schema.fields.filter((f) => !partNames.has(f.name.toLowerCase())));
  return new FileScanSource(`parquet ${paths.join(", ")}`, files, dataSchema, partitionSchema, new ParquetFormat(dataSchema));
}

class ParquetFormat implements FileFormat {
  readonly name = "parquet";
  constructor(private readonly schema: StructType) {}

  openScan(columns: readonly string[], batchSize: number, job: TaskContext, _ctx: SessionSettings): FileScan {
    const fields = columns.map((c) => this.schema.field(c)!);
    const outSchema = new StructType(fields);
    return {
      readFile: async function* (file: InputFile, limit: number | null): AsyncIterable<Batch> {
        let pf: DecodedFile;
        try {
          pf = await openDecoded(file.path);
        } catch (e) {
          throw e instanceof DecodeFailure ? footerError(file.path, e.message) : fileError(file.path, e);
        }
        try {
          const fileFields = A.tableFromIPC(pf.schemaIpc).schema.fields.map((f) => f.name);
          const nameIn = (n: string) => fileFields.find((f) => f === n) ?? fileFields.find((f) => f.toLowerCase() === n.toLowerCase());
          const present = fields.map((f) => nameIn(f.name)).filter((n): n is string => n !== undefined);
          if (present.length === 0) {
            // Only row counts are needed (e.g. count(), or partition columns only).
            let left = Math.min(pf.numRows, limit ?? Infinity);
            job.reportRead(left, file.size);
            while (left > 0) {
              const n = Math.min(left, batchSize);
              yield new Batch(outSchema, fields.map((f) => buildData(f.dataType, new Array(n).fill(null))), n);
              left -= n;
            }
            return;
          }
          let seen = 0;
          const it = pf.batches(present, batchSize, limit);
          for (;;) {
            job.checkCancelled();
            let next: IteratorResult<Uint8Array>;
            let t: A.Table;
            try {
              next = await it.next();
              if (next.done) break;
              t = A.tableFromIPC(next.value);
            } catch (e) {
              throw readError(file.path, (e as Error).message);
            }
            for (const rb of t.batches) {
              const n = rb.numRows;
              const cols = fields.map((f) => {
                const name = nameIn(f.name);
                const child = name === undefined ? null : rb.getChild(name);
                return child ? toEngineData(child.data[0]!, f.dataType) : buildData(f.dataType, new Array(n).fill(null));
              });
              seen += n;
              job.reportRead(n, Math.round((file.size * n) / Math.max(1, pf.numRows)));
              yield new Batch(outSchema, cols, n);
            }
            if (limit !== null && seen >= limit) break;
          }
        } finally {
          await pf.close();
        }
      },
    };
  }
}
