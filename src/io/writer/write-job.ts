/**
 * Writing a stream of batches as a folder of part files, optionally split into Hive partition
 * folders (`partitionBy`), committed atomically (see commit.ts).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { randomUUID } from "node:crypto";
import { StructType, StringType, TimestampNTZType, TimestampType } from "../../types/data-types.js";
import { formatTimestamp } from "../../values/datetime.js";
import type { Batch } from "../../columnar/batch.js";
import type { TaskContext } from "../../context/task-context.js";
import { PijarError, quoteId } from "../../errors/pijar-error.js";
import { HIVE_DEFAULT_PARTITION, escapePartitionValue } from "../partitions.js";
import { afterPartFileHook, partFileName, writeWithCommit, type SaveMode } from "./commit.js";
import type { OutputFormat, PartWriter } from "./output-format.js";
import { valueFormatter } from "./csv-writer.js";
import { Batch as BatchClass } from "../../columnar/batch.js";

export interface WriteRequest {
  readonly path: string;
  readonly mode: SaveMode;
  readonly format: OutputFormat;
  readonly partitionBy: readonly string[];
  readonly timeZone: string;
}

/** Resolves partitionBy names against the schema (case-insensitive) with Spark's checks. */
function partitionIndexes(schema: StructType, cols: readonly string[]): number[] {
  const idx = cols.map((c) => {
    const i = schema.fields.findIndex((f) => f.name.toLowerCase() === c.toLowerCase());
    if (i < 0) {
      throw new PijarError("UNRESOLVED_COLUMN.WITH_SUGGESTION", { objectName: quoteId(c), proposal: schema.names.map(quoteId).join(", ") }, {});
    }
    return i;
  });
  if (idx.length && idx.length === schema.fields.length) {
    throw new PijarError("ALL_PARTITION_COLUMNS_NOT_ALLOWED", {}, {
      message: "Cannot use all columns for partition columns: keep at least one column as data.",
    });
  }
  return idx;
}

/** Writes `batches` to req.path; returns false when mode "ignore" skipped an existing path. */
export async function writeBatches(req: WriteRequest, schema: StructType, batches: AsyncIterable<Batch>, job: TaskContext): Promise<boolean> {
  const pIdx = partitionIndexes(schema, req.partitionBy);
  const dataIdx = schema.fields.map((_, i) => i).filter((i) => !pIdx.includes(i));
  const dataSchema = new StructType(dataIdx.map((i) => schema.fields[i]!));
  req.format.checkSchema(dataSchema);
  // Partition values print as Spark's cast to string.
  const partText = pIdx.map((i): ((v: unknown) => string) => {
    const t = schema.fields[i]!.dataType;
    if (t instanceof StringType) return (v) => v as string;
    if (t instanceof TimestampType) return (v) => formatTimestamp(v as number, req.timeZone);
    if (t instanceof TimestampNTZType) return (v) => formatTimestamp(v as number, "UTC");
    return valueFormatter(t, "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss", req.timeZone);
  });
  const names = pIdx.map((i) => schema.fields[i]!.name);

  return writeWithCommit(req.path, req.mode, async (staging) => {
    const uuid = randomUUID();
    const writers = new Map<string, { w: PartWriter; file: string }>();
    const writerFor = async (dir: string) => {
      let e = writers.get(dir);
      if (!e) {
        const folder = path.join(staging, dir);
        fs.mkdirSync(folder, { recursive: true });
        const file = path.join(folder, partFileName(0, uuid, req.format.extension, dir !== ""));
        e = { w: await req.format.open(file, dataSchema), file };
        writers.set(dir, e);
      }
      return e.w;
    };
    try {
      for await (const b of batches) {
        job.checkCancelled();
        if (pIdx.length === 0) {
          await (await writerFor("")).write(b);
          continue;
        }
        const groups = new Map<string, number[]>();
        const pcols = pIdx.map((i) => b.values(i));
        for (let r = 0; r < b.numRows; r++) {
          let dir = "";
          for (let k = 0; k < pcols.length; k++) {
            const v = pcols[k]![r];
            const s = v == null ? "" : partText[k]!(v);
            dir += `${escapePartitionValue(names[k]!)}=${s === "" ? HIVE_DEFAULT_PARTITION : escapePartitionValue(s)}/`;
          }
          let g = groups.get(dir);
          if (!g) groups.set(dir, (g = []));
          g.push(r);
        }
        const cols = dataIdx.map((i) => b.values(i));
        for (const [dir, rows] of groups) {
          const part = BatchClass.fromValues(dataSchema, cols.map((c) => rows.map((r) => c[r])), rows.length);
          await (await writerFor(dir)).write(part);
        }
      }
      // An empty result still gets one (empty) part file, so the folder has a readable file.
      if (writers.size === 0 && pIdx.length === 0) await writerFor("");
    } finally {
      for (const { w, file } of writers.values()) {
        await w.close();
        afterPartFileHook?.(file);
      }
    }
  });
}
