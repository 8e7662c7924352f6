/**
 * `df.na` / fillna / dropna / replace of a Spark Connect DataFrame: Spark's own NAFill, NADrop
 * and NAReplace relations, so the server applies its type rules (which columns a value fills).
 */
import { dropArgs, type DropHow } from "../api/na-drop-args.js";
import type { DataFrame } from "../api/dataframe.js";
import { literalExpr } from "../plan/expr/js-literal.js";
import { PijarError } from "../errors/pijar-error.js";
import { toConnectLiteral } from "./expressions.js";
import { rel } from "./relation.js";
import { longType } from "../types/data-types.js";
import type { RemoteDataFrame } from "./remote-dataframe.js";

type Subset = string | string[] | null | undefined;
const lit = (v: unknown) => {
  const l = literalExpr(v);
  return toConnectLiteral(l.value, l.dataType);
};
/** NAFill takes only long, double, string and boolean values (an int literal is refused by the server). */
const fillLit = (v: unknown) => {
  const l = literalExpr(v);
  return toConnectLiteral(l.value, l.dataType.typeName() === "integer" ? longType : l.dataType);
};
const names = (subset: Subset): string[] => (subset == null ? [] : typeof subset === "string" ? [subset] : subset);

export class RemoteNaFunctions {
  constructor(private readonly df: RemoteDataFrame) {}

  private wrap(r: ReturnType<typeof rel>): DataFrame {
    return this.df.remote.df(r);
  }

  fill(value: unknown, subset?: Subset): DataFrame {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      const entries = Object.entries(value as Record<string, unknown>);
      return this.wrap(rel({ case: "fillNa", value: { input: this.df.relation, cols: entries.map(([k]) => k), values: entries.map(([, v]) => fillLit(v)) } }));
    }
    if (!["number", "string", "boolean", "bigint"].includes(typeof value)) {
      throw new PijarError("NOT_BOOL_OR_DICT_OR_FLOAT_OR_INT_OR_STR", {}, {
        message: `Argument \`value\` should be a boolean, number, string or an object of column -> value, got ${value === null ? "null" : typeof value}.`,
        exceptionType: "PySparkTypeError",
      });
    }
    return this.wrap(rel({ case: "fillNa", value: { input: this.df.relation, cols: names(subset), values: [fillLit(value)] } }));
  }

  drop(how?: DropHow<NonNullable<Subset>>, thresh?: number | null, subset?: Subset): DataFrame {
    const { how: h, thresh: t, subset: s } = dropArgs(how, thresh, subset);
    thresh = t;
    subset = s;
    // As PySpark's client: "all" keeps rows with at least one non-null; "any" leaves it to the server.
    const minNonNulls = thresh ?? (h === "all" ? 1 : undefined);
    return this.wrap(rel({ case: "dropNa", value: { input: this.df.relation, cols: names(subset), minNonNulls } }));
  }

  replace(toReplace: unknown, value?: unknown, subset?: Subset): DataFrame {
    const pairs: [unknown, unknown][] = toReplace !== null && typeof toReplace === "object" && !Array.isArray(toReplace)
      ? Object.entries(toReplace as Record<string, unknown>)
      : Array.isArray(toReplace) ? toReplace.map((t, i) => [t, Array.isArray(value) ? value[i] : value]) : [[toReplace, value]];
    return this.wrap(rel({
      case: "replace",
      value: { input: this.df.relation, cols: names(subset), replacements: pairs.map(([o, n]) => ({ oldValue: lit(o), newValue: lit(n) })) },
    }));
  }
}
