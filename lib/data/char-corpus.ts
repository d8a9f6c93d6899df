import { Tensor } from "../tensor/tensor";
import { drawExamples, type SampleOptions } from "./dataset";
import { oneHotSequence } from "./one-hot";

/**
 * A small text written for the course (lower case, letters, spaces, commas and full stops), for character models.
 *
 *   733 characters, 26 distinct symbols (no j, q, z)
 *
 * @example
 *   charCorpus.length;                  // 733
 *   charVocabulary(charCorpus).length;  // 26: space, comma, full stop and 23 letters
 */
export const charCorpus =
  "a house with a big garden sells for more than a small flat in the same street. " +
  "the network does not know this at first. it starts with random weights and guesses badly. " +
  "after each guess it measures the error, and the gradient tells every weight which way to move. " +
  "step by step the guesses improve, the loss goes down, and the price of the next house comes closer. " +
  "a recurrent network reads a sentence one letter at a time. it keeps a small memory of what came before, " +
  "and it uses that memory to guess the letter that comes next. " +
  "when the memory fades too fast, the start of a long sentence is lost. gates help it decide what to keep. " +
  "learning is slow at first, then it becomes a habit, like walking home along a street you know well.";

/**
 * The distinct characters of a text in sorted order: position k is the character of class k.
 *
 *   vocab = sort(unique(text))
 *
 * @example
 *   charVocabulary("abca");   // ["a", "b", "c"]
 *   const vocab = charVocabulary(charCorpus);
 */
export function charVocabulary(text: string): string[] {
  return [...new Set(text)].sort();
}

/**
 * A text as class indices in a vocabulary (throws on a character the vocabulary lacks).
 *
 *   tokens[i] = vocab.indexOf(text[i])
 *
 * @example
 *   encodeChars("cab", ["a", "b", "c"]);          // Int32Array [2, 0, 1]
 *   decodeChars(encodeChars("cab", vocab), vocab); // "cab"
 */
export function encodeChars(text: string, vocab: readonly string[]): Int32Array {
  const index = new Map(vocab.map((c, k) => [c, k]));
  return Int32Array.from(text, (c, i) => {
    const k = index.get(c);
    if (k === undefined) throw new RangeError(`encodeChars: character '${c}' at ${i} is not in the vocabulary`);
    return k;
  });
}

/**
 * Class indices back to text.
 *
 *   text[i] = vocab[tokens[i]]
 *
 * @example
 *   decodeChars([2, 0, 1], ["a", "b", "c"]);   // "cab"
 *   decodeChars(argmaxColumns(logits), vocab);
 */
export function decodeChars(tokens: ArrayLike<number>, vocab: readonly string[]): string {
  let s = "";
  for (let i = 0; i < tokens.length; i++) s += vocab[tokens[i]] ?? "?";
  return s;
}

/** Options of `charSequences`: m windows (default 16; no noise), and these. */
export interface CharSequenceOptions extends Omit<SampleOptions, "noise"> {
  /** Characters per window; default 20. */
  T?: number;
  /** The text; default `charCorpus`. */
  text?: string;
}

/**
 * Random windows of a text for next-character prediction: X is one-hot [T, K, m], Y holds the next character's
 * index at every step [T, 1, m] (index targets, as `softmaxCe` takes them).
 *
 *   window j starts at a_j ~ U{0 … len − T − 1};   x_t = onehot(text[a_j + t]),  y_t = text[a_j + t + 1]
 *
 * @example
 *   const { X, Y, vocab } = charSequences({ m: 8, T: 25, seed: 4 });   // X [25, K, 8], Y [25, 1, 8]
 *   sequenceLossInto(losses.softmaxCe, dZ, readout.forward(rnn.forward(X)), Y);
 */
export function charSequences({ m = 16, T = 20, text = charCorpus, seed = 1 }: CharSequenceOptions = {}): {
  X: Tensor;
  Y: Tensor;
  vocab: string[];
  starts: Int32Array;
} {
  if (!(Number.isInteger(m) && m >= 1 && Number.isInteger(T) && T >= 1))
    throw new RangeError(`charSequences: m and T must be positive integers, got ${m}, ${T}`);
  if (text.length < T + 1) throw new RangeError(`charSequences: a text of ${text.length} characters is shorter than T + 1 = ${T + 1}`);
  const vocab = charVocabulary(text),
    tokens = encodeChars(text, vocab);
  const starts = new Int32Array(m),
    xs = new Int32Array(T * m),
    Y = new Tensor([T, 1, m]);
  drawExamples(m, seed, (j, rng) => {
    const a = rng.int(text.length - T);
    starts[j] = a;
    for (let t = 0; t < T; t++) {
      xs[t * m + j] = tokens[a + t];
      Y.data[t * m + j] = tokens[a + t + 1];
    }
  });
  return { X: oneHotSequence(xs, T, m, vocab.length), Y, vocab, starts };
}
