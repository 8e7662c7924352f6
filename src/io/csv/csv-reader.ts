/**
 * Reads CSV files as byte chunks into the tokenizer in the right mode: bytes for UTF-8 with
 * ASCII syntax characters (the fast path), otherwise UTF-16 code units behind a streaming
 * decoder. Both drop a leading byte order mark, as Spark does.
 */
import { codecOf, decompressed, decompressedSync } from "../compression.js";
import { fileError } from "../file-errors.js";
import { isSpecialFile, plainChunksSync, readChunks } from "../files.js";
import * as fs from "node:fs";
import { normalizeEncoding } from "../files.js";
import { CsvByteTokenizer } from "./csv-byte-tokenizer.js";
import type { ChunkTokenizer, CsvSyntax, RecordSink } from "./csv-record.js";

/** A tokenizer for files in `encoding` that takes byte chunks. */
export function chunkTokenizer(syntax: CsvSyntax, encoding: string, sink: RecordSink): ChunkTokenizer {
  const enc = normalizeEncoding(encoding);
  if (enc === "utf-8" && CsvByteTokenizer.supports(syntax)) return new BomSkipper(new CsvByteTokenizer(syntax, sink));
  return new DecodingTokenizer(enc, new CsvByteTokenizer(syntax, sink, true));
}

/** Drops a UTF-8 byte order mark (EF BB BF) at the start of the file. */
class BomSkipper implements ChunkTokenizer {
  private head: Uint8Array | null = new Uint8Array(0);
  constructor(private readonly inner: ChunkTokenizer) {}

  push(chunk: Uint8Array): boolean {
    if (this.head === null) return this.inner.push(chunk);
    // Wait for three bytes (a chunk may be tinier than a BOM).
    const h = new Uint8Array(this.head.length + chunk.length);
    h.set(this.head);
    h.set(chunk, this.head.length);
    if (h.length < 3) {
      this.head = h;
      return true;
    }
    this.head = null;
    return this.inner.push(isBom(h) ? h.subarray(3) : h);
  }

  end(): boolean {
    if (this.head !== null && this.head.length && !this.inner.push(this.head)) return false;
    this.head = null;
    return this.inner.end();
  }
}

function isBom(b: Uint8Array): boolean {
  return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

/** Decodes bytes in any encoding into UTF-16 units for the tokenizer (characters split across chunks are kept whole). */
class DecodingTokenizer implements ChunkTokenizer {
  private readonly decoder: InstanceType<typeof TextDecoder>;
  private first = true;
  constructor(encoding: string, private readonly inner: CsvByteTokenizer) {
    this.decoder = new TextDecoder(encoding, { fatal: false });
  }

  push(chunk: Uint8Array): boolean {
    let text = this.decoder.decode(chunk, { stream: true });
    // The decoder drops one BOM; a file may start with another one.
    if (this.first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.length) this.first = false;
    return text.length ? this.inner.pushText(text) : true;
  }

  end(): boolean {
    const tail = this.decoder.decode();
    if (tail.length && !this.inner.pushText(tail)) return false;
    return this.inner.end();
  }
}

/** Byte chunks of a file, read synchronously (schema inference runs inside `spark.read.csv`). */
export function* readChunksSync(file: string, chunkSize: number): Generator<Uint8Array> {
  yield* decompressedSync(file, () => plainChunksSync(file, chunkSize));
}


/**
 * Byte chunks of a file, read asynchronously into one reused buffer (the tokenizers copy what
 * they keep); closes the file when the consumer stops early.
 */
export async function* readChunksAsync(file: string, chunkSize: number): AsyncGenerator<Uint8Array> {
  // Decompressed output is fresh buffers; plain files reuse one buffer (see above).
  if (codecOf(file)) yield* decompressed(file, readChunks(file, chunkSize));
  else yield* plainChunksAsync(file, chunkSize);
}

async function* plainChunksAsync(file: string, chunkSize: number): AsyncGenerator<Uint8Array> {
  if (isSpecialFile(file)) return;
  let fh: fs.promises.FileHandle;
  try {
    fh = await fs.promises.open(file, "r");
  } catch (e) {
    throw fileError(file, e);
  }
  try {
    const buf = new Uint8Array(chunkSize);
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, chunkSize, null);
      if (bytesRead === 0) return;
      yield buf.subarray(0, bytesRead);
    }
  } finally {
    await fh.close();
  }
}
