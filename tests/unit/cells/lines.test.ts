import { describe, expect, it } from "vitest";
import { cellLine, syntaxErrorLine } from "../../../src/cells/lines";

describe("lines", () => {
  it("cellLine reads the innermost frame in the cell's file and removes the header offset", () => {
    const stack =
      "TypeError: x\n    at helper (https://site/_astro/cell-worker.js:1:200)\n    at eval (dl-cell-7.js:6:3)\n    at eval (dl-cell-7.js:9:1)";
    expect(cellLine(stack, "dl-cell-7.js", 3)).toBe(4);
    expect(cellLine(stack, "dl-cell-8.js", 3)).toBeNull();
    expect(cellLine(undefined, "dl-cell-7.js", 3)).toBeNull();
  });

  it("syntaxErrorLine splits sucrase's position off the message", () => {
    expect(syntaxErrorLine("Unexpected token (2:11)")).toEqual({ message: "Unexpected token", line: 2 });
    expect(syntaxErrorLine("Something else")).toEqual({ message: "Something else", line: null });
  });
});
