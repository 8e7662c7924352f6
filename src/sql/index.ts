/**
 * The Spark SQL front end: parser (src/sql/parser), syntax tree (ast.ts) and translation to
 * logical plans (src/sql/to-plan). The DataFrame API (src/api/sql-front-end.ts) calls it for
 * `spark.sql`, `df.filter("...")`, `df.selectExpr(...)` and `F.expr(...)`.
 */

export { parseStatement, parseQuery, parseExpression, parseExpressionList, parseNamedExpression, parseTableIdentifier } from "./parser/index.js";
export { SqlParseError } from "./parse-error.js";
export { sqlStatement, sqlExpression, sqlSelectItem } from "./to-plan/index.js";
export { catalogAdapter } from "./to-plan/catalog-adapter.js";
export type { SqlCatalog, SqlContext, StatementResult } from "./to-plan/index.js";
export type * as SqlAst from "./ast.js";
