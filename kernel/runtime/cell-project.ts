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

/** The two files the language service re-reads for every request: the cell being checked, and
 * the code of a completion/inspection request. */
export type Slot = "check" | "complete";

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

  /**
   * The program's root files never change (the globals file and the two slots): with the same
   * roots TypeScript reuses the old program's structure and module resolutions, so a check costs
   * tens of milliseconds instead of rebuilding a ~400-file program. Committed cells' `.d.ts`
   * files are reached through the slots' import headers.
   */
  roots(globals: string): string[] {
    return [globals, this.slotFile("check"), this.slotFile("complete")];
  }

  slotFile(slot: Slot): string {
    return this.fileFor(`${slot}_slot`);
  }

  setFile(name: string, text: string): void {
    const prev = this.files.get(name);
    if (prev?.text === text) return;
    this.files.set(name, { text, version: (prev?.version ?? 0) + 1 });
  }

  /** Writes the checked text of a cell into a slot; returns the file name and the header. */
  cellSource(slot: Slot, code: string): { file: string; header: string; names: string[]; text: string } {
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
    const file = this.slotFile(slot);
    const text = header + code + footer;
    this.setFile(file, text);
    return { file, header, names, text };
  }

  markPending(cell: number, names: string[]): void {
    this.pending = { cell, names };
  }

  /** The pending cell's declared names (empty: nothing to commit). */
  pendingNames(cell: number): string[] | null {
    return this.pending && this.pending.cell === cell ? this.pending.names : null;
  }

  /** Makes the pending cell's declarations visible to later cells (needs its emitted .d.ts). */
  commit(cell: number, dts: string | null): void {
    if (!this.pending || this.pending.cell !== cell) return;
    if (dts !== null) this.setFile(this.fileFor(cell, ".d.ts"), dts);
    for (const n of this.pending.names) this.owner.set(n, cell);
    this.pending = null;
  }
}
