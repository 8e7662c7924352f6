/** `groupBy()` of a Spark Connect DataFrame: an Aggregate relation, resolved by the server. */
import { Column } from "../api/column.js";
import type { DataFrame } from "../api/dataframe.js";
import { PijarError } from "../errors/pijar-error.js";
import { Aggregate_GroupType as GroupType } from "./gen/relations_pb.js";
import type { PbExpr } from "./expressions.js";
import { toConnectExpr, toConnectLiteral } from "./expressions.js";
import { literalExpr } from "../plan/expr/js-literal.js";
import { rel } from "./relation.js";
import { notOnConnect } from "./unsupported.js";
import type { RemoteDataFrame } from "./remote-dataframe.js";

function fnCall(name: string, args: PbExpr[]): PbExpr {
  return { exprType: { case: "unresolvedFunction", value: { functionName: name, arguments: args } } };
}

function attr(name: string): PbExpr {
  return { exprType: { case: "unresolvedAttribute", value: { unparsedIdentifier: name } } };
}

type Pivot = { col: PbExpr; values?: ReturnType<typeof toConnectLiteral>[] };

export class RemoteGroupedData {
  constructor(
    private readonly df: RemoteDataFrame,
    private readonly keys: PbExpr[],
    private readonly groupType: GroupType = GroupType.GROUPBY,
    private readonly pivotSpec: Pivot | null = null,
  ) {}

  agg(...exprs: (Column | string | Record<string, string>)[]): DataFrame {
    const aggs: PbExpr[] = [];
    for (const e of exprs) {
      if (e instanceof Column) aggs.push(toConnectExpr(e.expr));
      else if (typeof e === "string") aggs.push({ exprType: { case: "expressionString", value: { expression: e } } });
      else if (e && typeof e === "object") {
        // { column: "function" }, as PySpark: count of "*" is count(*), mean is avg.
        for (const [colName, f] of Object.entries(e)) {
          const fn = f.toLowerCase() === "mean" ? "avg" : f;
          aggs.push(fnCall(fn, [colName === "*" ? { exprType: { case: "unresolvedStar", value: {} } } : attr(colName)]));
        }
      }
    }
    if (!aggs.length) {
      throw new PijarError("CANNOT_BE_EMPTY", {}, { message: "agg() needs at least one aggregate expression, e.g. F.count(\"*\").", exceptionType: "PySparkValueError" });
    }
    return this.aggregate(aggs);
  }

  private aggregate(aggs: PbExpr[]): DataFrame {
    const relation = rel({
      case: "aggregate",
      value: {
        input: this.df.relation, groupType: this.pivotSpec ? GroupType.PIVOT : this.groupType,
        groupingExpressions: this.keys, aggregateExpressions: aggs, pivot: this.pivotSpec ?? undefined,
      },
    });
    return new (this.df.constructor as new (s: unknown, r: unknown) => DataFrame)(this.df.remote, relation);
  }

  /** Rows per group, as a `count` column (count(1) AS count, as PySpark's client sends it). */
  count(): DataFrame {
    const one: PbExpr = { exprType: { case: "literal", value: { literalType: { case: "integer", value: 1 } } } };
    return this.aggregate([{ exprType: { case: "alias", value: { expr: fnCall("count", [one]), name: ["count"] } } }]);
  }

  private numeric(fn: string, cols: string[]): DataFrame {
    if (!cols.length) throw notOnConnect("GROUPED_ALL_NUMERIC", `${fn}() without column names`, "name the columns, e.g. sum(\"total\").");
    return this.aggregate(cols.map((c) => fnCall(fn, [attr(c)])));
  }

  sum(...cols: string[]): DataFrame { return this.numeric("sum", cols); }
  avg(...cols: string[]): DataFrame { return this.numeric("avg", cols); }
  mean(...cols: string[]): DataFrame { return this.numeric("avg", cols); }
  min(...cols: string[]): DataFrame { return this.numeric("min", cols); }
  max(...cols: string[]): DataFrame { return this.numeric("max", cols); }

  /**
   * Pivots a column's values into columns. Without `values` the server finds them, so, unlike
   * local mode, the aggregate methods return a DataFrame at once (awaiting it is harmless).
   */
  pivot(pivotCol: string, values?: unknown[]): RemoteGroupedData {
    if (this.groupType !== GroupType.GROUPBY || this.pivotSpec) {
      throw notOnConnect("PIVOT", "pivot() after rollup/cube or a second pivot()", "pivot once, right after groupBy().");
    }
    const col = toConnectExpr(Column.of(pivotCol).expr);
    const lits = values?.map((v) => {
      const l = literalExpr(v);
      return toConnectLiteral(l.value, l.dataType);
    });
    return new RemoteGroupedData(this.df, this.keys, this.groupType, { col, values: lits });
  }
}

export { toConnectExpr };
