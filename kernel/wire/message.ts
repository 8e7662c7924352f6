/**
 * Jupyter wire format: [identities..., "<IDS|MSG>", signature, header, parent_header, metadata,
 * content, buffers...]. Parsing happens only after the signature was verified.
 */
import { randomUUID } from "node:crypto";
import type { Signer } from "./signer.js";

export const DELIMITER = "<IDS|MSG>";
export const PROTOCOL_VERSION = "5.3";

export interface Header {
  msg_id: string;
  session: string;
  username: string;
  date: string;
  msg_type: string;
  version: string;
  [k: string]: unknown;
}

/** A decoded Jupyter message. */
export interface JupyterMessage {
  identities: Buffer[];
  header: Header;
  parent_header: Partial<Header>;
  metadata: Record<string, unknown>;
  content: Record<string, unknown>;
  buffers: Buffer[];
}

/** Decodes frames, or returns null when the message is malformed or not correctly signed. */
export function decode(frames: Buffer[], signer: Signer): JupyterMessage | null {
  const at = frames.findIndex((f) => f.length === DELIMITER.length && f.toString("utf8") === DELIMITER);
  if (at < 0 || frames.length < at + 6) return null;
  const signature = frames[at + 1]!.toString("utf8");
  const body = frames.slice(at + 2, at + 6);
  // Verify before JSON.parse: unsigned or forged messages are dropped without being looked at.
  if (!signer.verify(signature, body)) return null;
  try {
    return {
      identities: frames.slice(0, at),
      header: JSON.parse(body[0]!.toString("utf8")),
      parent_header: JSON.parse(body[1]!.toString("utf8")),
      metadata: JSON.parse(body[2]!.toString("utf8")),
      content: JSON.parse(body[3]!.toString("utf8")),
      buffers: frames.slice(at + 6),
    };
  } catch {
    return null;
  }
}

/** What the protocol layer asks to send; the wire adds header fields and the signature. */
export interface OutgoingMessage {
  msg_type: string;
  content: Record<string, unknown>;
  parent_header: Partial<Header>;
  metadata?: Record<string, unknown>;
  identities?: Buffer[] | Uint8Array[];
}

/** Encodes a message into signed frames. */
export function encode(msg: OutgoingMessage, session: string, signer: Signer): Buffer[] {
  const header: Header = {
    msg_id: randomUUID(),
    session,
    username: "pijar",
    date: new Date().toISOString(),
    msg_type: msg.msg_type,
    version: PROTOCOL_VERSION,
  };
  const body = [
    JSON.stringify(header),
    JSON.stringify(msg.parent_header ?? {}),
    JSON.stringify(msg.metadata ?? {}),
    JSON.stringify(msg.content),
  ].map((s) => Buffer.from(s, "utf8"));
  const ids = (msg.identities ?? []).map((b) => Buffer.from(b));
  return [...ids, Buffer.from(DELIMITER), Buffer.from(signer.sign(body)), ...body];
}
