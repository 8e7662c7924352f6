/**
 * The notebook as a TypeScript project, for the language service: every cell is a module that
 * imports the names earlier cells declared (from their emitted .d.ts) and exports its own
 * declarations, so cell N is checked against the declarations of cells 1..N-1 and re-declaring
 * a name in a later cell simply shadows the older one.
 *
 * Cell text as checked: `<import header>` + code + `\n;export { declared };`. The header has no
 * line break, so only the first line's columns shift; positions map back by subtracting it.
 */
import ts from "typescript";
import path from "node:path";

const PREFIX = "__pijar_cell_";

/** Top-level names a cell declares (values and types). */
export function declaredNames(code: string): string[] {
  const sf = ts.createSourceFile("x.ts", code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const out = new Set<string>();
  const bind = (n: ts.BindingName) => {
    if (ts.isIdentifier(n)) out.add(n.text);
    else for (const el of n.elements) if (!ts.isOmittedExpression(el)) bind(el.name);
  };
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st)) st.declarationList.declarations.forEach((d) => bind(d.name));
    else if (
      (ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isInterfaceDeclaration(st) ||
        ts.isTypeAliasDeclaration(st) || ts.isEnumDeclaration(st) || ts.isModuleDeclaration(st)) &&
      st.name && ts.isIdentifier(st.name)
    ) {
      out.add(st.name.text);
    } else if (ts.isImportDeclaration(st) && st.importClause) {
      const c = st.importClause;
      if (c.name) out.add(c.name.text);
      if (c.namedBindings && ts.isNamespaceImport(c.namedBindings)) out.add(c.namedBindings.name.text);
      else if (c.namedBindings) for (const el of c.namedBindings.elements) out.add(el.name.text);
    } else if (ts.isImportEqualsDeclaration(st)) out.add(st.name.text);
  }
  return [...out];
}

export class CellProject {
  /** Virtual files: name -> {text, version}. */
  readonly files = new Map<string, { text: string; version: number }>();
  /** Latest cell that declared each name. */
  private readonly owner = new Map<string, number>();
  /** Pending (checked, not yet committed) cell: its number and declared names. */
  private pending: { cell: number; names: string[] } | null = null;

  constructor(readonly dir: string) {}

  fileFor(cell: number | string, ext = ".ts"): string {
    return path.join(this.dir, `${PREFIX}${cell}${ext}`);
  }

  setFile(name: string, text: string): void {
    const prev = this.files.get(name);
    if (prev?.text === text) return;
    this.files.set(name, { text, version: (prev?.version ?? 0) + 1 });
  }

  /** Builds the checked text of a cell; returns the file name and the header length. */
  cellSource(cell: number | string, code: string): { file: string; header: string; names: string[] } {
    const names = declaredNames(code);
    const mine = new Set(names);
    const byCell = new Map<number, string[]>();
    for (const [name, c] of this.owner) {
      if (mine.has(name)) continue;
      if (!byCell.has(c)) byCell.set(c, []);
      byCell.get(c)!.push(name);
    }
    const header = [...byCell]
      .map(([c, ns]) => `import { ${ns.join(", ")} } from "./${PREFIX}${c}.js"; `)
      .join("");
    const footer = `\n;export { ${names.join(", ")} };\n`;
    const file = this.fileFor(cell);
    this.setFile(file, header + code + footer);
    return { file, header, names };
  }

  markPending(cell: number, names: string[]): void {
    this.pending = { cell, names };
  }

  /** Makes the pending cell's declarations visible to later cells (needs its emitted .d.ts). */
  commit(cell: number, dts: string): void {
    if (!this.pending || this.pending.cell !== cell) return;
    this.setFile(this.fileFor(cell, ".d.ts"), dts);
    this.files.delete(this.fileFor(cell));
    for (const n of this.pending.names) this.owner.set(n, cell);
    this.pending = null;
  }
}
