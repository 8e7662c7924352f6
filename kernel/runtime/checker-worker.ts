/**
 * Type checker thread: a TypeScript language service over the notebook's cells (see
 * cell-project.ts). Answers check / commit / complete / inspect requests from the main thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import ts from "typescript";
import path from "node:path";
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
}
export {};
`,
);

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
    pijar: [path.join(repoRoot, "src", "index.ts")],
    "pijar/*": [path.join(repoRoot, "*")],
  },
};

/** Codes never reported: assigning a name an earlier cell declared is fine in a notebook. */
const IGNORED = new Set([2632, 2539, 1208]);

const host: ts.LanguageServiceHost = {
  getScriptFileNames: () => [...project.files.keys()],
  getScriptVersion: (f) => String(project.files.get(f)?.version ?? 0),
  getScriptSnapshot: (f) => {
    const v = project.files.get(f);
    if (v) return ts.ScriptSnapshot.fromString(v.text);
    const text = ts.sys.readFile(f);
    return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
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

function check(code: string, cell: number): Diagnostic[] {
  const { file, header, names } = project.cellSource(cell, code);
  const diags = [...service.getSyntacticDiagnostics(file), ...service.getSemanticDiagnostics(file)]
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => toCellDiag(d, header, code))
    .filter((d): d is Diagnostic => d !== null);
  if (diags.length === 0) project.markPending(cell, names);
  else project.files.delete(file);
  return diags;
}

function commit(cell: number): null {
  const file = project.fileFor(cell);
  if (!project.files.has(file)) return null;
  const out = service.getEmitOutput(file, true);
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

function inspect(code: string, pos: number): string | null {
  const { file, header } = project.cellSource("complete", code);
  // Cursor just after a name (e.g. `df.select|`) refers to that name.
  const at = pos > 0 && /[\w$]/.test(code[pos - 1] ?? "") && !/[\w$]/.test(code[pos] ?? "") ? pos - 1 : pos;
  const q = service.getQuickInfoAtPosition(file, header.length + at);
  if (!q) return null;
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

// Warm up: load the standard library and pijar's declarations before the first cell arrives.
setTimeout(() => {
  try {
    project.cellSource("warmup", "spark;");
    service.getSemanticDiagnostics(project.fileFor("warmup"));
    project.files.delete(project.fileFor("warmup"));
  } catch {
    // warm-up is best effort
  }
  parentPort!.postMessage({ id: 0, warm: true });
}, 0);
