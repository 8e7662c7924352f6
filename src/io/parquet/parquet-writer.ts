/**
 * Parquet part files through parquet-wasm (snappy by default, as Spark). parquet-wasm writes a
 * whole file from one Arrow table, so a part file buffers at most `maxRowsPerFile` rows and then
 * rolls over to the next file (`-c001`, `-c002`... as Spark's maxRecordsPerFile does).
 * The Spark schema is stored in the file metadata as Spark does, so PySpark reads back the
 * exact types (e.g. timestamp vs timestamp_ntz).
 */
import * as fs from "node:fs";
import * as A from "apache-arrow";
import * as pw from "parquet-wasm";
import type { StructType } from "../../types/data-types.js";
import { toArrowSchema } from "../../types/arrow-types.js";
import type { Batch } from "../../columnar/batch.js";
import { buildData } from "../../columnar/convert/build.js";
import { Options, invalidValue } from "../options.js";
import type { OutputFormat, PartWriter } from "../writer/output-format.js";
import { SPARK_ROW_METADATA_KEY, dataTypeToJson } from "./spark-schema-json.js";

export const PARQUET_WRITE_OPTIONS = ["path", "compression", "codec", "maxRecordsPerFile"];

const CODECS: Record<string, { codec: pw.Compression; ext: string }> = {
  snappy: { codec: pw.Compression.SNAPPY, ext: ".snappy.parquet" },
  none: { codec: pw.Compression.UNCOMPRESSED, ext: ".parquet" },
  uncompressed: { codec: pw.Compression.UNCOMPRESSED, ext: ".parquet" },
  gzip: { codec: pw.Compression.GZIP, ext: ".gz.parquet" },
  zstd: { codec: pw.Compression.ZSTD, ext: ".zstd.parquet" },
  brotli: { codec: pw.Compression.BROTLI, ext: ".br.parquet" },
  lz4: { codec: pw.Compression.LZ4_RAW, ext: ".lz4raw.parquet" },
  lz4_raw: { codec: pw.Compression.LZ4_RAW, ext: ".lz4raw.parquet" },
};

/** Rows a part file holds before rolling over (bounds the memory of one write). */
export const DEFAULT_MAX_ROWS_PER_FILE = 1_000_000;

export class ParquetOutputFormat implements OutputFormat {
  readonly name = "parquet";
  readonly extension: string;
  private readonly codec: pw.Compression;
  private readonly maxRows: number;

  constructor(opts: Options) {
    opts.checkKnown("Parquet", PARQUET_WRITE_OPTIONS);
    const c = (opts.getAny("compression", "codec") ?? "snappy").toLowerCase();
    const codec = CODECS[c];
    if (!codec) throw invalidValue("compression", c, Object.keys(CODECS).join(", "));
    this.codec = codec.codec;
    this.extension = codec.ext;
    const m = opts.number("maxRecordsPerFile", 0);
    this.maxRows = m > 0 ? m : DEFAULT_MAX_ROWS_PER_FILE;
  }

  checkSchema(): void {}

  async open(file: string, schema: StructType): Promise<PartWriter> {
    return new ParquetPartWriter(file, schema, this.codec, this.maxRows);
  }
}

class ParquetPartWriter implements PartWriter {
  private pending: A.RecordBatch[] = [];
  private rows = 0;
  private fileNo = 0;
  private readonly arrowSchema: A.Schema;

  constructor(private readonly file: string, private readonly schema: StructType, private readonly codec: pw.Compression, private readonly maxRows: number) {
    const base = toArrowSchema(schema);
    this.arrowSchema = new A.Schema(base.fields, new Map([[SPARK_ROW_METADATA_KEY, JSON.stringify(dataTypeToJson(schema))]]));
  }

  async write(batch: Batch): Promise<void> {
    let start = 0;
    while (start < batch.numRows) {
      const take = Math.min(batch.numRows - start, this.maxRows - this.rows);
      const part = start === 0 && take === batch.numRows ? batch : batch.slice(start, start + take);
      this.pending.push(this.recordBatch(part));
      this.rows += take;
      start += take;
      if (this.rows >= this.maxRows) await this.flush();
    }
  }

  /** A RecordBatch in plain layout (dictionary-encoded strings decoded) under the Spark schema. */
  private recordBatch(b: Batch): A.RecordBatch {
    const children = b.columns.map((d, i) => (d.type.typeId === A.Type.Dictionary ? buildData(this.schema.fields[i]!.dataType, b.values(i)) : d));
    const struct = A.makeData({ type: new A.Struct(this.arrowSchema.fields), length: b.numRows, nullCount: 0, children });
    return new A.RecordBatch(this.arrowSchema, struct);
  }

  private async flush(): Promise<void> {
    const table = new A.Table(this.arrowSchema, this.pending);
    const wasmTable = pw.Table.fromIPCStream(A.tableToIPC(table, "stream"));
    const props = new pw.WriterPropertiesBuilder().setCompression(this.codec).build();
    const bytes = pw.writeParquet(wasmTable, props);
    const name = this.fileNo === 0 ? this.file : this.file.replace(/([-.])c000(\.[^/]*)$/, `$1c${String(this.fileNo).padStart(3, "0")}$2`);
    await fs.promises.writeFile(name, bytes);
    this.fileNo++;
    this.pending = [];
    this.rows = 0;
  }

  async close(): Promise<void> {
    if (this.rows > 0 || this.fileNo === 0) await this.flush();
  }
}
