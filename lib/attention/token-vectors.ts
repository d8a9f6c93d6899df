import { createRng } from "../random/rng";

/**
 * Splits text into lower-case words: runs of letters, digits and apostrophes; everything else separates.
 * @example
 *   tokenize("The cat, the mat.");   // ["the", "cat", "the", "mat"]
 */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
}

/** FNV-1a, 32 bits: a fixed, portable hash, so a word maps to the same seed in every browser. */
function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (const ch of word) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A fixed random vector for a word: d draws from N(0, 1) of a generator seeded by the word's hash (and `seed`).
 * Not a trained embedding: equal words get equal vectors, different words nearly orthogonal ones in large d.
 *
 *   x_word = [z_1 … z_d],   z_i ~ N(0, 1) from createRng(hash(word) xor seed)
 *
 * @example
 *   wordVector("cat", 4);                                       // the same four numbers on every call
 *   tokenVectors(["the", "cat", "the"], 8)[0] === tokenVectors(["the"], 8)[0];   // equal contents
 */
export function wordVector(word: string, d: number, seed = 0): number[] {
  const rng = createRng((hashWord(word) ^ seed) >>> 0);
  return Array.from({ length: d }, () => rng.normal(0, 1));
}

/**
 * One row per token: the words' fixed random vectors (`wordVector`), a T × d matrix as rows.
 * @example
 *   tokenVectors(tokenize("a b"), 4).length;   // 2
 */
export function tokenVectors(tokens: readonly string[], d: number, seed = 0): number[][] {
  return tokens.map((w) => wordVector(w, d, seed));
}
