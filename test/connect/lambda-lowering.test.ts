/**
 * F.transform & co. lowered to Spark Connect protos without a server: a JS callback becomes a
 * LambdaFunction whose arguments are UnresolvedNamedLambdaVariables named x_N, y_N, z_N (as
 * PySpark's Connect client names them) and whose body reads those same names. The server-side
 * check is the lambda golden cases in golden-remote.test.ts.
 */
import { describe, expect, it } from "vitest";
import { create, toJson } from "@bufbuild/protobuf";
import { functions as F } from "../../src/index.js";
import { toConnectExpr } from "../../src/connect/expressions.js";
import { ExpressionSchema } from "../../src/connect/gen/expressions_pb.js";
import type { Column } from "../../src/api/column.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const proto = (c: Column): any => toJson(ExpressionSchema, create(ExpressionSchema, toConnectExpr(c.expr)));

/** Every nameParts list of a lambda variable read anywhere under `node`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function varsRead(node: any, out: string[] = []): string[] {
  if (node && typeof node === "object") {
    if (node.unresolvedNamedLambdaVariable) out.push(node.unresolvedNamedLambdaVariable.nameParts.join("."));
    for (const v of Object.values(node)) varsRead(v, out);
  }
  return out;
}

describe("lambda lowering to Spark Connect", () => {
  it("transform(col, x => x + 1) is a function call with a LambdaFunction argument", () => {
    const p = proto(F.transform("a", (x) => x.plus(1)));
    expect(p.unresolvedFunction.functionName).toBe("transform");
    const [col, lambda] = p.unresolvedFunction.arguments;
    expect(col).toEqual({ unresolvedAttribute: { unparsedIdentifier: "a" } });
    const params = lambda.lambdaFunction.arguments.map((a: { nameParts: string[] }) => a.nameParts);
    expect(params).toHaveLength(1);
    expect(params[0][0]).toMatch(/^x_\d+$/);
    expect(lambda.lambdaFunction.function.unresolvedFunction.functionName).toBe("+");
    expect(varsRead(lambda.lambdaFunction.function)).toEqual([params[0][0]]);
  });

  it("names parameters x, y, z by position, each name fresh", () => {
    const p = proto(F.map_zip_with("m1", "m2", (k, a, b) => F.coalesce(a, b).plus(k)));
    const lambda = p.unresolvedFunction.arguments[2].lambdaFunction;
    const names: string[] = lambda.arguments.map((a: { nameParts: string[] }) => a.nameParts[0]);
    expect(names.map((n) => n.replace(/_\d+$/, ""))).toEqual(["x", "y", "z"]);
    expect(new Set(varsRead(lambda.function))).toEqual(new Set(names));
    const again = proto(F.map_zip_with("m1", "m2", (k, a, b) => F.coalesce(a, b).plus(k))).unresolvedFunction.arguments[2].lambdaFunction;
    expect(again.arguments.map((a: { nameParts: string[] }) => a.nameParts[0])).not.toEqual(names);
  });

  it("aggregate without finish sends three arguments (the server adds the identity), with finish four", () => {
    expect(proto(F.aggregate("a", F.lit(0), (acc, x) => acc.plus(x))).unresolvedFunction.arguments).toHaveLength(3);
    const four = proto(F.aggregate("a", F.lit(0), (acc, x) => acc.plus(x), (acc) => acc.multiply(2))).unresolvedFunction.arguments;
    expect(four).toHaveLength(4);
    expect(four[3].lambdaFunction.arguments).toHaveLength(1);
  });

  it("a nested lambda reads the outer parameter by its name", () => {
    const p = proto(F.transform("a", (x) => F.transform(F.array(x), (y) => y.plus(x))));
    const outer = p.unresolvedFunction.arguments[1].lambdaFunction;
    const inner = outer.function.unresolvedFunction.arguments[1].lambdaFunction;
    const outerName = outer.arguments[0].nameParts[0];
    const innerName = inner.arguments[0].nameParts[0];
    expect(innerName).not.toBe(outerName);
    expect(varsRead(inner.function).sort()).toEqual([innerName, outerName].sort());
  });

  it("array_sort(col, comparator) sends the comparator; array_sort(col) sends none", () => {
    expect(proto(F.array_sort("a", (l, r) => r.minus(l))).unresolvedFunction.arguments[1].lambdaFunction.arguments).toHaveLength(2);
    expect(proto(F.array_sort("a")).unresolvedFunction.arguments).toHaveLength(1);
  });
});
