/**
 * CSV options with Spark's names and defaults (CSVOptions.scala), read and write side.
 */
import { textWriteCodec, type WriteCodec } from "../compression.js";
import { Options, charOption, checkUnsupported, invalidValue, parseModeOption, type ParseMode } from "../options.js";
import type { CsvSyntax } from "./csv-record.js";
import type { TextConversion } from "../text-columns.js";
import { compilePattern } from "../../values/datetime-pattern.js";

const COMMON = [
  "path", "sep", "delimiter", "quote", "escape", "charToEscapeQuoteEscaping", "nullValue", "emptyValue", "dateFormat",
  "timestampFormat", "timestampNTZFormat", "encoding", "charset", "lineSep", "ignoreLeadingWhiteSpace",
  "ignoreTrailingWhiteSpace", "locale",
];

/** Every CSV option Spark knows for reading (Pijar implements the common ones; see CsvReadOptions). */
export const CSV_READ_OPTIONS = [
  ...COMMON, "header", "inferSchema", "samplingRatio", "comment", "nanValue", "positiveInf", "negativeInf",
  "multiLine", "mode", "columnNameOfCorruptRecord", "enforceSchema", "preferDate", "maxColumns", "maxCharsPerColumn",
  "unescapedQuoteHandling", "enableDateTimeParsingFallback", "recursiveFileLookup", "pathGlobFilter",
  "modifiedBefore", "modifiedAfter", "ignoreCorruptFiles", "ignoreMissingFiles",
];

export const CSV_WRITE_OPTIONS = [...COMMON, "header", "quoteAll", "escapeQuotes", "compression", "codec"];

export interface CsvReadOptions {
  readonly syntax: CsvSyntax;
  readonly header: boolean;
  readonly inferSchema: boolean;
  readonly samplingRatio: number;
  readonly nullValue: string;
  /** Value of a quoted empty field ("") when read. */
  readonly emptyValue: string;
  readonly conversion: TextConversion;
  readonly mode: ParseMode;
  readonly columnNameOfCorruptRecord: string;
  readonly enforceSchema: boolean;
  readonly encoding: string;
  readonly preferDate: boolean;
}

function lineSepOption(opts: Options, allowTwo: boolean): string | null {
  const v = opts.get("lineSep");
  if (v === undefined) return null;
  if (v.length === 0) throw invalidValue("lineSep", v, "a non-empty line separator");
  if (v.length > (allowTwo ? 2 : 1)) throw invalidValue("lineSep", v, "at most one character for CSV (Spark's limit)");
  return v;
}

function checkPattern(opts: Options, name: string): string | null {
  const v = opts.get(name);
  if (v === undefined) return null;
  compilePattern(v); // throws a classed error for an invalid pattern now, not per row
  return v;
}

/** Options Spark has that change results but Pijar does not implement (value = Spark's default). */
const CSV_UNSUPPORTED = {
  unescapedQuoteHandling: "STOP_AT_DELIMITER", recursiveFileLookup: "false", pathGlobFilter: "*", modifiedBefore: "",
  modifiedAfter: "", ignoreCorruptFiles: "false", charToEscapeQuoteEscaping: "\\",
};

