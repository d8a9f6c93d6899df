import { describe, expect, it } from "vitest";
import { readApi } from "../../../src/build/api-docs";

describe("readApi", () => {
  const api = readApi("lib");
  const all = api.flatMap((f) => f.entries.map((e) => ({ ...e, path: f.path })));

  it("finds the engine's exports", () => {
    expect(all.map((e) => e.name)).toEqual(expect.arrayContaining(["Tensor", "createRng"]));
    expect(all.find((e) => e.name === "createRng")?.signature).toMatch(/^export function createRng\(seed = 1\): Rng$/);
  });

  it("every exported function, class and const in lib/ has a doc comment", () => {
    const undocumented = all.filter((e) => e.kind !== "type" && e.kind !== "interface" && e.doc === "" && !e.path.endsWith("index.ts"));
    expect(undocumented.map((e) => `${e.path}: ${e.name}`)).toEqual([]);
  });
});
