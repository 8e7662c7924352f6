/**
 * JDBC URLs as Spark users write them, parsed into what the Node drivers need:
 * `jdbc:postgresql://host:port/db?user=..&password=..`, `jdbc:mysql://...`, `jdbc:mariadb://...`,
 * `jdbc:sqlite:path/to/file.db` (relative to the working directory; `:memory:` works too).
 */
import { resolve } from "node:path";
import { PijarError } from "../../errors/pijar-error.js";

export type JdbcKind = "postgresql" | "mysql" | "sqlite";

export interface JdbcTarget {
  readonly kind: JdbcKind;
  /** The scheme as written (mariadb reports as mysql kind). */
  readonly scheme: string;
  readonly host: string;
  readonly port: number;
  readonly database: string;
  /** SQLite: absolute file path (or ":memory:"). */
  readonly path: string;
  /** Query parameters other than user/password (e.g. sslmode). */
  readonly params: Readonly<Record<string, string>>;
  readonly user: string | undefined;
  readonly password: string | undefined;
}

const DEFAULT_PORTS: Record<string, number> = { postgresql: 5432, mysql: 3306, mariadb: 3306 };

/** Parses a JDBC URL; errors name the URL with its password masked. */
export function parseJdbcUrl(url: string): JdbcTarget {
  const m = /^jdbc:([a-z0-9]+):(.*)$/i.exec(url.trim());
  if (!m) throw badUrl(url, "it does not start with jdbc:<database>:");
  const scheme = m[1]!.toLowerCase();
  const rest = m[2]!;
  if (scheme === "sqlite") {
    const [file, query] = splitOnce(rest, "?");
    if (!file) throw badUrl(url, "no file path after jdbc:sqlite:");
    const path = file === ":memory:" ? file : resolve(file.replace(/^file:/, ""));
    return { kind: "sqlite", scheme, host: "", port: 0, database: path, path, params: parseQuery(url, query), user: undefined, password: undefined };
  }
  const kind: JdbcKind | undefined = scheme === "postgresql" || scheme === "postgres" ? "postgresql" : scheme === "mysql" || scheme === "mariadb" ? "mysql" : undefined;
  if (!kind) {
    throw badUrl(url, `the database '${scheme}' is not supported; Pijar reads and writes jdbc:postgresql, jdbc:mysql, jdbc:mariadb and jdbc:sqlite`);
  }
  const hm = /^\/\/(\[[^\]]+\]|[^/:?]*)(?::(\d+))?(?:\/([^?]*))?(?:\?(.*))?$/.exec(rest);
  if (!hm) throw badUrl(url, "expected //host:port/database");
  const params = { ...parseQuery(url, hm[4]) };
  const user = params["user"];
  const password = params["password"];
  delete params["user"];
  delete params["password"];
  return {
    kind, scheme,
    host: hm[1] ? hm[1].replace(/^\[|\]$/g, "") : "localhost",
    port: hm[2] ? Number(hm[2]) : DEFAULT_PORTS[scheme]!,
    database: decodePart(url, hm[3] ?? ""),
    path: "",
    params, user, password,
  };
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

/** decodeURIComponent, with a malformed `%` escape reported as JDBC_INVALID_URL (not URIError). */
function decodePart(url: string, part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    const bad = /%(?![0-9a-fA-F]{2})/.exec(part);
    throw badUrl(url, `it has a malformed %-escape${bad ? ` near '${part.slice(bad.index, bad.index + 3)}'` : ""}; write a literal % as %25`);
  }
}

function parseQuery(url: string, q: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!q) return out;
  for (const part of q.split(/[&;]/)) {
    if (!part) continue;
    const [k, v] = splitOnce(part, "=");
    out[decodePart(url, k)] = decodePart(url, v ?? "");
  }
  return out;
}

/** The URL with any password replaced by `***` (for messages). */
export function redactUrl(url: string): string {
  return url
    .replace(/([?&;]password=)[^&;]*/gi, "$1***")
    .replace(/(\/\/[^/:@]*:)[^@/]*@/, "$1***@");
}

/** What explain() and progress show: `jdbc postgresql://127.0.0.1:5433/pijar`, never secrets. */
export function describeTarget(t: JdbcTarget): string {
  if (t.kind === "sqlite") return `sqlite:${t.path}`;
  return `${t.scheme}://${t.host}:${t.port}/${t.database}`;
}

function badUrl(url: string, why: string): PijarError {
  return new PijarError("JDBC_INVALID_URL", { url: redactUrl(url), reason: why }, { exceptionType: "IllegalArgumentException" });
}
