/**
 * Parses Spark DDL type strings: a schema ("id INT, name STRING NOT NULL") or one type
 * ("decimal(10,2)", "array<struct<a:int,b:string>>", "map<string,int>").
 */
import { PijarError } from "../errors/pijar-error.js";
import { timeTypeUnsupported } from "./time-type.js";
import {
  ArrayType, DataType, DecimalType, MapType, StructField, StructType, binaryType, booleanType, byteType,
  dateType, doubleType, floatType, integerType, longType, nullType, registerDataTypeParser, shortType,
  stringType, timestampNTZType, timestampType, calendarIntervalType, DayTimeIntervalType, YearMonthIntervalType,
  DT_FIELDS, YM_FIELDS,
} from "./data-types.js";

const SIMPLE: Record<string, DataType> = {
  boolean: booleanType, bool: booleanType,
  tinyint: byteType, byte: byteType,
  smallint: shortType, short: shortType,
  int: integerType, integer: integerType,
  bigint: longType, long: longType,
  float: floatType, real: floatType,
  double: doubleType,
  string: stringType,
  binary: binaryType,
  date: dateType,
  timestamp: timestampType, timestamp_ltz: timestampType,
  timestamp_ntz: timestampNTZType,
  void: nullType,
};

class DdlReader {
  private pos = 0;
  constructor(private readonly text: string) {}

  private skipWs(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }
  peek(): string {
    this.skipWs();
    return this.text[this.pos] ?? "";
  }
  atEnd(): boolean {
    this.skipWs();
    return this.pos >= this.text.length;
  }
  expect(ch: string): void {
    if (this.peek() !== ch) this.fail();
    this.pos++;
  }
  tryConsume(ch: string): boolean {
    if (this.peek() === ch) {
      this.pos++;
      return true;
    }
    return false;
  }
  fail(): never {
    throw new PijarError("PARSE_DATATYPE_ERROR", { dataType: this.text }, {
      exceptionType: "ParseException",
      message: `Cannot parse the data type: ${this.text}. Near position ${this.pos}: use Spark DDL such as "id INT, name STRING" or "decimal(10,2)".`,
    });
  }
  /** An identifier: letters/digits/underscore, or a `backtick quoted` name. */
  ident(): string {
    this.skipWs();
    if (this.text[this.pos] === "`") {
      let out = "";
      this.pos++;
      while (this.pos < this.text.length) {
        const c = this.text[this.pos++]!;
        if (c === "`") {
          if (this.text[this.pos] === "`") {
            out += "`";
            this.pos++;
          } else return out;
        } else out += c;
      }
      this.fail();
    }
    const m = /^[A-Za-z_0-9][A-Za-z_0-9]*/.exec(this.text.slice(this.pos));
    if (!m) this.fail();
    this.pos += m[0].length;
    return m[0];
  }
  int(): number {
    this.skipWs();
    const m = /^\d+/.exec(this.text.slice(this.pos));
    if (!m) this.fail();
    this.pos += m[0].length;
    return Number(m[0]);
  }
  keyword(word: string): boolean {
    this.skipWs();
    const rest = this.text.slice(this.pos, this.pos + word.length);
    const after = this.text[this.pos + word.length] ?? " ";
    if (rest.toLowerCase() === word && !/[A-Za-z0-9_]/.test(after)) {
      this.pos += word.length;
      return true;
    }
    return false;
  }
  stringLit(): string {
    this.skipWs();
    const q = this.text[this.pos];
    if (q !== "'" && q !== '"') this.fail();
    const end = this.text.indexOf(q, this.pos + 1);
    if (end < 0) this.fail();
    const s = this.text.slice(this.pos + 1, end);
    this.pos = end + 1;
    return s;
  }

  dataType(): DataType {
    const name = this.ident().toLowerCase();
    if (name === "array") {
      this.expect("<");
      const e = this.dataType();
      this.expect(">");
      return new ArrayType(e, true);
    }
    if (name === "map") {
      this.expect("<");
      const k = this.dataType();
      this.expect(",");
      const v = this.dataType();
      this.expect(">");
      return new MapType(k, v, true);
    }
    if (name === "struct") {
      this.expect("<");
      const fields: StructField[] = [];
      if (!this.tryConsume(">")) {
        do {
          const fname = this.ident();
          this.tryConsume(":");
          fields.push(this.fieldRest(fname));
        } while (this.tryConsume(","));
        this.expect(">");
      }
      return new StructType(fields);
    }
    if (name === "decimal" || name === "dec" || name === "numeric") {
      if (this.tryConsume("(")) {
        const p = this.int();
        let s = 0;
        if (this.tryConsume(",")) s = this.int();
        this.expect(")");
        if (p < 1 || p > 38 || s > p) this.fail();
        return new DecimalType(p, s);
      }
      return new DecimalType(10, 0);
    }
    if (name === "interval") return this.intervalType();
    if (name === "varchar" || name === "char" || name === "character") {
      this.expect("(");
      this.int();
      this.expect(")");
      return stringType;
    }
    if (name === "time") throw timeTypeUnsupported();
    const t = SIMPLE[name];
    if (!t) {
      throw new PijarError("UNSUPPORTED_DATATYPE", { typeName: `"${name.toUpperCase()}"` }, { exceptionType: "ParseException" });
    }
    return t;
  }

  /** After INTERVAL: `year [to month]`, `day [to second]`..., or nothing (the legacy calendar interval). */
  intervalType(): DataType {
    const field = (names: readonly string[]): number => {
      for (let i = 0; i < names.length; i++) if (this.keyword(names[i]!)) return i;
      return -1;
    };
    const ym = field(YM_FIELDS);
    if (ym >= 0) {
      const end = this.keyword("to") ? field(YM_FIELDS) : ym;
      if (end < ym) this.fail();
      return new YearMonthIntervalType(ym, end);
    }
    const dt = field(DT_FIELDS);
    if (dt >= 0) {
      const end = this.keyword("to") ? field(DT_FIELDS) : dt;
      if (end < dt) this.fail();
      return new DayTimeIntervalType(dt, end);
    }
    return calendarIntervalType;
  }

  /** The rest of a field after its name: type, NOT NULL, COMMENT '...'. */
  fieldRest(name: string): StructField {
    const dt = this.dataType();
    let nullable = true;
    const metadata: Record<string, unknown> = {};
    for (;;) {
      if (this.keyword("not")) {
        if (!this.keyword("null")) this.fail();
        nullable = false;
      } else if (this.keyword("comment")) {
        metadata["comment"] = this.stringLit();
      } else break;
    }
    return new StructField(name, dt, nullable, metadata);
  }
}

/** Parses a schema DDL string such as "id INT, name STRING" (also "struct<id:int,...>"). */
export function parseSchema(ddl: string): StructType {
  const r = new DdlReader(ddl);
  const probe = ddl.trim().toLowerCase();
  if (probe.startsWith("struct<")) {
    const t = r.dataType();
    if (!r.atEnd()) r.fail();
    return t as StructType;
  }
  const fields: StructField[] = [];
  if (r.atEnd()) return new StructType([]);
  do {
    const name = r.ident();
    r.tryConsume(":");
    fields.push(r.fieldRest(name));
  } while (r.tryConsume(","));
  if (!r.atEnd()) r.fail();
  return new StructType(fields);
}

/** Parses one type, e.g. "int", "decimal(10,2)", "array<string>". */
export function parseDataType(text: string): DataType {
  const r = new DdlReader(text);
  const t = r.dataType();
  if (!r.atEnd()) r.fail();
  return t;
}

registerDataTypeParser(parseDataType);
