/**
 * PySpark habits TypeScript accepts without a word: `c1 && c2`, `c1 || c2`, `!c`, `~c` and
 * `c1 > c2` / `c1 == c2` between two Columns. A Column is an object, so `&&` always yields its
 * right side, `!c` is always false and `c1 > c2` compares two objects: the query silently means
 * something else. PySpark refuses the same code (`col1 and col2` raises
 * CANNOT_CONVERT_COLUMN_INTO_BOOL), so the checker reports it as an error before the cell runs,
 * with the hint that names Pijar's form.
 */
import ts from "typescript";
import { isColumn, notHint, operatorHint, type Hint, type HintContext } from "./pyspark-hints.js";

export const COLUMN_INTO_BOOL = "CANNOT_CONVERT_COLUMN_INTO_BOOL";

/** Operators TypeScript allows between two objects (arithmetic on objects is already an error). */
const SILENT_BETWEEN_COLUMNS = new Set(["<", "<=", ">", ">=", "==", "===", "!=", "!=="]);

export interface ColumnMisuse {
  start: number;
  length: number;
  message: string;
  hint: Hint | null;
}

export function columnMisuses(ctx: HintContext): ColumnMisuse[] {
  const out: ColumnMisuse[] = [];
  const report = (n: ts.Node, culprit: ts.Node, hint: Hint | null) => {
    const start = n.getStart(ctx.sf);
    out.push({
      start,
      length: n.end - start,
      // Spark's text, with TypeScript's spelling of its operators.
      message: `[${COLUMN_INTO_BOOL}] Cannot convert column into bool (offending column: ${culprit.getText(ctx.sf)}): please use '.and()' for '&&', '.or()' for '||', '.not()' for '!' when building DataFrame boolean expressions.`,
      hint,
    });
  };
  const visit = (n: ts.Node): void => {
    if (ts.isBinaryExpression(n)) {
      const op = n.operatorToken.getText(ctx.sf);
      // The left side decides: a Column there is always truthy.
      if ((op === "&&" || op === "||") && isColumn(n.left, ctx)) report(n, n.left, operatorHint(n, ctx));
      else if (SILENT_BETWEEN_COLUMNS.has(op) && isColumn(n.left, ctx) && isColumn(n.right, ctx)) report(n, n.left, operatorHint(n, ctx));
    } else if (ts.isPrefixUnaryExpression(n) && (n.operator === ts.SyntaxKind.ExclamationToken || n.operator === ts.SyntaxKind.TildeToken) && isColumn(n.operand, ctx)) {
      report(n, n.operand, notHint(n.operand, n.operator === ts.SyntaxKind.ExclamationToken ? "!" : "~"));
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(ctx.sf, visit);
  return out;
}
