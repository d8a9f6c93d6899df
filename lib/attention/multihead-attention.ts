import type { Param } from "../layers/layer";
import { createRng, type Rng } from "../random/rng";
import { matmulInto } from "../tensor/matmul";
import { Tensor, shapeError } from "../tensor/tensor";
import { type BlockSizes, attendBackwardInto, attendInto, stridedRows } from "./attend";

const EMPTY = new Tensor([0]);

/** Options of `MultiheadAttention`: biases on the projections (default true), a seeded generator, a name. */
export interface MultiheadAttentionOptions {
  bias?: boolean;
  rng?: Rng;
  name?: string;
}

/** Named values of the last forward: inputs [N, L, E], their projections q, k, v, each head's weights, the joined heads. */
export type MultiheadAttentionCache = {
  query: Tensor;
  key: Tensor;
  value: Tensor;
  q: Tensor;
  k: Tensor;
  v: Tensor;
  /** Every head's attention weights [N, heads, Lq, Lk]. */
  headWeights: Tensor;
  /** The heads' outputs side by side [N, Lq, E], before out_proj. */
  context: Tensor;
  output: Tensor;
  /** headWeights averaged over heads [N, Lq, Lk] (PyTorch's average_attn_weights=True). */
  weights: Tensor;
};

/**
 * Multi-head attention with PyTorch's parameter layout (`torch.nn.MultiheadAttention(E, numHeads, batch_first=True)`):
 * in_proj_weight = [W_q; W_k; W_v] of shape [3E, E], in_proj_bias [3E], out_proj W_o [E, E] and b_o [E].
 *
 *   q = query·W_qᵀ + b_q,  k = key·W_kᵀ + b_k,  v = value·W_vᵀ + b_v           (rows are positions)
 *   head_h = attention(q_h, k_h, v_h) on the columns h·d … (h+1)·d − 1,  d = E / numHeads,  scale 1/√d
 *   output = [head_1 … head_H]·W_oᵀ + b_o,   weights = mean over heads of each head's attention weights
 *
 * Inputs are batch-first [N, L, E]. The causal option is torch's is_causal mask (query i sees keys 0..i); other masks and
 * dropout are not supported. Gradients are PyTorch's: of the scalar whose gradient dOutput is (no 1/N), overwritten by
 * each backward. For self-attention (one tensor as query, key and value) its gradient is dQuery + dKey + dValue.
 * Initialized as PyTorch: in_proj Xavier-uniform, out_proj uniform in ±1/√E, biases 0.
 * @example
 *   const mha = new MultiheadAttention(8, 2);
 *   const { output, weights } = mha.forward(X, X, X, { causal: true });   // X [N, L, 8]
 *   mha.backward(dOutput); mha.dInProjWeight;
 */
export class MultiheadAttention {
  readonly kind = "multiheadAttention";
  readonly headDim: number;
  readonly inProjWeight: Tensor;
  readonly inProjBias: Tensor | null;
  readonly outProjWeight: Tensor;
  readonly outProjBias: Tensor | null;
  readonly dInProjWeight: Tensor;
  readonly dInProjBias: Tensor;
  readonly dOutProjWeight: Tensor;
  readonly dOutProjBias: Tensor;
  /** Values of the last forward; undefined before it. */
  cache!: MultiheadAttentionCache;
  name: string;
  private causal = false;
  // [E, E] views of W_q, W_k, W_v and of their gradients inside the [3E, E] arrays.
  private readonly W: Tensor[];
  private readonly dW: Tensor[];
  private buffers?: { N: number; Lq: number; Lk: number; dCtx: Tensor; dq: Tensor; dk: Tensor; dv: Tensor; dIn: Tensor[] };

