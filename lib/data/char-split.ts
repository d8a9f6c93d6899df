import { Tensor } from "../tensor/tensor";
import { charCorpus, charVocabulary, encodeChars } from "./char-corpus";
import { oneHotSequence } from "./one-hot";

/** Options of `charSplit`. */
export interface CharSplitOptions {
  /** Characters per window; default 20. */
  T?: number;
  /** Share of the text held out, measured from its end; the cut moves forward to the next sentence start. Default 0.2. */
  heldOut?: number;
  /** Characters between the starts of consecutive training windows; default 1 (every window). */
  trainStride?: number;
  /** Characters between the starts of consecutive held-out windows; default 1. */
  heldOutStride?: number;
  /** The text; default `charCorpus`. */
  text?: string;
}

/** Windows for next-character prediction: X one-hot [T, K, m], Y next-character indices [T, 1, m], and where each starts. */
export interface CharWindows {
  X: Tensor;
  Y: Tensor;
  starts: Int32Array;
}

/**
 * A text cut in two for next-character prediction: training windows lie wholly before the cut, held-out windows
 * wholly after it, so a loss on the held-out windows measures text the network never trained on. Both share the
 * whole text's vocabulary (the same one-hot coding).
 *
 *   cut = first sentence start at or after (1 − heldOut)·len
 *   training window at a: a + T ≤ cut − 1 (its last target is before the cut);  held-out window at a: a ≥ cut
 *
 * @example
 *   const { train, heldOut, vocab } = charSplit({ T: 24, trainStride: 2, heldOutStride: 4 });
 *   trainer.evaluate(heldOut.X, heldOut.Y);   // loss on the last sentences of the text
 */
export function charSplit({ T = 20, heldOut = 0.2, trainStride = 1, heldOutStride = 1, text = charCorpus }: CharSplitOptions = {}): {
  train: CharWindows;
  heldOut: CharWindows;
  vocab: string[];
  cut: number;
} {
  if (!(Number.isInteger(T) && T >= 1)) throw new RangeError(`charSplit: T must be a positive integer, got ${T}`);
  if (!(heldOut > 0 && heldOut < 1)) throw new RangeError(`charSplit: heldOut must lie between 0 and 1, got ${heldOut}`);
  const vocab = charVocabulary(text),
    tokens = encodeChars(text, vocab),
    K = vocab.length;
  const from = Math.ceil((1 - heldOut) * text.length),
    dot = text.indexOf(". ", from - 2);
  const cut = dot < 0 ? from : dot + 2;
  // Starts a with a + T ≤ end − 1: the window and its last target fit in [begin, end).
  const starts = (begin: number, end: number, stride: number) => {
    const out: number[] = [];
    for (let a = begin; a + T <= end - 1; a += stride) out.push(a);
    if (out.length === 0) throw new RangeError(`charSplit: ${end - begin} characters cannot hold a window of T + 1 = ${T + 1}`);
    return Int32Array.from(out);
  };
  return {
    train: windows(tokens, starts(0, cut, trainStride), T, K),
    heldOut: windows(tokens, starts(cut, text.length, heldOutStride), T, K),
    vocab,
    cut,
  };
}

/** The windows of a token list at the given starts: x_t = onehot(tokens[a + t]), y_t = tokens[a + t + 1]. */
function windows(tokens: Int32Array, starts: Int32Array, T: number, K: number): CharWindows {
  const m = starts.length,
    xs = new Int32Array(T * m),
    Y = new Tensor([T, 1, m]);
  for (let j = 0; j < m; j++) {
    for (let t = 0; t < T; t++) {
      xs[t * m + j] = tokens[starts[j] + t];
      Y.data[t * m + j] = tokens[starts[j] + t + 1];
    }
  }
  return { X: oneHotSequence(xs, T, m, K), Y, starts };
}
