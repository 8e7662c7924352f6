/**
 * explain("analyze") and planDiagram() on a Spark Connect DataFrame: Pijar measures only its
 * own engine, so both refuse at once (before any request), naming where Spark keeps the
 * metrics. No server is needed: the refusal must come before the client is touched, which the
 * session below (one without a connection) proves. remote.test.ts checks it on a real server.
 */
import { expect, it } from "vitest";
import { PijarError } from "../../src/index.js";
import { RemoteDataFrame } from "../../src/connect/remote-dataframe.js";
import { RemoteSparkSession } from "../../src/connect/remote-session.js";
import type { Rel } from "../../src/connect/relation.js";

function unconnected(): RemoteDataFrame {
  const session = Object.create(RemoteSparkSession.prototype) as RemoteSparkSession;
  return new RemoteDataFrame(session, { relType: { case: "range", value: { end: 3n, step: 1n } } } as unknown as Rel);
}

function thrown(f: () => unknown): PijarError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(PijarError);
    return e as PijarError;
  }
  throw new Error("expected an error");
}

it('refuses explain("analyze") with the Spark UI as the place to look', () => {
  const e = thrown(() => unconnected().explain("analyze"));
  expect(e.errorClass).toBe("UNSUPPORTED_FEATURE.SPARK_CONNECT_METHOD");
  expect(e.message).toContain('explain("analyze")');
  expect(e.message).toContain("Spark shows them in its web UI");
  expect(e.message).toContain("run the DataFrame on a local session");
  expect(e.name).toBe("PySparkNotImplementedError");
});

it("refuses planDiagram() the same way", () => {
  const e = thrown(() => unconnected().planDiagram());
  expect(e.errorClass).toBe("UNSUPPORTED_FEATURE.SPARK_CONNECT_METHOD");
  expect(e.message).toContain("planDiagram()");
});
