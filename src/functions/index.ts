/**
 * Loads every function definition into the registry. Import order does not matter; each
 * module registers its functions when loaded.
 */
import "./operators/arithmetic.js";
import "./operators/comparison.js";
import "./operators/logic.js";
import "./operators/predicates.js";
import "./aggregate/basic.js";

export { lookupFunction, requireFunction, functionNames } from "./registry.js";
import "./string/basic.js";
import "./string/regexp.js";
import "./string/search.js";
import "./string/format.js";
import "./string/misc.js";
import "./math/round.js";
import "./math/unary.js";
import "./math/bitwise.js";
import "./math/random.js";
import "./conditional/null-handling.js";
import "./datetime/parts.js";
import "./datetime/arith.js";
import "./datetime/make-interval.js";
import "./datetime/trunc.js";
import "./datetime/convert.js";
import "./collection/access.js";
import "./collection/arrays.js";
import "./collection/maps.js";
import "./aggregate/moments.js";
import "./aggregate/collect.js";
import "./aggregate/misc.js";
import "./window/ranking.js";
import "./window/offset.js";
import "./hash/digest.js";
import "./math/try-arith.js";
import "./string/extra.js";
import "./datetime/extra.js";
import "./collection/extra.js";
import "./conditional/misc.js";
import "./aggregate/extra.js";
import "./json/functions.js";
import "./datetime/window.js";
import "./aggregate/grouping.js";
import "./aggregate/percentile-disc.js";
import "./csv/functions.js";
import "./math/ceil-floor-scale.js";
