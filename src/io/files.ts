/**
 * Finding input files (a file, a folder, a glob, a list) and reading them in chunks.
 *
 * As Spark: files and folders whose names start with "_" or "." are ignored (_SUCCESS, .crc,
 * staging folders), folders are read recursively through Hive partition folders
 * (`city=Jakarta/`), and a missing path is `[PATH_NOT_FOUND] Path does not exist: file:/abs.`
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { isUtf8 } from "node:buffer";
import { PijarError } from "../errors/pijar-error.js";
import { recoverCommits, recoverCommitsIn } from "./commit-log.js";
import { fileError } from "./file-errors.js";
import { decompressed, decompressedSync } from "./compression.js";

export interface InputFile {
  readonly path: string;
  readonly size: number;
  /** Partition folder values from the root down, e.g. [["city", "Jakarta"]] (raw, unescaped). */
  readonly partitions: readonly (readonly [string, string])[];
}

/** Spark prints local paths as file: URIs. */
export function fileUri(p: string): string {
  return "file:" + path.resolve(p);
}

export function pathNotFound(p: string): PijarError {
  return new PijarError("PATH_NOT_FOUND", { path: fileUri(p) });
}

const hidden = (name: string) => name.startsWith("_") || name.startsWith(".");

function globToRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const j = glob.indexOf("]", i);
      if (j < 0) re += "\\[";
      else {
        re += "[" + glob.slice(i + 1, j).replace(/^!/, "^") + "]";
        i = j;
      }
    } else if (c === "{") {
      const j = glob.indexOf("}", i);
      if (j < 0) re += "\\{";
      else {
        re += "(?:" + glob.slice(i + 1, j).split(",").map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|") + ")";
        i = j;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp("^" + re + "$");
}

