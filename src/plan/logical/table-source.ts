/**
 * What the logical plan needs to know about a table: its schema, how to name it in explain(),
 * and how far it can apply a filter itself. Readers in src/io implement this (and more: the
 * scan itself); the plan holds only this contract, so planning never depends on reading.
 */
import type { Expr } from "../expr/expr.js";
import type { StructType } from "../../types/data-types.js";

/**
 * How a source applies a pushed filter: not at all, partly (it may skip data, e.g. Parquet row
 * groups, so the Filter stays above the scan), or exactly (the Filter above it can go).
 */
export type FilterPushdown = "unsupported" | "inexact" | "exact";

export interface TableSource {
  /** The full schema the source produces. */
  readonly schema: StructType;
  /** One line for explain(), e.g. "csv data/sales.csv"; never contains secrets. */
  readonly description: string;
  /** One answer per filter; a source that does not say takes every filter as "inexact". */
  filterPushdown?(filters: readonly Expr[]): readonly FilterPushdown[];
}

/** The source's answer for each filter, with the default for sources that do not answer. */
export function filterPushdownOf(source: TableSource, filters: readonly Expr[]): readonly FilterPushdown[] {
  return source.filterPushdown ? source.filterPushdown(filters) : filters.map(() => "inexact");
}
