/**
 * One-line hints for PySpark habits. A learner who writes `F.col("total") > 100`, `df["x"]`,
 * `df.show(n=5)` or `True` gets a TypeScript error that names types and operators but not the
 * Pijar form they need; the hint names it. Each hint comes from one TypeScript diagnostic code
 * plus the syntax (and, where the message does not say, the operand's type) at its span, so a
 * plain-number error (`1 > "a"`) never gets a Column hint.
 *
 * Runs inside the checker (checker-service.ts), which has the program and its type checker.
 */
import ts from "typescript";

/** A hint in the course's two languages; the kernel picks one (notebook-language.ts). */
export interface Hint {
  en: string;
  id: string;
}

/** Column methods for JavaScript operators PySpark overloads on Column. */
const COLUMN_METHOD: Record<string, string> = {
  ">": "gt", ">=": "geq", "<": "lt", "<=": "leq",
  "==": "equalTo", "===": "equalTo", "!=": "notEqual", "!==": "notEqual",
  "+": "plus", "-": "minus", "*": "multiply", "/": "divide", "%": "mod",
  "&": "and", "&&": "and", "|": "or", "||": "or",
};

/** `!c` / `~c` on a Column: its negation. */
export function notHint(operand: ts.Expression, op: string): Hint {
  const form = `${quote(operand, "col")}.not()`;
  return {
    en: `Pijar Columns have no operators in TypeScript: write ${form} (or F.not(...)) instead of \`${op}\`.`,
    id: `Column di Pijar tidak bisa memakai operator di TypeScript: tulis ${form} (atau F.not(...)), bukan \`${op}\`.`,
  };
}

/** `2 > col` is `col.lt(2)`: the comparison seen from the Column's side. */
const FLIPPED: Record<string, string> = { ">": "<", ">=": "<=", "<": ">", "<=": ">=" };
const SYMMETRIC = new Set(["==", "===", "!=", "!==", "+", "*", "&", "|", "&&", "||"]);

const PY_CONSTANTS: Record<string, string> = { True: "true", False: "false", None: "null" };

/** Longest operand text quoted in a hint; longer ones are written `a` / `b`. */
const MAX_QUOTE = 40;

export interface HintContext {
  sf: ts.SourceFile;
  checker: ts.TypeChecker;
}

export function pysparkHint(d: ts.Diagnostic, ctx: HintContext): Hint | null {
  if (d.start === undefined) return null;
  const node = nodeAt(ctx.sf, d.start, d.length ?? 0);
  if (!node) return null;
  const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  switch (d.code) {
    case 2365: // Operator '>' cannot be applied to types 'Column' and 'number'.
    case 2367: // This comparison appears to be unintentional because the types 'Column' and 'number' have no overlap.
      return operatorHint(enclosingBinary(node, d.start), ctx);
    case 2362: // The left-hand side of an arithmetic operation must be of type 'any', 'number'...
      return node.parent && ts.isBinaryExpression(node.parent) && node.parent.left === node ? operatorHint(node.parent, ctx) : null;
    case 2363: {
      // The right-hand side ...: only when the left side is no Column (else 2362 already hinted).
      const b = node.parent;
      if (!b || !ts.isBinaryExpression(b) || b.right !== node || isColumn(b.left, ctx)) return null;
      return operatorHint(b, ctx);
    }
    case 2447: // The '&' operator is not allowed for boolean types (`(c > 1) & (c < 5)`).
    case 2345: // Argument of type 'boolean' is not assignable to parameter of type 'string | Column'.
      return conditionHint(node, ctx, d.code === 2345 ? message : null);
    case 7053: // Element implicitly has an 'any' type because expression of type '"x"' can't be used to index type 'DataFrame'.
      return indexHint(node, ctx);
    case 2339: // Property 'total' does not exist on type 'DataFrame'.
      return attributeHint(node, ctx);
    case 2304: // Cannot find name 'True'. / Cannot find name 'n' (in `show(n=5)`).
    case 2552: // Cannot find name 'X'. Did you mean 'Y'?
      return ts.isIdentifier(node) ? (constantHint(node) ?? keywordArgumentHint(node, ctx)) : null;
    default:
      return null;
  }
}

