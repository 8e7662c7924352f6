/**
 * is_complete_request: "incomplete" when the parser hit the end of the code while expecting more
 * (an open brace, a dangling operator), "invalid" for other syntax errors, else "complete".
 */
import ts from "typescript";

export function isComplete(code: string): Record<string, unknown> {
  if (!code.trim()) return { status: "complete" };
  const out = ts.transpileModule(code, {
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  });
  const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length === 0) return { status: "complete" };
  const end = code.trimEnd().length;
  const atEnd = errors.some((d) => (d.start ?? 0) >= end || /Unterminated|expected\.$/.test(String(d.messageText)) && (d.start ?? 0) >= end - 1);
  if (atEnd) {
    const lastLine = code.split("\n").pop() ?? "";
    const indent = /^\s*/.exec(lastLine)![0];
    return { status: "incomplete", indent: /[{([]\s*$/.test(code.trimEnd()) ? indent + "  " : indent };
  }
  return { status: "invalid" };
}
