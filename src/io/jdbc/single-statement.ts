/**
 * A raw-SQL option (`query`, or a `(subquery) alias` dbtable) must be exactly one statement:
 * Pijar splices it into `SELECT ... FROM (<sql>) alias`, and a `;` (or an unbalanced
 * parenthesis) there would let a second statement run, e.g. `(SELECT 1) q; DROP TABLE t; --`.
 *
 * The scan skips quoted text ('...', "...", `...`, PostgreSQL $tag$...$tag$) and comments
 * (-- and /* *\/). Whether a backslash escapes a quote depends on the database and its settings,
 * so the text is scanned both ways and must be one statement under either reading.
 */
import { PijarError } from "../../errors/pijar-error.js";

/** Where the first top-level `;` or unbalanced `)` is (or a problem), else null. */
function findBreakout(sql: string, backslashEscapes: boolean): string | null {
  let depth = 0;
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    if (c === "'" || c === '"' || c === "`") {
      i++;
      for (;;) {
        if (i >= n) return `an unclosed ${c} quote`;
        const d = sql[i]!;
        if (backslashEscapes && d === "\\") {
          i += 2;
          continue;
        }
        if (d === c) {
          if (sql[i + 1] === c) {
            i += 2; // doubled quote
            continue;
          }
          i++;
          break;
        }
        i++;
      }
      continue;
    }
    if (c === "-" && sql[i + 1] === "-") {
      const e = sql.indexOf("\n", i);
      i = e < 0 ? n : e + 1;
      continue;
    }
    if (c === "/" && sql[i + 1] === "*") {
      const e = sql.indexOf("*/", i + 2);
      if (e < 0) return "an unclosed /* comment";
      i = e + 2;
      continue;
    }
    if (c === "$") {
      const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      if (m) {
        const e = sql.indexOf(m[0], i + m[0].length);
        if (e < 0) return "an unclosed dollar quote";
        i = e + m[0].length;
        continue;
      }
    }
    if (c === "(") depth++;
    else if (c === ")") {
      depth--;
      if (depth < 0) return "a ')' that closes more than it opened";
    } else if (c === ";") return "a ';' (a second statement)";
    i++;
  }
  if (depth > 0) return "an unclosed '('";
  return null;
}

/** The SQL without a trailing `;`, or JDBC_MULTIPLE_STATEMENTS naming what was found. */
export function singleStatement(sql: string, option: string): string {
  const body = sql.trim().replace(/;\s*$/, "");
  const problem = findBreakout(body, false) ?? findBreakout(body, true);
  if (problem) {
    throw new PijarError("JDBC_MULTIPLE_STATEMENTS", { option }, {
      message: `The '${option}' option must be exactly one SELECT statement, but it contains ${problem}. ` +
        "Pijar runs it inside SELECT ... FROM (...), so remove the extra statement (run it separately) or fix the quoting.",
      exceptionType: "IllegalArgumentException",
    });
  }
  return body;
}
