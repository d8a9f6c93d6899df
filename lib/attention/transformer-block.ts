// One decoder-only transformer block as a sequence layer, so the engine's Trainer trains it exactly as it trains an
// LSTM with a read-out: one-hot characters [T, K, m] in, next-character logits [T, K, m] out. Longer than one idea
// per file usually allows (about 250 lines) because its forward and backward must be read side by side.
import { Dense } from "../layers/dense";
import { LayerBase } from "../layers/layer-base";
import type { Layer, Param } from "../layers/layer";
import { LayerNorm } from "../layers/layer-norm";
import { createRng, type Rng } from "../random/rng";
import { Tensor, shapeError } from "../tensor/tensor";
import { MultiheadAttention } from "./multihead-attention";
import { sinusoidalPositionalEncoding } from "./positional-encoding";

/** Options of `TransformerBlock`: feed-forward width (default 2·E), longest sequence (default 32), seeded generator, name. */
export interface TransformerBlockOptions {
  ffDim?: number;
  context?: number;
  rng?: Rng;
  name?: string;
}

/** Named values of the last forward, features as rows and one column per position c = j·T + t (sequence j, step t). */
export type TransformerBlockCache = {
  X: Tensor;
  /** Token embedding plus positional encoding [E, T·m]. */
  S0: Tensor;
  /** After the attention residual [E, T·m]. */
  S1: Tensor;
  /** After the feed-forward residual [E, T·m]. */
  S2: Tensor;
  /** Logits per step [T, K, m]. */
  Z: Tensor;
};
/** Named gradients of the last backward (per example, as every layer's): of the logits, the three streams and X. */
export type TransformerBlockGrads = { dZ: Tensor; dS0: Tensor; dS1: Tensor; dS2: Tensor; dX: Tensor };

/**
 * A pre-norm decoder block (PyTorch's TransformerEncoderLayer with norm_first=True, activation ReLU, no dropout, and a
 * causal mask, which is what a decoder-only model stacks), between a token embedding and a read-out to characters:
 *
 *   s0_t = W_emb·x_t + PE(t)                      (one-hot x_t, sinusoidal PE, W_emb [E, K])
 *   s1 = s0 + MHA(LN1(s0)), causal               (position t attends to positions 0 … t only)
 *   s2 = s1 + W_2·ReLU(W_1·LN2(s1) + b_1) + b_2  (position-wise feed-forward, E → F → E)
 *   z_t = W_out·LNf(s2)_t + b_out                 (a final LayerNorm, as GPT-2 puts after its pre-norm blocks)
 *
 * Trained with sequenceLoss(softmaxCe) (log-sum-exp, so log-softmax is never rounded), J = Σ_t (1/m) Σ_j ℓ: parameter
 * gradients are ∂J/∂θ and dX is per example, like SequenceDense. Inputs longer than `context` steps are refused.
 * @example
 *   const block = new TransformerBlock(26, 16, 2, { rng: createRng(1) });
 *   const Z = block.forward(X); block.backward(dZ); block.attention.cache.weights;   // X [T, 26, m]
 */
export class TransformerBlock extends LayerBase<TransformerBlockCache, TransformerBlockGrads> {
  readonly kind = "transformerBlock";
  readonly W_emb: Tensor;
  readonly dW_emb: Tensor;
  readonly ln1: LayerNorm;
  readonly attention: MultiheadAttention;
  readonly ln2: LayerNorm;
  readonly ff1: Dense;
  readonly ff2: Dense;
  readonly lnf: LayerNorm;
  readonly out: Dense;
  readonly context: number;
  /** PE(t) as a flat [context, E] table. */
  private readonly pe: Float64Array;
  private readonly work = new Map<number, { rows: Tensor; dRows: Tensor; dBranch: Tensor; back: Tensor }>();

