import { describe, expect, it } from "vitest";
import { homeTopics, isSecondaryPage, rankSections } from "../../../src/components/frame/search-weight";

describe("search ranking helpers", () => {
  it("isSecondaryPage is true for the question pages, the exercises and the engine reference only", () => {
    expect(isSecondaryPage("questions")).toBe(true);
    expect(isSecondaryPage("questions/adam")).toBe(true);
    expect(isSecondaryPage("reference/engine")).toBe(true);
    expect(isSecondaryPage("exercises")).toBe(true);
    expect(isSecondaryPage("chapters/04-optimization-algorithms")).toBe(false);
    expect(isSecondaryPage("questionsx")).toBe(false);
  });

  it("homeTopics gives a chapter the topics most of whose questions link into it, ties to the earlier chapter", () => {
    const q = (id: string, chapter: string) => ({ id, chapter });
    const bank = [
      q("adam/a", "04-opt"),
      q("adam/b", "04-opt"),
      q("adam/c", "09-interview"),
      q("backpropagation/a", "03-train"),
      q("backpropagation/b", "06-vanishing"),
      q("backpropagation/c", "03-train"),
      q("tie/a", "05-reg"),
      q("tie/b", "02-found"),
    ];
    expect(homeTopics(bank, "04-opt")).toEqual(["adam"]);
    expect(homeTopics(bank, "03-train")).toEqual(["backpropagation"]);
    expect(homeTopics(bank, "02-found")).toEqual(["tie"]);
    expect(homeTopics(bank, "09-interview")).toEqual([]);
  });

  it("rankSections puts the sections with the strongest single match (a heading) first, the rest in page order", () => {
    const s = (name: string, ...scores: number[]) => ({ name, weighted_locations: scores.map((balanced_score) => ({ balanced_score })) });
    const sections = [
      s("intro", 200, 200, 200),
      s("adam", 7200, 200),
      s("bias", 200, 200, 200, 200),
      s("adamw", 7200, 200, 200, 200),
      s("none"),
    ];
    expect(rankSections(sections).map((x) => x.name)).toEqual(["adam", "adamw", "intro"]);
    expect(rankSections(sections, 10).map((x) => x.name)).toEqual(["adam", "adamw", "intro", "bias", "none"]);
  });
});
