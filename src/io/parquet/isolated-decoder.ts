/**
 * Parquet decoding in worker threads (see decoder-worker-source.ts for why): an async scan API
 * over a small pool of workers, and a synchronous footer/schema read for `spark.read.parquet`,
 * which (like PySpark) returns a DataFrame with its schema at once.
 *
 * Any failure, including a worker killed by a WebAssembly trap, surfaces as a PijarError the
 * caller can catch; the process and later reads are unaffected.
 */
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from "node:worker_threads";
import { startEvalWorker } from "../../context/eval-worker.js";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { DECODER_WORKER_SOURCE } from "./decoder-worker-source.js";

type Reply = { ok: true; [k: string]: unknown } | { ok: false; message: string; fatal: boolean };

let moduleUrlCache: string | null = null;
function moduleUrl(): string {
  // The Node build of parquet-wasm, resolved from here (works from src/ and dist/).
  moduleUrlCache ??= pathToFileURL(createRequire(import.meta.url).resolve("parquet-wasm")).href;
  return moduleUrlCache;
}

/** The failure of one decode step; `fatal` when the worker died (a trap). */
export class DecodeFailure extends Error {
  constructor(message: string, readonly fatal: boolean) {
    super(message);
  }
}

/** One worker, used by one scan at a time. */
class DecoderWorker {
  private readonly worker: Worker;
  private pending: { resolve: (r: Reply) => void } | null = null;
  dead = false;

  constructor() {
    this.worker = startEvalWorker(DECODER_WORKER_SOURCE, { workerData: { moduleUrl: moduleUrl(), signal: null } });
    this.worker.unref();
    this.worker.on("message", (m: Reply) => {
      const p = this.pending;
      this.pending = null;
      p?.resolve(m);
    });
    const die = (why: string) => {
      this.dead = true;
      const p = this.pending;
      this.pending = null;
      p?.resolve({ ok: false, fatal: true, message: why });
    };
    this.worker.on("error", (e) => die(String(e?.message ?? e)));
    this.worker.on("exit", (code) => die(`the decoder stopped (exit code ${code})`));
  }

  async call(msg: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (this.dead) throw new DecodeFailure("the decoder stopped", true);
    this.worker.ref(); // keep the process alive while a reply is awaited
    try {
      const r = await new Promise<Reply>((resolve) => {
        this.pending = { resolve };
        this.worker.postMessage(msg);
      });
      if (!r.ok) {
        if (r.fatal) this.dead = true;
        throw new DecodeFailure(r.message, r.fatal);
      }
      return r;
    } finally {
      this.worker.unref();
    }
  }

  terminate(): void {
    this.dead = true;
    void this.worker.terminate();
  }
}

const idle: DecoderWorker[] = [];
const MAX_IDLE = 2;

function checkout(): DecoderWorker {
  return idle.pop() ?? new DecoderWorker();
}

function checkin(w: DecoderWorker): void {
  if (w.dead) return;
  if (idle.length < MAX_IDLE) idle.push(w);
  else w.terminate();
}

/** An open Parquet file in a worker: its Arrow schema (IPC bytes) and row count, then batches. */
export interface DecodedFile {
  readonly schemaIpc: Uint8Array;
  readonly numRows: number;
  /** Record batches (Arrow IPC streams) of `columns`. */
  batches(columns: readonly string[], batchSize: number, limit: number | null): AsyncGenerator<Uint8Array>;
  close(): Promise<void>;
}

export async function openDecoded(path: string): Promise<DecodedFile> {
  const w = checkout();
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    if (!w.dead) {
      try {
        await w.call({ op: "close" });
      } catch {
        w.terminate();
      }
    }
    checkin(w);
  };
  let r: Record<string, unknown>;
  try {
    r = await w.call({ op: "open", path });
  } catch (e) {
    await close();
    throw e;
  }
  return {
    schemaIpc: r["schema"] as Uint8Array,
    numRows: Number(r["numRows"]),
    close,
    async *batches(columns, batchSize, limit) {
      await w.call({ op: "stream", columns: [...columns], batchSize, limit });
      for (;;) {
        const n = await w.call({ op: "next" });
        if (n["done"]) return;
        yield n["ipc"] as Uint8Array;
      }
    },
  };
}

/** The long-lived worker for synchronous schema reads (this thread blocks on its flag). */
let syncWorker: { worker: Worker; signal: Int32Array; port: MessagePort } | null = null;
const SYNC_TIMEOUT_MS = 60_000;

function startSyncWorker(): { worker: Worker; signal: Int32Array; port: MessagePort } {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = startEvalWorker(DECODER_WORKER_SOURCE, {
    workerData: { moduleUrl: moduleUrl(), signal, port: port2 }, transferList: [port2],
  });
  worker.unref();
  port1.unref();
  const sw = { worker, signal, port: port1 };
  worker.on("exit", () => {
    if (syncWorker === sw) syncWorker = null;
    port1.close();
  });
  return sw;
}

/** Parses a Parquet footer (`PAR1` + footer bytes) to an Arrow schema IPC stream, synchronously. */
export function readSchemaIsolated(footer: Uint8Array): Uint8Array {
  const sw = (syncWorker ??= startSyncWorker());
  const before = Atomics.load(sw.signal, 0);
  sw.worker.postMessage({ op: "schema", bytes: footer });
  const waited = Atomics.wait(sw.signal, 0, before, SYNC_TIMEOUT_MS);
  const msg = receiveMessageOnPort(sw.port)?.message as Reply | undefined;
  if (!msg) {
    void sw.worker.terminate();
    syncWorker = null;
    throw new DecodeFailure(waited === "timed-out" ? "no answer from the decoder" : "the decoder stopped", true);
  }
  if (!msg.ok) {
    if (msg.fatal) syncWorker = null;
    throw new DecodeFailure(msg.message, msg.fatal);
  }
  return msg["ipc"] as Uint8Array;
}
