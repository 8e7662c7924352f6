/**
 * is_complete_request: "incomplete" when more text could still make the code valid (the parser's
 * first error sits at the very end: an open brace, a dangling operator, an open template literal
 * or comment), "invalid" when the first error comes earlier (`function function`, `let x = )`):
 * no continuation can repair those, so a console must not wait for more lines.
 */
import ts from "typescript";

/** Unterminated '...' or "..." string: a line break cannot continue it (as Python's `'abc`). */
const UNTERMINATED_STRING = 1002;

export function isComplete(code: string): Record<string, unknown> {
  if (!code.trim()) return { status: "complete" };
  const out = ts.transpileModule(code, {
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  });
  const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length === 0) return { status: "complete" };
  const first = errors.reduce((a, b) => ((b.start ?? 0) < (a.start ?? 0) ? b : a));
  const end = code.trimEnd().length;
  if ((first.start ?? 0) < end || first.code === UNTERMINATED_STRING) return { status: "invalid" };
  const lastLine = code.split("\n").pop() ?? "";
  const indent = /^\s*/.exec(lastLine)![0];
  return { status: "incomplete", indent: /[{([]\s*$/.test(code.trimEnd()) ? indent + "  " : indent };
}