  constructor(
    readonly embedDim: number,
    readonly numHeads: number,
    options: MultiheadAttentionOptions = {},
  ) {
    const E = embedDim;
    if (!Number.isInteger(E / numHeads) || numHeads < 1)
      throw new RangeError(`MultiheadAttention: embedDim ${E} must be divisible by numHeads ${numHeads}`);
    this.headDim = E / numHeads;
    this.name = options.name ?? "";
    const rng = options.rng ?? createRng(1),
      bias = options.bias ?? true;
    this.inProjWeight = new Tensor([3 * E, E]);
    const xavier = Math.sqrt(6 / (E + 3 * E)); // fan_in E, fan_out 3E for the [3E, E] matrix, as torch
    for (let i = 0; i < this.inProjWeight.size; i++) this.inProjWeight.data[i] = rng.uniform(-xavier, xavier);
    this.outProjWeight = new Tensor([E, E]);
    for (let i = 0; i < E * E; i++) this.outProjWeight.data[i] = rng.uniform(-1 / Math.sqrt(E), 1 / Math.sqrt(E));
    this.inProjBias = bias ? new Tensor([3 * E]) : null;
    this.outProjBias = bias ? new Tensor([E]) : null;
    this.dInProjWeight = new Tensor([3 * E, E]);
    this.dInProjBias = new Tensor([3 * E]);
    this.dOutProjWeight = new Tensor([E, E]);
    this.dOutProjBias = new Tensor([E]);
    const part = (T: Tensor, p: number) => new Tensor([E, E], T.data.subarray(p * E * E, (p + 1) * E * E));
    this.W = [0, 1, 2].map((p) => part(this.inProjWeight, p));
    this.dW = [0, 1, 2].map((p) => part(this.dInProjWeight, p));
  }

  /**
   * Attends from query [N, Lq, E] to key [N, Lk, E] and value [N, Lk, E]; returns the output [N, Lq, E] and the
   * head-averaged weights [N, Lq, Lk] (arrays owned by the layer, reused by the next call).
   */
  forward(query: Tensor, key: Tensor, value: Tensor, options: { causal?: boolean } = {}): { output: Tensor; weights: Tensor } {
    const E = this.embedDim,
      H = this.numHeads;
    for (const T of [query, key, value])
      if (T.shape.length !== 3 || T.shape[2] !== E || T.shape[0] !== query.shape[0])
        throw shapeError("MultiheadAttention.forward", [query.shape[0], 0, E], T.shape, "do not match: inputs are [N, L, E]");
    if (value.shape[1] !== key.shape[1])
      throw shapeError("MultiheadAttention.forward", key.shape, value.shape, "(key and value) do not match");
    const [N, Lq] = query.shape,
      Lk = key.shape[1];
    const c = this.prepare(N, Lq, Lk);
    c.query = query;
    c.key = key;
    c.value = value;
    this.causal = options.causal ?? false;
    const inputs = [query, key, value],
      projected = [c.q, c.k, c.v];
    for (let p = 0; p < 3; p++) this.project(projected[p], inputs[p], this.W[p], this.inProjBias, p * E);
    attendInto(
      stridedRows(c.q, E),
      stridedRows(c.k, E),
      stridedRows(c.v, E),
      this.blocks(N, Lq, Lk),
      this.causal,
      stridedRows(c.headWeights, Lk),
      stridedRows(c.context, E),
    );
    this.project(c.output, c.context, this.outProjWeight, this.outProjBias, 0);
    const w = c.weights.data,
      hw = c.headWeights.data,
      block = Lq * Lk;
    w.fill(0);
    for (let b = 0; b < N; b++)
      for (let h = 0; h < H; h++) for (let i = 0; i < block; i++) w[b * block + i] += hw[(b * H + h) * block + i] / H;
    return { output: c.output, weights: c.weights };
  }

  /**
   * From dOutput [N, Lq, E], fills dInProjWeight, dInProjBias, dOutProjWeight, dOutProjBias and returns the gradients
   * of query, key and value (arrays owned by the layer).
   */
  backward(dOutput: Tensor): { dQuery: Tensor; dKey: Tensor; dValue: Tensor } {
    const c = this.cache,
      B = this.buffers;
    if (c === undefined || B === undefined) throw new Error("MultiheadAttention.backward: call forward first");
    if (dOutput.size !== c.output.size)
      throw shapeError("MultiheadAttention.backward", c.output.shape, dOutput.shape, "(output and dOutput) do not match");
    const E = this.embedDim,
      { N, Lq, Lk } = B;
    // out_proj: dW_o = dOutᵀ·context, db_o = Σ_rows dOut, dContext = dOut·W_o
    const dOut = dOutput.reshape([N * Lq, E]);
    matmulInto(this.dOutProjWeight, dOut, c.context.reshape([N * Lq, E]), true, false);
    sumRowsInto(this.dOutProjBias.data, dOut.data, N * Lq, E, 0);
    matmulInto(B.dCtx, dOut, this.outProjWeight);
    attendBackwardInto(
      stridedRows(c.q, E),
      stridedRows(c.k, E),
      stridedRows(c.v, E),
      this.blocks(N, Lq, Lk),
      stridedRows(c.headWeights, Lk),
      stridedRows(B.dCtx, E),
      stridedRows(B.dq, E),
      stridedRows(B.dk, E),
      stridedRows(B.dv, E),
    );
    // in_proj, one block of rows per projection: dW_p = dpᵀ·input_p, db_p = Σ_rows dp, dInput_p = dp·W_p
    const grads = [B.dq, B.dk, B.dv],
      inputs = [c.query, c.key, c.value];
    for (let p = 0; p < 3; p++) {
      const rows = p === 0 ? N * Lq : N * Lk,
        g = grads[p].reshape([rows, E]);
      matmulInto(this.dW[p], g, inputs[p].reshape([rows, E]), true, false);
      sumRowsInto(this.dInProjBias.data, g.data, rows, E, p * E);
      matmulInto(B.dIn[p].reshape([rows, E]), g, this.W[p]);
    }
    return { dQuery: B.dIn[0], dKey: B.dIn[1], dValue: B.dIn[2] };
  }

