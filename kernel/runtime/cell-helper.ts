/**
 * The name of the runtime helper object that transpiled cells call (`__pijar.import(...)`,
 * `__pijar.checkpoint(...)`). Its own module so the main thread can install the helper without
 * loading TypeScript, which only the transpiler (run in the checker when there is one) needs.
 */
export const HELPER = "__pijar";
