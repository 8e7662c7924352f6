/**
 * Cross-check: the same DataFrame, built once on Pijar's local engine and once on the Spark
 * Connect server, compared on schema, rows and show() text, with a readable diff. A learner
 * sees whether a pipeline means the same on the laptop and on the cluster; Pijar's own tests
 * use it to find engine differences (the server's answer is Spark's own).
 *
 *   const report = await remote.crossCheck((s) => s.read.csv(path, { header: true }).groupBy("city").count());
 *   console.log(report.toString());   // "agree" or the differences
 */
import type { DataFrame } from "../api/dataframe.js";
import { SparkSession } from "../api/session.js";
import type { Row } from "../api/row.js";
import { Decimal } from "../values/decimal-value.js";
import { Timestamp } from "../values/timestamp-value.js";
import type { StructType } from "../types/data-types.js";

export interface CrossCheckOptions {
  /** Compare rows in order and compare show() text (use after an orderBy). Default false. */
  ordered?: boolean;
  /** Rows shown by show() when `ordered`. Default 20. */
  n?: number;
  /** The local session to use (default: a fresh one with the server's time zone). */
  local?: SparkSession;
}

export interface CrossCheckReport {
  agree: boolean;
  schema: { same: boolean; local: string[]; remote: string[] };
  rows: { local: number; remote: number; onlyLocal: string[]; onlyRemote: string[] };
  show: { compared: boolean; same: boolean; local: string; remote: string };
  /** A readable diff (or "agree: ..."). */
  toString(): string;
}

function fieldsOf(s: StructType): string[] {
  return s.fields.map((f) => `${f.name}: ${f.dataType.simpleString()}${f.nullable ? "" : " not null"}`);
}

/** One value as comparable text: exact for decimals, timestamps (microseconds) and bigints. */
function valueText(v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  if (v instanceof Decimal) return v.toString();
  if (v instanceof Timestamp) return `${v.toISOString().slice(0, 19)}.${String(((v.epochMicros % 1e6) + 1e6) % 1e6).padStart(6, "0")}Z`;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(12)));
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Uint8Array) return "0x" + Buffer.from(v).toString("hex");
  if (v instanceof Map) return "{" + [...v].map(([k, x]) => `${valueText(k)}->${valueText(x)}`).join(", ") + "}";
  if (Array.isArray(v)) return "[" + v.map(valueText).join(", ") + "]";
  if (typeof v === "object" && typeof (v as Row).toArray === "function") return "(" + (v as Row).toArray().map(valueText).join(", ") + ")";
  return typeof v === "string" ? JSON.stringify(v) : String(v);
}

function rowText(r: Row): string {
  return "(" + r.toArray().map(valueText).join(", ") + ")";
}

/** Rows in `a` not matched in `b`, as a multiset difference (or position by position when ordered). */
function missing(a: string[], b: string[], ordered: boolean): string[] {
  if (ordered) return a.flatMap((x, i) => (b[i] !== x ? [`#${i} ${x}`] : []));
  const counts = new Map<string, number>();
  for (const x of b) counts.set(x, (counts.get(x) ?? 0) + 1);
  const out: string[] = [];
  for (const x of a) {
    const c = counts.get(x) ?? 0;
    if (c > 0) counts.set(x, c - 1);
    else out.push(x);
  }
  return out;
}

function lineDiff(a: string, b: string): string[] {
  const la = a.split("\n");
  const lb = b.split("\n");
  const out: string[] = [];
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) out.push(`  line ${i + 1}:\n    local : ${la[i] ?? "(none)"}\n    remote: ${lb[i] ?? "(none)"}`);
  }
  return out;
}

export async function crossCheck(build: (spark: SparkSession) => DataFrame, remote: SparkSession, opts: CrossCheckOptions = {}): Promise<CrossCheckReport> {
  const ordered = opts.ordered ?? false;
  const n = opts.n ?? 20;
  const local = opts.local ?? SparkSession.builder.master("local[*]")
    .config("spark.sql.session.timeZone", remote.conf.get("spark.sql.session.timeZone") ?? "UTC").create();
  const ldf = build(local);
  const rdf = build(remote);
  const ls = fieldsOf(ldf.schema);
  const rs = fieldsOf(rdf.schema);
  const [lrows, rrows] = await Promise.all([ldf.collect(), rdf.collect()]);
  const lt = lrows.map(rowText);
  const rt = rrows.map(rowText);
  const onlyLocal = missing(lt, rt, ordered);
  const onlyRemote = missing(rt, lt, ordered);
  let show = { compared: false, same: true, local: "", remote: "" };
  if (ordered) {
    const [a, b] = await Promise.all([ldf._showString(n), rdf._showString(n)]);
    show = { compared: true, same: a === b, local: a, remote: b };
  }
  const schemaSame = ls.join("\n") === rs.join("\n");
  const agree = schemaSame && !onlyLocal.length && !onlyRemote.length && show.same;
  const report: CrossCheckReport = {
    agree,
    schema: { same: schemaSame, local: ls, remote: rs },
    rows: { local: lrows.length, remote: rrows.length, onlyLocal, onlyRemote },
    show,
    toString() {
      if (agree) return `agree: ${ls.length} columns, ${lrows.length} rows${show.compared ? ", same show() text" : ""} on the local engine and on Spark ${remote.version}`;
      const out = [`differ (local engine vs Spark ${remote.version} over Connect):`];
      if (!schemaSame) {
        out.push("schema:");
        for (let i = 0; i < Math.max(ls.length, rs.length); i++) {
          out.push(ls[i] === rs[i] ? `    ${ls[i]}` : `  - ${ls[i] ?? "(none)"}\n  + ${rs[i] ?? "(none)"}`);
        }
      }
      if (onlyLocal.length || onlyRemote.length) {
        out.push(`rows: ${lrows.length} local, ${rrows.length} remote${ordered ? " (compared in order)" : " (compared as a multiset)"}`);
        for (const r of onlyLocal.slice(0, 10)) out.push(`  - only local : ${r}`);
        for (const r of onlyRemote.slice(0, 10)) out.push(`  + only remote: ${r}`);
        const more = onlyLocal.length + onlyRemote.length - Math.min(10, onlyLocal.length) - Math.min(10, onlyRemote.length);
        if (more > 0) out.push(`  ... and ${more} more`);
      }
      if (show.compared && !show.same) out.push("show():", ...lineDiff(show.local, show.remote));
      return out.join("\n");
    },
  };
  return report;
}
