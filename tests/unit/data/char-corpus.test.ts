import { describe, expect, it } from "vitest";
import { charCorpus, charSequences, charVocabulary, decodeChars, encodeChars } from "../../../lib/data/char-corpus";
import { argmaxColumn } from "../../../lib/tensor/argmax";
import { stepOf } from "../../../lib/rnn/sequence";

describe("character corpus", () => {
  it("charVocabulary lists the corpus's distinct characters in sorted order", () => {
    const vocab = charVocabulary(charCorpus);
    expect(vocab.length).toBe(26);
    expect(vocab.slice(0, 4)).toEqual([" ", ",", ".", "a"]);
    expect(charVocabulary("abca")).toEqual(["a", "b", "c"]);
  });

  it("encodeChars and decodeChars are inverse on the corpus", () => {
    const vocab = charVocabulary(charCorpus),
      tokens = encodeChars(charCorpus, vocab);
    expect(tokens.length).toBe(charCorpus.length);
    expect(decodeChars(tokens, vocab)).toBe(charCorpus);
    expect(() => encodeChars("jazz", vocab)).toThrow(/'j'/);
  });

  it("charSequences: x_t is one-hot text[a + t] and y_t is text[a + t + 1]", () => {
    const { X, Y, vocab, starts } = charSequences({ m: 4, T: 12, seed: 3 });
    expect(X.shape).toEqual([12, 26, 4]);
    for (let j = 0; j < 4; j++) {
      const window = charCorpus.slice(starts[j], starts[j] + 13);
      let read = "",
        next = "";
      for (let t = 0; t < 12; t++) {
        read += vocab[argmaxColumn(stepOf(X, t), j)];
        next += vocab[Y.data[t * 4 + j]];
      }
      expect(read).toBe(window.slice(0, 12));
      expect(next).toBe(window.slice(1));
    }
  });

  it("charSequences: the same seed gives the same windows", () => {
    expect(Array.from(charSequences({ seed: 5 }).starts)).toEqual(Array.from(charSequences({ seed: 5 }).starts));
    expect(Array.from(charSequences({ seed: 5 }).starts)).not.toEqual(Array.from(charSequences({ seed: 6 }).starts));
  });
});
