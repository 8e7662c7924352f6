/**
 * One connection to a Spark Connect server: the session id, the Bearer token, the typed async
 * client (ExecutePlan streams, Interrupt) over @connectrpc/connect-node's gRPC transport, and
 * the synchronous caller for AnalyzePlan (schemas) and eager commands.
 */
import { create, fromBinary, toBinary, type MessageInitShape } from "@bufbuild/protobuf";
import { createClient, ConnectError, type Client, type Interceptor } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { randomUUID } from "node:crypto";
import {
  AnalyzePlanRequestSchema, AnalyzePlanResponseSchema, ConfigRequestSchema, ConfigResponseSchema, ExecutePlanRequestSchema, ExecutePlanResponseSchema,
  InterruptRequest_InterruptType, SparkConnectService, type AnalyzePlanResponse, type ExecutePlanResponse, type Plan,
} from "./gen/base_pb.js";
import type { ConnectionSettings } from "./connection-string.js";
import { SyncCaller } from "./sync-call.js";
import { errorInfoFromDetails, serverError, statusDetails } from "./error-details.js";
import { reattachable } from "./reattachable-stream.js";
import { PIJAR_VERSION } from "../api/session.js";
import type { PijarError } from "../errors/pijar-error.js";
import type { Job } from "../execution/jobs.js";

const SERVICE = "/spark.connect.SparkConnectService/";
type ConfigOp = NonNullable<NonNullable<MessageInitShape<typeof ConfigRequestSchema>["operation"]>["opType"]>;
type AnalyzeCase = NonNullable<MessageInitShape<typeof AnalyzePlanRequestSchema>["analyze"]>;

export class ConnectClient {
  readonly sessionId: string;
  readonly clientType = `pijar/${PIJAR_VERSION} node/${process.versions.node}`;
  private readonly rpc: Client<typeof SparkConnectService>;
  private readonly sync: SyncCaller;
  private readonly headers: Record<string, string>;
  private serverVersion: string | null = null;
  /**
   * The server's id for this session, from its first answer. Sent back with every request (as
   * PySpark's client does) so that a server restarted behind the same URL answers Spark's
   * INVALID_HANDLE.SESSION_CHANGED instead of silently starting a fresh, empty session.
   */
  private serverSideSessionId: string | undefined;
  /** The server's address without parameters (the token is never printed), for error messages. */
  readonly address: string;

  constructor(readonly settings: ConnectionSettings) {
    this.sessionId = settings.sessionId ?? randomUUID();
    const baseUrl = `${settings.useSsl ? "https" : "http"}://${settings.host.includes(":") ? `[${settings.host}]` : settings.host}:${settings.port}`;
    this.address = `sc://${settings.host.includes(":") ? `[${settings.host}]` : settings.host}:${settings.port}`;
    this.headers = { ...settings.headers, "user-agent": settings.userAgent };
    if (settings.token) this.headers.authorization = `Bearer ${settings.token}`;
    const headers = this.headers;
    const auth: Interceptor = (next) => async (req) => {
      for (const [k, v] of Object.entries(headers)) req.header.set(k, v);
      return next(req);
    };
    this.rpc = createClient(SparkConnectService, createGrpcTransport({ baseUrl, interceptors: [auth] }));
    this.sync = new SyncCaller(baseUrl);
  }

  private get common() {
    return {
      sessionId: this.sessionId, userContext: { userId: this.settings.userId }, clientType: this.clientType,
      clientObservedServerSideSessionId: this.serverSideSessionId,
    };
  }

  private observe<T extends { serverSideSessionId: string }>(res: T): T {
    if (res.serverSideSessionId) this.serverSideSessionId ??= res.serverSideSessionId;
    return res;
  }

  /** AnalyzePlan, answered synchronously (schema, tree string, version, explain). */
  analyzeSync(analyze: AnalyzeCase, what: string): AnalyzePlanResponse {
    const req = create(AnalyzePlanRequestSchema, { ...this.common, analyze });
    const r = this.sync.call(SERVICE + "AnalyzePlan", toBinary(AnalyzePlanRequestSchema, req), this.headers);
    if (r.status !== 0) throw this.syncError(r.status, r.message, r.details, what);
    return this.observe(fromBinary(AnalyzePlanResponseSchema, r.messages[0]!));
  }

  /** A Config call (spark.conf get/set/unset), synchronously; returns the key/value pairs. */
  configSync(opType: ConfigOp, what: string): { key: string; value?: string }[] {
    const req = create(ConfigRequestSchema, { ...this.common, operation: { opType } });
    const r = this.sync.call(SERVICE + "Config", toBinary(ConfigRequestSchema, req), this.headers);
    if (r.status !== 0) throw this.syncError(r.status, r.message, r.details, what);
    return this.observe(fromBinary(ConfigResponseSchema, r.messages[0]!)).pairs;
  }

