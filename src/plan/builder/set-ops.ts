/** union / unionByName / intersect / except: columns by position (or name), types widened. */
import type { Attr, Expr, NamedExpr } from "../expr/expr.js";
import { alias, literal, newExprId } from "../expr/expr.js";
import type { LogicalPlan } from "../logical/plan.js";
import { PijarError } from "../../errors/pijar-error.js";
import { widerType, isString, isAtomic } from "../../types/type-utils.js";
import { castTo } from "../expr/cast-to.js";
import { stringType, type DataType, nullType } from "../../types/data-types.js";
import { attrOfNamed } from "./named.js";

const ORD = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

/** Casts each child's columns to the common types so all children line up. */
function coerceChildren(op: string, children: readonly LogicalPlan[]): LogicalPlan[] {
  const first = children[0]!;
  children.forEach((c, i) => {
    if (c.output.length !== first.output.length) {
      throw new PijarError("NUM_COLUMNS_MISMATCH", {
        operator: op.toUpperCase(), firstNumColumns: String(first.output.length),
        invalidOrdinalNum: ORD[i] ?? `${i + 1}th`, invalidNumColumns: String(c.output.length),
      });
    }
  });
  const types: DataType[] = first.output.map((a, col) => {
    let t: DataType = a.dataType;
    children.forEach((c, i) => {
      if (i === 0) return;
      const other = c.output[col]!.dataType;
      const w = widerType(t, other) ?? (isAtomic(t) && isAtomic(other) && (isString(t) || isString(other)) ? stringType : null);
      if (!w) {
        throw new PijarError("INCOMPATIBLE_COLUMN_TYPE", {
          operator: op.toUpperCase(), columnOrdinalNumber: ORD[col] ?? `${col + 1}th`, tableOrdinalNumber: ORD[i] ?? `${i + 1}th`,
          dataType1: `"${other.sql()}"`, dataType2: `"${t.sql()}"`, hint: "",
        });
      }
      t = w;
    });
    return t;
  });
  return children.map((c) => {
    if (c.output.every((a, i) => a.dataType.equals(types[i]!))) return c;
    const exprs: NamedExpr[] = c.output.map((a, i) => (a.dataType.equals(types[i]!) ? a : alias(castTo(a, types[i]!), a.name)));
    return { kind: "project", child: c, exprs, output: exprs.map(attrOfNamed) } as LogicalPlan;
  });
}

function unionOutput(children: readonly LogicalPlan[]): Attr[] {
  return children[0]!.output.map((a, i) => ({
    ...a,
    id: newExprId(),
    qualifier: [],
    dataType: children[0]!.output[i]!.dataType,
    nullable: children.some((c) => c.output[i]!.nullable),
  }));
}

export function buildUnion(children: readonly LogicalPlan[]): LogicalPlan {
  const kids = coerceChildren("union", children);
  return { kind: "union", children: kids, output: unionOutput(kids) };
}

/** unionByName: the right side's columns reordered by name; missing ones null if allowed. */
export function buildUnionByName(left: LogicalPlan, right: LogicalPlan, allowMissingColumns: boolean): LogicalPlan {
  const byName = (p: LogicalPlan, n: string) => p.output.find((a) => a.name.toLowerCase() === n.toLowerCase());
  let l = left;
  if (allowMissingColumns) {
    const extra = right.output.filter((a) => !byName(left, a.name));
    if (extra.length) {
      const exprs: NamedExpr[] = [...left.output, ...extra.map((a) => alias(literal(null, a.dataType), a.name))];
      l = { kind: "project", child: left, exprs, output: exprs.map(attrOfNamed) };
    }
  }
  const exprs: NamedExpr[] = l.output.map((a) => {
    const r = byName(right, a.name);
    if (r) return r;
    if (allowMissingColumns) return alias(literal(null, nullType) as Expr, a.name);
    throw new PijarError("UNRESOLVED_COLUMN_AMONG_FIELD_NAMES", { colName: a.name, fieldNames: right.output.map((x) => x.name).join(", ") }, {
      message: `Cannot resolve column name "${a.name}" among (${right.output.map((x) => x.name).join(", ")}). unionByName matches columns by name: rename the column, or pass allowMissingColumns=true to fill missing ones with null.`,
    });
  });
  if (!allowMissingColumns && right.output.length !== l.output.length) {
    throw new PijarError("NUM_COLUMNS_MISMATCH", {
      operator: "UNION", firstNumColumns: String(l.output.length), invalidOrdinalNum: "second", invalidNumColumns: String(right.output.length),
    });
  }
  const r: LogicalPlan = { kind: "project", child: right, exprs, output: exprs.map(attrOfNamed) };
  return buildUnion([l, r]);
}

export function buildSetOperation(op: "intersect" | "except", all: boolean, left: LogicalPlan, right: LogicalPlan): LogicalPlan {
  const [l, r] = coerceChildren(op, [left, right]) as [LogicalPlan, LogicalPlan];
  return { kind: "set_op", op, all, left: l, right: r, output: l.output.map((a, i) => ({ ...a, nullable: op === "intersect" ? a.nullable && r.output[i]!.nullable : a.nullable })) };
}