  constructor(
    readonly vocab: number,
    readonly embedDim: number,
    readonly numHeads: number,
    options: TransformerBlockOptions = {},
  ) {
    super(options.name ?? "");
    const E = embedDim,
      F = options.ffDim ?? 2 * E,
      rng = options.rng ?? createRng(1);
    this.context = options.context ?? 32;
    this.W_emb = new Tensor([E, vocab]);
    // NOTE: N(0, 1) as torch.nn.Embedding, so the embedding and the ±1 positional encoding have the same scale.
    for (let i = 0; i < this.W_emb.size; i++) this.W_emb.data[i] = rng.normal(0, 1);
    this.dW_emb = new Tensor([E, vocab]);
    this.pe = Float64Array.from(sinusoidalPositionalEncoding(this.context, E).flat());
    this.ln1 = new LayerNorm(E, { name: "ln1" });
    this.attention = new MultiheadAttention(E, numHeads, { rng, name: "attn" });
    this.ln2 = new LayerNorm(E, { name: "ln2" });
    this.ff1 = new Dense(E, F, { activation: "relu", rng, name: "ff1" });
    this.ff2 = new Dense(F, E, { rng, name: "ff2" });
    this.lnf = new LayerNorm(E, { name: "lnf" });
    this.out = new Dense(E, vocab, { rng, name: "out" });
  }

  protected allocate(m: number, T: number) {
    const E = this.embedDim,
      M = T * m,
      t = (...shape: number[]) => new Tensor(shape);
    const X = t(T, this.vocab, m);
    return {
      cache: { X, S0: t(E, M), S1: t(E, M), S2: t(E, M), Z: t(T, this.vocab, m) },
      grads: { dZ: X, dS0: t(E, M), dS1: t(E, M), dS2: t(E, M), dX: t(T, this.vocab, m) },
    };
  }

  forward(X: Tensor): Tensor {
    const s = X.shape,
      E = this.embedDim,
      K = this.vocab;
    if (s.length !== 3 || s[1] !== K || s[0] > this.context)
      throw shapeError(
        "TransformerBlock.forward",
        [this.context, K, s[2] ?? 1],
        s,
        `do not fit: X is one-hot [T ≤ ${this.context}, ${K}, m]`,
      );
    const [T, , m] = s,
      M = T * m;
    this.useBatch(m, T);
    const c = this.cache,
      w = this.buffers(T, m);
    c.X = X;
    // s0[:, j·T + t] = W_emb·x_t⁽ʲ⁾ + PE(t); a one-hot column costs one column of W_emb
    const x = X.data,
      s0 = c.S0.data,
      We = this.W_emb.data;
    for (let t = 0; t < T; t++)
      for (let j = 0; j < m; j++) {
        const col = j * T + t;
        for (let i = 0; i < E; i++) s0[i * M + col] = this.pe[t * E + i];
        for (let k = 0; k < K; k++) {
          const v = x[(t * K + k) * m + j];
          if (v !== 0) for (let i = 0; i < E; i++) s0[i * M + col] += We[i * K + k] * v;
        }
      }
    // attention works on rows (batch-first [m, T, E]): the transpose of the [E, T·m] columns
    transposeInto(w.rows.data, this.ln1.forward(c.S0).data, E, M);
    const { output } = this.attention.forward(w.rows, w.rows, w.rows, { causal: true });
    transposeInto(c.S1.data, output.data, M, E);
    addInto(c.S1.data, s0);
    const ff = this.ff2.forward(this.ff1.forward(this.ln2.forward(c.S1)));
    addArrays(c.S2.data, c.S1.data, ff.data);
    const logits = this.out.forward(this.lnf.forward(c.S2)).data,
      z = c.Z.data;
    for (let k = 0; k < K; k++) for (let j = 0; j < m; j++) for (let t = 0; t < T; t++) z[(t * K + k) * m + j] = logits[k * M + j * T + t];
    return c.Z;
  }

