// Expected values come from PySpark 4.0.1 runs (oracle/queries-9.txt).
import { describe, expect, it } from "vitest";
import * as F from "../../src/api/functions.js";
import { StructType, StructField, IntegerType, StringType } from "../../src/types/index.js";
import { Decimal } from "../../src/values/decimal-value.js";
import { one, run } from "./harness.js";

const doc = F.lit('{"a":{"b":[1,2,{"c":"x"}]},"d":1.50,"e":null,"f":true,"g":"s"}');

describe("JSON functions", () => {
  it("get_json_object", () => {
    expect(run(F.get_json_object(F.lit('{"a":1}'), "$.a"))).toMatchObject({ name: 'get_json_object({"a":1}, $.a)', values: ["1"] });
    expect(one(F.get_json_object(doc, "$.a.b[2].c"))).toBe("x");
    expect(one(F.get_json_object(F.lit('{"a":{"b":[1,2]}}'), "$.a"))).toBe('{"b":[1,2]}');
    expect(one(F.get_json_object(doc, "$.d"))).toBe("1.5");
    expect(one(F.get_json_object(doc, "$.e"))).toBe(null);
    expect(one(F.get_json_object(doc, "$.f"))).toBe("true");
    expect(one(F.get_json_object(F.lit("bad"), "$.a"))).toBe(null);
    expect(one(F.get_json_object(F.lit('[{"a":1},{"a":2}]'), "$[*].a"))).toBe("[1,2]");
    expect(one(F.get_json_object(F.lit('{"a b":1}'), "$['a b']"))).toBe("1");
    expect(one(F.json_array_length(F.lit("[1,2,3]")))).toBe(3);
    expect(one(F.json_object_keys(F.lit('{"a":1,"b":2}')))).toEqual(["a", "b"]);
  });
  it("to_json", () => {
    const s = F.named_struct(F.lit("a"), F.lit(1), F.lit("b"), F.lit("x"), F.lit("c"), F.lit(null).cast("int"), F.lit("d"), F.array(F.lit(1.5), F.lit(2.0).cast("double")),
      F.lit("e"), F.lit("2024-01-05").cast("date"), F.lit("f"), F.lit("2024-01-05 10:00:00").cast("timestamp"), F.lit("g"), F.lit(Decimal.fromString("1.10")).cast("decimal(5,2)"));
    expect(one(F.to_json(s))).toBe('{"a":1,"b":"x","d":[1.5,2.0],"e":"2024-01-05","f":"2024-01-05T10:00:00.000Z","g":1.10}');
    expect(one(F.to_json(F.create_map(F.lit("k"), F.lit(1))))).toBe('{"k":1}');
    expect(run(F.to_json(F.struct("j")), { j: ["string", ['{"a": 1}']] })).toMatchObject({ name: "to_json(struct(j))", values: ['{"j":"{\\"a\\": 1}"}'] });
  });
  it("from_json and schema_of_json", () => {
    const j = { j: ["string", ['{"a":1,"b":"x"}', '{"a":"zz"}', "bad", null]] as [string, unknown[]] };
    expect(run(F.from_json("j", "a INT, b STRING"), j)).toMatchObject({
      name: "from_json(j)", type: "struct<a:int,b:string>", values: [[1, "x"], [null, null], [null, null], null],
    });
    const schema = StructType([StructField("a", IntegerType()), StructField("b", StringType())]);
    expect(run(F.from_json("j", schema), j).values[0]).toEqual([1, "x"]);
    expect(one(F.from_json(F.lit("[1,2]"), "ARRAY<INT>"))).toEqual([1, 2]);
    expect(one(F.from_json(F.lit('{"k":1}'), "MAP<STRING,INT>"))).toEqual(new Map([["k", 1]]));
    expect(one(F.from_json(F.lit('{"a":1.5,"t":"2024-01-05"}'), "a DOUBLE, t DATE"))).toEqual([1.5, 19727]);
    expect(one(F.schema_of_json('{"a":1,"b":[1.5],"c":"x"}'))).toBe("STRUCT<a: BIGINT, b: ARRAY<DOUBLE>, c: STRING>");
  });
});
