/** Hash and digest functions of the F namespace. */
import { c, fn, l, Column, type ColumnOrName } from "./build.js";

/** Hex MD5 of the bytes. `F.md5("s")` */
export function md5(x: ColumnOrName): Column { return fn("md5", c(x)); }
/** Hex SHA-1. `F.sha1("s")` */
export function sha1(x: ColumnOrName): Column { return fn("sha1", c(x)); }
/** Hex SHA-2 (224, 256, 384, 512; 0 = 256). `F.sha2("s", 256)` */
export function sha2(x: ColumnOrName, numBits: number): Column { return fn("sha2", c(x), l(numBits)); }
/** CRC-32 as BIGINT. `F.crc32("s")` */
export function crc32(x: ColumnOrName): Column { return fn("crc32", c(x)); }
/** Spark's Murmur3 hash of the columns (INT). `F.hash("a", "b")` */
export function hash(...cols: ColumnOrName[]): Column { return fn("hash", ...cols.map(c)); }
/** Same as sha1. `F.sha("s")` */
export function sha(x: ColumnOrName): Column { return fn("sha", c(x)); }
/** Spark's xxHash64 of the columns (BIGINT, seed 42). `F.xxhash64("a", "b")` */
export function xxhash64(...cols: ColumnOrName[]): Column { return fn("xxhash64", ...cols.map(c)); }
/** Keyed digest (BINARY), SHA-256 unless named. `F.hmac("key", "msg", F.lit("SHA-512"))` */
export function hmac(key: ColumnOrName, message: ColumnOrName, algorithm?: ColumnOrName): Column {
  return algorithm === undefined ? fn("hmac", c(key), c(message)) : fn("hmac", c(key), c(message), c(algorithm));
}
