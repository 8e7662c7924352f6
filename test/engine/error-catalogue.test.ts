/**
 * The error catalogue against the code and against Spark 4.3: every class raised in src/ has
 * an entry, and entries carry Spark's SQLSTATE and message template, read from the
 * error-conditions.json files that ship with the PySpark oracle in .venv (never typed by hand).
 * The deviation lists below only shrink: a new deviation fails, and so does a mended one.
 */
import { describe, expect, it } from "vitest";
import ts from "typescript";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ERROR_CONDITIONS } from "../../src/errors/error-conditions.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

interface SparkCondition { message: string[]; sqlState?: string; subClass?: Record<string, SparkCondition> }

/** Spark SQL's conditions (inside the spark-common-utils jar) and PySpark's own. */
function sparkConditions(): Record<string, SparkCondition> {
  const script = [
    "import glob, json, os, sys, zipfile, pyspark",
    "home = os.path.dirname(pyspark.__file__)",
    "jar = glob.glob(os.path.join(home, 'jars', 'spark-common-utils_*.jar'))[0]",
    "sql = json.loads(zipfile.ZipFile(jar).read('error/error-conditions.json'))",
    "py = json.load(open(os.path.join(home, 'errors', 'error-conditions.json')))",
    "sys.stdout.write(json.dumps({**py, **sql}))",
  ].join("\n");
  return JSON.parse(execFileSync(join(root, ".venv", "bin", "python"), ["-c", script], { encoding: "utf8", maxBuffer: 64 << 20 }));
}

/** The template and SQLSTATE Spark gives a class (`A.B` joins A's text and B's), or null. */
function sparkEntry(all: Record<string, SparkCondition>, cls: string): { message: string; sqlState?: string } | null {
  const [top, sub] = cls.split(".");
  const t = all[top!];
  const s = sub ? t?.subClass?.[sub] : undefined;
  if (!t || (sub && !s)) return null;
  const message = [t.message.join("\n"), ...(s ? [s.message.join("\n")] : [])].filter((m) => m).join(" ");
  return { message, sqlState: s?.sqlState ?? t.sqlState };
}

/** Every literal class given to `new PijarError(...)` in src/, with one place it is raised. */
function raisedClasses(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith(".ts") ? [p] : [];
  });
  for (const file of walk(join(root, "src"))) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node): void => {
      if (ts.isNewExpression(n) && n.expression.getText(source) === "PijarError") {
        const cls = n.arguments?.[0];
        if (cls && ts.isStringLiteralLike(cls) && !out.has(cls.text)) {
          out.set(cls.text, `${file.slice(root.length + 1)}:${source.getLineAndCharacterOfPosition(n.getStart(source)).line + 1}`);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(source);
  }
  return out;
}

/** Classes Pijar raises that Spark 4.3 does not define: each should get a Spark name (checked with the oracle). */
const NOT_IN_SPARK = [
  "CANNOT_CONNECT_TO_DATABASE", "INVALID_ARGUMENT", "INVALID_OPTION", "INVALID_PARAMETER_VALUE.REGEX_POSITION",
  "INVALID_WINDOW_FRAME", "JDBC_INVALID_URL", "JDBC_MISSING_OPTION", "JDBC_OPTIONS_CONFLICT", "NOT_BOOL_OR_DICT_OR_FLOAT_OR_INT_OR_STR",
  "NOT_COLUMN", "PARSE_DATATYPE_ERROR", "VALUE_NOT_ANY_OR_ALL",
  // Pijar's own where Spark raises a classless Java exception, and its Spark Connect client's.
  "PATH_NOT_A_DIRECTORY", "JDBC_MULTIPLE_STATEMENTS", "CONNECT_SERVER_UNAVAILABLE",
  "UNSUPPORTED_FEATURE.SPARK_CONNECT_METHOD", "UNSUPPORTED_FEATURE.SPARK_CONNECT_SERVER_VERSION",
];

/** Entries whose SQLSTATE differs from Spark's (PySpark defines these classes without one). */
const OWN_SQLSTATE = ["CANNOT_CONVERT_TYPE", "INVALID_TYPE"];

const spark = sparkConditions();
const raised = raisedClasses();

describe("error catalogue", () => {
  it("has an entry (or its top class has one) for every class raised in src/", () => {
    const missing = [...raised].filter(([c]) => !ERROR_CONDITIONS[c] && !ERROR_CONDITIONS[c.split(".")[0]!]).map(([c, at]) => `${c} (${at})`);
    expect(missing).toEqual([]);
  });

  it("raises no class Spark 4.3 lacks beyond the listed ones", () => {
    const unknown = [...raised.keys()].filter((c) => !sparkEntry(spark, c)).sort();
    expect(unknown).toEqual([...NOT_IN_SPARK].sort());
  });

  it("gives each Spark class Spark's SQLSTATE", () => {
    const differ = Object.entries(ERROR_CONDITIONS)
      .filter(([c, e]) => { const s = sparkEntry(spark, c); return s && s.sqlState !== e.sqlState; })
      .map(([c]) => c).sort();
    expect(differ).toEqual([...OWN_SQLSTATE].sort());
  });

  it("gives each Spark class Spark's message template, except those written before the catalogue was checked", () => {
    const differ = Object.entries(ERROR_CONDITIONS)
      .filter(([c, e]) => { const s = sparkEntry(spark, c); return s && s.message !== e.message; })
      .map(([c]) => c).sort();
    expect(differ).toEqual([...TEMPLATE_DIFFERS].sort());
  });
});

/** Older entries whose template differs from Spark's (a `<message>` slot, shortened text...). */
const TEMPLATE_DIFFERS: string[] = [
  "ARITHMETIC_OVERFLOW", "CANNOT_CONVERT_TYPE", "CANNOT_PARSE_TIMESTAMP",
  "CONFLICTING_PARTITION_COLUMN_NAMES", "DATATYPE_MISMATCH", "DATATYPE_MISMATCH.CAST_WITH_CONF_SUGGESTION",
  "DIVIDE_BY_ZERO", "FAILED_JDBC", "INCOMPATIBLE_COLUMN_TYPE",
  "INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION", "INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_WEEK_BASED_PATTERN", "INTERNAL_ERROR",
  "INVALID_DATETIME_PATTERN.ILLEGAL_CHARACTER", "INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE", "INVALID_PARAMETER_VALUE",
  "INVALID_TYPE", "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION", "MISSING_AGGREGATION",
  "MISSING_WINDOW_SPECIFICATION", "TABLE_OR_VIEW_ALREADY_EXISTS", "TABLE_OR_VIEW_NOT_FOUND",
  "TEMP_TABLE_OR_VIEW_ALREADY_EXISTS", "UNRESOLVABLE_TABLE_VALUED_FUNCTION", "UNSUPPORTED_FEATURE",
  "WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
];
