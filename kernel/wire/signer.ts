/**
 * Message signing as jupyter_client does it: HMAC over the four JSON frames (header,
 * parent_header, metadata, content), hex digest, constant-time comparison.
 *
 * Why the replay cache: an attacker who can see traffic could resend a signed execute_request;
 * jupyter_client remembers recent digests and so do we (bounded, oldest forgotten first).
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export class Signer {
  private readonly seen = new Set<string>();
  private readonly order: string[] = [];

  /**
   * @param key the connection file's `key`; an empty key disables signing (allowed by the spec).
   * @param scheme the connection file's `signature_scheme`, e.g. "hmac-sha256".
   * @param maxRemembered how many recent signatures to remember for replay detection.
   */
  constructor(
    private readonly key: string,
    private readonly scheme = "hmac-sha256",
    private readonly maxRemembered = 10_000,
  ) {
    if (!scheme.startsWith("hmac-")) {
      throw new Error(`Unsupported signature_scheme "${scheme}" in the connection file; use "hmac-sha256".`);
    }
  }

  /** Hex HMAC digest of the frames ("" when signing is disabled). */
  sign(frames: readonly (Buffer | string)[]): string {
    if (!this.key) return "";
    const h = createHmac(this.scheme.slice(5), this.key);
    for (const f of frames) h.update(f);
    return h.digest("hex");
  }

  /**
   * True when `signature` is valid for the frames and was never seen before. Records it, so a
   * replay of the same message is rejected.
   */
  verify(signature: string, frames: readonly (Buffer | string)[]): boolean {
    if (!this.key) return true;
    const expected = Buffer.from(this.sign(frames), "utf8");
    const given = Buffer.from(signature, "utf8");
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
    if (this.seen.has(signature)) return false;
    this.seen.add(signature);
    this.order.push(signature);
    if (this.order.length > this.maxRemembered) this.seen.delete(this.order.shift()!);
    return true;
  }
}
