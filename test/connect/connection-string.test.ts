/** Connection strings read as PySpark's Connect client reads them (format of its ChannelBuilder). */
import { describe, expect, it } from "vitest";
import { parseConnectionString } from "../../src/connect/connection-string.js";
import { compareVersions, requireServerVersion } from "../../src/connect/unsupported.js";

describe("sc:// connection strings", () => {
  it("defaults the port to 15002 and reads the parameters", () => {
    const s = parseConnectionString("sc://spark.example:443/;token=abc;use_ssl=true;user_id=ayu;x-extra=1");
    expect([s.host, s.port, s.token, s.useSsl, s.userId, s.headers]).toEqual(["spark.example", 443, "abc", true, "ayu", { "x-extra": "1" }]);
    const d = parseConnectionString("sc://127.0.0.1");
    expect([d.host, d.port, d.token, d.useSsl, d.sessionId]).toEqual(["127.0.0.1", 15002, null, false, null]);
  });

  it("accepts a UUID session_id and refuses other values, without printing the token", () => {
    const id = "5a3f2c1e-0b7d-4e2a-9c3b-1f2e3d4c5b6a";
    expect(parseConnectionString(`sc://h/;session_id=${id}`).sessionId).toBe(id);
    let err: unknown;
    try { parseConnectionString("sc://h/;token=s3cret;session_id=nope"); } catch (e) { err = e; }
    expect((err as Error).message).toMatch(/session_id must be a UUID/);
    expect((err as Error).message).not.toContain("s3cret");
  });

  it("rejects other schemes and bad ports", () => {
    expect(() => parseConnectionString("http://h:1")).toThrow(/INVALID_CONNECT_URL/);
    expect(() => parseConnectionString("sc://h:99999")).toThrow(/out of range/);
    expect(() => parseConnectionString("sc://h/path")).toThrow(/path must be empty/);
  });
});

describe("server version gate", () => {
  it("compares versions and refuses newer features on older servers", () => {
    expect(compareVersions("4.0.5", "4.3.0")).toBeLessThan(0);
    expect(compareVersions("4.3.0", "4.3")).toBe(0);
    expect(() => requireServerVersion("4.0.5", "4.3.0", "df.zip()")).toThrow(/UNSUPPORTED_FEATURE.SPARK_CONNECT_SERVER_VERSION.*4\.3\.0 or later.*Spark 4\.0\.5/);
    expect(() => requireServerVersion("4.3.0", "4.3.0", "df.zip()")).not.toThrow();
  });
});
