/**
 * Routes requests to handlers: shell requests one at a time in arrival order (as ipykernel),
 * each wrapped in busy/idle status messages; after a failed execute with stop_on_error the
 * executes already queued are answered "aborted" without running.
 */
import type { JupyterMessage } from "../wire/message.js";
import type { Output, Sender } from "../runtime/output.js";
import { execute, type ExecuteDeps } from "./execute.js";
import { kernelInfo } from "./kernel-info.js";
import { complete } from "./complete.js";
import { inspectRequest } from "./inspect.js";

/** Queue marker for the wire thread's barrier (never sent anywhere). */
const BARRIER = { header: { msg_type: "pijar_barrier" } } as unknown as JupyterMessage;

export class Dispatcher {
  private readonly queue: { channel: "shell" | "control"; msg: JupyterMessage }[] = [];
  private running = false;
  /**
   * After a failed cell, executes are aborted until the wire thread's barrier comes back:
   * "Run All" sends every cell at once, and requests the wire thread already read may still be on
   * their way to this thread when a fast cell has failed (ipykernel posts itself a "stop
   * aborting" message the same way).
   */
  private aborting = false;

  constructor(
    private readonly send: Sender,
    private readonly output: Output,
    private readonly deps: ExecuteDeps,
    /** Asks the wire thread for a barrier; its answer must reach barrier(). */
    private readonly requestBarrier: () => void = () => this.barrier(),
  ) {}

  /** The wire thread's answer to requestBarrier(), queued behind every request read before it. */
  barrier(): void {
    this.queue.push({ channel: "shell", msg: BARRIER });
    if (!this.running) void this.drain();
  }

  enqueue(channel: "shell" | "control", msg: JupyterMessage): void {
    this.queue.push({ channel, msg });
    if (!this.running) void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length) {
        const { channel, msg } = this.queue.shift()!;
        await this.handle(channel, msg);
      }
    } finally {
      this.running = false;
    }
  }

  private status(state: string, parent: JupyterMessage): void {
    this.send("iopub", { msg_type: "status", content: { execution_state: state }, parent_header: parent.header });
  }

  private reply(channel: "shell" | "control", req: JupyterMessage, type: string, content: Record<string, unknown>): void {
    this.send(channel, { msg_type: type, content, parent_header: req.header, identities: req.identities });
  }

  private async handle(channel: "shell" | "control", msg: JupyterMessage): Promise<void> {
    if (msg === BARRIER) {
      this.aborting = false;
      return;
    }
    const type = msg.header.msg_type;
    this.output.flush();
    this.output.parent = msg.header;
    this.output.request = msg;
    this.status("busy", msg);
    try {
      const replyType = type.replace(/_request$/, "_reply");
      switch (type) {
        case "execute_request": {
          if (this.aborting) {
            this.reply(channel, msg, replyType, { status: "aborted", execution_count: null });
            break;
          }
          const outcome = await execute(msg, this.deps);
          this.reply(channel, msg, replyType, outcome.reply);
          if (outcome.failed && msg.content["stop_on_error"] !== false) {
            this.abortQueuedExecutes();
            this.aborting = true;
            this.requestBarrier();
          }
          break;
        }
        case "kernel_info_request":
          if (channel === "shell" && this.deps.startup) await this.deps.startup;
          this.reply(channel, msg, replyType, kernelInfo());
          break;
        case "is_complete_request":
          // Loaded on first use: it needs TypeScript, which the main thread otherwise never loads.
          this.reply(channel, msg, replyType, (await import("./is-complete.js")).isComplete(String(msg.content["code"] ?? "")));
          break;
        case "complete_request":
          this.reply(channel, msg, replyType, await complete(msg.content, this.deps.checker));
          break;
        case "inspect_request":
          this.reply(channel, msg, replyType, await inspectRequest(msg.content, this.deps.checker));
          break;
        case "history_request":
          this.reply(channel, msg, replyType, this.deps.history.request(msg.content));
          break;
        case "comm_info_request": {
          const target = msg.content["target_name"];
          this.reply(channel, msg, replyType, this.deps.comms.info(typeof target === "string" && target ? target : undefined));
          break;
        }
        case "comm_open":
        case "comm_msg":
        case "comm_close":
          await this.deps.comms.handle(type, msg.content);
          break;
        default:
          if (type.endsWith("_request")) {
            this.reply(channel, msg, replyType, {
              status: "error",
              ename: "NotImplemented",
              evalue: `The Pijar kernel does not implement ${type}.`,
              traceback: [],
            });
          }
      }
    } catch (e) {
      this.output.rawStderr(`pijar kernel: handler for ${type} failed: ${(e as Error)?.stack ?? e}\n`);
    } finally {
      this.output.flush();
      this.status("idle", msg);
    }
  }

  private abortQueuedExecutes(): void {
    const keep: typeof this.queue = [];
    for (const item of this.queue) {
      if (item.msg.header.msg_type !== "execute_request") {
        keep.push(item);
        continue;
      }
      this.status("busy", item.msg);
      this.reply(item.channel, item.msg, "execute_reply", { status: "aborted", execution_count: null });
      this.status("idle", item.msg);
    }
    this.queue.length = 0;
    this.queue.push(...keep);
  }
}
