import { describe, expect, it } from "vitest";
import { dedent, normalizeOutput } from "../../../src/cells/cell-text";

describe("dedent", () => {
  it("dedent drops the blank outer lines and the indentation the lines share", () => {
    expect(dedent("\n    const a = 1;\n      if (a) {}\n    \n")).toBe("const a = 1;\n  if (a) {}");
  });
  it("dedent counts a tab as two spaces and ignores blank lines when measuring the indentation", () => {
    expect(dedent("\t\tx\n\n    y")).toBe("x\n\ny");
  });
  it("dedent of blank text is the empty string", () => {
    expect(dedent("\n  \n")).toBe("");
  });
});

describe("normalizeOutput", () => {
  it("normalizeOutput ignores trailing spaces and outer blank lines but keeps inner ones", () => {
    expect(normalizeOutput("\n[3, 2]  \n\n0.5\t\n\n")).toBe("[3, 2]\n\n0.5");
  });
});
