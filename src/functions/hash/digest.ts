/** md5, sha1, sha2, crc32 (on the UTF-8 bytes of strings) and Spark's Murmur3 `hash`. */
import { createHash } from "node:crypto";
import type { Expr } from "../../plan/expr/expr.js";
import { binaryType, integerType, longType, stringType } from "../../types/data-types.js";
import { typeOf } from "../../plan/expr/type-of.js";
import { ArrayType, MapType, StructType, type DataType } from "../../types/data-types.js";
import { PijarError } from "../../errors/pijar-error.js";
import { callSql, expectType, fixedSignature, map1, map2 } from "../helpers.js";
import type { FunctionDef } from "../registry.js";
import { hashValue } from "./murmur3.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

for (const [name, algo] of [["md5", "md5"], ["sha1", "sha1"], ["sha", "sha1"]] as const) {
  definitions.push({
    kind: "scalar", name, minArgs: 1, maxArgs: 1,
    resolve: fixedSignature(name, [binaryType], stringType),
    eval: map1((b: Uint8Array) => createHash(algo).update(b).digest("hex")),
  });
}

definitions.push({
  kind: "scalar", name: "sha2", minArgs: 2, maxArgs: 2,
  resolve: (args) => ({ args: [expectType("sha2", args, 0, binaryType), expectType("sha2", args, 1, integerType)], dataType: stringType }),
  eval: map2((b: Uint8Array, bits: number) => {
    const algo = bits === 0 || bits === 256 ? "sha256" : bits === 224 ? "sha224" : bits === 384 ? "sha384" : bits === 512 ? "sha512" : null;
    return algo ? createHash(algo).update(b).digest("hex") : null;
  }),
});

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

definitions.push({
  kind: "scalar", name: "crc32", minArgs: 1, maxArgs: 1,
  resolve: fixedSignature("crc32", [binaryType], longType),
  eval: map1(crc32),
});

definitions.push({
  kind: "scalar", name: "hash", minArgs: 1, maxArgs: Infinity,
  resolve(args) {
    rejectMaps("hash", args);
    return { args, dataType: integerType, nullable: false };
  },
  eval(args, n, call) {
    const types = call.args.map(typeOf);
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      let h = 42;
      for (let j = 0; j < args.length; j++) h = hashValue(args[j]![i], types[j]!, h);
      out[i] = h;
    }
    return out;
  },
});

/** Spark's hash expressions refuse maps: equal maps may list their entries in other orders. */
export function rejectMaps(name: string, args: readonly Expr[]): void {
  if (args.some((a) => containsMap(typeOf(a)))) {
    throw new PijarError("DATATYPE_MISMATCH.HASH_MAP_TYPE", {}, {
      message: `Cannot resolve "${callSql(name, args)}" due to data type mismatch: Input to the function \`${name}\` cannot contain elements of the "MAP" type. In Spark, same maps may have different hashcode, thus hash expressions are prohibited on "MAP" elements.`,
    });
  }
}

function containsMap(t: DataType): boolean {
  if (t instanceof MapType) return true;
  if (t instanceof ArrayType) return containsMap(t.elementType);
  if (t instanceof StructType) return t.fields.some((f) => containsMap(f.dataType));
  return false;
}
