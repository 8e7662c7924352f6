/**
 * Reads every relative import of src/ and kernel/ with the TypeScript compiler's parser (so
 * comments, strings and template text never count as imports) and answers two questions the
 * architecture test asks: which imports run up the layer order, and which import circles span
 * more than one folder.
 */
import ts from "typescript";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

export interface ImportEdge {
  /** Importing file, relative to the repository root with `/` separators. */
  readonly from: string;
  /** Imported file (the `.ts` source), same form. */
  readonly to: string;
  readonly line: number;
  /** `import type` / `export type`: erased at run time, still a design dependency. */
  readonly typeOnly: boolean;
}

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) tsFiles(p, out);
    else if (p.endsWith(".ts") && !p.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

const posix = (p: string): string => p.split(sep).join("/");

/** Every relative import, re-export and dynamic `import()` under the given folders. */
export function readImports(root: string, folders: readonly string[]): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of folders.flatMap((f) => tsFiles(join(root, f)))) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const add = (spec: ts.Expression | undefined, node: ts.Node, typeOnly: boolean): void => {
      if (!spec || !ts.isStringLiteralLike(spec) || !spec.text.startsWith(".")) return;
      const target = resolve(dirname(file), spec.text.replace(/\.js$/, ".ts"));
      edges.push({
        from: posix(relative(root, file)),
        to: posix(relative(root, target)),
        line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
        typeOnly,
      });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, node, node.importClause?.isTypeOnly ?? false);
      else if (ts.isExportDeclaration(node)) add(node.moduleSpecifier, node, node.isTypeOnly);
      else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], node, false);
      else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal, node, true);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return edges;
}

/** The layer a file belongs to: the longest layer path that is the file or one of its folders. */
export function layerOf(file: string, layers: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const l of layers) {
    const hit = file === l + ".ts" || file.startsWith(l + "/");
    if (hit && (!best || l.length > best.length)) best = l;
  }
  return best;
}

/** Strongly connected components with more than one file (Tarjan), each sorted. */
export function importCircles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (!next.has(e.from)) next.set(e.from, []);
    if (!next.has(e.to)) next.set(e.to, []);
    next.get(e.from)!.push(e.to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const circles: string[][] = [];
  let counter = 0;
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)!) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) circles.push(component.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) connect(v);
  return circles;
}

/** The folders a circle passes through. */
export const foldersOf = (circle: readonly string[]): string[] => [...new Set(circle.map((f) => dirname(f)))].sort();
