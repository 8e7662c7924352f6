/**
 * The plan builder: the only way logical plans are made. The DataFrame API and the SQL front
 * end both call these functions, so the same query written either way gives the same plan.
 */
export type { BuildContext } from "./context.js";
export { scopeOf } from "./context.js";
export { buildProject, hasAggregate } from "./project.js";
export { projectWithWindows } from "./windows.js";
export { buildAggregate } from "./aggregate.js";
export { buildFilter, buildSort, buildLimit, buildOffset, buildDeduplicate, buildSubqueryAlias, buildSample } from "./basic.js";
export { buildJoin, parseJoinType } from "./join.js";
export { buildUnion, buildUnionByName, buildSetOperation } from "./set-ops.js";
export { buildWithColumns, buildWithColumnsRenamed, buildDrop, buildToDF } from "./columns.js";
export { buildGenerate } from "./generate.js";
export { toNamed, attrOfNamed } from "./named.js";
