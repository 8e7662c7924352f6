/**
 * The main thread's handle on the type checker, which runs in its own worker thread so that
 * starting the TypeScript language service (about a second) never blocks the kernel.
 */
import { Worker } from "node:worker_threads";

/** A type error in cell coordinates (0-based line/col). */
export interface Diagnostic {
  line: number;
  col: number;
  length: number;
  code: number;
  message: string;
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
  /** The last checked cell ran: its declarations become visible to later cells. */
  commit(cell: number): void;
  complete(code: string, pos: number): Promise<CompletionResult | null>;
  inspect(code: string, pos: number): Promise<string | null>;
}

type Pending = { resolve: (v: any) => void; reject: (e: unknown) => void };

/** Talks to checker-worker.js. */
export class WorkerChecker implements CellChecker {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private broken: Error | null = null;
  warm = false;
  private warmed!: () => void;
  private readonly warmPromise = new Promise<void>((r) => (this.warmed = r));

  constructor(workerUrl: URL, workerData: unknown) {
    this.worker = new Worker(workerUrl, { workerData });
    this.worker.unref();
    this.worker.on("message", (m: { id: number; result?: unknown; error?: string; warm?: boolean }) => {
      if (m.warm) {
        this.warm = true;
        this.warmed();
      }
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.result);
    });
    this.worker.on("error", (e) => {
      this.broken = e;
      this.warmed();
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    });
  }

  private call<T>(op: string, args: unknown[]): Promise<T> {
    if (this.broken) return Promise.reject(this.broken);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, args });
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
