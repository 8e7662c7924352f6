/**
 * Worker side of jdbcSourceSync: connects, reads the relation's columns, posts them on the
 * port and wakes the blocked caller (see jdbc-sync.ts for why this exists).
 */
import { workerData, type MessagePort } from "node:worker_threads";
import { parseJdbcOptions } from "./jdbc-options.js";
import { guard, openConnection } from "./connect.js";
import { baseQuery } from "./base-query.js";
import { PijarError } from "../../errors/pijar-error.js";

const { options, port, signal } = workerData as { options: Record<string, string>; port: MessagePort; signal: Int32Array };

async function main(): Promise<void> {
  try {
    const o = parseJdbcOptions(options);
    const conn = await openConnection(o);
    try {
      const columns = await guard(o, `read the columns of ${o.table ?? "the query"}`, () => conn.describe(baseQuery(o, conn.dialect)), conn);
      port.postMessage({ ok: true, columns });
    } finally {
      await conn.close();
    }
  } catch (e) {
    const p = e instanceof PijarError ? e : null;
    port.postMessage({
      ok: false, errorClass: p?.errorClass ?? "FAILED_JDBC.UNCLASSIFIED", params: p?.messageParameters ?? {},
      message: String((e as Error)?.message ?? e), exceptionType: p?.exceptionType,
    });
  } finally {
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
  }
}

void main();
