/**
 * Ranking window functions over one sorted partition: row_number, rank, dense_rank,
 * percent_rank, cume_dist, ntile. `isNewPeer[i]` is 1 when row i's ORDER BY values differ
 * from row i-1 (row 0 always starts a peer group).
 */
import { doubleType, integerType, type DataType } from "../../types/data-types.js";
import { PijarError } from "../../errors/pijar-error.js";
import { expectType, literalArg } from "../helpers.js";
import type { WindowFunctionDef, FunctionDef } from "../registry.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

/** Rank (1-based position of the first peer) of every row. */
export function ranks(n: number, isNewPeer: Uint8Array): number[] {
  const out = new Array<number>(n);
  let r = 1;
  for (let i = 0; i < n; i++) {
    if (i === 0 || isNewPeer[i]) r = i + 1;
    out[i] = r;
  }
  return out;
}

/** Index of the last row of each row's peer group. */
function peerEnds(n: number, isNewPeer: Uint8Array): number[] {
  const out = new Array<number>(n);
  let end = n - 1;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = end;
    if (i === 0 || isNewPeer[i]) end = i - 1;
  }
  return out;
}

/**
 * `takesOrder`: rank, dense_rank and percent_rank also accept arguments (`rank(b) OVER (ORDER BY
 * b)`); as in Spark, peers are fixed by the window's ORDER BY, so the arguments are dropped.
 */
function rankingDef(name: string, shown: string, dataType: DataType, evalPartition: WindowFunctionDef["evalPartition"], takesOrder = false): WindowFunctionDef {
  return {
    kind: "window", name, minArgs: 0, maxArgs: takesOrder ? Infinity : 0,
    resolve: () => ({ args: [], dataType, nullable: false }),
    evalPartition,
    sql: () => `${shown}()`,
  };
}

definitions.push(rankingDef("row_number", "row_number", integerType, (_a, n) => Array.from({ length: n }, (_, i) => i + 1)));
definitions.push(rankingDef("rank", "RANK", integerType, (_a, n, peers) => ranks(n, peers), true));
definitions.push(rankingDef("dense_rank", "DENSE_RANK", integerType, (_a, n, peers) => {
  const out = new Array<number>(n);
  let r = 0;
  for (let i = 0; i < n; i++) {
    if (i === 0 || peers[i]) r++;
    out[i] = r;
  }
  return out;
}, true));
definitions.push(rankingDef("percent_rank", "PERCENT_RANK", doubleType, (_a, n, peers) => ranks(n, peers).map((r) => (n <= 1 ? 0 : (r - 1) / (n - 1))), true));
definitions.push(rankingDef("cume_dist", "cume_dist", doubleType, (_a, n, peers) => peerEnds(n, peers).map((e) => (e + 1) / n)));

definitions.push({
  kind: "window", name: "ntile", minArgs: 1, maxArgs: 1,
  resolve(args) {
    const k = literalArg(args, 0);
    if (typeof k !== "number" || !Number.isInteger(k) || k <= 0) {
      throw new PijarError("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE", {}, {
        message: `Cannot resolve "ntile(${String(k)})": the number of buckets must be a positive integer literal, e.g. F.ntile(4).`,
      });
    }
    return { args: [expectType("ntile", args, 0, integerType)], dataType: integerType, nullable: false, state: k };
  },
  evalPartition(_args, n, _peers, call) {
    const k = call.state as number;
    // n rows into k buckets: the first n % k buckets get one extra row.
    const size = Math.floor(n / k);
    const extra = n % k;
    const out = new Array<number>(n);
    let row = 0;
    for (let b = 1; b <= k && row < n; b++) {
      const len = size + (b <= extra ? 1 : 0);
      for (let j = 0; j < len && row < n; j++) out[row++] = b;
    }
    return out;
  },
});
