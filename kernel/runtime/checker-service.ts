/**
 * The type checker itself: a TypeScript language service over the notebook's cells (see
 * cell-project.ts), answering check / commit / complete / inspect. It knows nothing of threads or
 * processes: checker-worker.ts serves it from a worker thread, checker-snapshot-main.ts from a
 * process started from a V8 startup snapshot that already holds it, warm (checker-snapshot.ts).
 */
import ts from "typescript";
import path from "node:path";
import { existsSync, statSync } from "node:fs";
import { CellProject } from "./cell-project.js";
import { GLOBALS_DTS } from "./checker-globals.js";
import { pysparkHint } from "./pyspark-hints.js";
import { COLUMN_INTO_BOOL, columnMisuses } from "./column-truthiness.js";
import { transpileCell } from "./transpile.js";
import type { CompletionResult, Diagnostic, Prepared } from "./checker-client.js";

/**
 * The folder the cells live in for TypeScript. It is virtual and the same everywhere, so a
 * checker built in one folder (the snapshot, at build time) serves a notebook in any folder:
 * only the relative imports cells write are resolved against the notebook's own folder.
 */
export const CELL_DIR = "/__pijar_notebook__";

/** Codes never reported: assigning a name an earlier cell declared is fine in a notebook. */
const IGNORED = new Set([2632, 2539, 1208]);

export interface CheckerService {
  /** Requests by name: check, commit, complete, inspect. */
  readonly ops: Record<string, (...args: any[]) => unknown>;
  /** The folder relative imports in cells are resolved from (the kernel's working directory). */
  setNotebookDir(dir: string): void;
  /**
   * Loads the program and runs a few checks (and a completion unless told not to: completion
   * leaves a handle a startup snapshot cannot hold), so the first real cells run on warm code paths.
   */
  warmUp(opts?: { completion?: boolean }): void;
  /** Forgets every file read from disk that changed since (a snapshot built before a rebuild). */
  refreshDiskFiles(): number;
}

/** A file read from disk once, with what identifies its content on disk. */
interface DiskFile {
  snap: ts.IScriptSnapshot | undefined;
  version: number;
  stamp: string;
}

function diskStamp(file: string): string {
  try {
    const s = statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return "missing";
  }
}

