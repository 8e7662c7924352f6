/**
 * The SQL syntax tree Pijar's parser produces. It is purely syntactic: names are not
 * resolved, functions are not looked up, ordinals stay integer literals. `src/sql/to-plan/`
 * turns it into logical plans. Every node keeps `start`/`end` source offsets so later
 * errors (unresolved column...) can point into the query like Spark's QueryContext.
 */

export type * from "./ast/expressions.js";
export type * from "./ast/queries.js";
