/**
 * The main thread's handle on the type checker, which runs outside the main thread (a process
 * started from a snapshot, or a worker thread: checker-launch.ts) so that it never blocks the
 * kernel.
 */
import type { TranspiledCell } from "./transpile.js";

/** A type error in cell coordinates (0-based line/col). */
export interface Diagnostic {
  line: number;
  col: number;
  length: number;
  /** TypeScript's code (0 for Pijar's own checks, which have a name instead). */
  code: number;
  message: string;
  /** Pijar's own checks: the error condition, e.g. CANNOT_CONVERT_COLUMN_INTO_BOOL. */
  name?: string;
  /** A PySpark habit's Pijar form, in English and Bahasa Indonesia (pyspark-hints.ts). */
  hint?: { en: string; id: string };
}

/** A cell's check and, when it has no type errors, its transpilation (see Evaluator.usePrepared). */
export interface Prepared {
  diagnostics: Diagnostic[];
  transpiled: TranspiledCell | null;
}

export interface CompletionResult {
  matches: string[];
  start: number;
  end: number;
  types: { text: string; type: string }[];
}

export interface CellChecker {
  /** True once the language service has loaded (checks are then fast). */
  readonly warm: boolean;
  /** Resolves when warm (or when the checker failed: it must never hold the kernel back). */
  whenWarm(): Promise<void>;
  check(code: string, cell: number): Promise<Diagnostic[]>;
  /** check, plus the transpiled cell when it passed (`name` as in stack traces: cell[N]). */
  prepare(code: string, cell: number, name: string): Promise<Prepared>;
  /** The last checked cell ran: its declarations become visible to later cells. */
  commit(cell: number): void;
  complete(code: string, pos: number): Promise<CompletionResult | null>;
  inspect(code: string, pos: number): Promise<string | null>;
}

type Pending = { op: string; args: unknown[]; resolve: (v: any) => void; reject: (e: unknown) => void };

/** What the checker answers: a request's result or error, or (id 0) that it is warm. */
export type CheckerReply = { id: number; result?: unknown; error?: string; warm?: boolean };

/** A way to reach a running checker (a worker thread or a process). */
export interface CheckerChannel {
  send(m: { id: number; op: string; args: unknown[] }): void;
  /** Registers the handlers; `failed` fires once if the checker dies or cannot start. */
  listen(onReply: (m: CheckerReply) => void, failed: (e: Error) => void): void;
  /** Stops it (after a failure, before a fallback takes over). */
  close(): void;
}

/**
 * Talks to the checker over a channel. If the channel fails before the checker is warm (a
 * snapshot that does not start), the fallback channel takes over and gets the pending requests.
 */
export class CheckerClient implements CellChecker {
  private channel: CheckerChannel;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private broken: Error | null = null;
  warm = false;
  private warmed!: () => void;
  private readonly warmPromise = new Promise<void>((r) => (this.warmed = r));

  constructor(channel: CheckerChannel, private fallback: (() => CheckerChannel) | null = null) {
    this.channel = channel;
    this.attach(channel);
  }

  private attach(channel: CheckerChannel): void {
    channel.listen(
      (m) => {
        if (channel !== this.channel) return;
        if (m.warm) {
          this.warm = true;
          this.warmed();
        }
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.error !== undefined) p.reject(new Error(m.error));
        else p.resolve(m.result);
      },
      (e) => this.failed(channel, e),
    );
  }

  private failed(channel: CheckerChannel, e: Error): void {
    if (channel !== this.channel) return;
    channel.close();
    if (!this.warm && this.fallback) {
      if (process.env["PIJAR_DEBUG"]) process.stderr.write(`pijar kernel: checker failed to start (${e.message}); using the checker thread\n`);
      this.channel = this.fallback();
      this.fallback = null;
      this.attach(this.channel);
      for (const [id, p] of this.pending) this.channel.send({ id, op: p.op, args: p.args });
      return;
    }
    this.broken = e;
    this.warmed();
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  private call<T>(op: string, args: unknown[]): Promise<T> {
    if (this.broken) return Promise.reject(this.broken);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { op, args, resolve, reject });
      this.channel.send({ id, op, args });
    });
  }

  whenWarm(): Promise<void> {
    return this.warmPromise;
  }

  async check(code: string, cell: number): Promise<Diagnostic[]> {
    try {
      return await this.call<Diagnostic[]>("check", [code, cell]);
    } catch {
      return []; // a broken checker must not block running code
    }
  }

  async prepare(code: string, cell: number, name: string): Promise<Prepared> {
    try {
      return await this.call<Prepared>("prepare", [code, cell, name]);
    } catch {
      return { diagnostics: [], transpiled: null }; // as check: the cell runs, transpiled locally
    }
  }

  commit(cell: number): void {
    void this.call("commit", [cell]).catch(() => undefined);
  }

  complete(code: string, pos: number): Promise<CompletionResult | null> {
    return this.call<CompletionResult | null>("complete", [code, pos]).catch(() => null);
  }

  inspect(code: string, pos: number): Promise<string | null> {
    return this.call<string | null>("inspect", [code, pos]).catch(() => null);
  }
}
