/**
 * execute_request: type-check, run, display the last value, report errors on the cell's lines.
 */
import type { JupyterMessage } from "../wire/message.js";
import type { Output } from "../runtime/output.js";
import { Evaluator, errorMessage, errorName } from "../runtime/evaluate.js";
import { toBundle } from "../runtime/display.js";
import type { CellChecker, Diagnostic } from "../runtime/checker-client.js";
import type { History } from "./history.js";
import type { CommManager } from "../runtime/comms.js";
import { helpPayload, helpTarget } from "./help.js";
import { notebookLanguage } from "../runtime/notebook-language.js";

export interface ExecuteDeps {
  evaluator: Evaluator;
  output: Output;
  history: History;
  checker: CellChecker | null;
  comms: CommManager;
  /** Resolves once the preloaded globals (spark, F...) are ready. */
  ready: Promise<void>;
  /**
   * Resolves when the kernel can run cells at full speed (globals loaded, type checker warm, or
   * a time limit passed): kernel_info_reply on shell waits for it, as ipykernel answers only
   * once it is ready, so the first cells of "Run All" do not wait for the checker.
   */
  startup?: Promise<unknown>;
}

export interface ExecuteOutcome {
  reply: Record<string, unknown>;
  failed: boolean;
}

let executionCount = 0;

function typeErrorContent(diags: Diagnostic[], code: string, count: number): { ename: string; evalue: string; traceback: string[] } {
  const lines = code.split("\n");
  const tb: string[] = [];
  const lang = notebookLanguage();
  // One habit often gives several errors on one line (`(c > 1) & (c < 5)`): say each hint once.
  const said = new Set<string>();
  let firstHint: string | null = null;
  for (const d of diags) {
    tb.push(`\x1b[0;31mcell[${count}], line ${d.line + 1}, col ${d.col + 1}\x1b[0m: error${d.name ? "" : ` TS${d.code}`}: ${d.message}`);
    const src = lines[d.line] ?? "";
    tb.push(`    ${src}`);
    tb.push(`    ${" ".repeat(d.col)}${"^".repeat(Math.max(1, Math.min(d.length, src.length - d.col)))}`);
    const hint = d.hint?.[lang];
    if (hint && !said.has(hint)) {
      said.add(hint);
      firstHint ??= hint;
      tb.push(`    \x1b[0;36m${lang === "id" ? "Petunjuk" : "Hint"}:\x1b[0m ${hint}`);
    }
  }
  const first = diags[0]!;
  return {
    ename: "TypeScriptError",
    evalue: `line ${first.line + 1}: ${first.message}${diags.length > 1 ? ` (and ${diags.length - 1} more)` : ""}${firstHint ? ` ${firstHint}` : ""}`,
    traceback: tb,
  };
}

/**
 * Before running: wait for the preloaded globals, then type-check. A cell never runs unchecked:
 * while the checker is still starting, the check waits for it (the check is queued behind its
 * warm-up). Every wait is interruptible (an interrupt during the check fails the cell without
 * running it).
 */
async function typeErrors(code: string, count: number, deps: ExecuteDeps): Promise<ReturnType<typeof typeErrorContent> | null> {
  const { evaluator, checker } = deps;
  await evaluator.interruptible(deps.ready);
  if (!checker) return null;
  const t0 = performance.now();
  const { diagnostics, transpiled } = await evaluator.interruptible(checker.prepare(code, count, Evaluator.cellName(count)));
  if (process.env["PIJAR_DEBUG"]) deps.output.rawStderr(`pijar kernel: cell ${count} checked in ${(performance.now() - t0).toFixed(1)} ms (${transpiled ? "transpiled by the checker" : "not transpiled"})\n`);
  evaluator.usePrepared(code, count, transpiled);
  return diagnostics.length ? typeErrorContent(diagnostics, code, count) : null;
}

export async function execute(req: JupyterMessage, deps: ExecuteDeps): Promise<ExecuteOutcome> {
  const c = req.content;
  const code = String(c["code"] ?? "");
  const silent = Boolean(c["silent"]);
  const storeHistory = c["store_history"] === undefined ? !silent : Boolean(c["store_history"]) && !silent;
  if (storeHistory) executionCount++;
  const count = executionCount;
  const { output, evaluator } = deps;
  if (!silent) output.iopub("execute_input", { code, execution_count: count });
  if (storeHistory) deps.history.add(count, code);

  const fail = (content: Record<string, unknown>): ExecuteOutcome => {
    output.iopub("error", content);
    return { reply: { status: "error", execution_count: count, ...content }, failed: true };
  };

  if (!code.trim()) return { reply: { status: "ok", execution_count: count, user_expressions: {}, payload: [] }, failed: false };

  const helpName = helpTarget(code);
  if (helpName) {
    const page = await helpPayload(helpName, deps.checker);
    // As IPython: an unknown name is a note on stdout, not an error.
    if (!page) output.write("stdout", `Object \`${helpName}\` not found.\n`);
    output.flush();
    return { reply: { status: "ok", execution_count: count, user_expressions: {}, payload: page ? [page] : [] }, failed: false };
  }

  let errors: ReturnType<typeof typeErrorContent> | null;
  try {
    errors = await typeErrors(code, count, deps);
  } catch (e) {
    if (process.env["PIJAR_DEBUG"]) deps.output.rawStderr(`pijar kernel: prepare failed ${(e as Error)?.stack}\n`);
    output.flush();
    return fail({ ename: errorName(e), evalue: errorMessage(e), traceback: evaluator.traceback(e) });
  }
  if (errors) {
    output.flush();
    return fail(errors);
  }
  try {
    const result = await evaluator.run(code, count);
    if (result.hasValue && !silent) {
      const bundle = await evaluator.interruptible(toBundle(result.value, deps.comms));
      if (bundle) output.iopub("execute_result", { execution_count: count, data: bundle, metadata: {} });
    }
    deps.checker?.commit(count);
  } catch (e) {
    // Declarations that ran before the error exist at runtime: later cells may use them.
    deps.checker?.commit(count);
    output.flush();
    return fail({ ename: errorName(e), evalue: errorMessage(e), traceback: evaluator.traceback(e) });
  }
  output.flush();
  return { reply: { status: "ok", execution_count: count, user_expressions: {}, payload: [] }, failed: false };
}
