/**
 * Sliced Arrow data (Data.slice, as Batch.slice, LIMIT, re-batching and the Parquet scan make)
 * reads the same values as the matching rows of the whole chunk, in every reader and kernel.
 *
 * Arrow JS's `Data.slice` keeps `offset` only for the bit buffers (validity, boolean values);
 * value, offset and child buffers are cut to start at the slice. A kernel that adds `offset`
 * to a value index reads the wrong rows, so every kernel here runs on slices (mid-byte starts,
 * slices of slices) and must answer as on a freshly built vector holding the same rows.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as A from "apache-arrow";
import { functions as F } from "../../src/index.js";
import { session } from "./helpers.js";
import { buildData } from "../../src/columnar/convert/build.js";
import { readValues } from "../../src/columnar/convert/read.js";
import { Batch } from "../../src/columnar/batch.js";
import { takeVector } from "../../src/columnar/take.js";
import { isValid, numbersOf, triOf, validBytes, type Vector } from "../../src/columnar/vector.js";
import { compareScalar, compareVectors, dictionaryStrings, type CompareOp } from "../../src/physical/kernels/compare.js";
import { arith, castNumber, timestampToDate } from "../../src/physical/kernels/arithmetic.js";
import { KeyCoder } from "../../src/physical/aggregate/key-codes.js";
import { toEngineData } from "../../src/io/parquet/parquet-source.js";
import { rowsOf } from "../../src/connect/arrow-results.js";
import {
  ArrayType, DataType, DecimalType, MapType, StructField, StructType, binaryType, booleanType, byteType, dateType, doubleType, floatType,
  integerType, longType, shortType, stringType, timestampType,
} from "../../src/types/data-types.js";

const N = 37; // not a multiple of 8, so slices start mid-byte in the bitmaps
const nullEvery = (i: number) => i % 5 === 3;
const withNulls = <T>(f: (i: number) => T): (T | null)[] => Array.from({ length: N }, (_, i) => (nullEvery(i) ? null : f(i)));

/** [start, length] of the slices tried, including the empty tail and a one-row slice. */
const SLICES: readonly (readonly [number, number])[] = [[0, N], [1, 10], [9, 20], [13, N - 13], [N - 1, 1], [N, 0]];

/**
 * Runs `check(sliced, rows)` for every slice of `whole` (and a slice of each slice), where
 * `rows` are the internal values that slice covers.
 */
function forEachSlice(whole: Vector, values: readonly unknown[], check: (sliced: Vector, rows: unknown[], label: string) => void): void {
  for (const [start, len] of SLICES) {
    check(whole.slice(start, len), values.slice(start, start + len), `slice(${start}, ${len})`);
    if (len > 1) check(whole.slice(start, len).slice(1, len - 1), values.slice(start + 1, start + len), `slice(${start}, ${len}).slice(1)`);
  }
}

/** Dictionary-encoded strings over `words`; the dictionary itself may be a slice of a longer chunk. */
function dictVector(values: readonly (string | null)[], words: readonly string[], slicedDictionary: boolean): Vector {
  const pad = ["pad-a", "pad-b", "pad-c"];
  const dictData = slicedDictionary
    ? buildData(stringType, [...pad, ...words, "pad-z"]).slice(pad.length, words.length)
    : buildData(stringType, words);
  const idx = new Int32Array(values.length);
  const bitmap = new Uint8Array((values.length + 7) >> 3);
  let nulls = 0;
  values.forEach((v, i) => {
    if (v === null) nulls++;
    else {
      idx[i] = words.indexOf(v);
      bitmap[i >> 3]! |= 1 << (i & 7);
    }
  });
  return A.makeData({
    type: new A.Dictionary(new A.Utf8(), new A.Int32()), length: values.length, nullCount: nulls,
    nullBitmap: nulls ? bitmap : undefined, data: idx, dictionary: A.makeVector(dictData),
  });
}

const WORDS = ["completed", "pending", "Ümraniye", "😀", "", "cancelled"];
const word = (i: number) => WORDS[(i * 7) % WORDS.length]!;

