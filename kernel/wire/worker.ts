/**
 * The wire thread: binds the five Jupyter sockets, verifies signatures, answers heartbeat and
 * the control requests that must work while a cell is running (kernel_info, interrupt,
 * shutdown), and forwards everything else to the main thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import inspector from "node:inspector";
import * as zmq from "zeromq";
import { Signer } from "./signer.js";
import { decode, encode, type JupyterMessage, type OutgoingMessage } from "./message.js";
import { SendQueue } from "./send-queue.js";
import {
  FLAG_INTERRUPTED,
  FLAG_IN_USER_CODE,
  FLAG_LAST_INTERRUPT_BYTE,
  FLAG_MEMORY_PRESSURE,
  FLAG_SLOTS,
  INPUT_HEADER_BYTES,
  INPUT_STATE_INTERRUPTED,
  INPUT_STATE_READY,
  type Channel,
  type ToMain,
  type ToWire,
  type WireWorkerData,
} from "./bridge.js";

const data = workerData as WireWorkerData;
const port = parentPort!;
const conn = data.connection;
const signer = new Signer(conn.key, conn.signature_scheme || "hmac-sha256");
const url = (p: number) => (conn.transport === "ipc" ? `ipc://${conn.ip}-${p}` : `tcp://${conn.ip}:${p}`);

// handover: a client that reconnects with the routing id it had (jupyter_client derives it from
// its session) takes the route over instead of being ignored while its old pipe lingers, as
// ipykernel sets it.
const shell = new zmq.Router({ handover: true });
const control = new zmq.Router({ handover: true });
const stdin = new zmq.Router({ handover: true });
const iopub = new zmq.Publisher();
const hb = new zmq.Reply();
const queues: Record<Channel, SendQueue> = {
  shell: new SendQueue(shell),
  control: new SendQueue(control),
  stdin: new SendQueue(stdin),
  iopub: new SendQueue(iopub),
};

// The inspector session lets us stop code the main thread runs after an `await`, which SIGINT
// cannot reach (see interrupt()).
const inspectorSession = new inspector.Session();
inspectorSession.connectToMainThread();

let interruptAcked = false;
/** How long the main thread has to react to SIGINT before its execution is terminated. */
const TERMINATE_AFTER_MS = 500;
let waitingInput = false;
const inputState = new Int32Array(data.inputBuffer, 0, 2);
const inputBytes = new Uint8Array(data.inputBuffer, INPUT_HEADER_BYTES);
const interruptFlag = new Int32Array(data.interruptFlag, 0, FLAG_SLOTS);
const lastInterrupt = new Float64Array(data.interruptFlag, FLAG_LAST_INTERRUPT_BYTE, 1);

function toMain(m: ToMain): void {
  port.postMessage(m);
}

function send(channel: Channel, msg: OutgoingMessage): void {
  void queues[channel].push(encode(msg, data.session, signer));
}

function status(state: string, parent: JupyterMessage): void {
  send("iopub", { msg_type: "status", content: { execution_state: state }, parent_header: parent.header });
}

function reply(channel: Channel, req: JupyterMessage, type: string, content: Record<string, unknown>): void {
  send(channel, { msg_type: type, content, parent_header: req.header, identities: req.identities });
}

/**
 * Interrupts the main thread: SIGINT first (stops synchronous code run with breakOnSigint and
 * wakes the main thread's SIGINT handler when it is idle-waiting on a query); when the main
 * thread does not acknowledge quickly it is stuck in microtasks, so terminate that execution
 * through the inspector. The "interrupt" message then tells the main thread to fail the cell.
 */
function interrupt(): void {
  interruptAcked = false;
  Atomics.store(interruptFlag, FLAG_INTERRUPTED, 1);
  lastInterrupt[0] = Date.now();
  toMain({ kind: "interrupt" });
  if (waitingInput) {
    // input() blocks in Atomics.wait inside vm code: wake it instead of signalling, because a
    // SIGINT caught there would stay pending and break the next cell.
    Atomics.store(inputState, 0, INPUT_STATE_INTERRUPTED);
    Atomics.notify(inputState, 0);
    return;
  }
  process.kill(process.pid, "SIGINT");
  setTimeout(() => {
    // Never terminate kernel code: only a cell that keeps the thread busy.
    if (!interruptAcked && Atomics.load(interruptFlag, FLAG_IN_USER_CODE) === 1) {
      inspectorSession.post("Runtime.terminateExecution", () => undefined);
    }
  }, TERMINATE_AFTER_MS);
}

/**
 * Raises FLAG_MEMORY_PRESSURE when the process's resident memory passes 70% of the main thread's
 * heap limit. Reading RSS costs microseconds, too much for every loop iteration of a cell, but
 * nothing here; the main thread's precise check then runs only under pressure.
 */
