/**
 * A result stream that survives a dropped connection, as Spark Connect's reattachable executions
 * allow (ReattachExecute, Spark 3.5+): the server keeps an operation's responses until the client
 * releases them, so when the stream breaks before its ResultComplete the client asks for the rest
 * after the last response it saw, and finally releases the operation. PySpark's client does the
 * same (ExecutePlanResponseReattachableIterator); this is Pijar's own, smaller version.
 *
 * Only transport failures are retried (the connection reset, the stream ended early); an error
 * the server raised carries Spark's ErrorInfo and is thrown at once. After `backoffMs.length`
 * failed attempts an Unavailable error is thrown, which the caller turns into
 * CONNECT_SERVER_UNAVAILABLE naming the server.
 */
import { Code, ConnectError } from "@connectrpc/connect";

export interface ReattachableOps<R> {
  /** Opens the operation's stream (ExecutePlan with reattachable set). */
  start(signal: AbortSignal): AsyncIterable<R>;
  /** Reopens it after `lastResponseId` (from the start when undefined). */
  reattach(lastResponseId: string | undefined, signal: AbortSignal): AsyncIterable<R>;
  /** Tells the server it may drop the operation's responses (ReleaseExecute, release all). */
  release(): Promise<unknown>;
  responseId(r: R): string;
  /** The server's last response (ResultComplete): the stream is whole. */
  isComplete(r: R): boolean;
}

/** Waits before each reattach: quick for a blip, seconds for a server that is restarting. */
export const REATTACH_BACKOFF_MS = [50, 250, 1000, 2500, 5000];

/** A failure of the connection rather than of the query. */
export function isTransportError(e: unknown): boolean {
  if (!(e instanceof ConnectError)) return false;
  if (e.metadata.get("grpc-status-details-bin")) return false; // Spark's own error, with ErrorInfo
  if (e.code === Code.Unavailable || e.code === Code.Aborted) return true;
  // The HTTP/2 stream cancelled under us (the socket cut): our own cancel is told apart by the
  // caller through its abort signal.
  if (e.code === Code.Canceled) return true;
  // An HTTP/2 stream or socket torn down mid-response surfaces as Internal/Unknown.
  return (e.code === Code.Internal || e.code === Code.Unknown) && /RST_STREAM|ECONNRESET|socket hang up|stream (was )?(closed|destroyed)|premature close|EPIPE/i.test(e.rawMessage);
}

export async function* reattachable<R>(ops: ReattachableOps<R>, signal: AbortSignal, backoffMs = REATTACH_BACKOFF_MS): AsyncGenerator<R> {
  let lastId: string | undefined;
  let complete = false;
  let failures = 0;
  let stream = ops.start(signal);
  try {
    for (;;) {
      try {
        for await (const r of stream) {
          lastId = ops.responseId(r) || lastId;
          failures = 0;
          if (ops.isComplete(r)) complete = true;
          yield r;
        }
        if (complete) return;
        // Ended without ResultComplete: the connection closed under it.
        if (signal.aborted) return;
        throw new ConnectError("the result stream ended before its last response", Code.Unavailable);
      } catch (e) {
        if (signal.aborted || !isTransportError(e)) throw e;
        if (failures >= backoffMs.length) {
          // Unavailable, whatever the last symptom was: the caller names the server and the fix.
          throw new ConnectError(`the connection broke and ${failures} reattach attempts failed (${(e as ConnectError).rawMessage})`, Code.Unavailable);
        }
        await new Promise((r) => setTimeout(r, backoffMs[failures]));
        failures++;
        stream = ops.reattach(lastId, signal);
      }
    }
  } finally {
    // Released once the client no longer needs the responses (done, failed or abandoned); its
    // own failure (the server gone) changes nothing for the caller.
    ops.release().catch(() => undefined);
  }
}