describe("reading sliced Arrow data", () => {
  const cases: [string, DataType, (i: number) => unknown][] = [
    ["int", integerType, (i) => i * 7 - 40],
    ["long", longType, (i) => (i % 2 ? 2n ** 60n + BigInt(i) : i)],
    ["double", doubleType, (i) => i / 4],
    ["boolean", booleanType, (i) => i % 3 === 0],
    ["date", dateType, (i) => 19000 + i],
    ["timestamp", timestampType, (i) => 1_700_000_000_000_000 + i],
    ["decimal", new DecimalType(20, 2), (i) => BigInt(i) * 1001n - 5000n],
    ["string", stringType, (i) => "v".repeat(i % 4) + i],
    ["array", new ArrayType(integerType), (i) => Array.from({ length: i % 3 }, (_, k) => i + k)],
    ["map", new MapType(stringType, integerType), (i) => new Map([[`k${i}`, i]])],
    ["struct", new StructType([new StructField("a", integerType), new StructField("b", stringType)]), (i) => [i, `s${i}`]],
  ];
  for (const [name, type, value] of cases) {
    it(`${name}: a slice reads the rows it covers`, () => {
      const values = withNulls(value);
      forEachSlice(buildData(type, values), values, (s, rows, label) => expect(readValues(s, type), label).toEqual(rows));
    });
  }

  it("dictionary strings: a slice reads its rows, also over a sliced dictionary", () => {
    const values = withNulls(word);
    for (const slicedDict of [false, true]) {
      forEachSlice(dictVector(values, WORDS, slicedDict), values, (s, rows, label) => expect(readValues(s, stringType), label).toEqual(rows));
    }
  });
});

describe("vector helpers on slices", () => {
  it("isValid, validBytes and triOf see the slice's rows", () => {
    const values = withNulls((i) => i % 3 === 0);
    forEachSlice(buildData(booleanType, values), values, (s, rows, label) => {
      expect(rows.map((_, i) => isValid(s, i)), label).toEqual(rows.map((r) => r !== null));
      const vb = validBytes(s);
      expect(vb ? Array.from(vb, (b) => b === 1) : rows.map(() => true), label).toEqual(rows.map((r) => r !== null));
      expect(Array.from(triOf(s)), label).toEqual(rows.map((r) => (r === null ? 2 : r ? 1 : 0)));
    });
  });

  const numberCases: [string, DataType, (i: number) => number | bigint][] = [
    ["byte", byteType, (i) => i - 20],
    ["short", shortType, (i) => i * 300 - 5000],
    ["int", integerType, (i) => i * 7 - 40],
    ["float", floatType, (i) => Math.fround(i / 8)],
    ["double", doubleType, (i) => i / 4],
    ["date", dateType, (i) => 19000 + i],
    ["long", longType, (i) => i * 1_000_000_007],
  ];
  for (const [name, type, value] of numberCases) {
    it(`numbersOf(${name}) gives the slice's numbers`, () => {
      const values = withNulls(value);
      forEachSlice(buildData(type, values), values, (s, rows, label) => {
        const x = numbersOf(s);
        expect(x.length, label).toBe(rows.length);
        rows.forEach((r, i) => { if (r !== null) expect(x[i], `${label} row ${i}`).toBe(Number(r)); });
      });
    });
  }
});

describe("takeVector on slices", () => {
  const cases: [string, DataType, (i: number) => unknown][] = [
    ["int", integerType, (i) => i * 7 - 40],
    ["double", doubleType, (i) => i / 4],
    ["long", longType, (i) => (i % 2 ? 2n ** 60n + BigInt(i) : 3 - i)],
    ["timestamp", timestampType, (i) => 1_700_000_000_000_000 + i * 1_000_003],
    ["date", dateType, (i) => 19000 + i],
    ["boolean", booleanType, (i) => i % 3 === 0],
    ["string", stringType, (i) => "v".repeat(i % 4) + "é" + i],
    ["binary", binaryType, (i) => Uint8Array.from({ length: i % 5 }, (_, k) => i + k)],
  ];
  // Every other row, backwards, plus a repeat: gathers in any order must read the slice's rows.
  const pick = (n: number) => {
    const sel: number[] = [];
    for (let i = n - 1; i >= 0; i -= 2) sel.push(i);
    if (n > 0) sel.push(0);
    return Int32Array.from(sel);
  };
  for (const [name, type, value] of cases) {
    it(`${name}: gathers the slice's rows`, () => {
      const values = withNulls(value);
      forEachSlice(buildData(type, values), values, (s, rows, label) => {
        const sel = pick(rows.length);
        expect(readValues(takeVector(s, sel)!, type), label).toEqual(Array.from(sel, (k) => rows[k]));
      });
    });
  }
  it("dictionary strings: gathers the slice's indexes", () => {
    const values = withNulls(word);
    forEachSlice(dictVector(values, WORDS, true), values, (s, rows, label) => {
      const sel = pick(rows.length);
      expect(readValues(takeVector(s, sel)!, stringType), label).toEqual(Array.from(sel, (k) => rows[k]));
    });
  });
});

