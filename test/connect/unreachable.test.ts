/** A server that is not there fails at once with a clear class, naming what was tried (no server needed). */
import { createServer } from "node:net";
import { expect, it } from "vitest";
import { SparkSession, PijarError } from "../../src/index.js";

it("reports CONNECT_SERVER_UNAVAILABLE for a port nobody listens on, without printing the token", async () => {
  // A port that was free a moment ago: bind, read it, close.
  const port = await new Promise<number>((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const p = (srv.address() as { port: number }).port;
      srv.close(() => resolve(p));
    });
  });
  let err: unknown;
  try {
    SparkSession.builder.remote(`sc://127.0.0.1:${port}/;token=hidden-token-42`).create();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(PijarError);
  expect((err as PijarError).errorClass).toBe("CONNECT_SERVER_UNAVAILABLE");
  expect((err as Error).message).toContain("Is the Spark Connect server running");
  expect((err as Error).message).not.toContain("hidden-token-42");
});
