/**
 * Timers for cell code: `setTimeout`, `setInterval` and `setImmediate` inside a cell are these
 * wrappers (the cell's prologue shadows the globals, see transpile.ts), whose callbacks run through
 * a vm script with `breakOnSigint`. An interrupt's SIGINT then stops a callback that spins after
 * its cell ended (`setTimeout(() => { while (true) {} }, 500)`) with a catchable error, where
 * terminating it through the inspector would corrupt Node's timer bookkeeping and abort the
 * process. The stopped callback is reported on stderr; the kernel and its variables live on.
 */
import vm from "node:vm";
import { promisify } from "node:util";

export interface TimerHooks {
  /** Called with the error when an interrupt stopped a callback. */
  onInterrupted(): void;
  /** Marks callback time as "not a cell" for the wire thread (see wire/worker.ts). */
  enter(): number;
  leave(saved: number): void;
}

type Callback = (...args: unknown[]) => unknown;

export function cellTimers(hooks: TimerHooks): Record<"setTimeout" | "setInterval" | "setImmediate", Function> {
  let current: (() => unknown) | null = null;
  const slot = "__pijar_timer_callback";
  (globalThis as Record<string, unknown>)[slot] = () => current?.();
  const runner = new vm.Script(`globalThis.${slot}()`, { filename: "timer callback" });

  const guard = (cb: Callback) =>
    function (this: unknown, ...args: unknown[]) {
      const saved = hooks.enter();
      const prev = current;
      current = () => cb.apply(this, args);
      try {
        return runner.runInThisContext({ breakOnSigint: true });
      } catch (e) {
        if ((e as { code?: string })?.code === "ERR_SCRIPT_EXECUTION_INTERRUPTED") {
          hooks.onInterrupted();
          return undefined;
        }
        throw e;
      } finally {
        current = prev;
        hooks.leave(saved);
      }
    };

  const wrapTimer = (native: Function) =>
    function (cb: unknown, ...rest: unknown[]) {
      return typeof cb === "function" ? native(guard(cb as Callback), ...rest) : native(cb, ...rest);
    };
  return {
    // util.promisify(setTimeout) keeps working inside cells.
    setTimeout: Object.assign(wrapTimer(setTimeout), { [promisify.custom]: (setTimeout as any)[promisify.custom] }),
    setInterval: wrapTimer(setInterval),
    setImmediate: Object.assign(wrapTimer(setImmediate), { [promisify.custom]: (setImmediate as any)[promisify.custom] }),
  };
}
