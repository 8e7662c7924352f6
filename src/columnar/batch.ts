/**
 * A batch of rows in Arrow layout: one Arrow `Data` per column plus the Spark schema.
 * Operators stream Batches; `toRecordBatch()` hands out a real Arrow RecordBatch without
 * copying. Decoded internal values are cached per column, because several expressions often
 * read the same column.
 */
import * as A from "apache-arrow";
import type { StructType } from "../types/data-types.js";
import { toArrowSchema } from "../types/arrow-types.js";
import { readValues } from "./convert/read.js";
import { buildData } from "./convert/build.js";

/** Default rows per batch: large enough to amortize per-batch work, small enough for the cache. */
export const BATCH_SIZE = 65_536;

export class Batch {
  private decoded: (unknown[] | undefined)[];
  private data: (A.Data | undefined)[];

  constructor(
    readonly schema: StructType,
    columns: readonly (A.Data | undefined)[],
    readonly numRows: number,
  ) {
    this.data = columns.slice();
    this.decoded = new Array(schema.fields.length);
  }

  /**
   * The Arrow data of every column. Operators that computed internal values hand them on as
   * they are; the Arrow buffers are built only when someone asks (writers, toArrow), because
   * the next operator usually wants the values, not the buffers.
   */
  get columns(): readonly A.Data[] {
    for (let i = 0; i < this.schema.fields.length; i++) this.column(i);
    return this.data as A.Data[];
  }

  /** Arrow data of column i (built from internal values on first use). */
  column(i: number): A.Data {
    let d = this.data[i];
    if (!d) {
      d = buildData(this.schema.fields[i]!.dataType, this.decoded[i]!);
      this.data[i] = d;
    }
    return d;
  }

  /** Internal values of column i (decoded once). */
  values(i: number): unknown[] {
    let v = this.decoded[i];
    if (!v) {
      v = readValues(this.data[i]!, this.schema.fields[i]!.dataType);
      this.decoded[i] = v;
    }
    return v;
  }

  /** Seeds the decode cache when the producer already has internal values. */
  static fromValues(schema: StructType, cols: unknown[][], numRows: number): Batch {
    const b = new Batch(schema, new Array(cols.length), numRows);
    b.decoded = cols.slice();
    return b;
  }

  static empty(schema: StructType): Batch {
    return Batch.fromValues(schema, schema.fields.map(() => []), 0);
  }

  toRecordBatch(): A.RecordBatch {
    const schema = toArrowSchema(this.schema);
    const struct = A.makeData({
      type: new A.Struct(schema.fields),
      length: this.numRows,
      nullCount: 0,
      children: this.columns.map((c) => c),
    });
    return new A.RecordBatch(schema, struct);
  }

  /** Same data under another schema (renames only; types must match). */
  withSchema(schema: StructType): Batch {
    if (schema === this.schema) return this;
    const b = new Batch(schema, this.data, this.numRows);
    b.decoded = this.decoded;
    return b;
  }

  /** Rows [start, end) as a new batch (cheap: decoded values are sliced, Arrow data rebuilt lazily). */
  slice(start: number, end: number): Batch {
    const n = Math.max(0, Math.min(end, this.numRows) - start);
    const cols = this.schema.fields.map((_, i) => this.values(i).slice(start, start + n));
    return Batch.fromValues(this.schema, cols, n);
  }

  /** Rows at the given indexes. */
  take(indexes: ArrayLike<number>): Batch {
    const n = indexes.length;
    const cols = this.schema.fields.map((_, i) => {
      const src = this.values(i);
      const out = new Array<unknown>(n);
      for (let k = 0; k < n; k++) out[k] = src[indexes[k]!];
      return out;
    });
    return Batch.fromValues(this.schema, cols, n);
  }
}
