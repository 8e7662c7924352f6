/**
 * The function registry is built from explicit per-group lists (src/functions/index.ts), not
 * from import side effects: every listed function resolves by its name and aliases to its own
 * definition (no list silently overrides another), the registry holds nothing unlisted, and
 * every group file with definitions is listed and registers nothing itself.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FUNCTION_LISTS, functionNames, lookupFunction } from "../../src/functions/index.js";

const ROOT = join(__dirname, "../../src/functions");
const groupFiles = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(ROOT, d.name)).filter((f) => f.endsWith(".ts")).map((f) => `${d.name}/${f.slice(0, -3)}`))
  .sort();

describe("function registry lists", () => {
  it("every listed function resolves, by name and by alias, to its own definition", () => {
    let count = 0;
    for (const [file, list] of FUNCTION_LISTS) {
      expect(list.length, `${file} lists no function`).toBeGreaterThan(0);
      for (const def of list) {
        for (const name of [def.name, ...(def.aliases ?? [])]) {
          expect(lookupFunction(name) === def, `${name} (listed in ${file}) resolves to another definition`).toBe(true);
          expect(lookupFunction(name.toUpperCase()) === def, `${name} is not case-insensitive`).toBe(true);
          count++;
        }
      }
    }
    expect(count).toBe(functionNames().length);
  });

  it("the registry holds no function that no list names", () => {
    const listed = new Set(FUNCTION_LISTS.flatMap(([, list]) => list.flatMap((d) => [d.name, ...(d.aliases ?? [])].map((n) => n.toLowerCase()))));
    expect(functionNames().filter((n) => !listed.has(n))).toEqual([]);
  });

  it("every group file that defines functions is listed, under its own path", async () => {
    const listedFiles = new Map(FUNCTION_LISTS.map(([file, list]) => [list, file]));
    const defining: string[] = [];
    for (const file of groupFiles) {
      const mod = (await import(join(ROOT, `${file}.js`))) as { definitions?: unknown };
      if (!mod.definitions) continue;
      defining.push(file);
      expect(listedFiles.get(mod.definitions as never), `src/functions/${file}.ts exports definitions but index.ts does not list them`).toBe(file);
    }
    expect(defining.sort()).toEqual(FUNCTION_LISTS.map(([f]) => f).sort());
  });

  it("no group file registers on import", () => {
    const registering = groupFiles.filter((f) => /\bregister\(/.test(readFileSync(join(ROOT, `${f}.ts`), "utf8")));
    expect(registering).toEqual([]);
  });
});
