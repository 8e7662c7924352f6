/**
 * `df.write` of a Spark Connect DataFrame: a WriteOperation command run by the server, so
 * paths are the server's paths (on a cluster, a shared file system or object store).
 */
import { WriteOperation_SaveMode as SaveMode } from "./gen/commands_pb.js";
import { parseSaveMode } from "../io/writer/commit.js";
import { runJob } from "../execution/jobs.js";
import type { RemoteDataFrame } from "./remote-dataframe.js";
import { RemoteOptionsBuilder, type OptionValue } from "./remote-options.js";

type WriteOptions = Record<string, OptionValue | string[]> & { mode?: string; partitionBy?: string | string[] };

const MODES: Record<string, SaveMode> = {
  append: SaveMode.APPEND, overwrite: SaveMode.OVERWRITE, error: SaveMode.ERROR_IF_EXISTS, ignore: SaveMode.IGNORE,
};

export class RemoteDataFrameWriter extends RemoteOptionsBuilder {
  private saveMode = SaveMode.ERROR_IF_EXISTS;
  private partitionCols: string[] = [];

  constructor(private readonly df: RemoteDataFrame) {
    super();
  }

  mode(saveMode: string | null | undefined): this {
    if (saveMode == null) return this;
    // Same names and the same error as the local writer (Spark's SaveMode names).
    this.saveMode = MODES[parseSaveMode(saveMode)]!;
    return this;
  }

  partitionBy(...cols: (string | readonly string[])[]): this {
    this.partitionCols = cols.flat();
    return this;
  }

  async save(path?: string, format?: string, mode?: string, partitionBy?: string | string[], options: WriteOptions = {}): Promise<void> {
    if (format) this.format(format);
    if (mode) this.mode(mode);
    if (partitionBy) this.partitionBy(...[partitionBy].flat());
    this.apply(options);
    const cmd = {
      input: this.df.relation,
      source: this.source,
      saveType: path === undefined ? undefined : { case: "path" as const, value: path },
      mode: this.saveMode,
      partitioningColumns: this.partitionCols,
      options: this.opts,
    };
    // Drain the response stream: the command is done when the server completes it.
    const plan = { opType: { case: "command" as const, value: { commandType: { case: "writeOperation" as const, value: cmd } } } };
    await runJob(`write.${this.source ?? "save"}`, async (job) => {
      for await (const _ of this.df.remote.client.execute(plan, "write", job)) { /* progress only */ }
    });
  }

  private apply(options: WriteOptions): void {
    for (const [k, v] of Object.entries(options)) {
      if (k === "mode") this.mode(v as string);
      else if (k === "partitionBy") this.partitionBy(...[v as string | string[]].flat());
      else this.option(k, v as OptionValue);
    }
  }

  csv(path: string, options: WriteOptions = {}): Promise<void> { return this.format("csv").save(path, undefined, undefined, undefined, options); }
  json(path: string, options: WriteOptions = {}): Promise<void> { return this.format("json").save(path, undefined, undefined, undefined, options); }
  parquet(path: string, options: WriteOptions = {}): Promise<void> { return this.format("parquet").save(path, undefined, undefined, undefined, options); }
  text(path: string, options: WriteOptions = {}): Promise<void> { return this.format("text").save(path, undefined, undefined, undefined, options); }
  orc(path: string, options: WriteOptions = {}): Promise<void> { return this.format("orc").save(path, undefined, undefined, undefined, options); }

  /**
   * Into a database table, written by the cluster: the URL is the server's view of the network
   * and the driver jar must be on the server (scripts/connect/jdbc-drivers.sh; PySpark's form).
   */
  jdbc(url: string, table: string, mode?: string | null, properties: Record<string, OptionValue> = {}): Promise<void> {
    if (mode) this.mode(mode);
    return this.format("jdbc").options({ ...properties, url, dbtable: table }).save();
  }
}
