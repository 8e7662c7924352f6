/**
 * Parses a Spark Connect connection string the way PySpark's client does:
 * `sc://host[:port][/;param=value;param=value]`, port 15002 by default, parameters `token`,
 * `use_ssl`, `user_id`, `session_id`, `user_agent`; any other parameter becomes a gRPC header.
 */
import { PijarError } from "../errors/pijar-error.js";

export interface ConnectionSettings {
  host: string;
  port: number;
  token: string | null;
  useSsl: boolean;
  userId: string;
  sessionId: string | null;
  userAgent: string;
  /** Parameters that are not one of the above, sent as headers (as PySpark). */
  headers: Record<string, string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalid(url: string, why: string): PijarError {
  // The token is never printed: the message shows the string with its parameters elided.
  const shown = url.split(";")[0];
  return new PijarError("INVALID_CONNECT_URL", { detail: why }, {
    message: `Invalid Spark Connect connection string '${shown}${url.includes(";") ? ";..." : ""}': ${why}. Expected sc://host[:port][/;token=...;use_ssl=true;user_id=...;session_id=<uuid>].`,
    exceptionType: "PySparkValueError",
  });
}

export function parseConnectionString(url: string): ConnectionSettings {
  if (!url.startsWith("sc://")) throw invalid(url, "the scheme must be sc://");
  const rest = url.slice("sc://".length);
  const slash = rest.indexOf("/");
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  const path = slash < 0 ? "" : rest.slice(slash + 1);
  if (!authority) throw invalid(url, "the host is missing");
  let host = authority;
  let port = 15002;
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(authority);
  if (!m) throw invalid(url, "the host:port part cannot be read");
  host = m[1]!.replace(/^\[|\]$/g, "");
  if (m[2] !== undefined) port = Number(m[2]);
  if (!(port > 0 && port < 65536)) throw invalid(url, `port ${m[2]} is out of range`);
  if (path && !path.startsWith(";")) throw invalid(url, "the path must be empty; parameters follow '/;'");
  const params: Record<string, string> = {};
  for (const part of path.split(";").filter(Boolean)) {
    const eq = part.indexOf("=");
    if (eq <= 0) throw invalid(url, `parameter '${part.split("=")[0]}' has no value`);
    params[decodeURIComponent(part.slice(0, eq))] = decodeURIComponent(part.slice(eq + 1));
  }
  const { token, use_ssl, user_id, session_id, user_agent, ...headers } = params;
  if (use_ssl !== undefined && !/^(true|false)$/i.test(use_ssl)) throw invalid(url, "use_ssl must be true or false");
  if (session_id !== undefined && !UUID.test(session_id)) throw invalid(url, "session_id must be a UUID");
  return {
    host,
    port,
    token: token ?? null,
    useSsl: /^true$/i.test(use_ssl ?? "false"),
    userId: user_id ?? process.env.USER ?? "",
    sessionId: session_id ?? null,
    userAgent: user_agent ?? "pijar",
    headers,
  };
}