/** What a comparison kernel must answer for one row, as three-valued bytes (2 = null). */
function expectedCompare(rows: readonly unknown[], op: CompareOp, cmp: (r: never) => number): number[] {
  const holds = (c: number) => (op === "eq" ? c === 0 : op === "lt" ? c < 0 : op === "le" ? c <= 0 : op === "gt" ? c > 0 : c >= 0);
  return rows.map((r) => (r === null ? 2 : holds(cmp(r as never)) ? 1 : 0));
}
const OPS: CompareOp[] = ["eq", "lt", "le", "gt", "ge"];
const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

describe("comparison kernels on slices", () => {
  it("number vector against a scalar", () => {
    const values = withNulls((i) => (i * 7) % 23);
    forEachSlice(buildData(integerType, values), values, (s, rows, label) => {
      for (const op of OPS) expect(Array.from(compareScalar(s, op, 11)!), `${label} ${op}`).toEqual(expectedCompare(rows, op, (r: number) => r - 11));
    });
  });
  it("bigint vector against a scalar past 2^53", () => {
    const big = 2n ** 60n;
    const values = withNulls((i) => big + BigInt((i * 7) % 23));
    forEachSlice(buildData(longType, values), values, (s, rows, label) => {
      const x = big + 11n;
      for (const op of OPS) {
        expect(Array.from(compareScalar(s, op, x)!), `${label} ${op}`).toEqual(expectedCompare(rows, op, (r: bigint) => (r < x ? -1 : r > x ? 1 : 0)));
      }
    });
  });
  it("plain strings against a scalar (UTF-8 byte order)", () => {
    const values = withNulls(word);
    forEachSlice(buildData(stringType, values), values, (s, rows, label) => {
      for (const op of OPS) {
        expect(Array.from(compareScalar(s, op, "pending")!), `${label} ${op}`).toEqual(expectedCompare(rows, op, (r: string) => byteOrder(r, "pending")));
      }
    });
  });
  it("dictionary strings against a scalar, over a sliced dictionary", () => {
    const values = withNulls(word);
    for (const slicedDict of [false, true]) {
      forEachSlice(dictVector(values, WORDS, slicedDict), values, (s, rows, label) => {
        for (const op of OPS) {
          expect(Array.from(compareScalar(s, op, "pending")!), `${label} ${op}`).toEqual(expectedCompare(rows, op, (r: string) => byteOrder(r, "pending")));
        }
      });
    }
  });
  it("two number vectors sliced at different starts", () => {
    const a = withNulls((i) => (i * 7) % 13);
    const b = withNulls((i) => (i * 5) % 11);
    const va = buildData(doubleType, a);
    const vb = buildData(doubleType, b);
    for (const [sa, sb, len] of [[0, 3, 30], [5, 1, 20], [9, 17, 11]] as const) {
      const got = compareVectors(va.slice(sa, len), "lt", vb.slice(sb, len))!;
      const want = Array.from({ length: len }, (_, i) => {
        const p = a[sa + i]!;
        const q = b[sb + i]!;
        return p === null || q === null ? 2 : p < q ? 1 : 0;
      });
      expect(Array.from(got), `a.slice(${sa}) < b.slice(${sb})`).toEqual(want);
    }
  });
  it("dictionaryStrings decodes a sliced dictionary's own entries", () => {
    const v = dictVector(withNulls(word), WORDS, true);
    expect(dictionaryStrings(v)).toEqual(WORDS);
  });
});

describe("arithmetic kernels on slices", () => {
  it("vector + vector and vector * scalar read the slices' rows", () => {
    const a = withNulls((i) => i * 3 - 50);
    const b = withNulls((i) => 1000 - i * i);
    const va = buildData(integerType, a);
    const vb = buildData(integerType, b);
    for (const [sa, sb, len] of [[0, 3, 30], [5, 1, 20], [9, 17, 11]] as const) {
      const sum = arith("+", integerType, va.slice(sa, len), vb.slice(sb, len), len)!;
      const want = Array.from({ length: len }, (_, i) => (a[sa + i] === null || b[sb + i] === null ? null : a[sa + i]! + b[sb + i]!));
      expect(readValues(sum, integerType), `a.slice(${sa}) + b.slice(${sb})`).toEqual(want);
    }
    const d = withNulls((i) => i / 4);
    forEachSlice(buildData(doubleType, d), d, (s, rows, label) => {
      expect(readValues(arith("*", doubleType, s, 2, rows.length)!, doubleType), label).toEqual(rows.map((r) => (r === null ? null : (r as number) * 2)));
    });
  });
  it("castNumber widens the slice's rows", () => {
    const values = withNulls((i) => i * 300 - 5000);
    forEachSlice(buildData(shortType, values), values, (s, rows, label) => {
      expect(readValues(castNumber(s, doubleType)!, doubleType), label).toEqual(rows);
    });
  });
  it("timestampToDate reads the slice's instants, in UTC and in a zone", () => {
    const day = 86_400_000_000;
    const values = withNulls((i) => 19_000 * day + i * 7_200_000_000 - 3_600_000_000);
    for (const zone of ["UTC", "America/New_York"]) {
      forEachSlice(buildData(timestampType, values), values, (s, rows, label) => {
        const whole = timestampToDate(buildData(timestampType, rows), zone)!;
        expect(readValues(timestampToDate(s, zone)!, dateType), `${label} ${zone}`).toEqual(readValues(whole, dateType));
      });
    }
  });
});