  /** in_proj_weight and out_proj.weight (decayed), in_proj_bias and out_proj.bias (not decayed), named as PyTorch. */
  params(): Param[] {
    const prefix = this.name ? `${this.name}.` : "";
    const p = (key: string, value: Tensor, grad: Tensor, decay: boolean): Param => ({
      name: prefix + key,
      value: value.data,
      grad: grad.data,
      decay,
      shape: value.shape,
    });
    const list = [p("in_proj_weight", this.inProjWeight, this.dInProjWeight, true)];
    if (this.inProjBias) list.push(p("in_proj_bias", this.inProjBias, this.dInProjBias, false));
    list.push(p("out_proj.weight", this.outProjWeight, this.dOutProjWeight, true));
    if (this.outProjBias) list.push(p("out_proj.bias", this.outProjBias, this.dOutProjBias, false));
    return list;
  }

  // The attention blocks of N sequences: one per sequence and head, head h on the columns h·d … (h+1)·d − 1.
  private blocks(N: number, Lq: number, Lk: number): BlockSizes {
    const d = this.headDim;
    return { batch: N, heads: this.numHeads, Lq, Lk, d, dv: d, scale: 1 / Math.sqrt(d) };
  }

  // out [rows, E] ← X·Wᵀ + b[bo … bo + E) (b may be null), on [N, L, E] tensors seen as [N·L, E].
  private project(out: Tensor, X: Tensor, W: Tensor, b: Tensor | null, bo: number): void {
    const E = this.embedDim,
      rows = X.size / E;
    matmulInto(out.reshape([rows, E]), X.reshape([rows, E]), W, false, true);
    if (b === null) return;
    const o = out.data,
      bd = b.data;
    for (let r = 0; r < rows; r++) for (let a = 0; a < E; a++) o[r * E + a] += bd[bo + a];
  }

  // Buffers for N sequences of Lq queries and Lk keys, made when the sizes change.
  private prepare(N: number, Lq: number, Lk: number): MultiheadAttentionCache {
    const B = this.buffers;
    if (B !== undefined && B.N === N && B.Lq === Lq && B.Lk === Lk) return this.cache;
    const E = this.embedDim,
      H = this.numHeads,
      t = (...shape: number[]) => new Tensor(shape);
    this.cache = {
      query: EMPTY, // the caller's tensors, set by forward
      key: EMPTY,
      value: EMPTY,
      q: t(N, Lq, E),
      k: t(N, Lk, E),
      v: t(N, Lk, E),
      headWeights: t(N, H, Lq, Lk),
      context: t(N, Lq, E),
      output: t(N, Lq, E),
      weights: t(N, Lq, Lk),
    };
    this.buffers = {
      N,
      Lq,
      Lk,
      dCtx: t(N * Lq, E),
      dq: t(N, Lq, E),
      dk: t(N, Lk, E),
      dv: t(N, Lk, E),
      dIn: [t(N, Lq, E), t(N, Lk, E), t(N, Lk, E)],
    };
    return this.cache;
  }
}

// b[bo + a] ← Σ_r G[r, a] for a [rows, E] array G.
function sumRowsInto(b: Float64Array, g: Float64Array, rows: number, E: number, bo: number): void {
  for (let a = 0; a < E; a++) b[bo + a] = 0;
  for (let r = 0; r < rows; r++) for (let a = 0; a < E; a++) b[bo + a] += g[r * E + a];
}
