#!/usr/bin/env node
/**
 * Kernel entry: `node dist/kernel/main.js <connection_file>`.
 *
 * Thread layout (why: the protocol never waits for user code):
 * - wire thread (wire/worker.ts): ZeroMQ sockets, signatures, heartbeat, and the control
 *   requests kernel_info / interrupt / shutdown, which it answers even while a cell spins;
 * - main thread (this file): user code in the global scope, protocol handlers (protocol/);
 * - checker thread (runtime/checker-worker.ts): the TypeScript language service.
 */
import { readFileSync, existsSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { Worker } from "node:worker_threads";
import { getHeapStatistics } from "node:v8";
import { pathToFileURL } from "node:url";
import path from "node:path";
import type { ConnectionInfo, ToMain, ToWire, WireWorkerData } from "./wire/bridge.js";
import { FLAG_BYTES, FLAG_LAST_INTERRUPT_BYTE, FLAG_SLOTS, INPUT_BUFFER_BYTES, INPUT_HEADER_BYTES } from "./wire/bridge.js";
import { Output, type Sender } from "./runtime/output.js";
import { toBundle } from "./runtime/display.js";
import { History } from "./protocol/history.js";
import { CommManager } from "./runtime/comms.js";
import { kernelInfo } from "./protocol/kernel-info.js";
import { makeInput } from "./runtime/input.js";
import { progressListener } from "./runtime/progress.js";
import { startChecker } from "./runtime/checker-launch.js";
import { REPO_ROOT } from "./runtime/module-loader.js";
import type { Dispatcher as DispatcherT } from "./protocol/dispatcher.js";
import type { Evaluator as EvaluatorT } from "./runtime/evaluate.js";

const connectionFile = process.argv[2];
if (!connectionFile) {
  process.stderr.write("usage: node dist/kernel/main.js <connection_file> (Jupyter passes {connection_file})\n");
  process.exit(2);
}
const connection = JSON.parse(readFileSync(connectionFile, "utf8")) as ConnectionInfo;
const inputBuffer = new SharedArrayBuffer(INPUT_HEADER_BYTES + INPUT_BUFFER_BYTES);
const interruptFlag = new SharedArrayBuffer(FLAG_BYTES);
const lastWireInterrupt = new Float64Array(interruptFlag, FLAG_LAST_INTERRUPT_BYTE, 1);
const heapLimit = getHeapStatistics().heap_size_limit;
const wireData: WireWorkerData = { connection, session: randomUUID(), kernelInfo: kernelInfo(), inputBuffer, interruptFlag, heapLimit };
const wire = new Worker(new URL("./wire/worker.js", import.meta.url), { workerData: wireData });
const toWire = (m: ToWire) => wire.postMessage(m);
const send: Sender = (channel, msg) => toWire({ kind: "send", channel, msg });

const output = new Output(send);
output.captureProcessStreams();
const history = new History();
const comms = new CommManager(output);
output.widgetHost = comms;
// Requests that arrive while the runtime modules load wait here.
const early: ToMain[] = [];
let onWireMessage: (m: ToMain) => void = (m) => early.push(m);
wire.on("message", (m: ToMain) => onWireMessage(m));
const checker = process.env["PIJAR_NO_TYPECHECK"]
  ? null
  : startChecker(process.cwd(), REPO_ROOT);
// Imported after the wire thread started, so the sockets answer kernel_info while they load.
// (TypeScript loads on this thread only without a checker: the checker transpiles cells.)
const { Evaluator } = await import("./runtime/evaluate.js");
const { Dispatcher } = await import("./protocol/dispatcher.js");
const { installGlobals } = await import("./runtime/globals.js");
const evaluator: EvaluatorT = new Evaluator(new Int32Array(interruptFlag, 0, FLAG_SLOTS));

async function cancelJobs(): Promise<void> {
  const jobs = path.join(REPO_ROOT, "dist", "bundle", "jobs.js");
  if (!existsSync(jobs)) return;
  const mod = await import(pathToFileURL(jobs).href);
  mod.cancelAllJobs();
}

async function setup(): Promise<void> {
  await installGlobals(output, makeInput(inputBuffer, toWire, send, output), comms);
  // Compile the per-cell paths (display of a value; transpile when this thread does it) first.
  if (!checker) await evaluator.warmTranspiler();
  await toBundle(2);
  const jobs = path.join(REPO_ROOT, "dist", "bundle", "jobs.js");
  if (existsSync(jobs)) {
    const mod = await import(pathToFileURL(jobs).href);
    mod.addProgressListener(progressListener(output));
    // Lets queries that never yield to the event loop notice an interrupt between batches.
    if (typeof mod.setInterruptFlag === "function") mod.setInterruptFlag(new Int32Array(interruptFlag, 0, 1));
  }
}
const ready = setup().catch((e) => {
  output.rawStderr(`pijar kernel: setup failed: ${(e as Error)?.stack ?? e}\n`);
});

/** Longest wait for the type checker before kernel_info_reply goes out anyway (a slow machine; clients wait 30-60 s). */
const STARTUP_WAIT_MS = 15_000;
const startup = Promise.race([
  Promise.all([ready, checker?.whenWarm()]),
  new Promise((r) => setTimeout(r, STARTUP_WAIT_MS).unref()),
]);
const dispatcher: DispatcherT = new Dispatcher(send, output, { evaluator, output, history, checker, comms, ready, startup }, () =>
  toWire({ kind: "barrier" }),
);

function onInterrupt(): void {
  if (process.env["PIJAR_DEBUG"]) output.rawStderr(`pijar kernel: interrupt (running=${evaluator.running}) ${new Error().stack?.split("\n").slice(2, 4).join(" | ")}\n`);
  toWire({ kind: "interrupt-ack" });
  evaluator.interrupt();
  void cancelJobs().catch(() => undefined);
}

// SIGINT must never kill the kernel: Jupyter's signal-mode interrupt and the wire thread send it.
// The wire thread's own SIGINT can come back late (Node re-raises a signal that arrived while
// vm breakOnSigint code was blocked, e.g. in input()); its interrupt is already handled through
// the bridge message, so a SIGINT shortly after a wire interrupt is ignored.
process.on("SIGINT", () => {
  if (Date.now() - lastWireInterrupt[0]! < 3000) return;
  onInterrupt();
});

onWireMessage = (m: ToMain | { kind: "bound" | "closed" }) => {
  if (m.kind === "barrier") dispatcher.barrier();
  else if (m.kind === "request") {
    m.msg.identities = m.msg.identities.map((b) => Buffer.from(b));
    dispatcher.enqueue(m.channel, m.msg);
  } else if (m.kind === "interrupt") onInterrupt();
  else if (m.kind === "shutdown") {
    void cancelJobs().catch(() => undefined);
    // Let the wire thread flush the shutdown_reply and close its sockets before exiting.
    toWire({ kind: "close" });
    setTimeout(() => process.exit(0), 1000).unref();
  } else if ((m as { kind: string }).kind === "closed") {
    process.exit(0);
  }
};
for (const m of early.splice(0)) onWireMessage(m);
wire.on("error", (e) => {
  output.rawStderr(`pijar kernel: wire thread failed: ${e.stack ?? e}\n`);
  process.exit(1);
});
wire.on("exit", (code) => {
  if (code !== 0) process.exit(code);
});
process.on("uncaughtException", (e) => {
  // A user error (e.g. a throwing setTimeout callback) never kills the kernel.
  process.stderr.write(`Uncaught ${e?.name ?? "error"}: ${e?.message ?? e}\n`);
});
