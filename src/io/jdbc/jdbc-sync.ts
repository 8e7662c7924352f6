/**
 * A synchronous jdbc opener for `spark.read.format("jdbc")...load()`, whose signature (like
 * PySpark's) returns a DataFrame at once, schema included.
 *
 * Why a worker: learning the schema needs a database round trip, and Node drivers are
 * asynchronous. The lookup runs in a worker thread while this thread waits on an Atomics
 * flag (bounded by a timeout), then reads the answer with receiveMessageOnPort. Only the
 * schema lookup blocks; scans stream asynchronously as usual.
 */
import { MessageChannel, receiveMessageOnPort } from "node:worker_threads";
import { startEvalWorker } from "../../context/eval-worker.js";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { PijarError } from "../../errors/pijar-error.js";
import type { DataSource } from "../data-source.js";
import type { StructType } from "../../types/data-types.js";
import { Options, type OptionValue } from "../options.js";
import type { ColumnMeta, JdbcDialect } from "./dialects/dialect.js";
import { checkReadOptions, sourceFromColumns } from "./jdbc-source.js";
import { postgresDialect } from "./dialects/postgres.js";
import { mysqlDialect } from "./dialects/mysql.js";
import { sqliteDialect } from "./dialects/sqlite.js";
import { describeTarget } from "./url.js";

const TIMEOUT_MS = 60_000;

/** Opens a jdbc DataSource synchronously (the `registerSourceFormat("jdbc", ...)` opener). */
export function jdbcSourceSync(options: Options | Record<string, OptionValue>, userSchema: StructType | null, timeZone: string): DataSource {
  if (userSchema) {
    throw new PijarError("UNSUPPORTED_FEATURE", { feature: "schema() with jdbc" }, {
      message: "The jdbc source does not allow a user-specified schema: it comes from the database. Use the 'customSchema' option to change column types.",
      exceptionType: "AnalysisException",
    });
  }
  const o = checkReadOptions(options);
  const plain: Record<string, string> = Object.fromEntries((options instanceof Options ? options : new Options(options)).entries());
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const self = import.meta.url;
  // In development (tsx, vitest) this file is TypeScript: the worker registers tsx's loader first.
  const ts = self.endsWith(".ts");
  const target = new URL(ts ? "./describe-worker.ts" : "./describe-worker.js", self).href;
  const load = ts ? `import(${JSON.stringify(pathToFileURL(createRequire(self).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs")).href)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); })`
    : `import(${JSON.stringify(target)})`;
  // A worker that cannot start still answers, so the caller never waits for the timeout.
  const code = `const { workerData } = require("node:worker_threads");
${load}.catch((e) => { workerData.port.postMessage({ ok: false, errorClass: "INTERNAL_ERROR", params: {}, message: String(e && e.stack || e) });
  Atomics.store(workerData.signal, 0, 1); Atomics.notify(workerData.signal, 0); });`;
  const worker = startEvalWorker(code, { workerData: { options: plain, port: port2, signal }, transferList: [port2] });
  try {
    const r = Atomics.wait(signal, 0, 0, TIMEOUT_MS);
    const msg = receiveMessageOnPort(port1)?.message as
      | { ok: true; columns: ColumnMeta[] }
      | { ok: false; errorClass: string; params: Record<string, string>; message: string; exceptionType?: string }
      | undefined;
    if (!msg) {
      throw new PijarError("CANNOT_CONNECT_TO_DATABASE", { database: o.target.kind, host: o.target.host, port: String(o.target.port), reason: "" }, {
        message: `Cannot connect to ${describeTarget(o.target)}: no answer within ${r === "timed-out" ? TIMEOUT_MS / 1000 + " s" : "the lookup"}. Check that the server is running and reachable.`,
      });
    }
    if (!msg.ok) {
      const body = msg.message.replace(/^\[[A-Z_.]+\] /, "").replace(/ SQLSTATE: \w+$/, "");
      throw new PijarError(msg.errorClass, msg.params, { message: body, exceptionType: msg.exceptionType });
    }
    return sourceFromColumns(o, msg.columns, dialectOf(o.target.kind), timeZone);
  } finally {
    void worker.terminate();
    port1.close();
  }
}

function dialectOf(kind: string): JdbcDialect {
  return kind === "postgresql" ? postgresDialect : kind === "mysql" ? mysqlDialect : sqliteDialect;
}
