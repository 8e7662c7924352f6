import { describe, expect, it } from "vitest";
import { Signer } from "../../kernel/wire/signer.js";
import { decode, encode, DELIMITER } from "../../kernel/wire/message.js";

describe("signing", () => {
  it("round-trips a signed message", () => {
    const s = new Signer("secret");
    const frames = encode({ msg_type: "status", content: { execution_state: "idle" }, parent_header: {} }, "sess", s);
    const msg = decode(frames, new Signer("secret"));
    expect(msg?.header.msg_type).toBe("status");
    expect(msg?.content).toEqual({ execution_state: "idle" });
  });

  it("drops wrong, missing and replayed signatures", () => {
    const frames = encode({ msg_type: "execute_request", content: { code: "1" }, parent_header: {} }, "sess", new Signer("secret"));
    expect(decode(frames, new Signer("other"))).toBeNull();
    const unsigned = [...frames];
    unsigned[1] = Buffer.from("");
    expect(decode(unsigned, new Signer("secret"))).toBeNull();
    const receiver = new Signer("secret");
    expect(decode(frames, receiver)).not.toBeNull();
    expect(decode(frames, receiver)).toBeNull(); // replay
  });

  it("does not parse before verifying", () => {
    const bad = [Buffer.from(DELIMITER), Buffer.from("0".repeat(64)), Buffer.from("{not json"), Buffer.from("{}"), Buffer.from("{}"), Buffer.from("{}")];
    expect(decode(bad, new Signer("secret"))).toBeNull();
  });

  it("rejects unknown schemes with a helpful message", () => {
    expect(() => new Signer("k", "md5")).toThrow(/hmac-sha256/);
  });
});
