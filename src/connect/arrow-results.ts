/**
 * Arrow IPC batches from ExecutePlan -> Pijar Batches. Decoding goes through Pijar's own
 * column reader (src/columnar/convert/read.ts), which reads decimals from the raw Uint32 words
 * and timestamps from the raw BigInt64 microseconds, so values are exact and identical to
 * local mode's.
 */
import * as A from "apache-arrow";
import { Batch } from "../columnar/batch.js";
import { fromArrowSchema } from "../types/arrow-types.js";
import { LongType, type DataType, type StructType } from "../types/data-types.js";
import type { ExecutePlanResponse } from "./gen/base_pb.js";

export interface RemoteResult {
  schema: StructType;
  arrowSchema: A.Schema | null;
  batches: Batch[];
  recordBatches: A.RecordBatch[];
}

export async function collectArrow(responses: AsyncIterable<ExecutePlanResponse> | Iterable<ExecutePlanResponse>): Promise<RemoteResult> {
  const recordBatches: A.RecordBatch[] = [];
  let arrowSchema: A.Schema | null = null;
  for await (const r of responses) {
    if (r.responseType.case !== "arrowBatch") continue;
    const reader = A.RecordBatchReader.from(r.responseType.value.data).open() as A.RecordBatchStreamReader;
    arrowSchema ??= reader.schema;
    for (const rb of reader) if (rb.numRows > 0) recordBatches.push(rb);
  }
  const schema = fromArrowSchema(arrowSchema ?? new A.Schema([]));
  const batches = recordBatches.map((rb) => new Batch(schema, rb.data.children, rb.numRows));
  return { schema, arrowSchema, batches, recordBatches };
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * A top-level bigint column read from its raw BigInt64 values: a number when exact, else a JS
 * bigint, so values past 2^53 arrive exact (Pijar's internal value for bigint is a number).
 */
export function exactLongs(b: Batch, i: number): unknown[] {
  const values = b.values(i);
  const d = b.column(i);
  if (d.type.typeId !== A.Type.Int || (d.type as A.Int).bitWidth !== 64 || !(d.type as A.Int).isSigned) return values;
  const raw = d.values as BigInt64Array;
  return values.map((v, r) => {
    if (v === null) return null;
    const x = raw[r]!; // a sliced chunk's values start at its first row
    return x >= -MAX_SAFE && x <= MAX_SAFE ? Number(x) : x;
  });
}

/** True for a bigint column's value past 2^53, which rowsOf() gives as a JS bigint already. */
export function isExactLong(v: unknown, t: DataType): v is bigint {
  return typeof v === "bigint" && t instanceof LongType;
}

/** Internal values, row by row (bigints past 2^53 as JS bigint). */
export function rowsOf(result: RemoteResult): unknown[][] {
  const rows: unknown[][] = [];
  for (const b of result.batches) {
    const cols = b.schema.fields.map((_, i) => exactLongs(b, i));
    for (let r = 0; r < b.numRows; r++) rows.push(cols.map((c) => c[r]));
  }
  return rows;
}