export function csvReadOptions(opts: Options, timeZone: string): CsvReadOptions {
  opts.checkKnown("CSV", CSV_READ_OPTIONS);
  checkUnsupported(opts, "CSV", CSV_UNSUPPORTED);
  const sep = opts.getAny("sep", "delimiter");
  if (sep !== undefined && sep.length > 1 && !(sep.length === 2 && sep[0] === "\\")) {
    throw invalidValue("sep", sep, "one character (Pijar does not support multi-character separators yet)");
  }
  const multiLine = opts.bool("multiLine", false);
  const syntax: CsvSyntax = {
    sep: charOption(opts, ["sep", "delimiter"], ",", false),
    quote: charOption(opts, ["quote"], '"', true),
    escape: charOption(opts, ["escape"], "\\", false),
    comment: charOption(opts, ["comment"], "\u0000", true),
    multiLine,
    lineSep: lineSepOption(opts, false),
    ignoreLeadingWhiteSpace: opts.bool("ignoreLeadingWhiteSpace", false),
    ignoreTrailingWhiteSpace: opts.bool("ignoreTrailingWhiteSpace", false),
  };
  const samplingRatio = opts.number("samplingRatio", 1);
  if (!(samplingRatio > 0 && samplingRatio <= 1)) throw invalidValue("samplingRatio", String(samplingRatio), "a number in (0, 1]");
  return {
    syntax,
    header: opts.bool("header", false),
    inferSchema: opts.bool("inferSchema", false),
    samplingRatio,
    nullValue: opts.string("nullValue", ""),
    emptyValue: opts.string("emptyValue", ""),
    conversion: {
      timeZone,
      dateFormat: checkPattern(opts, "dateFormat"),
      timestampFormat: checkPattern(opts, "timestampFormat"),
      timestampNTZFormat: checkPattern(opts, "timestampNTZFormat"),
      nanValue: opts.string("nanValue", "NaN"),
      positiveInf: opts.string("positiveInf", "Inf"),
      negativeInf: opts.string("negativeInf", "-Inf"),
    },
    mode: parseModeOption(opts),
    columnNameOfCorruptRecord: opts.string("columnNameOfCorruptRecord", "_corrupt_record"),
    enforceSchema: opts.bool("enforceSchema", true),
    encoding: opts.getAny("encoding", "charset") ?? "utf-8",
    preferDate: opts.bool("preferDate", true),
  };
}

export interface CsvWriteOptions {
  readonly sep: string;
  readonly quote: string;
  readonly escape: string;
  readonly header: boolean;
  readonly nullValue: string;
  readonly emptyValue: string;
  readonly quoteAll: boolean;
  readonly escapeQuotes: boolean;
  readonly dateFormat: string;
  readonly timestampFormat: string;
  readonly timestampNTZFormat: string;
  readonly lineSep: string;
  readonly ignoreLeadingWhiteSpace: boolean;
  readonly ignoreTrailingWhiteSpace: boolean;
  readonly timeZone: string;
  readonly compression: WriteCodec | null;
}

export function csvWriteOptions(opts: Options, timeZone: string): CsvWriteOptions {
  opts.checkKnown("CSV", CSV_WRITE_OPTIONS);
  const compression = textWriteCodec(opts.getAny("compression", "codec"));
  const enc = opts.getAny("encoding", "charset");
  if (enc !== undefined && !/^utf-?8$/i.test(enc)) throw invalidValue("encoding", enc, "utf-8 (Pijar writes UTF-8 only)");
  return {
    sep: charOption(opts, ["sep", "delimiter"], ",", false),
    quote: charOption(opts, ["quote"], '"', true),
    escape: charOption(opts, ["escape"], "\\", false),
    header: opts.bool("header", false),
    nullValue: opts.string("nullValue", ""),
    emptyValue: opts.string("emptyValue", '""'),
    quoteAll: opts.bool("quoteAll", false),
    escapeQuotes: opts.bool("escapeQuotes", true),
    dateFormat: checkPattern(opts, "dateFormat") ?? "yyyy-MM-dd",
    timestampFormat: checkPattern(opts, "timestampFormat") ?? "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
    timestampNTZFormat: checkPattern(opts, "timestampNTZFormat") ?? "yyyy-MM-dd'T'HH:mm:ss[.SSS]",
    lineSep: opts.get("lineSep") ?? "\n",
    ignoreLeadingWhiteSpace: opts.bool("ignoreLeadingWhiteSpace", true),
    ignoreTrailingWhiteSpace: opts.bool("ignoreTrailingWhiteSpace", true),
    timeZone,
    compression,
  };
}
