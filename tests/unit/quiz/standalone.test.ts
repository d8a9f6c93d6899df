// Every question stands alone: practice, review and mock interviews show questions one at a time and in
// any order, so no prompt may lean on another question ("with the same batch", "the previous question").
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import yaml from "js-yaml";
import { filesUnder } from "../../../src/build/walk.mjs";

const LEANS_ON_ANOTHER = new RegExp(
  [
    "the same (batch|network|layer|model|data|numbers|setup|values)",
    "(previous|last|earlier|above|next) question",
    "as (before|above)",
    "from the (previous|last) question",
  ]
    .map((p) => String.raw`\b${p}\b`)
    .join("|"),
  "i",
);

describe("question bank", () => {
  it("no prompt refers to another question", () => {
    const leaning = filesUnder("content/questions", ".yaml")
      .map((path) => ({ path, prompt: String((yaml.load(readFileSync(path, "utf8")) as { prompt?: string }).prompt ?? "") }))
      .filter((q) => LEANS_ON_ANOTHER.test(q.prompt))
      .map((q) => `${q.path}: ${q.prompt.slice(0, 80)}`);
    expect(leaning).toEqual([]);
  });

  it("the check finds a prompt that leans on another question", () => {
    expect(LEANS_ON_ANOTHER.test("With the same batch, what is db?")).toBe(true);
    expect(LEANS_ON_ANOTHER.test("Using the previous question's answer, find v.")).toBe(true);
    expect(LEANS_ON_ANOTHER.test("A batch of m = 2 examples gives dZ = (0.2, −0.4).")).toBe(false);
  });
});
