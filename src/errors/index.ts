export { PijarError, quoteId, internalError, editDistance, orderBySimilarity } from "./pijar-error.js";
export type { MessageParameters, PijarErrorOptions } from "./pijar-error.js";
export { ERROR_CONDITIONS } from "./error-conditions.js";
