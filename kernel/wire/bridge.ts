/**
 * Messages between the wire thread (a worker: ZeroMQ sockets, signing, heartbeat, interrupt)
 * and the main thread (user code, protocol handlers).
 *
 * Why this split: user code runs on the main thread so that `vm` breakOnSigint and the
 * inspector's terminateExecution can stop it while keeping its variables; the sockets live in a
 * worker so heartbeats and control requests are answered even while a cell spins forever.
 */
import type { JupyterMessage, OutgoingMessage } from "./message.js";

export type Channel = "shell" | "control" | "stdin" | "iopub";

/** Wire thread -> main thread. */
export type ToMain =
  | { kind: "request"; channel: "shell" | "control"; msg: JupyterMessage }
  | { kind: "interrupt" }
  | { kind: "shutdown"; restart: boolean }
  /** Answer to a barrier: every request the wire thread had read before it was sent is ahead. */
  | { kind: "barrier" };

/** Main thread -> wire thread. */
export type ToWire =
  | { kind: "send"; channel: Channel; msg: OutgoingMessage }
  | { kind: "interrupt-ack" }
  | { kind: "waiting-input"; value: boolean }
  | { kind: "close" }
  | { kind: "barrier" };

/** Connection file fields (see jupyter_client's connect.py). */
export interface ConnectionInfo {
  transport: string;
  ip: string;
  shell_port: number;
  iopub_port: number;
  stdin_port: number;
  control_port: number;
  hb_port: number;
  key: string;
  signature_scheme: string;
}

/** Data the wire worker starts with. */
export interface WireWorkerData {
  connection: ConnectionInfo;
  session: string;
  kernelInfo: Record<string, unknown>;
  /** Shared buffer the wire thread writes input_reply values into (see runtime/input.ts). */
  inputBuffer: SharedArrayBuffer;
  /**
   * One Int32 set to 1 by the wire thread on interrupt and reset by the main thread when a cell
   * starts. Shared memory, so an engine loop that never yields to the event loop can still see
   * it (src/execution/jobs.ts checks it between batches when given via setInterruptFlag).
   */
  interruptFlag: SharedArrayBuffer;
  /** The main thread's V8 heap limit in bytes (for FLAG_MEMORY_PRESSURE). */
  heapLimit: number;
}

/** Int32 slots of `interruptFlag`. */
export const FLAG_INTERRUPTED = 0;
/** 1 while the main thread runs a cell's code: only then may the wire thread terminate it. */
export const FLAG_IN_USER_CODE = 1;
/**
 * 1 while the process's resident memory nears the main thread's heap limit (the wire thread
 * polls it): only then do cell loops pay for a precise heap check (see runtime/memory-guard.ts).
 */
export const FLAG_MEMORY_PRESSURE = 2;
export const FLAG_SLOTS = 4;
/** Byte offset of a Float64 with the time (Date.now()) of the wire thread's last interrupt. */
export const FLAG_LAST_INTERRUPT_BYTE = 16;
export const FLAG_BYTES = 24;

/** Layout of the input buffer: Int32 state, Int32 byte length, then UTF-8 bytes. */
export const INPUT_STATE_WAITING = 0;
export const INPUT_STATE_READY = 1;
export const INPUT_STATE_INTERRUPTED = 2;
export const INPUT_HEADER_BYTES = 8;
export const INPUT_BUFFER_BYTES = 1 << 20;
