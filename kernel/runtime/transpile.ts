/**
 * Turns a TypeScript cell into a script the kernel can run repeatedly in one global scope.
 *
 * Steps: (1) TypeScript -> JavaScript with transpileModule (types stripped, imports kept verbatim
 * so a name imported in one cell is still bound when only a later cell uses it); (2) rewrite the
 * top level so that declarations become assignments to globals (re-running `const x = 1` works,
 * later cells see `x`), imports become awaited dynamic imports, and the cell body runs inside an
 * async function (top-level await) whose return value is the last expression.
 *
 * Rewrites never add or remove line breaks after line 1, so stack traces map back to the cell
 * through the transpiler's source map alone (see sourcemap.ts).
 */
import ts from "typescript";
import { HELPER } from "./cell-helper.js";

export { HELPER };

export interface TranspiledCell {
  /** The script to run; evaluates to a Promise of the cell's value. */
  code: string;
  /** The source map of step (1), to map generated lines back to the cell. */
  sourceMap: string | undefined;
  /** Names the cell declares at top level. */
  declared: string[];
  /** Whether the cell ends with an expression whose value should be displayed. */
  hasValue: boolean;
}

const TRANSPILE_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  verbatimModuleSyntax: true,
  sourceMap: true,
  inlineSources: false,
  useDefineForClassFields: true,
  experimentalDecorators: false,
};

const TIMER_NAMES = ["setTimeout", "setInterval", "setImmediate"];

