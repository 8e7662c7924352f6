/**
 * Turns a Spark Connect server error into a PijarError carrying Spark's own error class,
 * SQLSTATE and message. The server puts a google.rpc.Status in the gRPC trailer
 * `grpc-status-details-bin`; its google.rpc.ErrorInfo detail has metadata `errorClass`,
 * `sqlState`, `messageParameters` and `classes` (the JVM exception classes).
 * The two small messages are decoded by hand: they are not among Spark's protos.
 */
import { BinaryReader, WireType } from "@bufbuild/protobuf/wire";
import { PijarError } from "../errors/pijar-error.js";

export interface ServerErrorInfo {
  errorClass: string | null;
  sqlState: string | null;
  messageParameters: Record<string, string>;
  classes: string[];
}

/** google.rpc.Status.details: the Any entries as (type url, bytes). */
export function statusDetails(bytes: Uint8Array): { typeUrl: string; value: Uint8Array }[] {
  const r = new BinaryReader(bytes);
  const out: { typeUrl: string; value: Uint8Array }[] = [];
  while (r.pos < r.len) {
    const [field, wt] = r.tag();
    if (field === 3 && wt === WireType.LengthDelimited) {
      const any = new BinaryReader(r.bytes());
      let typeUrl = "";
      let value: Uint8Array = new Uint8Array();
      while (any.pos < any.len) {
        const [f, w] = any.tag();
        if (f === 1) typeUrl = any.string();
        else if (f === 2) value = any.bytes();
        else any.skip(w);
      }
      out.push({ typeUrl, value });
    } else r.skip(wt);
  }
  return out;
}

/** google.rpc.ErrorInfo { reason = 1; domain = 2; map<string,string> metadata = 3 }. */
export function decodeErrorInfo(bytes: Uint8Array): ServerErrorInfo {
  const r = new BinaryReader(bytes);
  const md: Record<string, string> = {};
  while (r.pos < r.len) {
    const [field, wt] = r.tag();
    if (field === 3 && wt === WireType.LengthDelimited) {
      const e = new BinaryReader(r.bytes());
      let k = "";
      let v = "";
      while (e.pos < e.len) {
        const [f, w] = e.tag();
        if (f === 1) k = e.string();
        else if (f === 2) v = e.string();
        else e.skip(w);
      }
      md[k] = v;
    } else r.skip(wt);
  }
  let params: Record<string, string> = {};
  let classes: string[] = [];
  try { params = md.messageParameters ? JSON.parse(md.messageParameters) : {}; } catch { /* not JSON: keep none */ }
  try { classes = md.classes ? JSON.parse(md.classes) : []; } catch { /* idem */ }
  return { errorClass: md.errorClass || null, sqlState: md.sqlState || null, messageParameters: params, classes };
}

export function errorInfoFromDetails(details: { typeUrl: string; value: Uint8Array }[]): ServerErrorInfo | null {
  const d = details.find((x) => x.typeUrl.endsWith("google.rpc.ErrorInfo"));
  return d ? decodeErrorInfo(d.value) : null;
}

const GRPC_CODE_NAMES: Record<number, string> = {
  1: "CANCELLED", 2: "UNKNOWN", 3: "INVALID_ARGUMENT", 4: "DEADLINE_EXCEEDED", 5: "NOT_FOUND", 7: "PERMISSION_DENIED",
  8: "RESOURCE_EXHAUSTED", 12: "UNIMPLEMENTED", 13: "INTERNAL", 14: "UNAVAILABLE", 16: "UNAUTHENTICATED",
};

// A server that never answered and one that went away mid-session look the same from here.
const unreachableHint = " Is the Spark Connect server running and reachable (scripts/connect/start-server.sh)?"
  + " If it stopped or restarted, start it again, then reconnect: spark.stop() and SparkSession.builder.remote(url).getOrCreate()"
  + " (a restarted server has lost this session's temp views and cached data).";

/** A PijarError whose class, SQLSTATE and text are the server's own. */
export function serverError(code: number, message: string, info: ServerErrorInfo | null, what: string, server: string): PijarError {
  const jvmClass = info?.classes[0] ?? "";
  const exceptionType = jvmClass ? pysparkExceptionName(jvmClass) : "SparkConnectGrpcException";
  if (!info?.errorClass) {
    // No Spark error class: a transport or authentication failure. Say what was tried.
    const cls = code === 16 ? "CONNECT_AUTHENTICATION_FAILED" : code === 14 ? "CONNECT_SERVER_UNAVAILABLE" : "CONNECT_SERVER_ERROR";
    const hint = code === 16 ? " Check the token= parameter of the connection string."
      : code === 14 ? unreachableHint : "";
    return withServerText(new PijarError(cls, {}, {
      message: `${what} failed: the Spark Connect server at ${server} ${code === 14 ? "is not reachable (gRPC status" : "returned gRPC status"}`
        + ` ${GRPC_CODE_NAMES[code] ?? code}: ${message}${code === 14 ? ")" : ""}.${hint}`,
      exceptionType,
    }), null);
  }
  const err = new PijarError(info.errorClass, info.messageParameters, { message, exceptionType });
  return withServerText(err, info.sqlState, message);
}

function withServerText(err: PijarError, sqlState: string | null, text?: string): PijarError {
  // Spark's message already starts with [CLASS] and ends with SQLSTATE: keep it as it is.
  const fields = err as unknown as { sqlState: string | null; message: string };
  fields.sqlState = sqlState;
  if (text !== undefined) fields.message = text.startsWith("[") ? text : `[${err.errorClass}] ${text}`;
  return err;
}

/**
 * The PySpark exception name for a JVM exception class, as PySpark's Connect client maps them:
 * `...ExtendedAnalysisException` -> AnalysisException, `SparkArithmeticException` -> ArithmeticException.
 * The Spark classes PySpark keeps under their own name (its client maps them directly rather
 * than through the java.lang class they extend) stay as they are.
 */
export function pysparkExceptionName(jvmClass: string): string {
  const base = jvmClass.split(".").pop()!;
  if (base === "ExtendedAnalysisException") return "AnalysisException";
  if (KEPT_SPARK_NAMES.has(base)) return base;
  return /^Spark[A-Z]/.test(base) ? base.slice("Spark".length) : base;
}

const KEPT_SPARK_NAMES = new Set(["SparkException", "SparkUpgradeException", "SparkRuntimeException", "SparkNoSuchElementException"]);
