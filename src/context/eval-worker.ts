/**
 * Starts a worker thread from source text (`eval: true`). The library's workers are written as
 * CommonJS text (they call `require`) so they load without a file of their own, which keeps them
 * working from src/ (tsx), dist/ and the bundle alike.
 *
 * Why not plain `new Worker(code, { eval: true })`: a worker inherits the process's `execArgv`,
 * and under `node --input-type=module -e ...` that flag makes Node read the worker's text as an
 * ES module, where `require` does not exist; the worker then dies before it can answer, and a
 * caller blocked on it waits for its full timeout. Every other flag (memory limits, loaders such
 * as tsx) is kept.
 */
import { Worker, type WorkerOptions } from "node:worker_threads";

export function startEvalWorker(source: string, options: Omit<WorkerOptions, "eval" | "execArgv"> = {}): Worker {
  const execArgv = process.execArgv.filter((a, i, all) => !a.startsWith("--input-type") && all[i - 1] !== "--input-type");
  return new Worker(source, { ...options, eval: true, execArgv });
}