/** Splice list applied from the end so earlier positions stay valid. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

function bindingNames(name: ts.BindingName, out: string[]): void {
  if (ts.isIdentifier(name)) out.push(name.text);
  else for (const el of name.elements) if (!ts.isOmittedExpression(el)) bindingNames(el.name, out);
}

/** Transpiles one cell. Throws a SyntaxError-like Error with the TS message on invalid syntax. */
export function transpileCell(source: string, cellName: string): TranspiledCell {
  const out = ts.transpileModule(source, {
    compilerOptions: TRANSPILE_OPTIONS,
    fileName: `${cellName}.ts`,
    reportDiagnostics: false,
  });
  const js = out.outputText.replace(/\n\/\/# sourceMappingURL=.*\s*$/, "\n");
  return rewriteTopLevel(js, out.sourceMapText);
}

function rewriteTopLevel(js: string, sourceMap: string | undefined): TranspiledCell {
  const sf = ts.createSourceFile("cell.js", js, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const edits: Edit[] = [];
  const declared: string[] = [];
  const prologue: string[] = [];
  let importCount = 0;
  const statements = sf.statements;
  let hasValue = false;

  statements.forEach((st, index) => {
    const isLast = index === statements.length - 1;
    const start = st.getStart(sf);
    // `export` keywords have no meaning in a notebook: drop them, keep the declaration.
    const mods = ts.canHaveModifiers(st) ? ts.getModifiers(st) : undefined;
    const exportMod = mods?.find((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    const defaultMod = mods?.find((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
    const isDecl = ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st);
    if (exportMod && isDecl) edits.push({ start: exportMod.getStart(sf), end: (defaultMod ?? exportMod).getEnd(), text: "" });

    if (ts.isImportDeclaration(st)) {
      const spec = (st.moduleSpecifier as ts.StringLiteral).text;
      const v = `${HELPER}.m${importCount++}`;
      const parts = [`${v} = await ${HELPER}.import(${JSON.stringify(spec)});`];
      const clause = st.importClause;
      if (clause && !clause.isTypeOnly) {
        if (clause.name) {
          parts.push(`${clause.name.text} = ${HELPER}.defaultOf(${v});`);
          declared.push(clause.name.text);
        }
        const nb = clause.namedBindings;
        if (nb && ts.isNamespaceImport(nb)) {
          parts.push(`${nb.name.text} = ${v};`);
          declared.push(nb.name.text);
        } else if (nb) {
          for (const el of nb.elements) {
            if (el.isTypeOnly) continue;
            const imported = (el.propertyName ?? el.name).text;
            parts.push(`${el.name.text} = ${v}[${JSON.stringify(imported)}];`);
            declared.push(el.name.text);
          }
        }
      }
      edits.push({ start, end: st.getEnd(), text: parts.join(" ") });
    } else if (ts.isExportDeclaration(st) || ts.isExportAssignment(st)) {
      edits.push({ start, end: st.getEnd(), text: "" });
    } else if (ts.isVariableStatement(st)) {
      // Only insertions and small replacements, so edits inside initializers (import(),
      // loop checkpoints) stay valid: `const a = 1, {b} = o;` -> `(a = 1), ({b} = o);`.
      const list = st.declarationList;
      const first = list.declarations[0];
      if (first) edits.push({ start, end: first.getStart(sf), text: "" });
      for (const d of list.declarations) {
        bindingNames(d.name, declared);
        const nameStart = d.name.getStart(sf);
        const nameEnd = d.name.getEnd();
        if (d.initializer) {
          edits.push({ start: nameStart, end: nameStart, text: "(" });
          edits.push({ start: d.initializer.getEnd(), end: d.initializer.getEnd(), text: ")" });
        } else if ((list.flags & ts.NodeFlags.BlockScoped) === 0) {
          // `var x;` keeps an existing value, as in a script.
          edits.push({ start: nameStart, end: nameEnd, text: `${HELPER}.declareVar(${JSON.stringify(js.slice(nameStart, nameEnd))})` });
        } else {
          edits.push({ start: nameStart, end: nameStart, text: "(" });
          edits.push({ start: nameEnd, end: nameEnd, text: " = undefined)" });
        }
      }
    } else if (ts.isFunctionDeclaration(st) && st.name) {
      // Declarations are hoisted inside the wrapper; publish them as globals before anything runs.
      declared.push(st.name.text);
      prologue.push(`globalThis[${JSON.stringify(st.name.text)}] = ${st.name.text};`);
    } else if (ts.isClassDeclaration(st) && st.name) {
      declared.push(st.name.text);
      const classStart = exportMod ? (defaultMod ?? exportMod).getEnd() : start;
      edits.push({ start: classStart, end: classStart, text: `${st.name.text} = ` });
      edits.push({ start: st.getEnd(), end: st.getEnd(), text: ";" });
    } else if (ts.isExpressionStatement(st)) {
      const e = st.expression;
      if (isLast) {
        hasValue = true;
        edits.push({ start: e.getStart(sf), end: e.getStart(sf), text: "return (" });
      } else {
        // An action called without await (e.g. `df.show();`) still belongs to this cell.
        edits.push({ start: e.getStart(sf), end: e.getStart(sf), text: `${HELPER}.track(` });
      }
      edits.push({ start: e.getEnd(), end: e.getEnd(), text: ")" });
    }
  });

  // Loops in the cell's own code stop at their next iteration once the cell was interrupted, so an
  // interrupted async loop (awaiting timers) does not keep running in the background.
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isIterationStatement(node, false)) {
      const body = node.statement;
      if (ts.isBlock(body)) {
        edits.push({ start: body.getStart(sf) + 1, end: body.getStart(sf) + 1, text: ` ${HELPER}.checkpoint(__epoch);` });
      } else {
        edits.push({ start: body.getStart(sf), end: body.getStart(sf), text: `{ ${HELPER}.checkpoint(__epoch); ` });
        edits.push({ start: body.getEnd(), end: body.getEnd(), text: " }" });
      }
    }
    ts.forEachChild(node, visit);
  };
  statements.forEach(visit);
  // Dynamic import() anywhere in the cell goes through the kernel's resolver (vm scripts have
  // no module loader of their own, and "pijar" / .ts files need mapping).
  const visitImports = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const kw = node.expression;
      edits.push({ start: kw.getStart(sf), end: kw.getEnd(), text: `${HELPER}.import` });
    }
    ts.forEachChild(node, visitImports);
  };
  statements.forEach(visitImports);
  // The cell's timers are the kernel's interruptible ones (see timers.ts), unless it declares its own.
  const timers = TIMER_NAMES.filter((n) => !declared.includes(n) && new RegExp(`\\b${n}\\b`).test(js)).map((n) => `${n} = ${HELPER}.timers.${n}`);
  prologue.unshift(`const __epoch = ${HELPER}.epoch;${timers.length ? ` const ${timers.join(", ")};` : ""}`);

  // From the end backwards; at one position a replacement goes before an insertion so the
  // insertion ends up in front of the replaced text.
  edits.sort((a, b) => b.start - a.start || b.end - b.start - (a.end - a.start));
  let body = js;
  for (const e of edits) body = body.slice(0, e.start) + e.text + body.slice(e.end);
  body = body.replace(/^"use strict";/, "");
  const code = `(async () => { ${prologue.join(" ")}${body}\n})()`;
  return { code, sourceMap, declared, hasValue };
}
