/**
 * Name resolution against a plan's output: `a`, `t.a`, `s.field`. Spark resolves names
 * case-insensitively by default and reports unknown names with the nearest candidates.
 */
import type { Attr, Expr } from "../plan/expr/expr.js";
import { PijarError, orderBySimilarity, quoteId } from "../errors/pijar-error.js";
import { literal } from "../plan/expr/expr.js";
import { stringType } from "../types/data-types.js";

export interface Scope {
  readonly attrs: readonly Attr[];
  /** The enclosing query's scope, for correlated subqueries. */
  readonly outer?: Scope | undefined;
}

const eq = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Finds the attribute (plus any struct field path after it) that `parts` names.
 * Returns null when nothing matches; throws AMBIGUOUS_REFERENCE on several matches.
 */
export function lookup(parts: readonly string[], scope: Scope): { attr: Attr; fieldPath: string[] } | null {
  // Longest qualifier match first: t.a (qualifier t, name a), then a.f (name a, field f).
  if (parts.length >= 2) {
    const q = parts.slice(0, -1);
    for (let qlen = parts.length - 1; qlen >= 1; qlen--) {
      const qual = parts.slice(0, qlen);
      const name = parts[qlen]!;
      const hits = scope.attrs.filter((a) => eq(a.name, name) && qualifierMatches(a.qualifier, qual));
      if (hits.length) return single(hits, parts.join("."), parts.slice(qlen + 1));
    }
    void q;
  }
  const hits = scope.attrs.filter((a) => eq(a.name, parts[0]!));
  if (hits.length) return single(hits, parts[0]!, parts.slice(1));
  return null;
}

function qualifierMatches(qualifier: readonly string[], wanted: readonly string[]): boolean {
  if (wanted.length > qualifier.length) return false;
  const tail = qualifier.slice(qualifier.length - wanted.length);
  return tail.every((q, i) => eq(q, wanted[i]!));
}

function single(hits: Attr[], name: string, fieldPath: string[]) {
  const distinct = [...new Map(hits.map((h) => [h.id, h])).values()];
  if (distinct.length > 1) {
    throw new PijarError("AMBIGUOUS_REFERENCE", {
      name: quoteId(name),
      referenceNames: "[" + distinct.map((h) => [...h.qualifier, h.name].map(quoteId).join(".")).join(", ") + "]",
    });
  }
  return { attr: distinct[0]!, fieldPath };
}

/** Resolves a name or throws UNRESOLVED_COLUMN with suggestions. */
export function resolveName(parts: readonly string[], text: string, scope: Scope): Expr {
  let s: Scope | undefined = scope;
  while (s) {
    const hit = lookup(parts, s);
    if (hit) {
      let e: Expr = hit.attr;
      for (const f of hit.fieldPath) {
        e = { kind: "unresolved_extract", child: e, key: literal(f, stringType) };
      }
      return e;
    }
    s = s.outer;
  }
  throw unresolvedColumn(text, scope);
}

export function unresolvedColumn(text: string, scope: Scope): PijarError {
  // As Spark: an unqualified name gets unqualified suggestions, a qualified one qualified ones.
  const qualified = text.includes(".");
  const candidates = [...new Set(scope.attrs.map((a) => [...(qualified ? a.qualifier.slice(-1) : []), a.name].map(quoteId).join(".")))];
  const objectName = text.split(".").map((p) => quoteId(p.replace(/^`|`$/g, ""))).join(".");
  if (candidates.length === 0) {
    return new PijarError("UNRESOLVED_COLUMN.WITHOUT_SUGGESTION", { objectName });
  }
  const near = orderBySimilarity(text, candidates.map((c) => c.replace(/`/g, "")), 5);
  const proposal = near.map((c) => c.split(".").map(quoteId).join(".")).join(", ");
  return new PijarError("UNRESOLVED_COLUMN.WITH_SUGGESTION", { objectName, proposal });
}
