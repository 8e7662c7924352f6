/**
 * What `spark.read` and `df.write` share: a format name and a bag of options set one at a time
 * or as an object, shown with secrets redacted in every printed form.
 *
 * The options live in an ES private field: invisible to util.inspect, JSON.stringify and
 * Object.entries, so a password set as an option is never printed; subclasses reach it through
 * the `opts` getter and print it through `describe` / `redacted`.
 */
import type { OptionValue } from "../io/options.js";
import { describeWithOptions, redactOptions } from "../io/redact.js";

export abstract class OptionsBuilder {
  protected source = "parquet"; // Spark's spark.sql.sources.default
  readonly #opts = new Map<string, OptionValue>();

  protected get opts(): Map<string, OptionValue> {
    return this.#opts;
  }

  /** The format: "csv", "json", "parquet" (default), "jdbc". */
  format(source: string): this {
    this.source = source;
    return this;
  }

  /** One option (names are case-insensitive). */
  option(key: string, value: OptionValue): this {
    this.#opts.set(key, value);
    return this;
  }

  options(options: Record<string, OptionValue>): this {
    for (const [k, v] of Object.entries(options)) this.#opts.set(k, v);
    return this;
  }

  abstract toString(): string;

  /** `name(field=value, ..., options={...})`, secrets redacted. */
  protected describe(name: string, fields: Record<string, string>): string {
    return describeWithOptions(name, fields, this.#opts);
  }

  /** The options as printable text, secrets redacted (for toJSON). */
  protected redacted(): Record<string, string> {
    return redactOptions(this.#opts);
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  /** A notebook cell ending in a reader or writer shows this (never a password). */
  [Symbol.for("Jupyter.display")](): Record<string, unknown> {
    return { "text/plain": this.toString() };
  }
}
