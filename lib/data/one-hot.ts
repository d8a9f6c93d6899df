import { Tensor } from "../tensor/tensor";

function checkIndex(op: string, c: number, K: number, at: number): void {
  if (!Number.isInteger(c) || c < 0 || c >= K) throw new RangeError(`${op}: index ${c} at position ${at} is not in 0…${K - 1}`);
}

/**
 * One-hot columns: column j has a 1 in row indices[j] and 0 elsewhere (examples are columns).
 *
 *   out[k, j] = 1 if k = indices[j], else 0        out [K, n]
 *
 * As torch.nn.functional.one_hot(indices, K).T.
 * @example
 *   oneHot([2, 0], 3).toArray();   // [[0, 1], [0, 0], [1, 0]]
 *   oneHot(encodeChars("hi", vocab), vocab.length);
 */
export function oneHot(indices: ArrayLike<number>, K: number): Tensor {
  const n = indices.length,
    out = new Tensor([K, n]);
  for (let j = 0; j < n; j++) {
    checkIndex("oneHot", indices[j], K, j);
    out.data[indices[j] * n + j] = 1;
  }
  return out;
}

/**
 * A sequence of one-hot steps from token indices stored step by step (tokens[t·m + j] is example j at step t).
 *
 *   out[t, k, j] = 1 if k = tokens[t·m + j], else 0        out [T, K, m]
 *
 * The input form the engine's recurrent layers take (see `RNN`).
 * @example
 *   oneHotSequence([0, 1, 1, 2], 2, 2, 3).shape;   // [2, 3, 2]
 *   rnn.forward(oneHotSequence(tokens, T, m, vocab.length));
 */
export function oneHotSequence(tokens: ArrayLike<number>, T: number, m: number, K: number): Tensor {
  if (tokens.length !== T * m) throw new RangeError(`oneHotSequence: ${tokens.length} tokens do not fill T·m = ${T}·${m}`);
  const out = new Tensor([T, K, m]);
  for (let t = 0; t < T; t++) {
    for (let j = 0; j < m; j++) {
      const c = tokens[t * m + j];
      checkIndex("oneHotSequence", c, K, t * m + j);
      out.data[(t * K + c) * m + j] = 1;
    }
  }
  return out;
}
