/** hmac(key, message[, algorithm]): the keyed digest as BINARY; SHA-256 unless named. */
import { createHmac } from "node:crypto";
import { binaryType, stringType } from "../../types/data-types.js";
import { PijarError } from "../../errors/pijar-error.js";
import { expectType, mapN } from "../helpers.js";
import type { FunctionDef } from "../registry.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

// Spark's names (Java's) -> node's.
const ALGORITHMS: Record<string, string> = {
  "SHA-224": "sha224", "SHA-256": "sha256", "SHA-384": "sha384", "SHA-512": "sha512", "SHA-1": "sha1", "MD5": "md5",
};

definitions.push({
  kind: "scalar", name: "hmac", minArgs: 2, maxArgs: 3,
  resolve: (args) => ({
    args: args.map((_, i) => expectType("hmac", args, i, i === 2 ? stringType : binaryType)),
    dataType: binaryType,
  }),
  eval: mapN(([key, message, algorithm]: [Uint8Array, Uint8Array, string | undefined]) => {
    const algo = ALGORITHMS[algorithm ?? "SHA-256"];
    if (!algo) {
      throw new PijarError("INVALID_PARAMETER_VALUE.HMAC_ALGORITHM", {
        parameter: "`algorithm`", functionName: "`hmac`", algorithm: `'${algorithm}'`,
      });
    }
    // Java's SecretKeySpec refuses an empty key.
    if (key.length === 0) {
      throw new PijarError("INVALID_PARAMETER_VALUE.HMAC_CRYPTO_ERROR", { parameter: "`key`", functionName: "`hmac`", detailMessage: "Empty key" });
    }
    return new Uint8Array(createHmac(algo, key).update(message).digest());
  }),
});
