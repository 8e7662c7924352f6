/** `spark.conf` of a Spark Connect session: every get/set goes to the server (Config RPC). */
import { RuntimeConfig } from "../api/conf.js";
import type { ConnectClient } from "./client.js";

export class RemoteRuntimeConfig extends RuntimeConfig {
  constructor(private readonly client: ConnectClient) {
    super({});
  }

  override set(key: string, value: string | number | boolean): void {
    this.client.configSync({ case: "set", value: { pairs: [{ key, value: String(value) }] } }, `spark.conf.set("${key}")`);
  }

  override get(key: string, defaultValue?: string | null): string | null {
    if (defaultValue !== undefined) {
      const [p] = this.client.configSync({ case: "getWithDefault", value: { pairs: [{ key, value: defaultValue ?? undefined }] } }, `spark.conf.get("${key}")`);
      return p?.value ?? null;
    }
    const [p] = this.client.configSync({ case: "get", value: { keys: [key] } }, `spark.conf.get("${key}")`);
    return p?.value ?? null;
  }

  override unset(key: string): void {
    this.client.configSync({ case: "unset", value: { keys: [key] } }, `spark.conf.unset("${key}")`);
  }

  override getAll(): Record<string, string> {
    const pairs = this.client.configSync({ case: "getAll", value: {} }, "spark.conf.getAll");
    return Object.fromEntries(pairs.map((p) => [p.key, p.value ?? ""]));
  }

  override isModifiable(key: string): boolean {
    const [p] = this.client.configSync({ case: "isModifiable", value: { keys: [key] } }, `spark.conf.isModifiable("${key}")`);
    return p?.value === "true";
  }

  override str(key: string): string {
    return this.get(key) ?? "";
  }
}
