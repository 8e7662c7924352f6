/**
 * What the function registry holds: one explicit list per group file (its exported
 * `definitions`), registered here in this order. Listing a file below is what makes its
 * functions exist; no module registers on import. test/functions/registry-lists.test.ts checks
 * that every listed function resolves to its own definition, so no list silently overrides
 * another, and that the registry holds nothing unlisted.
 */
import { register, type FunctionDef } from "./registry.js";
import { definitions as operatorsArithmetic } from "./operators/arithmetic.js";
import { definitions as operatorsComparison } from "./operators/comparison.js";
import { definitions as operatorsLogic } from "./operators/logic.js";
import { definitions as operatorsPredicates } from "./operators/predicates.js";
import { definitions as aggregateBasic } from "./aggregate/basic.js";
import { definitions as stringBasic } from "./string/basic.js";
import { definitions as stringRegexp } from "./string/regexp.js";
import { definitions as stringSearch } from "./string/search.js";
import { definitions as stringFormat } from "./string/format.js";
import { definitions as stringMisc } from "./string/misc.js";
import { definitions as mathRound } from "./math/round.js";
import { definitions as mathUnary } from "./math/unary.js";
import { definitions as mathBitwise } from "./math/bitwise.js";
import { definitions as mathRandom } from "./math/random.js";
import { definitions as conditionalNullHandling } from "./conditional/null-handling.js";
import { definitions as datetimeParts } from "./datetime/parts.js";
import { definitions as datetimeArith } from "./datetime/arith.js";
import { definitions as datetimeMakeInterval } from "./datetime/make-interval.js";
import { definitions as datetimeTrunc } from "./datetime/trunc.js";
import { definitions as datetimeConvert } from "./datetime/convert.js";
import { definitions as collectionAccess } from "./collection/access.js";
import { definitions as collectionArrays } from "./collection/arrays.js";
import { definitions as collectionMaps } from "./collection/maps.js";
import { definitions as aggregateMoments } from "./aggregate/moments.js";
import { definitions as aggregateCollect } from "./aggregate/collect.js";
import { definitions as aggregateMisc } from "./aggregate/misc.js";
import { definitions as windowRanking } from "./window/ranking.js";
import { definitions as windowOffset } from "./window/offset.js";
import { definitions as hashDigest } from "./hash/digest.js";
import { definitions as mathTryArith } from "./math/try-arith.js";
import { definitions as stringExtra } from "./string/extra.js";
import { definitions as datetimeExtra } from "./datetime/extra.js";
import { definitions as collectionExtra } from "./collection/extra.js";
import { definitions as conditionalMisc } from "./conditional/misc.js";
import { definitions as aggregateExtra } from "./aggregate/extra.js";
import { definitions as jsonFunctions } from "./json/functions.js";
import { definitions as datetimeWindow } from "./datetime/window.js";
import { definitions as aggregateGrouping } from "./aggregate/grouping.js";
import { definitions as aggregatePercentileDisc } from "./aggregate/percentile-disc.js";
import { definitions as csvFunctions } from "./csv/functions.js";
import { definitions as mathCeilFloorScale } from "./math/ceil-floor-scale.js";

import { definitions as stringUtf8 } from "./string/utf8.js";
import { definitions as stringBase32 } from "./string/base32.js";
import { definitions as stringChecks } from "./string/checks.js";
import { definitions as stringSimilarity } from "./string/similarity.js";
import { definitions as stringUrl } from "./string/url.js";
import { definitions as stringToBinary } from "./string/to-binary.js";
import { definitions as hashXxhash64 } from "./hash/xxhash64.js";
import { definitions as hashHmac } from "./hash/hmac.js";
import { definitions as lambdaArrays } from "./lambda/arrays.js";
import { definitions as lambdaAggregate } from "./lambda/aggregate.js";
import { definitions as lambdaMaps } from "./lambda/maps.js";
import { definitions as datetimeTimeOfDay } from "./datetime/time-of-day.js";

/** Every group's list, by its file under src/functions/. */
export const FUNCTION_LISTS: readonly (readonly [string, readonly FunctionDef[]])[] = [
  ["operators/arithmetic", operatorsArithmetic],
  ["operators/comparison", operatorsComparison],
  ["operators/logic", operatorsLogic],
  ["operators/predicates", operatorsPredicates],
  ["aggregate/basic", aggregateBasic],
  ["string/basic", stringBasic],
  ["string/regexp", stringRegexp],
  ["string/search", stringSearch],
  ["string/format", stringFormat],
  ["string/misc", stringMisc],
  ["math/round", mathRound],
  ["math/unary", mathUnary],
  ["math/bitwise", mathBitwise],
  ["math/random", mathRandom],
  ["conditional/null-handling", conditionalNullHandling],
  ["datetime/parts", datetimeParts],
  ["datetime/arith", datetimeArith],
  ["datetime/make-interval", datetimeMakeInterval],
  ["datetime/trunc", datetimeTrunc],
  ["datetime/convert", datetimeConvert],
  ["collection/access", collectionAccess],
  ["collection/arrays", collectionArrays],
  ["collection/maps", collectionMaps],
  ["aggregate/moments", aggregateMoments],
  ["aggregate/collect", aggregateCollect],
  ["aggregate/misc", aggregateMisc],
  ["window/ranking", windowRanking],
  ["window/offset", windowOffset],
  ["hash/digest", hashDigest],
  ["math/try-arith", mathTryArith],
  ["string/extra", stringExtra],
  ["datetime/extra", datetimeExtra],
  ["collection/extra", collectionExtra],
  ["conditional/misc", conditionalMisc],
  ["aggregate/extra", aggregateExtra],
  ["json/functions", jsonFunctions],
  ["datetime/window", datetimeWindow],
  ["aggregate/grouping", aggregateGrouping],
  ["aggregate/percentile-disc", aggregatePercentileDisc],
  ["csv/functions", csvFunctions],
  ["math/ceil-floor-scale", mathCeilFloorScale],
  ["string/utf8", stringUtf8],
  ["string/base32", stringBase32],
  ["string/checks", stringChecks],
  ["string/similarity", stringSimilarity],
  ["string/url", stringUrl],
  ["string/to-binary", stringToBinary],
  ["hash/xxhash64", hashXxhash64],
  ["hash/hmac", hashHmac],
  ["lambda/arrays", lambdaArrays],
  ["lambda/aggregate", lambdaAggregate],
  ["lambda/maps", lambdaMaps],
  ["datetime/time-of-day", datetimeTimeOfDay],
];

for (const [, list] of FUNCTION_LISTS) for (const def of list) register(def);

export { lookupFunction, requireFunction, functionNames } from "./registry.js";