  /** ExecutePlan with every response collected, synchronously (eager commands such as spark.sql). */
  executeSync(plan: MessageInitShape<typeof ExecutePlanRequestSchema>["plan"], what: string): ExecutePlanResponse[] {
    const req = create(ExecutePlanRequestSchema, { ...this.common, operationId: randomUUID(), plan });
    const r = this.sync.call(SERVICE + "ExecutePlan", toBinary(ExecutePlanRequestSchema, req), this.headers);
    if (r.status !== 0) throw this.syncError(r.status, r.message, r.details, what);
    return r.messages.map((m) => this.observe(fromBinary(ExecutePlanResponseSchema, m)));
  }

  /**
   * ExecutePlan as an async stream of responses, run as a Pijar Job: the kernel's interrupt
   * (or cancelAllJobs) sends an Interrupt for this operation and ends the stream; the server's
   * ExecutionProgress messages feed the job's progress (bytes read), which draws progress bars.
   * The execution is reattachable: a connection lost mid-result reattaches and goes on after the
   * last response received (reattachable-stream.ts).
   */
  async *execute(plan: MessageInitShape<typeof ExecutePlanRequestSchema>["plan"], what: string, job?: Job): AsyncGenerator<ExecutePlanResponse> {
    const operationId = randomUUID();
    const req = {
      ...this.common, operationId, plan,
      requestOptions: [{ requestOption: { case: "reattachOptions" as const, value: { reattachable: true } } }],
    };
    const abort = new AbortController();
    let cancelled: unknown = null;
    const watch = job && setInterval(() => {
      try {
        job.checkCancelled();
      } catch (e) {
        cancelled = e;
        clearInterval(watch);
        // Stop the server's work first, then our stream; the interrupt's own failure is moot.
        this.rpc.interrupt({ ...this.common, interruptType: InterruptRequest_InterruptType.OPERATION_ID, interrupt: { case: "operationId", value: operationId } })
          .catch(() => undefined).finally(() => abort.abort());
      }
    }, 100);
    const stageBytes = new Map<bigint, bigint>();
    try {
      const stream = reattachable<ExecutePlanResponse>({
        start: (signal) => this.rpc.executePlan(req, { signal }),
        reattach: (lastResponseId, signal) => this.rpc.reattachExecute({ ...this.common, operationId, lastResponseId }, { signal }),
        release: () => this.rpc.releaseExecute({ ...this.common, operationId, release: { case: "releaseAll", value: {} } }),
        responseId: (r) => r.responseId,
        isComplete: (r) => r.responseType.case === "resultComplete",
      }, abort.signal);
      for await (const res of stream) {
        this.observe(res);
        if (job && res.responseType.case === "executionProgress") {
          let delta = 0n;
          for (const st of res.responseType.value.stages) {
            delta += st.inputBytesRead - (stageBytes.get(st.stageId) ?? 0n);
            stageBytes.set(st.stageId, st.inputBytesRead);
          }
          job.reportRead(0, Number(delta));
        }
        yield res;
      }
      if (cancelled) throw cancelled;
    } catch (e) {
      if (cancelled) throw cancelled;
      throw this.asyncError(e, what);
    } finally {
      if (watch) clearInterval(watch);
    }
  }

  /** Interrupts every running operation of this session; returns the interrupted ids. */
  async interruptAll(): Promise<string[]> {
    const r = await this.rpc.interrupt({ ...this.common, interruptType: InterruptRequest_InterruptType.ALL });
    return r.interruptedIds;
  }

  /** The server's Spark version, asked once. */
  version(): string {
    if (this.serverVersion === null) {
      const r = this.analyzeSync({ case: "sparkVersion", value: {} }, "Asking the server's Spark version");
      this.serverVersion = r.result.case === "sparkVersion" ? r.result.value.version : "";
    }
    return this.serverVersion;
  }

  close(): void {
    this.sync.close();
  }

  private syncError(status: number, message: string, detailsB64: string, what: string): PijarError {
    const info = detailsB64 ? errorInfoFromDetails(statusDetails(Buffer.from(detailsB64, "base64"))) : null;
    return serverError(status, message, info, what, this.address);
  }

  private asyncError(e: unknown, what: string): unknown {
    if (!(e instanceof ConnectError)) return e;
    const raw = e.metadata.get("grpc-status-details-bin");
    let info = raw ? errorInfoFromDetails(statusDetails(Buffer.from(raw, "base64"))) : null;
    if (!info) {
      // connect-node also parses the details; the raw Any entries carry type and bytes.
      const details = (e.details as { type?: string; value?: Uint8Array }[])
        .filter((d) => d.type && d.value).map((d) => ({ typeUrl: d.type!, value: d.value! }));
      info = errorInfoFromDetails(details);
    }
    return serverError(e.code, e.rawMessage, info, what, this.address);
  }
}

export type { Plan };
