/** String functions of the F namespace (PySpark's names and argument order). */
import { c, fn, l, Column, type ColumnOrName } from "./build.js";

/** Joins strings (null if any is null). `F.concat("first", F.lit(" "), "last")` */
export function concat(...cols: ColumnOrName[]): Column { return fn("concat", ...cols.map(c)); }
/** Joins with a separator, skipping nulls. `F.concat_ws("-", "y", "m", "d")` */
export function concat_ws(sep: string, ...cols: ColumnOrName[]): Column { return fn("concat_ws", l(sep), ...cols.map(c)); }
/** `F.upper("name")` */
export function upper(x: ColumnOrName): Column { return fn("upper", c(x)); }
/** `F.lower("name")` */
export function lower(x: ColumnOrName): Column { return fn("lower", c(x)); }
/** `F.ucase("name")` */
export function ucase(x: ColumnOrName): Column { return fn("ucase", c(x)); }
/** `F.lcase("name")` */
export function lcase(x: ColumnOrName): Column { return fn("lcase", c(x)); }
/** Capitalizes each word. `F.initcap("name")` */
export function initcap(x: ColumnOrName): Column { return fn("initcap", c(x)); }
/** Removes spaces (or the characters of `trim`) at both ends. `F.trim("s")`, `F.trim("s", F.lit("x"))` */
export function trim(x: ColumnOrName, chars?: ColumnOrName): Column { return chars === undefined ? fn("trim", c(x)) : fn("trim", c(chars), c(x)); }
/** `F.ltrim("s")` */
export function ltrim(x: ColumnOrName, chars?: ColumnOrName): Column { return chars === undefined ? fn("ltrim", c(x)) : fn("ltrim", c(chars), c(x)); }
/** `F.rtrim("s")` */
export function rtrim(x: ColumnOrName, chars?: ColumnOrName): Column { return chars === undefined ? fn("rtrim", c(x)) : fn("rtrim", c(chars), c(x)); }
/** Number of characters. `F.length("name")` */
export function length(x: ColumnOrName): Column { return fn("length", c(x)); }
/** `F.char_length("name")` */
export function char_length(x: ColumnOrName): Column { return fn("char_length", c(x)); }
/** `F.character_length("name")` */
export function character_length(x: ColumnOrName): Column { return fn("character_length", c(x)); }
/** `F.octet_length("name")` */
export function octet_length(x: ColumnOrName): Column { return fn("octet_length", c(x)); }
/** 1-based substring (negative pos counts from the end). `F.substring("s", 1, 3)` */
export function substring(x: ColumnOrName, pos: number | Column, len: number | Column): Column { return fn("substring", c(x), l(pos), l(len)); }
/** `F.substr("s", F.lit(1), F.lit(3))` */
export function substr(x: ColumnOrName, pos: number | Column, len?: number | Column): Column {
  return len === undefined ? fn("substr", c(x), l(pos)) : fn("substr", c(x), l(pos), l(len));
}
/** Leftmost n characters. `F.left("s", F.lit(2))` */
export function left(x: ColumnOrName, n: number | Column): Column { return fn("left", c(x), l(n)); }
/** Rightmost n characters. `F.right("s", F.lit(2))` */
export function right(x: ColumnOrName, n: number | Column): Column { return fn("right", c(x), l(n)); }
/** Java-regex replace. `F.regexp_replace("s", "\\d", "#")` */
export function regexp_replace(x: ColumnOrName, pattern: string | Column, replacement: string | Column): Column { return fn("regexp_replace", c(x), l(pattern), l(replacement)); }
/** Group `idx` of the first match, "" when none. `F.regexp_extract("s", "(\\d+)", 1)` */
export function regexp_extract(x: ColumnOrName, pattern: string, idx: number): Column { return fn("regexp_extract", c(x), l(pattern), l(idx)); }
/** Group `idx` of every match. `F.regexp_extract_all("s", F.lit("(\\d+)"))` */
export function regexp_extract_all(x: ColumnOrName, regexp: ColumnOrName, idx?: number | Column): Column {
  return idx === undefined ? fn("regexp_extract_all", c(x), c(regexp)) : fn("regexp_extract_all", c(x), c(regexp), l(idx));
}
/** Number of matches. `F.regexp_count("s", F.lit("\\d"))` */
export function regexp_count(x: ColumnOrName, regexp: ColumnOrName): Column { return fn("regexp_count", c(x), c(regexp)); }
/** Regex match anywhere. `F.rlike("s", F.lit("^a"))` */
export function rlike(x: ColumnOrName, regexp: ColumnOrName): Column { return fn("rlike", c(x), c(regexp)); }
/** `F.regexp("s", F.lit("^a"))` */
export function regexp(x: ColumnOrName, regexp: ColumnOrName): Column { return fn("regexp", c(x), c(regexp)); }
/** `F.regexp_like("s", F.lit("^a"))` */
export function regexp_like(x: ColumnOrName, regexp: ColumnOrName): Column { return fn("regexp_like", c(x), c(regexp)); }
/** SQL LIKE. `F.like("s", F.lit("a%"))` */
export function like(x: ColumnOrName, pattern: ColumnOrName, escapeChar?: Column): Column {
  return escapeChar ? fn("like", c(x), c(pattern), escapeChar.expr) : fn("like", c(x), c(pattern));
}
/** Case-insensitive LIKE. `F.ilike("s", F.lit("a%"))` */
export function ilike(x: ColumnOrName, pattern: ColumnOrName, escapeChar?: Column): Column {
  return escapeChar ? fn("ilike", c(x), c(pattern), escapeChar.expr) : fn("ilike", c(x), c(pattern));
}
/** `F.startswith("s", F.lit("a"))` */
export function startswith(x: ColumnOrName, prefix: ColumnOrName): Column { return fn("startswith", c(x), c(prefix)); }
/** `F.endswith("s", F.lit("z"))` */
export function endswith(x: ColumnOrName, suffix: ColumnOrName): Column { return fn("endswith", c(x), c(suffix)); }
/** `F.contains("s", F.lit("mid"))` */
export function contains(x: ColumnOrName, right: ColumnOrName): Column { return fn("contains", c(x), c(right)); }
/** Splits by a Java regex. `F.split("s", ",")`, `F.split("s", ",", 2)` */
export function split(x: ColumnOrName, pattern: string | Column, limit: number | Column = -1): Column { return fn("split", c(x), l(pattern), l(limit)); }
/** 1-based position of substr, 0 if absent. `F.instr("s", "a")` */
export function instr(x: ColumnOrName, substr: string | Column): Column { return fn("instr", c(x), l(substr)); }
/** 1-based position of substr at or after pos. `F.locate("a", "s", 1)` */
export function locate(substr: string, x: ColumnOrName, pos = 1): Column { return fn("locate", l(substr), c(x), l(pos)); }
/** Left-pads to len. `F.lpad("id", 5, "0")` */
export function lpad(x: ColumnOrName, len: number | Column, pad: string | Column): Column { return fn("lpad", c(x), l(len), l(pad)); }
/** Right-pads to len. `F.rpad("id", 5, " ")` */
export function rpad(x: ColumnOrName, len: number | Column, pad: string | Column): Column { return fn("rpad", c(x), l(len), l(pad)); }
/** `F.repeat("s", 3)` */
export function repeat(x: ColumnOrName, n: number | Column): Column { return fn("repeat", c(x), l(n)); }
/** Reverses a string (or an array). `F.reverse("s")` */
export function reverse(x: ColumnOrName): Column { return fn("reverse", c(x)); }
/** Replaces characters one for one. `F.translate("s", "abc", "xyz")` */
export function translate(x: ColumnOrName, matching: string, replace: string): Column { return fn("translate", c(x), l(matching), l(replace)); }
/** Replaces every occurrence of search. `F.replace("s", F.lit("a"), F.lit("b"))` */
export function replace(x: ColumnOrName, search: ColumnOrName, replacement?: ColumnOrName): Column {
  return replacement === undefined ? fn("replace", c(x), c(search)) : fn("replace", c(x), c(search), c(replacement));
}
/** `F.substring_index("path", "/", 2)` */
export function substring_index(x: ColumnOrName, delim: string, count: number): Column { return fn("substring_index", c(x), l(delim), l(count)); }
/** "#,###.##" formatting with d decimals. `F.format_number("amount", 2)` */
export function format_number(x: ColumnOrName, d: number): Column { return fn("format_number", c(x), l(d)); }
/** printf-style formatting. `F.format_string("%s: %d", "name", "n")` */
export function format_string(format: string, ...cols: ColumnOrName[]): Column { return fn("format_string", l(format), ...cols.map(c)); }
/** `F.printf(F.lit("%s"), "name")` */
export function printf(format: ColumnOrName, ...cols: ColumnOrName[]): Column { return fn("printf", c(format), ...cols.map(c)); }
/** Code point of the first character. `F.ascii("s")` */
export function ascii(x: ColumnOrName): Column { return fn("ascii", c(x)); }
/** `F.base64("bin")` */
export function base64(x: ColumnOrName): Column { return fn("base64", c(x)); }
/** `F.unbase64("s")` */
export function unbase64(x: ColumnOrName): Column { return fn("unbase64", c(x)); }
/** Edit distance. `F.levenshtein("a", "b")` */
export function levenshtein(a: ColumnOrName, b: ColumnOrName, threshold?: number): Column {
  return threshold === undefined ? fn("levenshtein", c(a), c(b)) : fn("levenshtein", c(a), c(b), l(threshold));
}
/** `F.soundex("name")` */
export function soundex(x: ColumnOrName): Column { return fn("soundex", c(x)); }
/** 1-based position of substr in x (at or after pos). `F.position(F.lit("a"), "s")` */
export function position(substr: ColumnOrName, x: ColumnOrName, start?: ColumnOrName): Column {
  return start === undefined ? fn("position", c(substr), c(x)) : fn("position", c(substr), c(x), c(start));
}
/** Character of a code (mod 256). `F.char("code")` */
export function char(x: ColumnOrName): Column { return fn("char", c(x)); }
/** Trims spaces (or the given characters) at both ends. `F.btrim("s")` */
export function btrim(x: ColumnOrName, trimChars?: ColumnOrName): Column { return trimChars === undefined ? fn("btrim", c(x)) : fn("btrim", c(x), c(trimChars)); }
/** The n-th part of a split (1-based, negative from the end). `F.split_part("s", F.lit(","), F.lit(2))` */
export function split_part(x: ColumnOrName, delimiter: ColumnOrName, partNum: ColumnOrName): Column { return fn("split_part", c(x), c(delimiter), c(partNum)); }
/** The n-th of the inputs. `F.elt(F.lit(1), "a", "b")` */
export function elt(...xs: ColumnOrName[]): Column { return fn("elt", ...xs.map(c)); }
/** 1-based position of x in a comma-separated list. `F.find_in_set("x", "list")` */
export function find_in_set(x: ColumnOrName, list: ColumnOrName): Column { return fn("find_in_set", c(x), c(list)); }
/** Replaces part of a string. `F.overlay("s", F.lit("_"), 6)` */
export function overlay(x: ColumnOrName, replace: ColumnOrName, pos: number | Column, len: number | Column = -1): Column { return fn("overlay", c(x), c(replace), l(pos), l(len)); }
/** Binary digits of a number. `F.bin("n")` */
export function bin(x: ColumnOrName): Column { return fn("bin", c(x)); }
/** Hex of a number, string or binary. `F.hex("x")` */
export function hex(x: ColumnOrName): Column { return fn("hex", c(x)); }
/** Binary from hex. `F.unhex("h")` */
export function unhex(x: ColumnOrName): Column { return fn("unhex", c(x)); }
/** Converts a number between bases. `F.conv("n", 16, 10)` */
export function conv(x: ColumnOrName, fromBase: number, toBase: number): Column { return fn("conv", c(x), l(fromBase), l(toBase)); }
/** `F.bit_length("s")` */
export function bit_length(x: ColumnOrName): Column { return fn("bit_length", c(x)); }
/** String to binary in a charset. `F.encode("s", "utf-8")` */
export function encode(x: ColumnOrName, charset: string): Column { return fn("encode", c(x), l(charset)); }
/** Binary to string in a charset. `F.decode("b", "utf-8")` */
export function decode(x: ColumnOrName, charset: string): Column { return fn("decode", c(x), l(charset)); }
/** First regex match. `F.regexp_substr("s", F.lit("\\d+"))` */
export function regexp_substr(x: ColumnOrName, regexp: ColumnOrName): Column { return fn("regexp_substr", c(x), c(regexp)); }
/** 1-based position of the first regex match. `F.regexp_instr("s", F.lit("\\d+"))` */
export function regexp_instr(x: ColumnOrName, regexp: ColumnOrName, idx?: number | Column): Column {
  return idx === undefined ? fn("regexp_instr", c(x), c(regexp)) : fn("regexp_instr", c(x), c(regexp), l(idx));
}
/** `F.url_encode("s")` */
export function url_encode(x: ColumnOrName): Column { return fn("url_encode", c(x)); }
/** `F.url_decode("s")` */
export function url_decode(x: ColumnOrName): Column { return fn("url_decode", c(x)); }
/** "a:1,b:2" to a map. `F.str_to_map("s")` */
export function str_to_map(x: ColumnOrName, pairDelim?: ColumnOrName, keyValueDelim?: ColumnOrName): Column {
  const args = [c(x)];
  if (pairDelim !== undefined) args.push(c(pairDelim));
  if (keyValueDelim !== undefined) args.push(c(keyValueDelim));
  return fn("str_to_map", ...args);
}
/** Masks letters and digits. `F.mask("card")` */
export function mask(x: ColumnOrName, upperChar?: ColumnOrName, lowerChar?: ColumnOrName, digitChar?: ColumnOrName, otherChar?: ColumnOrName): Column {
  const args = [c(x), ...[upperChar, lowerChar, digitChar, otherChar].filter((v) => v !== undefined).map((v) => c(v!))];
  return fn("mask", ...args);
}
/** Whether the bytes are valid UTF-8 (a STRING always is). `F.is_valid_utf8("b")` */
export function is_valid_utf8(x: ColumnOrName): Column { return fn("is_valid_utf8", c(x)); }
/** Invalid UTF-8 sequences become U+FFFD. `F.make_valid_utf8("b")` */
export function make_valid_utf8(x: ColumnOrName): Column { return fn("make_valid_utf8", c(x)); }
/** The text, or INVALID_UTF8_STRING. `F.validate_utf8("b")` */
export function validate_utf8(x: ColumnOrName): Column { return fn("validate_utf8", c(x)); }
/** The text, or null when not valid UTF-8. `F.try_validate_utf8("b")` */
export function try_validate_utf8(x: ColumnOrName): Column { return fn("try_validate_utf8", c(x)); }
/** Text to BINARY as 'hex' (default), 'utf-8' or 'base64'. `F.to_binary("s", F.lit("utf-8"))` */
export function to_binary(x: ColumnOrName, format?: ColumnOrName): Column {
  return format === undefined ? fn("to_binary", c(x)) : fn("to_binary", c(x), c(format));
}
/** to_binary, null when malformed. `F.try_to_binary("s", F.lit("base64"))` */
export function try_to_binary(x: ColumnOrName, format?: ColumnOrName): Column {
  return format === undefined ? fn("try_to_binary", c(x)) : fn("try_to_binary", c(x), c(format));
}
/** A part of a URL (HOST, PATH, QUERY, ...). `F.parse_url("u", F.lit("HOST"))` */
export function parse_url(url: ColumnOrName, partToExtract: ColumnOrName, key?: ColumnOrName): Column {
  return key === undefined ? fn("parse_url", c(url), c(partToExtract)) : fn("parse_url", c(url), c(partToExtract), c(key));
}
/** parse_url, null for an invalid URL. `F.try_parse_url("u", F.lit("QUERY"))` */
export function try_parse_url(url: ColumnOrName, partToExtract: ColumnOrName, key?: ColumnOrName): Column {
  return key === undefined ? fn("try_parse_url", c(url), c(partToExtract)) : fn("try_parse_url", c(url), c(partToExtract), c(key));
}
/** url_decode, null when malformed. `F.try_url_decode("s")` */
export function try_url_decode(x: ColumnOrName): Column { return fn("try_url_decode", c(x)); }
/** Jaro-Winkler similarity in [0, 1]. `F.jaro_winkler_similarity("a", "b")` */
export function jaro_winkler_similarity(left: ColumnOrName, right: ColumnOrName): Column { return fn("jaro_winkler_similarity", c(left), c(right)); }
/** The string as a quoted SQL literal. `F.quote("s")` */
export function quote(x: ColumnOrName): Column { return fn("quote", c(x)); }
/** RFC 4648 base 32 text of the bytes. `F.to_base32("b")` */
export function to_base32(x: ColumnOrName): Column { return fn("to_base32", c(x)); }
/** Bytes of base 32 text. `F.from_base32("s")` */
export function from_base32(x: ColumnOrName): Column { return fn("from_base32", c(x)); }
