/**
 * What a file format must offer the write job: open one part file and stream batches into it.
 */
import type { Batch } from "../../columnar/batch.js";
import type { StructType } from "../../types/data-types.js";
import * as fs from "node:fs";
import type { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { compressor, type WriteCodec } from "../compression.js";
import { PijarError } from "../../errors/pijar-error.js";

export interface PartWriter {
  write(batch: Batch): Promise<void>;
  close(): Promise<void>;
}

export interface OutputFormat {
  readonly name: string;
  /** File name ending, e.g. ".csv", ".json", ".snappy.parquet". */
  readonly extension: string;
  /** Throws a classed error when the format cannot hold a column type (checked before writing). */
  checkSchema(schema: StructType): void;
  open(file: string, schema: StructType): Promise<PartWriter>;
}

/** A text part file written a batch of lines at a time, compressed when a codec is set. */
export class TextPartWriter implements PartWriter {
  private constructor(
    private readonly fh: fs.promises.FileHandle | null,
    private readonly lines: (b: Batch) => string,
    private readonly z: Transform | null,
    private readonly done: Promise<void> | null,
  ) {}

  static async open(file: string, head: string, lines: (b: Batch) => string, codec: WriteCodec | null = null): Promise<TextPartWriter> {
    const z = compressor(codec);
    let w: TextPartWriter;
    if (z) {
      const out = fs.createWriteStream(file);
      await new Promise<void>((resolve, reject) => out.once("open", () => resolve()).once("error", reject));
      const done = pipeline(z, out);
      done.catch(() => {}); // awaited in put/close; until then a failure must not be "unhandled"
      w = new TextPartWriter(null, lines, z, done);
    } else {
      w = new TextPartWriter(await fs.promises.open(file, "w"), lines, null, null);
    }
    if (head) await w.put(head);
    return w;
  }

  private async put(text: string): Promise<void> {
    if (this.fh) {
      // A write may be short (a disk filling up, a file-size limit): write the rest until the
      // system takes it all or says why not (ENOSPC, EFBIG); a short write ignored loses rows.
      const bytes = Buffer.from(text);
      for (let off = 0; off < bytes.length;) off += (await this.fh.write(bytes, off, bytes.length - off)).bytesWritten;
      return;
    }
    // A failing file stream (ENOSPC) destroys the compressor, whose "drain" then never comes:
    // wait for the pipeline too, which rejects with the failure.
    if (!this.z!.write(text)) await Promise.race([new Promise<void>((r) => this.z!.once("drain", r)), this.done]);
    if (this.z!.destroyed) await this.done;
  }

  async write(batch: Batch): Promise<void> {
    if (batch.numRows) await this.put(this.lines(batch));
  }

  async close(): Promise<void> {
    if (this.z) {
      this.z.end();
      await this.done;
    }
    await this.fh?.close();
  }
}

/** Spark's error for a column type a file format cannot hold (e.g. an array in CSV). */
export function unsupportedDataType(format: string, column: string, typeSql: string): PijarError {
  return new PijarError("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", { columnName: column, columnType: typeSql, format }, {
    message: `The ${format} datasource doesn't support the column \`${column}\` of the type "${typeSql}". ` +
      `Convert it first (e.g. F.to_json(col) or a cast to string), or write ${format === "CSV" ? "JSON or Parquet" : "Parquet"} instead.`,
  });
}
