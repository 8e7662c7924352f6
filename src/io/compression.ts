/**
 * Compressed text input, chosen by file extension as Spark (Hadoop's codecs) does:
 * `.gz` (gzip), `.deflate` (zlib), both through node:zlib; a truncated or corrupt stream is
 * FAILED_READ_FILE.NO_HINT naming the file, as Spark reports it. `.bz2`, `.lz4`, `.snappy` and
 * `.zst` are Spark codecs too, which Pijar cannot decompress yet (Node 20's zlib has no zstd,
 * and Hadoop's lz4/snappy use their own block framing): they fail with UNSUPPORTED_FEATURE
 * instead of being read as garbage.
 *
 * The scan streams (a zlib transform over the file's chunks). Schema inference runs
 * synchronously inside `spark.read.csv/json` and zlib has no synchronous streaming API, so it
 * decompresses the file in one piece (fine for the sizes inference is run on; the scan itself
 * never holds a file).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { PijarError } from "../errors/pijar-error.js";

export type Codec = "gzip" | "deflate" | "bzip2" | "lz4" | "snappy" | "zstd";

const BY_EXTENSION: Record<string, Codec> = {
  ".gz": "gzip", ".deflate": "deflate", ".bz2": "bzip2", ".lz4": "lz4", ".snappy": "snappy", ".zst": "zstd",
};

/** The codec a text file is compressed with, from its extension (null: plain). */
export function codecOf(file: string): Codec | null {
  return BY_EXTENSION[path.extname(file).toLowerCase()] ?? null;
}

function unsupported(file: string, codec: Codec): PijarError {
  const tool: Record<string, string> = { bzip2: "bunzip2", lz4: "lz4 -d", snappy: "a snappy tool", zstd: "zstd -d" };
  return new PijarError("UNSUPPORTED_FEATURE", { feature: `reading ${codec}-compressed files` }, {
    message: `The feature is not supported: reading ${codec}-compressed files (file:${path.resolve(file)}). ` +
      `Decompress it first (${tool[codec]}), or recompress it with gzip.`,
  });
}

function corrupt(file: string, codec: Codec, e: unknown): PijarError {
  const why = String((e as Error)?.message ?? e);
  return new PijarError("FAILED_READ_FILE.NO_HINT", { path: `file:${path.resolve(file)}` }, {
    message: `Encountered error while reading file file:${path.resolve(file)}. The ${codec} stream is truncated or corrupt (${why}).`,
    exceptionType: "SparkException",
    cause: e,
  });
}

function inflater(codec: Codec): zlib.Gunzip | zlib.Inflate {
  return codec === "gzip" ? zlib.createGunzip() : zlib.createInflate();
}

/** Byte chunks of `file` decompressed when its extension names a codec (streaming). */
export async function* decompressed(file: string, raw: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const codec = codecOf(file);
  if (!codec) {
    yield* raw;
    return;
  }
  if (codec !== "gzip" && codec !== "deflate") throw unsupported(file, codec);
  const z = inflater(codec);
  // Feed the compressed chunks in the background, respecting backpressure.
  const feed = (async () => {
    try {
      for await (const c of raw) {
        if (z.destroyed) return;
        if (!z.write(Buffer.from(c))) await new Promise<void>((r) => z.once("drain", r));
      }
      z.end();
    } catch (e) {
      z.destroy(e as Error);
    }
  })();
  try {
    for await (const out of z as AsyncIterable<Buffer>) yield out;
  } catch (e) {
    if (e instanceof PijarError) throw e;
    throw corrupt(file, codec, e);
  } finally {
    z.destroy();
    await feed;
  }
}

/** Synchronous twin for schema inference (see the file comment). */
export function* decompressedSync(file: string, raw: () => Iterable<Uint8Array>): Generator<Uint8Array> {
  const codec = codecOf(file);
  if (!codec) {
    yield* raw();
    return;
  }
  if (codec !== "gzip" && codec !== "deflate") throw unsupported(file, codec);
  let bytes: Buffer;
  try {
    const input = fs.readFileSync(file);
    bytes = codec === "gzip" ? zlib.gunzipSync(input) : zlib.inflateSync(input);
  } catch (e) {
    throw corrupt(file, codec, e);
  }
  const step = 4 * 1024 * 1024;
  for (let i = 0; i < bytes.length; i += step) yield bytes.subarray(i, i + step);
}

/** A codec Pijar can write text part files with. */
export type WriteCodec = "gzip" | "deflate";

const SPARK_TEXT_CODECS = ["bzip2", "deflate", "uncompressed", "snappy", "none", "lz4", "gzip"];

/**
 * The `compression` (alias `codec`) write option of CSV and JSON, with Spark's names
 * (case-insensitive). Spark's other codecs (bzip2, lz4, snappy) are UNSUPPORTED_FEATURE; an
 * unknown name is Spark's CODEC_NOT_AVAILABLE.
 */
export function textWriteCodec(value: string | undefined): WriteCodec | null {
  if (value === undefined) return null;
  const v = value.toLowerCase();
  if (v === "none" || v === "uncompressed") return null;
  if (v === "gzip" || v === "deflate") return v;
  if (SPARK_TEXT_CODECS.includes(v)) {
    throw new PijarError("UNSUPPORTED_FEATURE", { feature: `writing ${v}-compressed files` }, {
      message: `The feature is not supported: writing ${v}-compressed text files. Use compression "gzip" (or "deflate"), or none.`,
    });
  }
  return ((): never => {
    throw new PijarError("CODEC_NOT_AVAILABLE.WITH_AVAILABLE_CODECS_SUGGESTION", { codecName: value, availableCodecs: SPARK_TEXT_CODECS.join(", ") }, {
      message: `The codec ${value} is not available. Available codecs are ${SPARK_TEXT_CODECS.join(", ")}.`,
      exceptionType: "IllegalArgumentException",
    });
  })();
}

/** The file name ending Spark gives part files of a codec. */
export function codecExtension(c: WriteCodec | null): string {
  return c === "gzip" ? ".gz" : c === "deflate" ? ".deflate" : "";
}

/** A compressing write stream over `file`, or null for plain output. */
export function compressor(c: WriteCodec | null): zlib.Gzip | zlib.Deflate | null {
  return c === "gzip" ? zlib.createGzip() : c === "deflate" ? zlib.createDeflate() : null;
}

/** The whole (decompressed) content of a file: for multiLine JSON, which parses a file as one record. */
export async function readWhole(file: string): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  const { readChunks } = await import("./files.js");
  for await (const c of decompressed(file, readChunks(file))) parts.push(c);
  return Buffer.concat(parts);
}

export function readWholeSync(file: string): Buffer {
  if (!fs.statSync(file).isFile()) return Buffer.alloc(0); // a FIFO reads as empty (files.ts)
  const parts: Uint8Array[] = [];
  for (const c of decompressedSync(file, () => [fs.readFileSync(file)])) parts.push(c);
  return Buffer.concat(parts);
}
