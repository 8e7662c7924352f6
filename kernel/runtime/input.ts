/**
 * `input(prompt)` / `prompt(prompt)` for cells: sends input_request on stdin and blocks the main
 * thread (Atomics.wait) until the wire thread stores the input_reply, like Python's input().
 */
import {
  INPUT_HEADER_BYTES,
  INPUT_STATE_INTERRUPTED,
  INPUT_STATE_WAITING,
  type ToWire,
} from "../wire/bridge.js";
import type { Output, Sender } from "./output.js";
import { KeyboardInterrupt } from "./evaluate.js";

export function makeInput(buffer: SharedArrayBuffer, toWire: (m: ToWire) => void, send: Sender, output: Output) {
  const state = new Int32Array(buffer, 0, 2);
  const bytes = new Uint8Array(buffer, INPUT_HEADER_BYTES);
  return function input(prompt = "", password = false): string {
    const req = output.request;
    if (req?.header.msg_type !== "execute_request" || req.content["allow_stdin"] === false) {
      throw new Error("input() is only available while a cell runs in a front end that allows stdin.");
    }
    output.flush();
    Atomics.store(state, 0, INPUT_STATE_WAITING);
    toWire({ kind: "waiting-input", value: true });
    send("stdin", {
      msg_type: "input_request",
      content: { prompt: String(prompt), password },
      parent_header: output.parent,
      identities: req.identities,
    });
    try {
      while (Atomics.load(state, 0) === INPUT_STATE_WAITING) Atomics.wait(state, 0, INPUT_STATE_WAITING, 1000);
    } finally {
      toWire({ kind: "waiting-input", value: false });
    }
    if (Atomics.load(state, 0) === INPUT_STATE_INTERRUPTED) throw new KeyboardInterrupt();
    const n = Atomics.load(state, 1);
    return Buffer.from(bytes.subarray(0, n)).toString("utf8");
  };
}
