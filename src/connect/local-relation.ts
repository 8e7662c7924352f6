/**
 * `createDataFrame` on a Spark Connect session: the rows are typed by Pijar's own rules (the
 * same schema as local mode), encoded as one Arrow IPC stream and sent as a LocalRelation,
 * with the schema as DDL so names and nullability arrive as given.
 */
import * as A from "apache-arrow";
import { buildLocalData, type SchemaLike } from "../api/create-data-frame.js";
import { Batch } from "../columnar/batch.js";
import type { StructType } from "../types/data-types.js";
import type { Rel } from "./relation.js";
import { rel } from "./relation.js";

export function ddlOf(schema: StructType): string {
  return schema.fields.map((f) => `\`${f.name.replace(/`/g, "``")}\` ${f.dataType.simpleString()}${f.nullable ? "" : " NOT NULL"}`).join(", ");
}

export function localRelation(data: readonly unknown[], schema?: SchemaLike | null): Rel {
  const { schema: st, columns } = buildLocalData(data, schema);
  const batch = Batch.fromValues(st, columns, data.length);
  const bytes = A.tableToIPC(new A.Table([batch.toRecordBatch()]), "stream");
  return rel({ case: "localRelation", value: { data: bytes, schema: ddlOf(st) } });
}
