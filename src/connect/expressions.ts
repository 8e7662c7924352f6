/**
 * Lowers Pijar's unresolved expressions (what a Column holds before any plan resolves it) to
 * Spark Connect `Expression` protos, which the server resolves. Function calls go by their
 * Spark SQL name, so `F.sum`, `col.gt`, `F.when` land in Spark's own function registry, as
 * PySpark's Connect client sends them. Anything that only exists in this process (JS UDFs,
 * resolved local columns, subqueries over local plans) fails with a clear error class.
 */
import type { MessageInitShape } from "@bufbuild/protobuf";
import type { ExpressionSchema, Expression_LiteralSchema, Expression_SortOrderSchema } from "./gen/expressions_pb.js";
import {
  Expression_Cast_EvalMode, Expression_SortOrder_NullOrdering, Expression_SortOrder_SortDirection,
  Expression_Window_WindowFrame_FrameType,
} from "./gen/expressions_pb.js";
import type { Expr, FrameBound, SortOrder } from "../plan/expr/expr.js";
import { ArrayType, DecimalType, integerType, type DataType } from "../types/data-types.js";
import { toConnectType } from "./types.js";
import { notOnConnect } from "./unsupported.js";

export type PbExpr = MessageInitShape<typeof ExpressionSchema>;
type PbLiteral = MessageInitShape<typeof Expression_LiteralSchema>;
type PbSort = MessageInitShape<typeof Expression_SortOrderSchema>;

/** Plan ids of columns taken with `df.col(name)`, so the server knows which side of a join they name. */
const planIds = new WeakMap<Expr, bigint>();

export function tagPlanId(e: Expr, planId: bigint): Expr {
  planIds.set(e, planId);
  return e;
}

