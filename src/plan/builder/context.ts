/** What the plan builder needs from the session while resolving. */
import type { SessionSettings } from "../../context/settings.js";
import type { ResolveOptions } from "../../analyzer/resolve-expr.js";

export interface BuildContext {
  readonly fn: SessionSettings;
  /** SQL subquery support (set by the SQL front end). */
  readonly resolveOptions?: ResolveOptions;
}
