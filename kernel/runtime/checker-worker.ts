/**
 * Type checker thread: a TypeScript language service over the notebook's cells (see
 * cell-project.ts). Answers check / commit / complete / inspect requests from the main thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import ts from "typescript";
import path from "node:path";
import { existsSync } from "node:fs";
import { CellProject } from "./cell-project.js";
import type { CompletionResult, Diagnostic } from "./checker-client.js";

const { cwd, repoRoot } = workerData as { cwd: string; repoRoot: string };
const project = new CellProject(cwd);
const GLOBALS = path.join(cwd, "__pijar_globals.d.ts");
project.setFile(
  GLOBALS,
  `import type * as __P from "pijar";
declare global {
  var spark: __P.SparkSession;
  var F: typeof __P.functions;
  var Window: typeof __P.Window;
  var T: typeof __P.types;
  /** Shows a value (DataFrame, chart, anything) as a rich output of the running cell. */
  function display(value: unknown, opts?: { displayId?: string; update?: boolean }): Promise<void>;
  /** Clears the running cell's output (wait: until new output arrives). */
  function clearOutput(wait?: boolean): void;
  /** Asks the user for a line of text (like Python's input()). */
  function input(prompt?: string, password?: boolean): string;
  /** Alias of input(). */
  function prompt(message?: string): string;
  /** Jupyter comms (the widget channel): register a target the front end opens, or open one. */
  var comms: {
    registerTarget(name: string, handler: (comm: __PijarComm, data: Record<string, unknown>) => void): void;
    unregisterTarget(name: string): void;
    open(targetName: string, data?: Record<string, unknown>, metadata?: Record<string, unknown>): __PijarComm;
  };
  interface __PijarComm {
    readonly id: string;
    readonly targetName: string;
    send(data: Record<string, unknown>, metadata?: Record<string, unknown>): void;
    close(data?: Record<string, unknown>): void;
    onMsg(handler: (data: Record<string, unknown>, msg: Record<string, unknown>) => void): void;
    onClose(handler: (data: Record<string, unknown>) => void): void;
  }
}
export {};
`,
);

// The build's declarations (dist/src/*.d.ts) describe exactly the code cells run, and the checker
// reads them ~10x faster than the 36k lines of source, whose function bodies it would otherwise
// parse and whose return types it would infer (that made the first check take 10-17 s).
const builtTypes = path.join(repoRoot, "dist", "src", "index.d.ts");
const pijarTypes = existsSync(builtTypes) ? builtTypes : path.join(repoRoot, "src", "index.ts");

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2022.d.ts"],
  types: ["node"],
  typeRoots: [path.join(repoRoot, "node_modules", "@types")],
  strict: true,
  skipLibCheck: true,
  esModuleInterop: true,
  allowImportingTsExtensions: true,
  declaration: true,
  emitDeclarationOnly: true,
  noEmit: false,
  resolveJsonModule: true,
  paths: {
    pijar: [pijarTypes],
    "pijar/*": [path.join(repoRoot, "*")],
  },
};

/** Codes never reported: assigning a name an earlier cell declared is fine in a notebook. */
const IGNORED = new Set([2632, 2539, 1208]);

// Files on disk (the standard library, @types/node, pijar's declarations) are read once: the
// language service asks for the snapshot of every program file on every check.
const diskSnapshots = new Map<string, ts.IScriptSnapshot | undefined>();
const virtualSnapshots = new Map<string, { version: number; snap: ts.IScriptSnapshot }>();

const host: ts.LanguageServiceHost = {
  getScriptFileNames: () => project.roots(GLOBALS),
  getScriptVersion: (f) => String(project.files.get(f)?.version ?? 0),
  getScriptSnapshot: (f) => {
    const v = project.files.get(f);
    if (v) {
      const cached = virtualSnapshots.get(f);
      if (cached?.version === v.version) return cached.snap;
      const snap = ts.ScriptSnapshot.fromString(v.text);
      virtualSnapshots.set(f, { version: v.version, snap });
      return snap;
    }
    if (!diskSnapshots.has(f)) {
      const text = ts.sys.readFile(f);
      diskSnapshots.set(f, text === undefined ? undefined : ts.ScriptSnapshot.fromString(text));
    }
    return diskSnapshots.get(f);
  },
  getCurrentDirectory: () => cwd,
  getCompilationSettings: () => options,
  getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
  fileExists: (f) => project.files.has(f) || ts.sys.fileExists(f),
  readFile: (f) => project.files.get(f)?.text ?? ts.sys.readFile(f),
  readDirectory: ts.sys.readDirectory,
  directoryExists: ts.sys.directoryExists,
  getDirectories: ts.sys.getDirectories,
};
const service = ts.createLanguageService(host, ts.createDocumentRegistry());

function toCellDiag(d: ts.Diagnostic, header: string, code: string): Diagnostic | null {
  if (d.start === undefined || IGNORED.has(d.code)) return null;
  const start = d.start - header.length;
  if (start < 0 || start > code.length) return null;
  const before = code.slice(0, start).split("\n");
  return {
    line: before.length - 1,
    col: before[before.length - 1]!.length,
    length: d.length ?? 1,
    code: d.code,
    message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
  };
}

/**
 * Diagnostics by the slot's full text. The text names every earlier cell it imports from, and a
 * committed cell's .d.ts never changes, so equal text means an equal result: re-running an
 * unchanged cell needs no new type checker.
 */
const checked = new Map<string, Diagnostic[]>();
const CHECK_CACHE_SIZE = 200;

function check(code: string, cell: number): Diagnostic[] {
  const { file, header, names, text } = project.cellSource("check", code);
  let diags = checked.get(text);
  if (!diags) {
    diags = [...service.getSyntacticDiagnostics(file), ...service.getSemanticDiagnostics(file)]
      .filter((d) => d.category === ts.DiagnosticCategory.Error)
      .map((d) => toCellDiag(d, header, code))
      .filter((d): d is Diagnostic => d !== null);
    if (checked.size >= CHECK_CACHE_SIZE) checked.delete(checked.keys().next().value!);
    checked.set(text, diags);
  }
  if (diags.length === 0) project.markPending(cell, names);
  return diags;
}

function commit(cell: number): null {
  const names = project.pendingNames(cell);
  if (names === null) return null;
  // A cell that declares nothing adds no file: the next check keeps the same program shape.
  if (names.length === 0) {
    project.commit(cell, null);
    return null;
  }
  const out = service.getEmitOutput(project.slotFile("check"), true);
  const dts = out.outputFiles.find((f) => f.name.endsWith(".d.ts"))?.text ?? "export {};\n";
  project.commit(cell, dts);
  return null;
}

function complete(code: string, pos: number): CompletionResult | null {
  const { file, header } = project.cellSource("complete", code);
  const prefix = /[\w$]*$/.exec(code.slice(0, pos))![0];
  const info = service.getCompletionsAtPosition(file, header.length + pos, {});
  if (!info) return null;
  const lower = prefix.toLowerCase();
  const entries = info.entries
    .filter((e) => e.name.toLowerCase().startsWith(lower) && !e.name.startsWith("__"))
    .sort((a, b) => Number(!a.name.startsWith(prefix)) - Number(!b.name.startsWith(prefix)) || a.sortText.localeCompare(b.sortText) || a.name.localeCompare(b.name))
    .slice(0, 300);
  return {
    matches: entries.map((e) => e.name),
    start: pos - prefix.length,
    end: pos,
    types: entries.map((e) => ({ text: e.name, type: e.kind })),
  };
}

/** Signature of the call whose argument list holds the cursor (`F.when(|`, `f(a, |`). */
function signatureAt(file: string, at: number): string | null {
  const help = service.getSignatureHelpItems(file, at, undefined);
  const item = help?.items[help.selectedItemIndex] ?? help?.items[0];
  if (!help || !item) return null;
  const params = item.parameters.map((p) => ts.displayPartsToString(p.displayParts));
  const sig = ts.displayPartsToString(item.prefixDisplayParts) + params.join(ts.displayPartsToString(item.separatorDisplayParts)) + ts.displayPartsToString(item.suffixDisplayParts);
  const more = help.items.length > 1 ? ` (+${help.items.length - 1} overload${help.items.length > 2 ? "s" : ""})` : "";
  const doc = ts.displayPartsToString(item.documentation);
  const tags = item.tags.map((t) => `@${t.name} ${ts.displayPartsToString(t.text)}`).join("\n");
  return [sig + more, doc, tags].filter(Boolean).join("\n\n");
}

function inspect(code: string, pos: number): string | null {
  const { file, header } = project.cellSource("complete", code);
  const afterName = pos > 0 && /[\w$]/.test(code[pos - 1] ?? "");
  // Right after `(` or `,` (or spaces there) the user wants the signature of the call being
  // written, as ipykernel shows after `f(`: no name sits under the cursor.
  if (!afterName && !/[\w$]/.test(code[pos] ?? "")) {
    const sig = signatureAt(file, header.length + pos);
    if (sig) return sig;
  }
  // Cursor just after a name (e.g. `df.select|`) refers to that name.
  const at = afterName && !/[\w$]/.test(code[pos] ?? "") ? pos - 1 : pos;
  const q = service.getQuickInfoAtPosition(file, header.length + at);
  if (!q) return signatureAt(file, header.length + pos);
  const sig = ts.displayPartsToString(q.displayParts);
  const doc = ts.displayPartsToString(q.documentation);
  const tags = (q.tags ?? []).map((t) => `@${t.name} ${ts.displayPartsToString(t.text)}`).join("\n");
  return [sig, doc, tags].filter(Boolean).join("\n\n");
}

const ops: Record<string, (...args: any[]) => unknown> = { check, commit, complete, inspect };

parentPort!.on("message", (m: { id: number; op: string; args: unknown[] }) => {
  try {
    parentPort!.postMessage({ id: m.id, result: ops[m.op]!(...m.args) });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: String((e as Error)?.stack ?? e) });
  }
});

// Warm up while the kernel starts: load the standard library and pijar's declarations, then run
// a few checks so V8 has compiled the checker's hot paths before the first cell arrives.
const debug = (what: string) => {
  if (process.env["PIJAR_DEBUG"]) process.stderr.write(`pijar checker: ${what} at ${(performance.now() / 1000).toFixed(2)} s\n`);
};
setTimeout(() => {
  debug("typescript loaded");
  try {
    service.getProgram();
    debug("program loaded");
    // A few checks and a completion, so the first real cells run on compiled code paths. (A
    // practice notebook with commits made the first real check slower: dropping its files from
    // the program costs more than the warm code paths save.)
    for (const code of ["spark;", "const __w = spark.range(3).select(F.col(\"id\").plus(1));\n__w", "1 + 1"]) {
      const { file } = project.cellSource("check", code);
      service.getSemanticDiagnostics(file);
    }
    const { file } = project.cellSource("complete", "spark.");
    service.getCompletionsAtPosition(file, "spark.".length, {});
    project.cellSource("check", "");
    debug("warm");
  } catch {
    // warm-up is best effort
  }
  parentPort!.postMessage({ id: 0, warm: true });
}, 0);