const isGlob = (p: string) => /[*?[{]/.test(p);

/** The deepest folder of a glob pattern without wildcards. */
function globRoot(pattern: string): string {
  const parts = path.resolve(pattern).split(path.sep);
  const i = parts.findIndex((seg) => isGlob(seg));
  return parts.slice(0, i).join(path.sep) || path.sep;
}

/** Expands one glob pattern (each path segment may hold wildcards). */
function expandGlob(pattern: string): string[] {
  const abs = path.resolve(pattern);
  const parts = abs.split(path.sep);
  let current = [parts[0] === "" ? path.sep : parts[0]!];
  for (let k = 1; k < parts.length; k++) {
    const seg = parts[k]!;
    if (seg === "") continue;
    const next: string[] = [];
    for (const dir of current) {
      if (!isGlob(seg)) {
        const p = path.join(dir, seg);
        if (fs.existsSync(p)) next.push(p);
        continue;
      }
      let names: string[] = [];
      try {
        names = fs.readdirSync(dir);
      } catch {
        continue;
      }
      const re = globToRegExp(seg);
      for (const n of names.sort()) if (re.test(n) && !hidden(n)) next.push(path.join(dir, n));
    }
    current = next;
  }
  return current;
}

/** Lists data files under a folder, descending into partition folders. */
function listFolder(root: string, dir: string, partitions: [string, string][], out: InputFile[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (hidden(e.name)) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      const eq = e.name.indexOf("=");
      const part: [string, string][] = eq > 0 ? [...partitions, [e.name.slice(0, eq), e.name.slice(eq + 1)]] : partitions;
      listFolder(root, p, part, out);
    } else if (e.isFile()) {
      out.push({ path: p, size: fs.statSync(p).size, partitions });
    }
  }
}

/** Resolves user paths into the data files to read (sorted, hidden files ignored). */
export function listInputFiles(paths: readonly string[]): InputFile[] {
  const out: InputFile[] = [];
  for (const p of paths) {
    // A write killed after its commit point is finished first, so the read sees its data.
    if (isGlob(p)) recoverCommitsIn(globRoot(p));
    else recoverCommits(p);
    const matches = isGlob(p) ? expandGlob(p) : [p];
    if (matches.length === 0 || (!isGlob(p) && !fs.existsSync(p))) throw pathNotFound(p);
    for (const m of matches) {
      const st = fs.statSync(m);
      if (st.isDirectory()) listFolder(m, m, [], out);
      // A FIFO, socket or device reads as empty, as in Spark: opening a FIFO with no writer
      // would block forever, so the chunk readers never open one (see isSpecialFile).
      else out.push({ path: path.resolve(m), size: st.isFile() ? st.size : 0, partitions: [] });
    }
  }
  return out;
}

/** A FIFO, socket or device: read as empty, never opened (a FIFO open blocks without a writer). */
export function isSpecialFile(file: string): boolean {
  try {
    const st = fs.statSync(file);
    return !st.isFile() && !st.isDirectory();
  } catch {
    return false;
  }
}

/** Default bytes per read: large enough for throughput, small enough to never hold a file. */
export const CHUNK_SIZE = 4 * 1024 * 1024;

/** Reads a file as byte chunks; stops early (closing the file) when the consumer breaks. */
export async function* readChunks(file: string, chunkSize = CHUNK_SIZE): AsyncGenerator<Uint8Array> {
  if (isSpecialFile(file)) return;
  let fh: fs.promises.FileHandle;
  try {
    fh = await fs.promises.open(file, "r");
  } catch (e) {
    throw fileError(file, e);
  }
  try {
    for (;;) {
      const buf = new Uint8Array(chunkSize);
      let bytesRead: number;
      try {
        ({ bytesRead } = await fh.read(buf, 0, chunkSize, null));
      } catch (e) {
        throw fileError(file, e);
      }
      if (bytesRead === 0) return;
      yield bytesRead === chunkSize ? buf : buf.subarray(0, bytesRead);
    }
  } finally {
    await fh.close();
  }
}

/** Decodes byte chunks to text chunks; multi-byte characters split across chunks are kept whole. */
export async function* readTextChunks(file: string, encoding: string, chunkSize = CHUNK_SIZE, onBytes?: (n: number) => void, utf8?: { invalid: boolean }): AsyncGenerator<string> {
  const enc = normalizeEncoding(encoding);
  const decoder = new TextDecoder(enc, { fatal: false });
  let first = true;
  for await (const chunk of decompressed(file, readChunks(file, chunkSize))) {
    onBytes?.(chunk.length);
    let text = decoder.decode(chunk, { stream: true });
    if (utf8) noteInvalidUtf8(enc, chunk, text, utf8);
    // Drop a UTF-8 byte order mark, as Spark does.
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    if (text.length) yield text;
  }
  const tail = decoder.decode();
  if (tail.length) yield tail;
}

/**
 * Synchronous twin of readTextChunks, for schema inference: PySpark's `spark.read.csv(...,
 * inferSchema=True)` returns a DataFrame (with its schema) right away, so Pijar's reader does
 * too, reading the files chunk by chunk (never whole) before returning.
 */
export function* readTextChunksSync(file: string, encoding: string, chunkSize = CHUNK_SIZE, utf8?: { invalid: boolean }): Generator<string> {
  const enc = normalizeEncoding(encoding);
  const decoder = new TextDecoder(enc, { fatal: false });
  let first = true;
  for (const chunk of decompressedSync(file, () => plainChunksSync(file, chunkSize))) {
    let text = decoder.decode(chunk, { stream: true });
    if (utf8) noteInvalidUtf8(enc, chunk, text, utf8);
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    if (text.length) yield text;
  }
  const tail = decoder.decode();
  if (tail.length) yield tail;
}

/**
 * A plain file's bytes in chunks, synchronously (one reused buffer: callers copy what they
 * keep, as the tokenizers and decoders do).
 */
export function* plainChunksSync(file: string, chunkSize: number): Generator<Uint8Array> {
  if (isSpecialFile(file)) return;
  let fd: number;
  try {
    fd = fs.openSync(file, "r");
  } catch (e) {
    throw fileError(file, e);
  }
  try {
    const buf = new Uint8Array(chunkSize);
    for (;;) {
      let n: number;
      try {
        n = fs.readSync(fd, buf, 0, chunkSize, null);
      } catch (e) {
        throw fileError(file, e);
      }
      if (n === 0) break;
      yield buf.subarray(0, n);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Flags a UTF-8 file whose bytes are not valid UTF-8 (the decoder put U+FFFD in their place),
 * so a reader can treat the affected records as Spark does. Checked only for chunks whose text
 * holds a U+FFFD, so valid files cost one indexOf per chunk.
 */
function noteInvalidUtf8(enc: string, chunk: Uint8Array, text: string, utf8: { invalid: boolean }): void {
  if (utf8.invalid || enc !== "utf-8" || !text.includes("\uFFFD")) return;
  if (!isUtf8(chunk)) utf8.invalid = true;
}

/** Java charset names -> WHATWG names (TextDecoder). */
export function normalizeEncoding(enc: string): string {
  const e = enc.trim().toLowerCase().replace(/_/g, "-");
  if (e === "utf8") return "utf-8";
  if (e === "iso-8859-1" || e === "latin1") return "latin1";
  if (e === "us-ascii" || e === "ascii") return "ascii";
  try {
    new TextDecoder(e);
    return e;
  } catch {
    throw new PijarError("INVALID_OPTION", { message: "" }, { message: `Unsupported encoding '${enc}'. Use utf-8 (default), utf-16le, iso-8859-1 or another WHATWG encoding name.` });
  }
}