export function createCheckerService(repoRoot: string): CheckerService {
  const project = new CellProject(CELL_DIR);
  const GLOBALS = path.join(CELL_DIR, "__pijar_globals.d.ts");
  project.setFile(GLOBALS, GLOBALS_DTS);
  let notebookDir = process.cwd();

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

  // Files on disk (the standard library, @types/node, pijar's declarations) are read once: the
  // language service asks for the snapshot of every program file on every check.
  const disk = new Map<string, DiskFile>();
  const diskVersions = new Map<string, number>();
  const virtualSnapshots = new Map<string, { version: number; snap: ts.IScriptSnapshot }>();
  const fileExists = (f: string) => project.files.has(f) || ts.sys.fileExists(f);
  const readFile = (f: string) => project.files.get(f)?.text ?? ts.sys.readFile(f);
  const directoryExists = (d: string) => d === CELL_DIR || ts.sys.directoryExists(d);
  const moduleHost: ts.ModuleResolutionHost = {
    fileExists, readFile, directoryExists, getDirectories: ts.sys.getDirectories, realpath: ts.sys.realpath, getCurrentDirectory: () => CELL_DIR,
  };
  const moduleCache = ts.createModuleResolutionCache(CELL_DIR, (f) => f, options);
  // Type references (`types: ["node"]`, `/// <reference types>` in @types/node) resolved through
  // a cache that outlives each program, sharing the package.json cache with module resolution.
  const typeRefCache = ts.createTypeReferenceDirectiveResolutionCache(CELL_DIR, (f) => f, options, moduleCache.getPackageJsonInfoCache());

  // getModuleResolutionCache is read by the language service but missing from the public host type.
  const host: ts.LanguageServiceHost & { getModuleResolutionCache(): ts.ModuleResolutionCache } = {
    getScriptFileNames: () => project.roots(GLOBALS),
    getScriptVersion: (f) => {
      const v = project.files.get(f);
      return v ? String(v.version) : `disk${diskVersions.get(f) ?? 0}`;
    },
    getScriptSnapshot: (f) => {
      const v = project.files.get(f);
      if (v) {
        const cached = virtualSnapshots.get(f);
        if (cached?.version === v.version) return cached.snap;
        const snap = ts.ScriptSnapshot.fromString(v.text);
        virtualSnapshots.set(f, { version: v.version, snap });
        return snap;
      }
      let d = disk.get(f);
      if (!d) {
        const stamp = diskStamp(f);
        const text = ts.sys.readFile(f);
        d = { snap: text === undefined ? undefined : ts.ScriptSnapshot.fromString(text), version: diskVersions.get(f) ?? 0, stamp };
        disk.set(f, d);
      }
      return d.snap;
    },
    getCurrentDirectory: () => CELL_DIR,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists,
    readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists,
    getDirectories: ts.sys.getDirectories,
    // Without this, every new program (one per distinct cell) looks up the package.json scope of
    // each of its ~400 files again, reading and parsing those package.json files from disk: that
    // was ~90% of a cell's check (~100-300 ms). The cache lives as long as the checker.
    getModuleResolutionCache: () => moduleCache,
    resolveTypeReferenceDirectiveReferences: (refs, containingFile, redirected, opts, containingSourceFile) =>
      refs.map((ref) => {
        const name = typeof ref === "string" ? ref : ref.fileName.toLowerCase();
        const mode = typeof ref === "string" ? undefined : ts.getModeForFileReference(ref, containingSourceFile?.impliedNodeFormat);
        return ts.resolveTypeReferenceDirective(name, containingFile, opts, moduleHost, redirected, typeRefCache, mode);
      }),
    // A cell's own relative imports (`../lib/checks.ts`) mean the notebook's folder; its header's
    // imports of earlier cells' declarations (`./__pijar_decl_3.js`) mean the virtual cell folder.
    resolveModuleNameLiterals: (literals, containingFile, redirected, opts, containingSourceFile) => {
      const inCells = path.dirname(containingFile) === CELL_DIR;
      return literals.map((lit) => {
        const mode = ts.getModeForUsageLocation(containingSourceFile, lit, opts);
        if (inCells && !lit.text.startsWith("./__pijar_decl_")) {
          const from = path.join(notebookDir, path.basename(containingFile));
          return ts.resolveModuleName(lit.text, from, opts, moduleHost, undefined, redirected, mode);
        }
        return ts.resolveModuleName(lit.text, containingFile, opts, moduleHost, moduleCache, redirected, mode);
      });
    },
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());

  function toCellDiag(d: ts.Diagnostic, header: string, code: string): Diagnostic | null {
    if (d.start === undefined || IGNORED.has(d.code)) return null;
    const start = d.start - header.length;
    if (start < 0 || start > code.length) return null;
    const before = code.slice(0, start).split("\n");
    const program = service.getProgram();
    const hint = program && d.file ? pysparkHint(d, { sf: d.file, checker: program.getTypeChecker() }) : null;
    return {
      line: before.length - 1,
      col: before[before.length - 1]!.length,
      length: d.length ?? 1,
      code: d.code,
      message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
      ...(hint ? { hint } : {}),
    };
  }

  /** Column habits TypeScript accepts (`c1 && c2`, `!c`): see column-truthiness.ts. */
  function columnMisuseDiags(file: string, header: string, code: string): Diagnostic[] {
    const program = service.getProgram();
    const sf = program?.getSourceFile(file);
    if (!program || !sf) return [];
    return columnMisuses({ sf, checker: program.getTypeChecker() }).flatMap((m) => {
      const d = toCellDiag({ file: sf, start: m.start, length: m.length, code: 0, category: ts.DiagnosticCategory.Error, messageText: m.message }, header, code);
      return d ? [{ ...d, name: COLUMN_INTO_BOOL, ...(m.hint ? { hint: m.hint } : {}) }] : [];
    });
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
      const misuses = columnMisuseDiags(file, header, code);
      if (misuses.length) diags = [...diags, ...misuses].sort((a, b) => a.line - b.line || a.col - b.col);
      if (checked.size >= CHECK_CACHE_SIZE) checked.delete(checked.keys().next().value!);
      checked.set(text, diags);
    }
    if (diags.length === 0) project.markPending(cell, names);
    return diags;
  }

  /**
   * The check and, if it passed, the transpiled cell: this process has TypeScript loaded and
   * warm, so the kernel's main thread never loads it. A transpile error is left for the main
   * thread to raise (it transpiles again when given nothing).
   */
  function prepare(code: string, cell: number, name: string): Prepared {
    const diagnostics = check(code, cell);
    if (diagnostics.length) return { diagnostics, transpiled: null };
    try {
      return { diagnostics, transpiled: transpileCell(code, name) };
    } catch {
      return { diagnostics, transpiled: null };
    }
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

  function warmUp({ completion = true }: { completion?: boolean } = {}): void {
    service.getProgram();
    // A few checks and a completion, so the first real cells run on compiled code paths. (A
    // practice notebook with commits made the first real check slower: dropping its files from
    // the program costs more than the warm code paths save.)
    for (const code of ["spark;", "const __w = spark.range(3).select(F.col(\"id\").plus(1));\n__w", "1 + 1"]) {
      const { file } = project.cellSource("check", code);
      service.getSemanticDiagnostics(file);
      transpileCell(code, "cell[0]");
    }
    if (completion) {
      const { file } = project.cellSource("complete", "spark.");
      service.getCompletionsAtPosition(file, "spark.".length, {});
    }
    project.cellSource("check", "");
  }

  function refreshDiskFiles(): number {
    let changed = 0;
    for (const [f, d] of disk) {
      if (diskStamp(f) === d.stamp) continue;
      disk.delete(f);
      diskVersions.set(f, d.version + 1);
      changed++;
    }
    if (changed) {
      moduleCache.clear();
      typeRefCache.clear();
    }
    return changed;
  }

  return {
    ops: { check, prepare, commit, complete, inspect },
    setNotebookDir: (dir) => {
      notebookDir = dir;
    },
    warmUp,
    refreshDiskFiles,
  };
}
