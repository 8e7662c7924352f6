/**
 * Compressed text input and output, chosen by file extension on read and by the `compression`
 * option on write, as Spark (Hadoop's codecs) does. Read: `.gz` (gzip), `.deflate` (zlib),
 * `.bz2`, `.lz4` and `.snappy` (Hadoop's block framing), `.zst`/`.zstd`. Write: gzip,
 * deflate, bzip2, lz4, snappy (Spark 4.3 has no zstd for text). A truncated or corrupt stream
 * is FAILED_READ_FILE.NO_HINT naming the file, as Spark reports it.
 *
 * gzip and deflate go through node:zlib; the others through the ByteTransforms in codecs/
 * (each file says why its package was chosen). Reads stream, a chunk in and what it decoded
 * out. Schema inference runs synchronously inside `spark.read.csv/json` and zlib has no
 * synchronous streaming API, so for gzip/deflate only it decompresses the file in one piece
 * (fine for the sizes inference is run on; the scan itself never holds a file); the other
 * codecs stream there too.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { Transform } from "node:stream";
import { PijarError } from "../errors/pijar-error.js";
import type { ByteTransform } from "./codecs/byte-transform.js";
import { Bzip2Decoder, Bzip2Encoder } from "./codecs/bzip2.js";
import { HadoopBlockDecoder, HadoopBlockEncoder } from "./codecs/hadoop-block.js";
import { LZ4_BLOCK } from "./codecs/lz4.js";
import { SNAPPY_BLOCK } from "./codecs/snappy.js";
import { ZstdDecoder } from "./codecs/zstd.js";

export type Codec = "gzip" | "deflate" | "bzip2" | "lz4" | "snappy" | "zstd";

const BY_EXTENSION: Record<string, Codec> = {
  ".gz": "gzip", ".deflate": "deflate", ".bz2": "bzip2", ".lz4": "lz4", ".snappy": "snappy", ".zst": "zstd", ".zstd": "zstd",
};

/** The codec a text file is compressed with, from its extension (null: plain). */
export function codecOf(file: string): Codec | null {
  return BY_EXTENSION[path.extname(file).toLowerCase()] ?? null;
}

function corrupt(file: string, codec: Codec, e: unknown): PijarError {
  if (e instanceof PijarError) return e;
  const why = String((e as Error)?.message ?? e);
  return new PijarError("FAILED_READ_FILE.NO_HINT", { path: `file:${path.resolve(file)}` }, {
    message: `Encountered error while reading file file:${path.resolve(file)}. The ${codec} stream is truncated or corrupt (${why}). ` +
      `Check the file with its tool (e.g. ${TOOL[codec]}), or fetch it again.`,
    exceptionType: "SparkException",
    cause: e,
  });
}

const TOOL: Record<Codec, string> = {
  gzip: "gzip -t", deflate: "zlib-flate -uncompress", bzip2: "bzip2 -t", lz4: "Spark or Hadoop", snappy: "Spark or Hadoop", zstd: "zstd -t",
};

function inflater(codec: Codec): zlib.Gunzip | zlib.Inflate {
  return codec === "gzip" ? zlib.createGunzip() : zlib.createInflate();
}

function decoder(codec: Exclude<Codec, "gzip" | "deflate">): ByteTransform {
  switch (codec) {
    case "bzip2": return new Bzip2Decoder();
    case "lz4": return new HadoopBlockDecoder(LZ4_BLOCK);
    case "snappy": return new HadoopBlockDecoder(SNAPPY_BLOCK);
    case "zstd": return new ZstdDecoder();
  }
}

const isZlib = (c: Codec): c is "gzip" | "deflate" => c === "gzip" || c === "deflate";

/** Runs one step of a decoder, classing what it throws. */
function decodeStep(file: string, codec: Codec, f: () => Uint8Array[]): Uint8Array[] {
  try {
    return f();
  } catch (e) {
    throw corrupt(file, codec, e);
  }
}

/** Byte chunks of `file` decompressed when its extension names a codec (streaming). */
export async function* decompressed(file: string, raw: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const codec = codecOf(file);
  if (!codec) {
    yield* raw;
    return;
  }
  if (!isZlib(codec)) {
    const d = decoder(codec);
    // Input chunks may be a reused buffer: the decoders copy what they keep.
    for await (const c of raw) yield* decodeStep(file, codec, () => d.push(c));
    yield* decodeStep(file, codec, () => d.end());
    return;
  }
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
  if (!isZlib(codec)) {
    const d = decoder(codec);
    for (const c of raw()) yield* decodeStep(file, codec, () => d.push(c));
    yield* decodeStep(file, codec, () => d.end());
    return;
  }
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
export type WriteCodec = "gzip" | "deflate" | "bzip2" | "lz4" | "snappy";

/** Spark 4.3's text codec names, in the order its CODEC_NOT_AVAILABLE message lists them. */
const SPARK_TEXT_CODECS = ["bzip2", "deflate", "uncompressed", "snappy", "none", "lz4", "gzip"];

/**
 * The `compression` (alias `codec`) write option of CSV, JSON and text, with Spark's names
 * (case-insensitive); an unknown name (zstd included: Spark has none for text) is Spark's
 * CODEC_NOT_AVAILABLE.
 */
export function textWriteCodec(value: string | undefined): WriteCodec | null {
  if (value === undefined) return null;
  const v = value.toLowerCase();
  if (v === "none" || v === "uncompressed") return null;
  if (SPARK_TEXT_CODECS.includes(v)) return v as WriteCodec;
  throw new PijarError("CODEC_NOT_AVAILABLE.WITH_AVAILABLE_CODECS_SUGGESTION", { codecName: value, availableCodecs: SPARK_TEXT_CODECS.join(", ") }, {
    message: `The codec ${value} is not available. Available codecs are ${SPARK_TEXT_CODECS.join(", ")}.`,
    exceptionType: "IllegalArgumentException",
  });
}

const EXTENSION: Record<WriteCodec, string> = { gzip: ".gz", deflate: ".deflate", bzip2: ".bz2", lz4: ".lz4", snappy: ".snappy" };

/** The file name ending Spark gives part files of a codec. */
export function codecExtension(c: WriteCodec | null): string {
  return c ? EXTENSION[c] : "";
}

/** A ByteTransform as a stream stage (what the part writer pipes into the file). */
function transformStream(t: ByteTransform): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        for (const o of t.push(chunk)) this.push(o);
        done();
      } catch (e) {
        done(e as Error);
      }
    },
    flush(done) {
      try {
        for (const o of t.end()) this.push(o);
        done();
      } catch (e) {
        done(e as Error);
      }
    },
  });
}

/** A compressing stream stage for `codec`, or null for plain output. */
export function compressor(c: WriteCodec | null): Transform | null {
  switch (c) {
    case null: return null;
    case "gzip": return zlib.createGzip();
    case "deflate": return zlib.createDeflate();
    case "bzip2": return transformStream(new Bzip2Encoder());
    case "lz4": return transformStream(new HadoopBlockEncoder(LZ4_BLOCK));
    case "snappy": return transformStream(new HadoopBlockEncoder(SNAPPY_BLOCK));
  }
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
