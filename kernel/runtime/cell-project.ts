/**
 * The notebook as a TypeScript project, for the language service: every cell is a module that
 * imports the names earlier cells declared (from their emitted .d.ts) and exports its own
 * declarations, so cell N is checked against the declarations of cells 1..N-1 and re-declaring
 * a name in a later cell simply shadows the older one.
 *
 * Cell text as checked: `<import header>` + code + `\n;export { declared };`. The header has no
 * line break, so only the first line's columns shift; positions map back by subtracting it.
 *
 * Committed declarations go into declaration files allocated in blocks (`__pijar_decl_1.d.ts`
 * ...), which are roots of the program from the start, and the header imports from every
 * allocated file, in order, with empty braces for those that own no name the cell needs. So a
 * commit changes the text of a file the program already has, and the slot's list of imported
 * modules stays the same: TypeScript then reuses the program's structure completely instead of
 * walking its ~430 files again (that made the check after the first declaring cell ~150 ms).
 */
import ts from "typescript";
import path from "node:path";

const PREFIX = "__pijar_cell_";
const DECL_PREFIX = "__pijar_decl_";
/** Declaration files added to the program at once (each new block reshapes the program once). */
export const DECL_BLOCK = 16;
/**
 * Every declaration file imports pijar's types once, under this alias, from the start: emitted
 * declarations name pijar's types as `import("pijar").DataFrame`, each occurrence an import of
 * its own, which would change the file's import list (and so the program's shape) at commit.
 * Rewritten to `__pijar_types.DataFrame`, the list is always exactly this one import.
 */
const PIJAR_ALIAS = "__pijar_types";
const PIJAR_IMPORT = `import type * as ${PIJAR_ALIAS} from "pijar";\n`;
/** What an unused declaration file holds. */
const EMPTY_DECL = `${PIJAR_IMPORT}export {};\n`;

/** A cell's emitted declarations in the form a declaration file holds them (see PIJAR_ALIAS). */
export function declFileText(dts: string): string {
  return PIJAR_IMPORT + dts.replace(/\bimport\("pijar"\)\./g, `${PIJAR_ALIAS}.`);
}

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
  /** Declaration file (1-based) holding the latest declaration of each name. */
  private readonly owner = new Map<string, number>();
  /** Declaration files in the program; the first `used` hold committed cells. */
  private allocated = 0;
  private used = 0;
  /** Pending (checked, not yet committed) cell: its number and declared names. */
  private pending: { cell: number; names: string[] } | null = null;

  constructor(readonly dir: string) {
    this.allocateBlock();
  }

  private allocateBlock(): void {
    for (let i = 0; i < DECL_BLOCK; i++) this.setFile(this.declFile(++this.allocated), EMPTY_DECL);
  }

  declFile(index: number): string {
    return path.join(this.dir, `${DECL_PREFIX}${index}.d.ts`);
  }

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
    const decls = Array.from({ length: this.allocated }, (_, i) => this.declFile(i + 1));
    return [globals, ...decls, this.slotFile("check"), this.slotFile("complete")];
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
    const byDecl: string[][] = Array.from({ length: this.allocated }, () => []);
    for (const [name, d] of this.owner) if (!mine.has(name)) byDecl[d - 1]!.push(name);
    const header = byDecl.map((ns, i) => `import { ${ns.join(", ")} } from "./${DECL_PREFIX}${i + 1}.js"; `).join("");
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
    if (dts !== null) {
      if (this.used === this.allocated) this.allocateBlock();
      this.used++;
      this.setFile(this.declFile(this.used), declFileText(dts));
      for (const n of this.pending.names) this.owner.set(n, this.used);
    }
    this.pending = null;
  }
}