  backward(dZ: Tensor, inputGrad = true): Tensor {
    const c = this.cache;
    if (c === undefined) throw new Error("TransformerBlock.backward: call forward first");
    if (dZ.size !== c.Z.size) throw shapeError("TransformerBlock.backward", c.Z.shape, dZ.shape, "(Z and dZ) do not match");
    const [T, K, m] = c.Z.shape,
      E = this.embedDim,
      M = T * m,
      g = this.grads,
      w = this.buffers(T, m);
    g.dZ = dZ;
    // logits [T, K, m] → the read-out's columns [K, T·m]
    const dlog = w.back,
      dz = dZ.data,
      dl = dlog.data;
    for (let k = 0; k < K; k++) for (let j = 0; j < m; j++) for (let t = 0; t < T; t++) dl[k * M + j * T + t] = dz[(t * K + k) * m + j];
    // s2 = s1 + FF(LN2(s1)): the residual passes dS2 on unchanged and adds the branch's gradient
    g.dS2.data.set(this.lnf.backward(this.out.backward(dlog)).data);
    addArrays(g.dS1.data, g.dS2.data, this.ln2.backward(this.ff1.backward(this.ff2.backward(g.dS2))).data);
    // s1 = s0 + MHA(LN1(s0)), through the batch-first rows; self-attention's input gradient is dQuery + dKey + dValue
    transposeInto(w.dRows.data, g.dS1.data, E, M);
    const { dQuery, dKey, dValue } = this.attention.backward(w.dRows);
    const rows = w.dRows.data;
    for (let i = 0; i < rows.length; i++) rows[i] = dQuery.data[i] + dKey.data[i] + dValue.data[i];
    transposeInto(w.dBranch.data, rows, M, E);
    addArrays(g.dS0.data, g.dS1.data, this.ln1.backward(w.dBranch).data);
    this.embeddingBackward(T, m, inputGrad);
    // NOTE: LayerNorm and Dense divide by their column count T·m, while J sums over steps and averages over sequences:
    // ∂J/∂θ is T times theirs. MultiheadAttention sums over everything, so its gradients are divided by m.
    for (const layer of [this.ln1, this.ln2, this.ff1, this.ff2, this.lnf, this.out]) for (const p of layer.params()) scale(p.grad, T);
    for (const p of this.attention.params()) scale(p.grad, 1 / m);
    return g.dX;
  }

  /** dW_emb = (1/m) Σ_columns dS0·xᵀ and, when asked, dX_t = W_embᵀ·ds0_t per example. */
  private embeddingBackward(T: number, m: number, inputGrad: boolean): void {
    const E = this.embedDim,
      K = this.vocab,
      M = T * m,
      x = this.cache.X.data,
      ds = this.grads.dS0.data,
      dW = this.dW_emb.data,
      We = this.W_emb.data,
      dx = this.grads.dX.data;
    dW.fill(0);
    for (let t = 0; t < T; t++)
      for (let j = 0; j < m; j++) {
        const col = j * T + t;
        for (let k = 0; k < K; k++) {
          const v = x[(t * K + k) * m + j];
          if (v !== 0) for (let i = 0; i < E; i++) dW[i * K + k] += (ds[i * M + col] * v) / m;
          if (!inputGrad) continue;
          let sum = 0;
          for (let i = 0; i < E; i++) sum += We[i * K + k] * ds[i * M + col];
          dx[(t * K + k) * m + j] = sum;
        }
      }
    if (!inputGrad) dx.fill(NaN);
  }

  /** Head-averaged attention weights of the last forward for sequence j: row t is how step t spreads over steps 0 … t. */
  attentionWeights(j = 0): number[][] {
    const W = this.attention.cache.weights,
      L = W.shape[1];
    return Array.from({ length: L }, (_, t) => Array.from(W.data.subarray((j * L + t) * L, (j * L + t + 1) * L)));
  }

  /** The embedding W_emb, then every sub-layer's parameters (attention in PyTorch's names), in forward order. */
  params(): Param[] {
    return [
      this.param("W_emb", this.W_emb, this.dW_emb, true),
      ...this.ln1.params(),
      ...this.attention.params(),
      ...this.ln2.params(),
      ...this.ff1.params(),
      ...this.ff2.params(),
      ...this.lnf.params(),
      ...this.out.params(),
    ];
  }

  children(): readonly Layer[] {
    return [this.ln1, this.ln2, this.ff1, this.ff2, this.lnf, this.out];
  }

  // Scratch for T steps of m sequences: attention's batch-first input and its gradient, the attention branch's
  // gradient as columns, and the read-out's gradient columns; made once per shape, as LayerBase makes its buffers.
  private buffers(T: number, m: number) {
    const key = T * 2097152 + m;
    let w = this.work.get(key);
    if (w === undefined) {
      const E = this.embedDim,
        rows = () => new Tensor([m, T, E]);
      w = { rows: rows(), dRows: rows(), dBranch: new Tensor([E, T * m]), back: new Tensor([this.vocab, T * m]) };
      this.work.set(key, w);
    }
    return w;
  }
}

// out[c, r] ← a[r, c] for a [rows, cols] array a.
function transposeInto(out: Float64Array, a: Float64Array, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = a[r * cols + c];
}

function addInto(out: Float64Array, a: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] += a[i];
}

function addArrays(out: Float64Array, a: Float64Array, b: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] = a[i] + b[i];
}

function scale(a: Float64Array, f: number): void {
  for (let i = 0; i < a.length; i++) a[i] *= f;
}
