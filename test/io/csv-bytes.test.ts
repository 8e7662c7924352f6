/**
 * The byte CSV path against the text path: the tokenizer must deliver the same records from
 * UTF-8 bytes as from the same text decoded (UTF-16 mode) (random files full of quotes, escapes,
 * CRLF, comments, multi-byte characters, any chunk size), the byte parsers the same values as
 * the text converters, and the string builder the same strings whether fed bytes or text.
 */
import { describe, expect, it } from "vitest";
import { Vector } from "apache-arrow";
import { CsvByteTokenizer } from "../../src/io/csv/csv-byte-tokenizer.js";
import type { CsvRecord, CsvSyntax } from "../../src/io/csv/csv-record.js";
import { NUM_OUT, dateFromBytes, doubleFromBytes, intFromBytes, timestampFromBytes } from "../../src/io/csv/csv-bytes.js";
import { BAD, fastIsoDate, parseIntegral, parseJavaDouble } from "../../src/io/text-columns.js";
import { parseTimestamp } from "../../src/values/datetime.js";
import { StringColumnBuilder } from "../../src/io/csv/string-column-builder.js";
import { stringType } from "../../src/types/data-types.js";

const enc = new TextEncoder();

function rng(seed: number) {
  return () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

function snapshot(t: CsvRecord, n: number) {
  const f = [];
  for (let i = 0; i < n; i++) f.push([t.text(i), t.quoted[i], t.isEmpty(i)]);
  return JSON.stringify([f, t.rawRecord(), t.recordLine]);
}

function viaText(syntax: CsvSyntax, text: string, chunk: number): string[] {
  const out: string[] = [];
  const tok = new CsvByteTokenizer(syntax, (t, n) => (out.push(snapshot(t, n)), true), true);
  for (let i = 0; i < text.length; i += chunk) tok.pushText(text.slice(i, i + chunk));
  tok.end();
  return out;
}

function viaBytes(syntax: CsvSyntax, bytes: Uint8Array, chunk: number): string[] {
  const out: string[] = [];
  const tok = new CsvByteTokenizer(syntax, (t, n) => (out.push(snapshot(t, n)), true));
  for (let i = 0; i < bytes.length; i += chunk) tok.push(bytes.slice(i, i + chunk));
  tok.end();
  return out;
}

const PIECES = ["a", "bc", "12", "-3.5", " ", "\t", ",", ";", '"', '""', "\\", '\\"', "\n", "\r\n", "\r", "#", "é", "日本", "😀", "x y"];

const SYNTAXES: CsvSyntax[] = [
  { sep: ",", quote: '"', escape: "\\", comment: "\u0000", multiLine: false, lineSep: null, ignoreLeadingWhiteSpace: false, ignoreTrailingWhiteSpace: false },
  { sep: ",", quote: '"', escape: '"', comment: "#", multiLine: true, lineSep: null, ignoreLeadingWhiteSpace: false, ignoreTrailingWhiteSpace: false },
  { sep: ";", quote: '"', escape: "\\", comment: "#", multiLine: true, lineSep: null, ignoreLeadingWhiteSpace: true, ignoreTrailingWhiteSpace: true },
  { sep: ",", quote: "\u0000", escape: "\\", comment: "\u0000", multiLine: false, lineSep: ";", ignoreLeadingWhiteSpace: false, ignoreTrailingWhiteSpace: true },
  { sep: "\t", quote: "'", escape: "\\", comment: "\u0000", multiLine: true, lineSep: "\n", ignoreLeadingWhiteSpace: true, ignoreTrailingWhiteSpace: false },
];

describe("CSV tokenizer", () => {
  it("delivers the same records from UTF-8 bytes as from decoded text, whatever the chunk size", () => {
    const r = rng(7);
    let records = 0;
    for (let trial = 0; trial < 300; trial++) {
      let text = "";
      const len = 1 + Math.floor(r() * 60);
      for (let k = 0; k < len; k++) text += PIECES[Math.floor(r() * PIECES.length)];
      const bytes = enc.encode(text);
      const syntax = SYNTAXES[trial % SYNTAXES.length]!;
      const expected = viaText(syntax, text, text.length);
      records += expected.length;
      for (const chunk of [1, 2, 3, 7, bytes.length]) {
        expect(viaBytes(syntax, bytes, chunk), `${JSON.stringify(text)} chunk ${chunk} syntax ${trial % SYNTAXES.length}`).toEqual(expected);
        expect(viaText(syntax, text, chunk), `UTF-16 ${JSON.stringify(text)} chunk ${chunk}`).toEqual(expected);
      }
    }
    expect(records).toBeGreaterThan(1000);
  });
});

function field(s: string): [Uint8Array, number, number] {
  const b = enc.encode(`,${s},`);
  return [b, 1, b.length - 1];
}

describe("byte parsers agree with the text converters", () => {
  const r = rng(3);
  const pick = (chars: string, n: number) => Array.from({ length: n }, () => chars[Math.floor(r() * chars.length)]).join("");

  it("integers", () => {
    const cases = ["0", "-0", "7", "+7", "-", "", "2147483647", "2147483648", "-2147483648", "-2147483649", "00012", "999999999999999", "1e3", " 1"];
    for (let i = 0; i < 2000; i++) cases.push(pick("0123456789-+", 1 + Math.floor(r() * 17)));
    for (const s of cases) {
      for (const [min, max] of [[-2147483648, 2147483647], [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER]] as const) {
        const v = intFromBytes(...field(s), min, max);
        if (v !== undefined) expect(v, s).toBe(parseIntegral(s, min, max));
      }
    }
  });

  it("doubles, bit for bit", () => {
    const cases = ["0", "-0", "1.", ".5", "458.13", "0.1", "0.3", "123456789012345", "1234567890123456", "9007199254740993", "1e5", "NaN", "-1.5", "1.2.3"];
    for (let i = 0; i < 5000; i++) cases.push(pick("0123456789", 1 + Math.floor(r() * 10)) + "." + pick("0123456789", Math.floor(r() * 9)));
    for (const s of cases) {
      if (doubleFromBytes(...field(s))) {
        const want = parseJavaDouble(s);
        expect(want, s).not.toBe(BAD);
        expect(Object.is(NUM_OUT[0], want), `${s}: ${NUM_OUT[0]} vs ${String(want)}`).toBe(true);
      }
    }
  });

  it("timestamps and dates", () => {
    const cases = ["2024-12-07 13:14:25", "2024-02-29 00:00:00", "2023-02-29 00:00:00", "2024-12-07T13:14:25", "2024-13-01 00:00:00", "2024-12-07 24:00:00", "2024-12-07 13:60:00", "0001-01-01 00:00:00", "2024-1a-07 13:14:25"];
    for (let i = 0; i < 2000; i++) cases.push(`${pick("0123456789", 4)}-${pick("0123", 1)}${pick("0123456789", 1)}-${pick("0123", 1)}${pick("0123456789", 1)} ${pick("012", 1)}${pick("0123456789", 1)}:${pick("0123456", 2)}:${pick("0123456", 2)}`);
    for (const tz of ["UTC", "Asia/Jakarta", "America/New_York"]) {
      for (const s of cases) {
        if (timestampFromBytes(...field(s), tz, tz === "UTC")) expect(NUM_OUT[0], `${s} ${tz}`).toBe(parseTimestamp(s, tz));
      }
    }
    for (const s of cases.map((c) => c.slice(0, 10)).concat(["2024-02-30", "2024-2-01", "abcd-ef-gh"])) {
      const v = dateFromBytes(...field(s));
      if (v !== undefined) expect(v, s).toBe(fastIsoDate(s));
    }
  });
});

describe("string column builder", () => {
  it("gives the same strings fed bytes or text, in dictionary and plain mode, across batches", () => {
    for (const maxDistinct of [0, 4, 4096]) {
      const b = new StringColumnBuilder(stringType, 4, maxDistinct);
      const values = ["a", "é", null, "bb", "a", "日本", "c", "a", "d", "e", "😀", "bb", "f"];
      const got: (string | null)[] = [];
      for (let i = 0; i < values.length; i++) {
        const v = values[i]!;
        if (v !== null && i % 2 === 0) {
          const [buf, s, e] = field(v);
          b.pushBytes(buf, s, e);
        } else b.push(v);
        if (i % 5 === 4 || i === values.length - 1) {
          const d = b.finish();
          const vec = new Vector([d]);
          for (let k = 0; k < d.length; k++) got.push((vec.get(k) as string | null) ?? null);
        }
      }
      expect(got, `maxDistinct ${maxDistinct}`).toEqual(values);
    }
  });

  it("replaces invalid UTF-8 as decoding does", () => {
    const b = new StringColumnBuilder(stringType, 4, 0);
    const buf = new Uint8Array([0x61, 0xff, 0x62]);
    b.pushBytes(buf, 0, 3);
    const d = b.finish();
    expect(new TextDecoder().decode((d.values as Uint8Array).subarray(0, d.valueOffsets[1]))).toBe("a\ufffdb");
  });
});
