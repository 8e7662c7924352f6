/**
 * Runs transpiled cells in the kernel's global scope (the main realm, so values created in cells
 * are ordinary objects for Pijar: `instanceof Date` etc. hold) and supports interruption.
 *
 * Interrupt paths (see wire/worker.ts): synchronous code is stopped by vm's breakOnSigint;
 * code waiting on a query is woken by `interrupt()` (SIGINT handler or bridge message) which
 * rejects the cell and cancels Pijar jobs; code spinning in microtasks is terminated by the wire
 * thread through the inspector, after which `interrupt()` runs and fails the cell.
 */
import vm from "node:vm";
import { writeSync } from "node:fs";
import type { TranspiledCell } from "./transpile.js";
import { HELPER } from "./cell-helper.js";
import { lineTable, originalLine } from "./sourcemap.js";
import { importForCell } from "./module-loader.js";
import { FLAG_INTERRUPTED, FLAG_IN_USER_CODE, FLAG_MEMORY_PRESSURE, FLAG_SLOTS } from "../wire/bridge.js";
import { cellTimers } from "./timers.js";
import { checkHeap } from "./memory-guard.js";

/** Error raised in a cell when the user interrupts it. */
export class KeyboardInterrupt extends Error {
  constructor() {
    super("Execution interrupted by the user.");
    this.name = "KeyboardInterrupt";
  }
}

export interface CellResult {
  hasValue: boolean;
  value: unknown;
}

/** Where a cell's code came from, to map stack frames back to cell lines. */
interface CellInfo {
  source: string;
  lines: number[];
}

export class Evaluator {
  private readonly cells = new Map<string, CellInfo>();
  private tracked: Promise<unknown>[] = [];
  private cancelCurrent: ((e: Error) => void) | null = null;
  /** Errors of promises nobody awaited, raised while a cell ran. */
  private stray: unknown[] = [];
  private helper: { epoch: number };
  private readonly waiters = new Set<(e: Error) => void>();
  /** A cell the type checker transpiled along with its check (see usePrepared). */
  private pre: { source: string; name: string; t: TranspiledCell } | null = null;

  /** @param interruptFlag shared Int32 set by the wire thread on interrupt (see wire/bridge.ts). */
  constructor(private readonly interruptFlag: Int32Array = new Int32Array(FLAG_SLOTS)) {
    const flag = this.interruptFlag;
    const helper = {
      /** Incremented by every interrupt; loops of older cells stop (see transpile.ts). */
      epoch: 0,
      checkpoint: (epoch: number) => {
        if (epoch !== helper.epoch) throw new KeyboardInterrupt();
        if (flag[FLAG_MEMORY_PRESSURE] !== 0) checkHeap();
      },
      timers: cellTimers({
        onInterrupted: () => {
          process.stderr.write("KeyboardInterrupt: stopped a timer callback that kept the kernel busy.\n");
          // The callback's breakOnSigint consumed the signal, so the process's SIGINT handler
          // (main.ts: interrupt the running cell, cancel its jobs) has not run. When a cell is
          // running, it is the one the user interrupted (e.g. a loop of `await` on setTimeout,
          // which would otherwise wait forever on a promise the stopped callback never settled):
          // run the handler now. A callback left over from a finished cell needs nothing more.
          if (this.running) process.emit("SIGINT" as never);
        },
        // A callback is not the running cell: the wire thread must not terminate it (SIGINT does).
        enter: () => Atomics.exchange(this.interruptFlag, FLAG_IN_USER_CODE, 0),
        leave: (saved) => Atomics.store(this.interruptFlag, FLAG_IN_USER_CODE, saved),
      }),
      import: importForCell,
      defaultOf: (m: any) => (m && "default" in m ? m.default : m),
      declareVar: (name: string) => {
        if (!(name in globalThis)) (globalThis as any)[name] = undefined;
      },
      track: (v: unknown) => {
        if (v && typeof (v as any).then === "function") {
          const p = Promise.resolve(v as Promise<unknown>);
          p.catch(() => undefined); // reported by run(), not as an unhandled rejection
          this.tracked.push(p);
        }
        return v;
      },
    };
    (globalThis as any)[HELPER] = helper;
    this.helper = helper;
    process.on("unhandledRejection", (reason) => {
      if (this.cancelCurrent) this.stray.push(reason);
      else process.stderr.write(`Unhandled promise rejection: ${describe(reason)}\n`);
    });
  }

  /** Name under which a cell appears in stack traces. */
  static cellName(n: number): string {
    return `cell[${n}]`;
  }

  /**
   * Runs one cell: its value (last expression, promises awaited) or a thrown error. Pending
   * promises of top-level statements are awaited too, so their output and errors stay here.
   */
  /**
   * The checker's transpilation of the cell about to run (it has TypeScript loaded and warm; the
   * main thread then never loads it, ~1 s of start-up). run() transpiles itself without one.
   */
  usePrepared(source: string, executionCount: number, t: TranspiledCell | null): void {
    this.pre = t ? { source, name: Evaluator.cellName(executionCount), t } : null;
  }

