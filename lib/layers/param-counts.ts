// Parameter counts of layers the engine does not build (convolutions, embeddings, recurrent cells,
// attention): closed forms, checked in tests against PyTorch's published counts.

/**
 * Weights and biases of a dense (fully connected) layer: one weight per (input, output) pair and one bias per output.
 *
 *   count = n_out·n_in + n_out   (no bias term when bias is false)
 *
 * As `torch.nn.Linear(n_in, n_out)`.
 *
 * @example
 *   denseParamCount(784, 100);          // 78,500
 *   denseParamCount(784, 100, false);   // 78,400
 */
export function denseParamCount(nIn: number, nOut: number, bias = true): number {
  return nOut * nIn + (bias ? nOut : 0);
}

/**
 * Weights and biases of a 2-D convolution: one k_h×k_w kernel per (input channel, output channel) pair,
 * plus one bias per output channel.
 *
 *   count = c_out·(c_in·k_h·k_w) + c_out   (no bias term when bias is false)
 *
 * As `torch.nn.Conv2d(c_in, c_out, (k_h, k_w))` with groups=1.
 *
 * @example
 *   convParamCount(3, 64, 3);             // 1792
 *   convParamCount(64, 128, 1, 1, false); // 8192
 */
export function convParamCount(cIn: number, cOut: number, kH: number, kW = kH, bias = true): number {
  return cOut * cIn * kH * kW + (bias ? cOut : 0);
}

/**
 * Entries of an embedding table: one d-dimensional vector per token of the vocabulary.
 *
 *   count = V·d
 *
 * As `torch.nn.Embedding(V, d)`.
 *
 * @example
 *   embeddingParamCount(10000, 300);   // 3,000,000
 *   embeddingParamCount(50257, 768);   // 38,597,376 (GPT-2's token table)
 */
export function embeddingParamCount(vocab: number, dim: number): number {
  return vocab * dim;
}

/**
 * Parameters of a recurrent layer made of `blocks` gate blocks, each with an input matrix (n_h×n_x),
 * a recurrent matrix (n_h×n_h) and `biases` bias vectors of length n_h.
 *
 *   count = blocks·(n_h·(n_x + n_h) + biases·n_h)
 *
 * blocks = 1 (vanilla RNN), 4 (LSTM), 3 (GRU). PyTorch keeps two bias vectors (b_ih and b_hh), so
 * `biases: 2` matches `torch.nn.RNN/LSTM/GRU`; the textbook cell has one.
 *
 * @example
 *   recurrentParamCount(10, 20, 4, 2);   // 2560 = torch.nn.LSTM(10, 20)
 *   recurrentParamCount(10, 20, 4, 1);   // 2480 (one bias vector per gate)
 */
export function recurrentParamCount(nx: number, nh: number, blocks: 1 | 3 | 4, biases: 1 | 2 = 2): number {
  return blocks * (nh * (nx + nh) + biases * nh);
}

/**
 * Parameters of a vanilla (tanh) RNN layer: `recurrentParamCount` with one block.
 *
 *   count = n_h·(n_x + n_h) + biases·n_h
 *
 * @example
 *   rnnParamCount(10, 20);      // 640 = torch.nn.RNN(10, 20) (two bias vectors)
 *   rnnParamCount(10, 20, 1);   // 620
 */
export function rnnParamCount(nx: number, nh: number, biases: 1 | 2 = 2): number {
  return recurrentParamCount(nx, nh, 1, biases);
}

/**
 * Parameters of an LSTM layer: four gate blocks (input, forget, cell candidate, output).
 *
 *   count = 4·(n_h·(n_x + n_h) + biases·n_h)
 *
 * @example
 *   lstmParamCount(10, 20);      // 2560 = torch.nn.LSTM(10, 20)
 *   lstmParamCount(10, 20, 1);   // 2480
 */
export function lstmParamCount(nx: number, nh: number, biases: 1 | 2 = 2): number {
  return recurrentParamCount(nx, nh, 4, biases);
}

/**
 * Parameters of a GRU layer: three gate blocks (reset, update, candidate).
 *
 *   count = 3·(n_h·(n_x + n_h) + biases·n_h)
 *
 * @example
 *   gruParamCount(10, 20);      // 1920 = torch.nn.GRU(10, 20)
 *   gruParamCount(10, 20, 1);   // 1860
 */
export function gruParamCount(nx: number, nh: number, biases: 1 | 2 = 2): number {
  return recurrentParamCount(nx, nh, 3, biases);
}

/**
 * Parameters of multi-head attention with model width d: the Q, K, V and output projections, each d×d
 * plus a bias of length d. The number of heads does not change the count (the heads split d).
 *
 *   count = 4·(d² + d)   (4·d² without biases)
 *
 * As `torch.nn.MultiheadAttention(d, heads)` with kdim = vdim = d.
 *
 * @example
 *   multiHeadAttentionParamCount(512);          // 1,050,624
 *   multiHeadAttentionParamCount(512, false);   // 1,048,576
 */
export function multiHeadAttentionParamCount(d: number, bias = true): number {
  return 4 * (d * d + (bias ? d : 0));
}
