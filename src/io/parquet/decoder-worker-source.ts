/**
 * The code of the Parquet decoder worker (plain JavaScript, run with `eval: true`).
 *
 * Why a worker: parquet-wasm traps (`RuntimeError: unreachable`) on some corrupt files, and in
 * its streaming reader the trap is thrown from a microtask outside any promise chain, which
 * ends the whole process. In a worker such a trap only ends the worker: its
 * `uncaughtException` handler reports the error to the caller first, then the worker exits (its
 * WebAssembly instance may be left in a bad state) and the pool starts a fresh one.
 *
 * It needs nothing but parquet-wasm, whose module URL arrives in workerData, so it runs the same
 * from TypeScript sources (tests) and from the compiled package.
 *
 * Messages in: {op:"open", path} | {op:"stream", columns, batchSize, limit} | {op:"next"} |
 * {op:"close"} | {op:"schema", bytes, id}. Out: {ok:true, ...} or {ok:false, message, fatal}.
 * Synchronous callers pass a SharedArrayBuffer flag, notified after every reply.
 */
export const DECODER_WORKER_SOURCE = `
const { workerData, parentPort } = require("node:worker_threads");
const fs = require("node:fs");
const { moduleUrl, signal } = workerData;
// Synchronous callers read replies with receiveMessageOnPort on their end of this port.
const out = workerData.port || parentPort;
let pw = null;
let file = null;
let reader = null;
function reply(msg, transfer) {
  out.postMessage(msg, transfer || []);
  if (signal) { Atomics.add(signal, 0, 1); Atomics.notify(signal, 0); }
}
process.on("uncaughtException", (e) => {
  reply({ ok: false, fatal: true, message: String((e && e.message) || e) });
  process.exit(1);
});
process.on("unhandledRejection", (e) => {
  reply({ ok: false, fatal: true, message: String((e && e.message) || e) });
  process.exit(1);
});
function bytesOf(u8) {
  // Copy out of WebAssembly memory so the buffer can be transferred.
  const c = new Uint8Array(u8.length); c.set(u8); return c;
}
async function handle(m) {
  if (!pw) pw = await import(moduleUrl);
  if (m.op === "schema") {
    const s = pw.readSchema(m.bytes);
    const ipc = bytesOf(s.intoIPCStream());
    return reply({ ok: true, ipc }, [ipc.buffer]);
  }
  if (m.op === "open") {
    const blob = await fs.openAsBlob(m.path);
    file = await pw.ParquetFile.fromFile(blob);
    const schema = bytesOf(file.schema().intoIPCStream());
    const numRows = file.metadata().fileMetadata().numRows();
    return reply({ ok: true, schema, numRows }, [schema.buffer]);
  }
  if (m.op === "stream") {
    const opts = { batchSize: m.batchSize, columns: m.columns };
    if (m.limit !== null) opts.limit = m.limit;
    reader = (await file.stream(opts)).getReader();
    return reply({ ok: true });
  }
  if (m.op === "next") {
    const { done, value } = await reader.read();
    if (done) return reply({ ok: true, done: true });
    const ipc = bytesOf(value.intoIPCStream());
    return reply({ ok: true, done: false, ipc }, [ipc.buffer]);
  }
  if (m.op === "close") {
    if (reader) { try { await reader.cancel(); } catch {} reader = null; }
    if (file) { try { file.free(); } catch {} file = null; }
    return reply({ ok: true });
  }
}
parentPort.on("message", (m) => {
  handle(m).catch((e) => reply({ ok: false, fatal: false, message: String((e && e.message) || e) }));
});
`;
