/** What the plan builder needs from the session while resolving. */
import type { FunctionContext } from "../../functions/registry.js";
import type { ResolveOptions } from "../../analyzer/resolve-expr.js";

export interface BuildContext {
  readonly fn: FunctionContext;
  /** SQL subquery support (set by the SQL front end). */
  readonly resolveOptions?: ResolveOptions;
}
