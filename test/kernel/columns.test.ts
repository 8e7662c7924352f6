import { afterAll, describe, expect, it } from "vitest";
import { columnCompletions } from "../../kernel/runtime/columns.js";

const g = globalThis as any;
g.ordersForTest = { columns: ["unit_price", "units", "city"], select() {} };
g.otherForTest = { columns: ["amount"], select() {} };
afterAll(() => {
  delete g.ordersForTest;
  delete g.otherForTest;
});

describe("column completion in strings", () => {
  it("uses the receiver's columns", () => {
    const code = 'ordersForTest.select("un';
    expect(columnCompletions(code, code.length)).toEqual({ matches: ["unit_price", "units"], start: code.length - 2, end: code.length });
  });

  it("uses every DataFrame in scope inside F.col(", () => {
    const code = 'F.col("am';
    expect(columnCompletions(code, code.length)?.matches).toEqual(["amount"]);
  });

  it("ignores strings that are not arguments, and positions outside strings", () => {
    expect(columnCompletions('const s = "un', 13)).toBeNull();
    expect(columnCompletions('ordersForTest.select("units") ', 29)).toBeNull();
  });
});