describe("group key codes on slices", () => {
  /** The key value of each valid row, decoded back through the coder. */
  function decoded(type: DataType, v: Vector): unknown[] {
    const coder = new KeyCoder(type);
    const { codes, valid } = coder.encode(v)!;
    return Array.from(codes, (c, i) => (valid && !valid[i] ? null : coder.decode(c)));
  }
  const cases: [string, DataType, (i: number) => unknown][] = [
    ["int", integerType, (i) => (i * 7) % 10],
    ["short", shortType, (i) => i * 100 - 900],
    ["date", dateType, (i) => 19000 + (i % 4)],
    ["boolean", booleanType, (i) => i % 3 === 0],
    ["string", stringType, word],
  ];
  for (const [name, type, value] of cases) {
    it(`${name} keys are the slice's rows`, () => {
      const values = withNulls(value);
      forEachSlice(buildData(type, values), values, (s, rows, label) => expect(decoded(type, s), label).toEqual(rows));
    });
  }
  it("dictionary string keys are the slice's rows, over a sliced dictionary", () => {
    const values = withNulls(word);
    for (const slicedDict of [false, true]) {
      forEachSlice(dictVector(values, WORDS, slicedDict), values, (s, rows, label) => expect(decoded(stringType, s), label).toEqual(rows));
    }
  });
});

describe("edges that read Arrow buffers on slices", () => {
  it("Parquet timestamps in milliseconds convert the slice's rows", () => {
    const ms = withNulls((i) => 1_700_000_000_000 + i * 1001);
    const whole = A.makeData({
      type: new A.TimestampMillisecond(), length: N, nullCount: 0,
      data: BigInt64Array.from(ms, (v) => BigInt(v ?? 0)),
    });
    forEachSlice(whole, ms.map((v) => (v === null ? 0 : v)), (s, rows, label) => {
      expect(readValues(toEngineData(s, timestampType), timestampType), label).toEqual(rows.map((r) => (r as number) * 1000));
    });
  });
  it("remote results keep the slice's exact longs", () => {
    const values = withNulls((i) => (i % 2 ? 2n ** 60n + BigInt(i) : i));
    const schema = new StructType([new StructField("x", longType)]);
    forEachSlice(buildData(longType, values), values, (s, rows, label) => {
      const batch = new Batch(schema, [s], rows.length);
      expect(rowsOf({ schema, arrowSchema: null, batches: [batch], recordBatches: [] }).map((r) => r[0]), label).toEqual(rows);
    });
  });
});

describe("queries over sliced batches", () => {
  // OFFSET slices the scan's typed batch; the kernels after it must read the slice's rows. The
  // same rows selected by a filter instead (no slice) are the reference.
  const dir = mkdtempSync(join(tmpdir(), "pijar-sliced-"));
  const csv = join(dir, "t.csv");
  const cities = ["Jakarta", "Bandung", "Medan"];
  writeFileSync(csv, ["id,city,q", ...Array.from({ length: 200 }, (_, i) => `${i},${cities[(i * 7) % 3]},${i % 9 === 4 ? "" : i * 3}`)].join("\n") + "\n");
  const spark = session();
  const df = () => spark.read.schema("id INT, city STRING, q INT").csv(csv, { header: true });
  const rows = async (d: ReturnType<typeof df>) => (await d.collect()).map((r) => r.toArray());

  it("a filter after OFFSET", async () => {
    const sliced = await rows(df().offset(7).filter(F.col("q").lt(90).and(F.col("city").equalTo("Bandung"))));
    const plain = await rows(df().filter(F.col("id").geq(7).and(F.col("q").lt(90)).and(F.col("city").equalTo("Bandung"))));
    expect(plain.length).toBeGreaterThan(3);
    expect(sliced).toEqual(plain);
  });
  it("a grouped aggregate after OFFSET and LIMIT", async () => {
    const agg = (d: ReturnType<typeof df>) => d.groupBy("city").agg(F.count("*"), F.sum("q"), F.countDistinct("q")).orderBy("city");
    const sliced = await rows(agg(df().offset(7).limit(50)));
    const plain = await rows(agg(df().filter(F.col("id").between(7, 56))));
    expect(plain.length).toBe(3);
    expect(sliced).toEqual(plain);
  });
});