function quoteIfNeeded(part: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(part) ? part : "`" + part.replace(/`/g, "``") + "`";
}

export function toConnectExpr(e: Expr): PbExpr {
  switch (e.kind) {
    case "unresolved_attr": {
      const planId = planIds.get(e);
      return { exprType: { case: "unresolvedAttribute", value: { unparsedIdentifier: e.nameParts.map(quoteIfNeeded).join("."), planId } } };
    }
    case "star":
      return { exprType: { case: "unresolvedStar", value: { unparsedTarget: e.target ? e.target.map(quoteIfNeeded).join(".") + ".*" : undefined } } };
    case "literal":
      return { exprType: { case: "literal", value: toConnectLiteral(e.value, e.dataType) } };
    case "alias":
      return { exprType: { case: "alias", value: { expr: toConnectExpr(e.child), name: [e.name] } } };
    case "unresolved_call": {
      if (e.name.startsWith("#udf")) throw notOnConnect("JS_UDF", "A JS UDF (F.udf)", "Spark cannot run JavaScript; express it with built-in functions (F.*) or run it locally.");
      if (e.filter) throw notOnConnect("AGGREGATE_FILTER", "An aggregate with FILTER (...)", "use F.when inside the aggregate.");
      // count(*) is count(1) on the server too.
      const args = e.isStar && e.args.length === 0 ? [toConnectExpr({ kind: "literal", value: 1, dataType: INT })] : e.args.map(toConnectExpr);
      return { exprType: { case: "unresolvedFunction", value: { functionName: e.name, arguments: args, isDistinct: e.distinct } } };
    }
    case "cast":
      return {
        exprType: {
          case: "cast",
          value: {
            expr: toConnectExpr(e.child),
            castToType: { case: "type", value: toConnectType(e.to) },
            evalMode: e.mode === "try" ? Expression_Cast_EvalMode.TRY : Expression_Cast_EvalMode.UNSPECIFIED,
          },
        },
      };
    case "case": {
      // PySpark's Connect client sends CASE WHEN as when(c1, v1, c2, v2, ..., otherwise).
      const args = e.branches.flatMap((b) => [toConnectExpr(b.when), toConnectExpr(b.then)]);
      if (e.otherwise) args.push(toConnectExpr(e.otherwise));
      return { exprType: { case: "unresolvedFunction", value: { functionName: "when", arguments: args } } };
    }
    case "sort":
      return { exprType: { case: "sortOrder", value: toConnectSort(e) } };
    case "unresolved_extract":
      return { exprType: { case: "unresolvedExtractValue", value: { child: toConnectExpr(e.child), extraction: toConnectExpr(e.key) } } };
    case "window":
      return {
        exprType: {
          case: "window",
          value: {
            windowFunction: toConnectExpr(e.fn),
            partitionSpec: e.spec.partitionBy.map(toConnectExpr),
            orderSpec: e.spec.orderBy.map(toConnectSort),
            frameSpec: e.spec.frame ? {
              frameType: e.spec.frame.frameType === "rows" ? Expression_Window_WindowFrame_FrameType.ROW : Expression_Window_WindowFrame_FrameType.RANGE,
              lower: toFrameBound(e.spec.frame.lower),
              upper: toFrameBound(e.spec.frame.upper),
            } : undefined,
          },
        },
      };
    // PySpark's Connect client sends F.transform(col, lambda x: ...) as a LambdaFunction whose
    // parameters are UnresolvedNamedLambdaVariables (x_0...), read in the body by name.
    case "lambda":
      return {
        exprType: {
          case: "lambdaFunction",
          value: { function: toConnectExpr(e.body), arguments: e.params.map((p) => ({ nameParts: [p.name] })) },
        },
      };
    case "lambda_var":
      return { exprType: { case: "unresolvedNamedLambdaVariable", value: { nameParts: [e.name] } } };
    case "attr":
      // A resolved column of a local DataFrame (e.g. localDf.col("x") used on a remote one).
      throw notOnConnect("LOCAL_COLUMN", `The column ${e.name} of a local DataFrame`, "use F.col(name) or remoteDf.col(name).");
    case "subquery":
      throw notOnConnect("SUBQUERY_EXPRESSION", "A subquery expression built from a local plan", "write the query with spark.sql(...).");
    default:
      throw notOnConnect("EXPRESSION", `The expression kind '${e.kind}'`, "use built-in functions.");
  }
}

const INT = integerType;

function toConnectSort(s: SortOrder): PbSort {
  return {
    child: toConnectExpr(s.child),
    direction: s.ascending ? Expression_SortOrder_SortDirection.ASCENDING : Expression_SortOrder_SortDirection.DESCENDING,
    nullOrdering: s.nullsFirst ? Expression_SortOrder_NullOrdering.SORT_NULLS_FIRST : Expression_SortOrder_NullOrdering.SORT_NULLS_LAST,
  };
}

function toFrameBound(b: FrameBound) {
  switch (b.type) {
    case "current_row": return { boundary: { case: "currentRow" as const, value: true } };
    case "unbounded_preceding": case "unbounded_following": return { boundary: { case: "unbounded" as const, value: true } };
    case "offset": return { boundary: { case: "value" as const, value: toConnectExpr({ kind: "literal", value: b.value, dataType: INT }) } };
  }
}

/** A Pijar internal value of a type -> Connect literal. */
export function toConnectLiteral(v: unknown, t: DataType): PbLiteral {
  if (v === null || v === undefined) return { literalType: { case: "null", value: toConnectType(t) } };
  switch (t.typeName()) {
    case "boolean": return { literalType: { case: "boolean", value: v as boolean } };
    case "byte": return { literalType: { case: "byte", value: Number(v) } };
    case "short": return { literalType: { case: "short", value: Number(v) } };
    case "integer": return { literalType: { case: "integer", value: Number(v) } };
    case "long": return { literalType: { case: "long", value: BigInt(v as number | bigint) } };
    case "float": return { literalType: { case: "float", value: Number(v) } };
    case "double": return { literalType: { case: "double", value: Number(v) } };
    case "string": return { literalType: { case: "string", value: String(v) } };
    case "binary": return { literalType: { case: "binary", value: v as Uint8Array } };
    case "date": return { literalType: { case: "date", value: Number(v) } };
    case "timestamp": return { literalType: { case: "timestamp", value: BigInt(Math.trunc(Number(v))) } };
    case "timestamp_ntz": return { literalType: { case: "timestampNtz", value: BigInt(Math.trunc(Number(v))) } };
  }
  if (t instanceof DecimalType) {
    return { literalType: { case: "decimal", value: { value: decimalText(v as bigint, t.scale), precision: t.precision, scale: t.scale } } };
  }
  if (t instanceof ArrayType) {
    return {
      literalType: { case: "array", value: { elementType: toConnectType(t.elementType), elements: (v as unknown[]).map((x) => toConnectLiteral(x, t.elementType)) } },
    };
  }
  throw notOnConnect("LITERAL", `A literal of type ${t.simpleString()}`, "build it with F.* functions.");
}

function decimalText(unscaled: bigint, scale: number): string {
  const neg = unscaled < 0n;
  const digits = (neg ? -unscaled : unscaled).toString().padStart(scale + 1, "0");
  const s = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return neg ? "-" + s : s;
}