  /** Loads and warms the main thread's own transpiler (the kernel without a type checker). */
  async warmTranspiler(): Promise<void> {
    const { transpileCell } = await import("./transpile.js");
    transpileCell("const __warm = [1].map((x) => x + 1);\nfor (const y of __warm) {}\n__warm", "cell[0]");
  }

  async run(source: string, executionCount: number): Promise<CellResult> {
    const name = Evaluator.cellName(executionCount);
    const pre = this.pre;
    this.pre = null;
    // Without the checker's transpilation (no checker, or it failed): TypeScript loads here.
    const t = pre && pre.source === source && pre.name === name ? pre.t : (await import("./transpile.js")).transpileCell(source, name);
    this.cells.set(name, { source, lines: lineTable(t.sourceMap) });
    this.tracked = [];
    this.stray = [];
    Atomics.store(this.interruptFlag, FLAG_INTERRUPTED, 0);
    Atomics.store(this.interruptFlag, FLAG_IN_USER_CODE, 1);
    const interrupted = new Promise<never>((_, reject) => {
      this.cancelCurrent = reject;
    });
    interrupted.catch(() => undefined);
    try {
      let promise: Promise<unknown>;
      try {
        promise = vm.runInThisContext(t.code, {
          filename: name,
          breakOnSigint: true,
          importModuleDynamically: ((spec: string) => importForCell(spec)) as any,
        }) as Promise<unknown>;
      } catch (e) {
        if ((e as any)?.code === "ERR_SCRIPT_EXECUTION_INTERRUPTED") throw new KeyboardInterrupt();
        throw e;
      }
      const value = await Promise.race([promise, interrupted]);
      while (this.tracked.length) {
        const batch = this.tracked;
        this.tracked = [];
        await Promise.race([Promise.all(batch), interrupted]);
      }
      if (this.stray.length) throw this.stray[0];
      return { hasValue: t.hasValue, value };
    } catch (e) {
      // A query cancelled because of the interrupt (e.g. OPERATION_CANCELED) is the interrupt.
      if (process.env["PIJAR_DEBUG"]) writeSync(2, `pijar kernel: cell error ${(e as Error)?.stack} flag=${Atomics.load(this.interruptFlag, FLAG_INTERRUPTED)}\n`);
      if (Atomics.load(this.interruptFlag, FLAG_INTERRUPTED) !== 0 && !(e instanceof KeyboardInterrupt)) {
        throw Object.assign(new KeyboardInterrupt(), { cause: e });
      }
      throw e;
    } finally {
      Atomics.store(this.interruptFlag, FLAG_IN_USER_CODE, 0);
      this.cancelCurrent = null;
    }
  }

  /** Fails the running cell with KeyboardInterrupt (no-op when idle). */
  interrupt(): void {
    this.helper.epoch++;
    for (const w of this.waiters) w(new KeyboardInterrupt());
    this.waiters.clear();
    if (!this.cancelCurrent) return;
    this.cancelCurrent(new KeyboardInterrupt());
  }

  /** Interrupt counter: an execute compares it before and after its preparation steps. */
  get epoch(): number {
    return this.helper.epoch;
  }

  /** Waits for `p`, failing with KeyboardInterrupt if the user interrupts meanwhile. */
  async interruptible<T>(p: Promise<T>): Promise<T> {
    let reject!: (e: Error) => void;
    const stop = new Promise<never>((_, r) => (reject = r));
    this.waiters.add(reject);
    try {
      return await Promise.race([p, stop]);
    } finally {
      this.waiters.delete(reject);
    }
  }

  get running(): boolean {
    return this.cancelCurrent !== null;
  }

  /**
   * Traceback lines for an error: the message, then the cell frames (cell and TypeScript line
   * with the source line), hiding Pijar and kernel internals.
   */
  traceback(e: unknown): string[] {
    const err = e instanceof Error ? e : null;
    const head = `\x1b[0;31m${errorName(e)}\x1b[0m: ${errorMessage(e)}`;
    const frames: string[] = [];
    for (const line of (err?.stack ?? "").split("\n")) {
      const m = /(cell\[\d+\]):(\d+):(\d+)/.exec(line);
      if (!m) continue;
      const cell = this.cells.get(m[1]!);
      if (!cell) continue;
      const tsLine = originalLine(cell.lines, Number(m[2]) - 1);
      const src = cell.source.split("\n")[tsLine] ?? "";
      const frame = `    at ${m[1]}, line ${tsLine + 1}: ${src.trim()}`;
      if (frames[frames.length - 1] !== frame) frames.push(frame);
    }
    return [head, ...frames];
  }
}

export function errorName(e: unknown): string {
  if (e instanceof Error) return e.name || "Error";
  return "Error";
}

export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return describe(e);
}

function describe(v: unknown): string {
  try {
    return v instanceof Error ? `${v.name}: ${v.message}` : String(v);
  } catch {
    return "<unprintable value>";
  }
}