const PRESSURE_FRACTION = 0.7;
setInterval(() => {
  const high = process.memoryUsage.rss() > data.heapLimit * PRESSURE_FRACTION ? 1 : 0;
  if (Atomics.load(interruptFlag, FLAG_MEMORY_PRESSURE) !== high) Atomics.store(interruptFlag, FLAG_MEMORY_PRESSURE, high);
}, 25).unref();

async function serveHeartbeat(): Promise<void> {
  for await (const frames of hb) await hb.send(frames);
}

async function serveRouter(sock: zmq.Router, channel: "shell" | "control" | "stdin"): Promise<void> {
  for await (const frames of sock) {
    const msg = decode(frames as Buffer[], signer);
    if (!msg) {
      process.stderr.write(`pijar kernel: dropped an invalid or wrongly signed message on ${channel}\n`);
      continue;
    }
    if (channel === "stdin") onStdin(msg);
    else if (channel === "control") onControl(msg);
    else toMain({ kind: "request", channel: "shell", msg });
  }
}

function onStdin(msg: JupyterMessage): void {
  if (msg.header.msg_type !== "input_reply" || !waitingInput) return;
  const value = Buffer.from(String(msg.content["value"] ?? ""), "utf8");
  const n = Math.min(value.length, inputBytes.length);
  inputBytes.set(value.subarray(0, n));
  Atomics.store(inputState, 1, n);
  Atomics.store(inputState, 0, INPUT_STATE_READY);
  Atomics.notify(inputState, 0);
}

function onControl(msg: JupyterMessage): void {
  const type = msg.header.msg_type;
  if (type === "kernel_info_request") {
    status("busy", msg);
    reply("control", msg, "kernel_info_reply", data.kernelInfo);
    status("idle", msg);
  } else if (type === "interrupt_request") {
    status("busy", msg);
    reply("control", msg, "interrupt_reply", { status: "ok" });
    status("idle", msg);
    interrupt();
  } else if (type === "shutdown_request") {
    const restart = Boolean(msg.content["restart"]);
    status("busy", msg);
    reply("control", msg, "shutdown_reply", { status: "ok", restart });
    status("idle", msg);
    toMain({ kind: "shutdown", restart });
    // If user code keeps the main thread busy, stop it so the process can exit.
    setTimeout(() => inspectorSession.post("Runtime.terminateExecution", () => undefined), 500);
  } else {
    toMain({ kind: "request", channel: "control", msg });
  }
}

port.on("message", (m: ToWire) => {
  if (m.kind === "send") send(m.channel, m.msg);
  else if (m.kind === "interrupt-ack") interruptAcked = true;
  else if (m.kind === "waiting-input") waitingInput = m.value;
  else if (m.kind === "close") void close();
  else if (m.kind === "barrier") void barrierAfterDrain();
});

/**
 * Answers a barrier once the shell socket holds no unread request: a request that reached the
 * socket before the barrier was asked for must be ahead of it (and so be aborted after a failed
 * cell), even if this thread's read loop had not taken it yet.
 */
async function barrierAfterDrain(): Promise<void> {
  for (let i = 0; i < 100 && shell.readable; i++) await new Promise((r) => setTimeout(r, 1));
  // One more turn lets the read loop forward what it took last.
  await new Promise((r) => setImmediate(r));
  toMain({ kind: "barrier" });
}

/** Closes sockets and the inspector session so the process can exit cleanly. */
async function close(): Promise<void> {
  await Promise.race([Promise.all(Object.values(queues).map((q) => q.push([]).catch(() => undefined))), new Promise((r) => setTimeout(r, 200))]);
  try {
    inspectorSession.disconnect();
  } catch {
    // already disconnected
  }
  for (const s of [shell, control, stdin, iopub, hb]) {
    try {
      s.linger = 100;
      s.close();
    } catch {
      // closing twice is harmless
    }
  }
  port.postMessage({ kind: "closed" });
}

async function main(): Promise<void> {
  await Promise.all([
    shell.bind(url(conn.shell_port)),
    control.bind(url(conn.control_port)),
    stdin.bind(url(conn.stdin_port)),
    iopub.bind(url(conn.iopub_port)),
    hb.bind(url(conn.hb_port)),
  ]);
  port.postMessage({ kind: "bound" });
  void serveHeartbeat();
  void serveRouter(shell, "shell");
  void serveRouter(control, "control");
  void serveRouter(stdin, "stdin");
}

main().catch((e) => {
  process.stderr.write(`pijar kernel: cannot bind sockets: ${String(e)}\n`);
  process.exit(1);
});