/** The node spanning exactly [start, start+length), the outermost one if several do. */
function nodeAt(sf: ts.SourceFile, start: number, length: number): ts.Node | null {
  let found: ts.Node | null = null;
  const visit = (n: ts.Node): void => {
    const s = n.getStart(sf);
    if (s > start || n.end < start + length) return;
    if (s === start && n.end === start + length && !found) found = n;
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(sf, visit);
  return found;
}

function enclosingBinary(node: ts.Node, start: number): ts.BinaryExpression | null {
  let n: ts.Node | undefined = node;
  while (n && ts.isParenthesizedExpression(n)) n = n.expression;
  if (n && ts.isBinaryExpression(n)) return n;
  return node.parent && ts.isBinaryExpression(node.parent) && node.parent.getStart() === start ? node.parent : null;
}

function typeName(e: ts.Expression, ctx: HintContext): string {
  return ctx.checker.typeToString(ctx.checker.getTypeAtLocation(e));
}

export function isColumn(e: ts.Expression, ctx: HintContext): boolean {
  return typeName(e, ctx) === "Column";
}

function quote(e: ts.Node, fallback: string): string {
  const t = e.getText();
  return t.length <= MAX_QUOTE && !t.includes("\n") ? t : fallback;
}

/** `a OP b` where a Column takes part: the method call that means the same. */
export function operatorHint(b: ts.BinaryExpression | null, ctx: HintContext): Hint | null {
  if (!b) return null;
  const op = b.operatorToken.getText();
  const method = COLUMN_METHOD[op];
  if (!method) return null;
  const leftCol = isColumn(b.left, ctx);
  const rightCol = isColumn(b.right, ctx);
  if (!leftCol && !rightCol) return null;
  let form: string;
  if (leftCol) form = `${quote(b.left, "col")}.${method}(${quote(b.right, "x")})`;
  else if (SYMMETRIC.has(op)) form = `${quote(b.right, "col")}.${method}(${quote(b.left, "x")})`;
  else if (FLIPPED[op]) form = `${quote(b.right, "col")}.${COLUMN_METHOD[FLIPPED[op]!]}(${quote(b.left, "x")})`;
  else form = `F.lit(${quote(b.left, "x")}).${method}(${quote(b.right, "col")})`;
  return {
    en: `Pijar Columns have no operators in TypeScript: write ${form} instead of \`${op}\`.`,
    id: `Column di Pijar tidak bisa memakai operator di TypeScript: tulis ${form}, bukan \`${op}\`.`,
  };
}

/** Conditions joined by `&`/`|` (or a boolean passed where a Column is wanted). */
function conditionHint(node: ts.Node, ctx: HintContext, argMessage: string | null): Hint | null {
  if (argMessage !== null && !/^Argument of type '(boolean|number)' is not assignable to parameter of type '[^']*Column/.test(argMessage)) return null;
  let e: ts.Node = node;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (!ts.isBinaryExpression(e)) return null;
  const op = e.operatorToken.getText();
  if (op === "&" || op === "|" || op === "&&" || op === "||") {
    if (!isColumnCondition(e.left, ctx) && !isColumnCondition(e.right, ctx)) return null;
    const method = COLUMN_METHOD[op]!;
    return {
      en: `Column conditions combine with .${method}(...), e.g. F.col("a").gt(1).${method}(F.col("b").lt(5)), not with \`${op}\`.`,
      id: `Kondisi Column digabung dengan .${method}(...), misalnya F.col("a").gt(1).${method}(F.col("b").lt(5)), bukan dengan \`${op}\`.`,
    };
  }
  // `df.filter(F.col("a") > F.col("b"))`: TypeScript compares the two objects (to a boolean)
  // without complaint; only the argument's type gives the habit away.
  return argMessage !== null ? operatorHint(e, ctx) : null;
}

