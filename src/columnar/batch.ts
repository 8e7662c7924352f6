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
import { takeVector } from "./take.js";

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

  /**
   * A batch whose columns are each either a typed vector (Arrow data) or internal values, as
   * operators produce them: typed kernels hand on vectors, the value-at-a-time path arrays.
   */
  static of(schema: StructType, cols: readonly (A.Data | unknown[])[], numRows: number): Batch {
    const b = new Batch(schema, cols.map((c) => (Array.isArray(c) ? undefined : c)), numRows);
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i]!;
      if (Array.isArray(c)) b.decoded[i] = c;
    }
    return b;
  }

  /** True when column i is held as a typed vector (no decode needed to read it typed). */
  hasVector(i: number): boolean {
    return this.data[i] !== undefined;
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

  /** Rows [start, end) as a new batch (vectors are sliced without copying, values arrays copied). */
  slice(start: number, end: number): Batch {
    const n = Math.max(0, Math.min(end, this.numRows) - start);
    const cols = this.schema.fields.map((_, i): A.Data | unknown[] => {
      const d = this.data[i];
      // Arrow slices share the buffers (offset + length), so a vector column costs nothing here.
      if (d && !this.decoded[i]) return d.slice(start, n);
      return this.values(i).slice(start, start + n);
    });
    return Batch.of(this.schema, cols, n);
  }

  /**
   * Rows at the given indexes. Columns held as vectors are gathered buffer to buffer (a
   * filter keeps its input typed); columns held as values are gathered as values.
   */
  take(indexes: ArrayLike<number>): Batch {
    const n = indexes.length;
    const sel = indexes instanceof Int32Array ? indexes : Int32Array.from(indexes);
    const cols = this.schema.fields.map((_, i): A.Data | unknown[] => {
      const d = this.data[i];
      if (d && !this.decoded[i]) {
        const taken = takeVector(d, sel);
        if (taken) return taken;
      }
      const src = this.values(i);
      const out = new Array<unknown>(n);
      for (let k = 0; k < n; k++) out[k] = src[sel[k]!];
      return out;
    });
    return Batch.of(this.schema, cols, n);
  }
}
