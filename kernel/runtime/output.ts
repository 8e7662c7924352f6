/**
 * Everything the running code sends to the notebook: streams (stdout/stderr captured from
 * process.stdout/stderr, so console.log and show() both land in the cell), display_data,
 * update_display_data and clear_output.
 *
 * Streams are buffered and flushed when a cell ends, when another output type is sent, when the
 * buffer grows or on a short timer; a busy loop that prints still flushes because the check runs
 * on every write, not only on the timer.
 */
import type { Header, JupyterMessage, OutgoingMessage } from "../wire/message.js";
import { toBundle } from "./display.js";

export type Sender = (channel: "iopub" | "shell" | "stdin" | "control", msg: OutgoingMessage) => void;

const FLUSH_BYTES = 64 * 1024;
const FLUSH_MS = 50;

export class Output {
  /** The request outputs belong to (the running cell, or the last one for late async output). */
  parent: Partial<Header> = {};
  /** The request being handled (for stdin identities and allow_stdin). */
  request: JupyterMessage | null = null;
  private buffers: Record<"stdout" | "stderr", string> = { stdout: "", stderr: "" };
  private lastFlush = Date.now();
  private timer: NodeJS.Timeout | null = null;
  /** The kernel's comms, handed to display methods so widgets can open their comm (main.ts sets it). */
  widgetHost: unknown = undefined;
  /** Original writers, for the kernel's own log lines. */
  readonly rawStderr: (s: string) => boolean;

  constructor(private readonly sendMsg: Sender) {
    this.rawStderr = process.stderr.write.bind(process.stderr) as (s: string) => boolean;
  }

  /** Routes process.stdout/stderr writes to the notebook. */
  captureProcessStreams(): void {
    for (const name of ["stdout", "stderr"] as const) {
      const stream = process[name];
      stream.write = ((chunk: unknown, enc?: unknown, cb?: unknown) => {
        const text = typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8");
        this.write(name, text);
        const done = typeof enc === "function" ? enc : cb;
        if (typeof done === "function") queueMicrotask(() => (done as () => void)());
        return true;
      }) as typeof stream.write;
    }
  }

  write(name: "stdout" | "stderr", text: string): void {
    this.buffers[name] += text;
    if (this.buffers[name].length > FLUSH_BYTES || Date.now() - this.lastFlush > FLUSH_MS) this.flush();
    else if (!this.timer) this.timer = setTimeout(() => this.flush(), FLUSH_MS);
  }

  /** Sends buffered stream text now. */
  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.lastFlush = Date.now();
    for (const name of ["stdout", "stderr"] as const) {
      const text = this.buffers[name];
      if (!text) continue;
      this.buffers[name] = "";
      this.sendMsg("iopub", { msg_type: "stream", content: { name, text }, parent_header: this.parent });
    }
  }

  iopub(msg_type: string, content: Record<string, unknown>, metadata?: Record<string, unknown>): void {
    this.flush();
    this.sendMsg("iopub", { msg_type, content, parent_header: this.parent, ...(metadata ? { metadata } : {}) });
  }

  /**
   * Sends a display_data (or update_display_data) for any value. `grid: true` shows a DataFrame
   * as its interactive grid (`value.grid()`); values without one display as usual.
   */
  async display(value: unknown, opts: { displayId?: string; update?: boolean; grid?: boolean } = {}): Promise<void> {
    const v = opts.grid && typeof (value as { grid?: unknown } | null)?.grid === "function" ? (value as { grid(): unknown }).grid() : value;
    const bundle = await toBundle(v, this.widgetHost);
    if (!bundle) return;
    const transient = opts.displayId ? { display_id: opts.displayId } : {};
    this.iopub(opts.update ? "update_display_data" : "display_data", { data: bundle, metadata: {}, transient });
  }

  clearOutput(wait = false): void {
    this.iopub("clear_output", { wait });
  }
}