/** `(F.col("a") > 1)`: a comparison or method call on a Column, however parenthesised. */
function isColumnCondition(n: ts.Expression, ctx: HintContext): boolean {
  while (ts.isParenthesizedExpression(n)) n = n.expression;
  if (isColumn(n, ctx)) return true;
  return ts.isBinaryExpression(n) && (isColumn(n.left, ctx) || isColumn(n.right, ctx));
}

/** `df["x"]` -> `df.col("x")`. */
function indexHint(node: ts.Node, ctx: HintContext): Hint | null {
  if (!ts.isElementAccessExpression(node) || typeName(node.expression, ctx) !== "DataFrame") return null;
  const form = `${quote(node.expression, "df")}.col(${quote(node.argumentExpression, '"x"')})`;
  return {
    en: `A DataFrame is not indexed with [...] in Pijar: write ${form} (or F.col(${quote(node.argumentExpression, '"x"')})).`,
    id: `DataFrame di Pijar tidak diindeks dengan [...]: tulis ${form} (atau F.col(${quote(node.argumentExpression, '"x"')})).`,
  };
}

/** `df.total` (PySpark's attribute access to a column) -> `df.col("total")`; not `df.toPandas()`. */
function attributeHint(node: ts.Node, ctx: HintContext): Hint | null {
  const access = ts.isIdentifier(node) && node.parent && ts.isPropertyAccessExpression(node.parent) && node.parent.name === node ? node.parent : null;
  if (!access || typeName(access.expression, ctx) !== "DataFrame") return null;
  // A call (`df.toPandas()`) is a missing method, not a column.
  if (access.parent && ts.isCallExpression(access.parent) && access.parent.expression === access) return null;
  const form = `${quote(access.expression, "df")}.col("${access.name.text}")`;
  return {
    en: `Columns are not attributes of a DataFrame in Pijar: write ${form} (or F.col("${access.name.text}")).`,
    id: `Kolom bukan atribut DataFrame di Pijar: tulis ${form} (atau F.col("${access.name.text}")).`,
  };
}

function constantHint(id: ts.Identifier): Hint | null {
  const js = PY_CONSTANTS[id.text];
  if (!js) return null;
  return {
    en: `TypeScript writes Python's ${id.text} as ${js}.`,
    id: `TypeScript menulis ${id.text} dari Python sebagai ${js}.`,
  };
}

/** `df.show(n=5)`: Python's keyword argument is an assignment to an unknown name here. */
function keywordArgumentHint(id: ts.Identifier, ctx: HintContext): Hint | null {
  const assign = id.parent;
  if (!assign || !ts.isBinaryExpression(assign) || assign.left !== id || assign.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return null;
  const call = assign.parent;
  if (!call || !ts.isCallExpression(call) || !call.arguments.includes(assign)) return null;
  const name = id.text;
  const value = quote(assign.right, "...");
  const callee = quote(call.expression, "f");
  const form = optionsObjectTakes(call, name, ctx)
    ? `${callee}({ ${name}: ${value} })`
    : `${callee}(${value}) with ${name} in its place among the arguments`;
  const formId = optionsObjectTakes(call, name, ctx)
    ? `${callee}({ ${name}: ${value} })`
    : `${callee}(${value}), dengan ${name} di posisinya di antara argumen`;
  return {
    en: `TypeScript has no keyword arguments (${name}=${value}): write ${form}; Shift+Tab after "(" shows the parameters.`,
    id: `TypeScript tidak punya argumen kata kunci (${name}=${value}): tulis ${formId}; Shift+Tab setelah "(" menampilkan parameternya.`,
  };
}

/** Whether some parameter of the called function is an object type with a property `name`. */
function optionsObjectTakes(call: ts.CallExpression, name: string, ctx: HintContext): boolean {
  const type = ctx.checker.getTypeAtLocation(call.expression);
  for (const sig of type.getCallSignatures()) {
    for (const p of sig.getParameters()) {
      const pt = ctx.checker.getTypeOfSymbol(p);
      const parts = pt.isUnion() ? pt.types : [pt];
      if (parts.some((t) => (t.flags & ts.TypeFlags.Object) !== 0 && t.getProperty(name) !== undefined)) return true;
    }
  }
  return false;
}
