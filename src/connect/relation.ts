/** Small helpers to build Connect `Relation` protos, each with a fresh plan id. */
import type { MessageInitShape } from "@bufbuild/protobuf";
import type { RelationSchema } from "./gen/relations_pb.js";

export type Rel = MessageInitShape<typeof RelationSchema>;
export type RelType = NonNullable<Rel["relType"]>;

let nextPlanId = 1n;

/** Every relation gets its own plan id, so `df.col("x")` can point at one side of a join. */
export function rel(relType: RelType): Rel {
  return { common: { planId: nextPlanId++ }, relType };
}

export function planIdOf(r: Rel): bigint {
  return (r.common?.planId as bigint | undefined) ?? 0n;
}
