/**
 * Zstandard streams cut into frames (src/io/codecs/zstd-frame.ts): concatenated frames, skippable
 * frames, frames with and without a content checksum, a checksum that does not match, a file cut
 * short. The frame is the one PySpark's codec oracle read (test/reliability/expected/codecs.json).
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { ZstdDecoder } from "../../src/io/codecs/zstd.js";

const oracle = JSON.parse(readFileSync(new URL("../reliability/expected/codecs.json", import.meta.url), "utf8")) as
  { spark_written: Record<string, { bytes: string }> };
const FRAME = Buffer.from(oracle.spark_written["csv zstd"]!.bytes, "base64");

/** Decodes `bytes` fed in chunks of `step` bytes (the walker must not care where chunks end). */
function decode(bytes: Uint8Array, step = bytes.length): string {
  const d = new ZstdDecoder();
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += step) out.push(...d.push(bytes.subarray(i, i + step)));
  out.push(...d.end());
  return Buffer.concat(out).toString("utf8");
}

const skippable = (payload: Uint8Array) => {
  const h = Buffer.alloc(8);
  h.writeUInt32LE(0x184d2a53, 0);
  h.writeUInt32LE(payload.length, 4);
  return Buffer.concat([h, payload]);
};

/** The same frame without its checksum: the flag cleared and the last four bytes dropped. */
function withoutChecksum(frame: Buffer): Buffer {
  const f = Buffer.from(frame.subarray(0, frame.length - 4));
  f[4] = f[4]! & ~0x04;
  return f;
}

describe("zstd frames", () => {
  const text = decode(FRAME);

  it("the oracle's frame carries a checksum and decodes to CSV text", () => {
    expect(FRAME[4]! & 0x04).toBe(4);
    expect(text.startsWith("id,")).toBe(true);
  });

  it("concatenated and skippable frames decode in order, whatever the chunk size", () => {
    const stream = Buffer.concat([skippable(Buffer.from("metadata")), FRAME, skippable(Buffer.alloc(0)), withoutChecksum(FRAME)]);
    for (const step of [1, 3, 7, 64, stream.length]) expect(decode(stream, step)).toBe(text + text);
  });

  it("a frame whose checksum does not match fails, naming the frame", () => {
    const bad = Buffer.from(FRAME);
    bad[bad.length - 1] = bad[bad.length - 1]! ^ 0x01;
    expect(() => decode(Buffer.concat([FRAME, bad]))).toThrow(/zstd frame 2 fails its content checksum/);
  });

  it("a stream cut inside a frame or inside a skippable frame is truncated", () => {
    expect(() => decode(FRAME.subarray(0, FRAME.length - 2))).toThrow(/ends inside a frame/);
    expect(() => decode(Buffer.concat([FRAME, skippable(Buffer.from("abc")).subarray(0, 9)]))).toThrow(/ends inside a frame/);
  });

  it("bytes that are not a frame name the magic number", () => {
    expect(() => decode(Buffer.concat([FRAME, Buffer.from("garbage!")]))).toThrow(/not a zstd frame/);
  });
});
