/**
 * Jupyter comms (the channel widgets use): targets registered by kernel or cell code, comms the
 * front end opens (comm_open -> the target's handler) or the kernel opens (`comms.open`), their
 * messages both ways, and comm_info. A comm_open for an unknown target is answered with a
 * comm_close, as ipykernel does, so the front end does not wait for a comm that never comes.
 *
 * Cells reach it as the global `comms` (see globals.ts); the declarations are in checker-worker.ts.
 * A message handler may return a Promise: the dispatcher waits for it before the next shell
 * request, as ipykernel handles comm messages in shell order, so a widget's query (a grid page)
 * neither interleaves with a running cell nor reports idle before its reply is sent.
 */
import { randomUUID } from "node:crypto";
import type { Output } from "./output.js";

export type CommData = Record<string, unknown>;

export interface Comm {
  readonly id: string;
  readonly targetName: string;
  /** Sends comm_msg data to the front end. */
  send(data: CommData, metadata?: CommData): void;
  /** Closes the comm (sends comm_close unless the front end closed it). */
  close(data?: CommData): void;
  /** Called with each comm_msg's data the front end sends (awaited when it returns a Promise). */
  onMsg(handler: MsgHandler): void;
  /** Called once when the comm closes (from either side). */
  onClose(handler: (data: CommData) => void): void;
}

export type TargetHandler = (comm: Comm, data: CommData) => void | Promise<void>;
export type MsgHandler = (data: CommData, msg: CommData) => void | Promise<void>;

class OpenComm implements Comm {
  private readonly msgHandlers: MsgHandler[] = [];
  private readonly closeHandlers: ((data: CommData) => void)[] = [];
  closed = false;

  constructor(
    readonly id: string,
    readonly targetName: string,
    private readonly manager: CommManager,
  ) {}

  send(data: CommData, metadata: CommData = {}): void {
    if (this.closed) throw new Error(`comm ${this.id} (${this.targetName}) is closed`);
    this.manager.output.iopub("comm_msg", { comm_id: this.id, data }, metadata);
  }

  close(data: CommData = {}): void {
    if (this.closed) return;
    this.manager.output.iopub("comm_close", { comm_id: this.id, data });
    this.closedBy(data);
  }

  onMsg(handler: MsgHandler): void {
    this.msgHandlers.push(handler);
  }

  onClose(handler: (data: CommData) => void): void {
    this.closeHandlers.push(handler);
  }

  async received(data: CommData, msg: CommData): Promise<void> {
    for (const h of this.msgHandlers) await h(data, msg);
  }

  closedBy(data: CommData): void {
    this.closed = true;
    this.manager.forget(this.id);
    for (const h of this.closeHandlers.splice(0)) h(data);
  }
}

export class CommManager {
  private readonly targets = new Map<string, TargetHandler>();
  private readonly comms = new Map<string, OpenComm>();

  constructor(readonly output: Output) {}

  registerTarget(name: string, handler: TargetHandler): void {
    this.targets.set(name, handler);
  }

  unregisterTarget(name: string): void {
    this.targets.delete(name);
  }

  /** Opens a comm from the kernel side (the front end must have the target). */
  open(targetName: string, data: CommData = {}, metadata: CommData = {}): Comm {
    const comm = new OpenComm(randomUUID().replace(/-/g, ""), targetName, this);
    this.comms.set(comm.id, comm);
    this.output.iopub("comm_open", { comm_id: comm.id, target_name: targetName, data }, metadata);
    return comm;
  }

  forget(id: string): void {
    this.comms.delete(id);
  }

  /** comm_info_reply content: open comms, optionally of one target. */
  info(targetName?: string): Record<string, unknown> {
    const comms: Record<string, { target_name: string }> = {};
    for (const c of this.comms.values()) {
      if (!targetName || c.targetName === targetName) comms[c.id] = { target_name: c.targetName };
    }
    return { status: "ok", comms };
  }

  /** Handles comm_open / comm_msg / comm_close from the front end; a throwing handler is reported on stderr. */
  async handle(type: string, content: CommData): Promise<void> {
    const id = String(content["comm_id"] ?? "");
    const data = (content["data"] as CommData | undefined) ?? {};
    try {
      if (type === "comm_open") {
        const target = String(content["target_name"] ?? "");
        const handler = this.targets.get(target);
        if (!handler) {
          this.output.write("stderr", `No such comm target registered: ${target}\n`);
          this.output.iopub("comm_close", { comm_id: id, data: {} });
          return;
        }
        const comm = new OpenComm(id, target, this);
        this.comms.set(id, comm);
        await handler(comm, data);
      } else if (type === "comm_msg") {
        await this.comms.get(id)?.received(data, content);
      } else if (type === "comm_close") {
        this.comms.get(id)?.closedBy(data);
      }
    } catch (e) {
      this.output.write("stderr", `Error in comm ${type} handler (${id}): ${(e as Error)?.stack ?? e}\n`);
    }
  }
}
