/**
 * A DataSource over files of one format: reads the files in order, adds Hive partition columns
 * as constants per file, orders columns as requested and stops at the limit (closing the file
 * being read, so `show()` on a huge file reads only its first chunks).
 *
 * Format readers (CSV, JSON, Parquet) only implement `FileFormat.openScan`: how to turn one
 * file into batches of the requested data columns.
 */
import type { DataSource, ScanRequest } from "./data-source.js";
import { StructType } from "../types/data-types.js";
import { Batch } from "../columnar/batch.js";
import type { TaskContext } from "../context/task-context.js";
import type { SessionSettings } from "../context/settings.js";
import { buildData } from "../columnar/convert/build.js";
import type { InputFile } from "./files.js";
import { partitionValue } from "./partitions.js";

/** One scan's reader: created once per scan so state (e.g. string dictionaries) spans files. */
export interface FileScan {
  /** Batches holding exactly the requested data columns, at most `batchSize` rows each. */
  readFile(file: InputFile, limit: number | null): AsyncIterable<Batch>;
}

export interface FileFormat {
  readonly name: string;
  /** `columns` are names from the data schema (partition columns excluded), in output order. */
  openScan(columns: readonly string[], batchSize: number, job: TaskContext, ctx: SessionSettings): FileScan;
}

export class FileScanSource implements DataSource {
  readonly schema: StructType;
  readonly totalBytes: number;
  readonly format: string;

  constructor(
    readonly description: string,
    readonly files: readonly InputFile[],
    readonly dataSchema: StructType,
    readonly partitionSchema: StructType,
    private readonly fileFormat: FileFormat,
  ) {
    this.format = fileFormat.name;
    // Spark puts partition columns after the data columns; a data column of the same name wins.
    const dataNames = new Set(dataSchema.names.map((n) => n.toLowerCase()));
    this.schema = new StructType([...dataSchema.fields, ...partitionSchema.fields.filter((f) => !dataNames.has(f.name.toLowerCase()))]);
    this.totalBytes = files.reduce((s, f) => s + f.size, 0);
  }

  async *scan(request: ScanRequest, job: TaskContext): AsyncIterable<Batch> {
    const outSchema = new StructType(request.columns.map((c) => this.schema.field(c)!));
    const dataCols = request.columns.filter((c) => this.dataSchema.field(c));
    const scan = this.fileFormat.openScan(dataCols, request.batchSize, job, request.ctx);
    let remaining = request.limit ?? Infinity;
    if (remaining <= 0) return;
    for (const file of this.files) {
      job.checkCancelled();
      const partValues = new Map<string, unknown>();
      for (const f of this.partitionSchema.fields) {
        const raw = file.partitions.find(([k]) => k === f.name)?.[1];
        partValues.set(f.name.toLowerCase(), raw === undefined ? null : partitionValue(raw, f.dataType, request.ctx.timeZone));
      }
      for await (const b of scan.readFile(file, Number.isFinite(remaining) ? remaining : null)) {
        job.checkCancelled();
        let batch = b;
        if (batch.numRows > remaining) batch = batch.slice(0, remaining);
        const n = batch.numRows;
        const columns = request.columns.map((c, i) => {
          const k = dataCols.indexOf(c);
          if (k >= 0) return batch.columns[k]!;
          const v = partValues.get(c.toLowerCase());
          return buildData(outSchema.fields[i]!.dataType, new Array<unknown>(n).fill(v));
        });
        yield new Batch(outSchema, columns, n);
        remaining -= n;
        if (remaining <= 0) return;
      }
    }
  }
}
