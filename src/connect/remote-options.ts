/**
 * What the Connect reader and writer share: a format name (unset: the server's default) and
 * options as the protocol's string map, set one at a time or as an object; null/undefined
 * values are left out, as PySpark's client drops `None`.
 */
export type OptionValue = string | number | boolean | null | undefined;

export abstract class RemoteOptionsBuilder {
  protected source: string | undefined;
  protected readonly opts: Record<string, string> = {};

  format(source: string): this {
    this.source = source;
    return this;
  }

  option(key: string, value: OptionValue): this {
    if (value !== null && value !== undefined) this.opts[key] = String(value);
    return this;
  }

  options(options: Record<string, OptionValue>): this {
    for (const [k, v] of Object.entries(options)) this.option(k, v);
    return this;
  }
}
