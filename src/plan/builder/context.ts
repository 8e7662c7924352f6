/** What the plan builder needs from the session while resolving. */
import type { SessionSettings } from "../../context/settings.js";
import type { ResolveOptions } from "../../analyzer/resolve-expr.js";
import type { Scope } from "../../analyzer/scope.js";
import type { Attr } from "../expr/expr.js";

export interface BuildContext {
  readonly fn: SessionSettings;
  /** SQL subquery support (set by the SQL front end). */
  readonly resolveOptions?: ResolveOptions;
  /**
   * The enclosing queries' columns while building a correlated subquery: a name the subquery's
   * own inputs do not have resolves there (innermost first), as Spark's outer references.
   */
  readonly outer?: Scope;
}

/** The scope a builder resolves against: the input's columns, then the enclosing queries'. */
export function scopeOf(attrs: readonly Attr[], ctx: BuildContext): Scope {
  return ctx.outer ? { attrs, outer: ctx.outer } : { attrs };
}
