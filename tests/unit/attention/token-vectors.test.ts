import { describe, expect, it } from "vitest";
import { tokenVectors, tokenize, wordVector } from "../../../lib";

describe("token vectors", () => {
  it("tokenize lower-cases and splits on everything but letters, digits and apostrophes", () => {
    expect(tokenize("The cat, the MAT! It's 2 o'clock.")).toEqual(["the", "cat", "the", "mat", "it's", "2", "o'clock"]);
    expect(tokenize("  ,. ")).toEqual([]);
  });

  it("wordVector gives equal words equal vectors and a different seed different ones", () => {
    expect(wordVector("cat", 6)).toEqual(wordVector("cat", 6));
    expect(wordVector("cat", 6)).not.toEqual(wordVector("dog", 6));
    expect(wordVector("cat", 6, 1)).not.toEqual(wordVector("cat", 6));
    const [a, b, c] = tokenVectors(["the", "cat", "the"], 5);
    expect(c).toEqual(a);
    expect(b).not.toEqual(a);
  });

  it("wordVector draws entries of mean about 0 and variance about 1", () => {
    const xs = wordVector("variance", 20000);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });
});
