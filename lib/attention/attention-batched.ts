import { Tensor, shapeError } from "../tensor/tensor";
import { type BlockSizes, attendBackwardInto, attendInto, stridedRows } from "./attend";

/** Options of `attentionForward`: a causal mask (torch's is_causal) and the score scale (default 1/√E). */
export interface AttentionOptions {
  /** Query i sees keys 0..i only (default false). */
  causal?: boolean;
  /** Multiplies Q·Kᵀ (default 1/√E, E the query width). */
  scale?: number;
}

/** Gradients of `attentionForward`'s inputs. */
export type AttentionGrads = { dQ: Tensor; dK: Tensor; dV: Tensor };

// Checks Q [..., Lq, E], K [..., Lk, E], V [..., Lk, Ev] with equal leading axes and, when given, an output-side O
// [..., Lq, Ev] (output or dO, named in `what`) with its weights [..., Lq, Lk]; returns the blocks' sizes (one block
// per batch entry: batch is the product of the leading axes) and those axes.
function blocks(who: string, Q: Tensor, K: Tensor, V: Tensor, options: AttentionOptions, O?: Tensor, weights?: Tensor, what = "") {
  const r = Q.shape.length;
  if (r < 2 || K.shape.length !== r || V.shape.length !== r) throw shapeError(who, Q.shape, K.shape, "(Q, K, V) need the same rank ≥ 2");
  let B = 1;
  for (let a = 0; a < r - 2; a++) {
    if (K.shape[a] !== Q.shape[a] || V.shape[a] !== Q.shape[a]) throw shapeError(who, Q.shape, V.shape, "(Q, K, V) differ in a batch axis");
    B *= Q.shape[a];
  }
  const Lq = Q.shape[r - 2],
    E = Q.shape[r - 1],
    Lk = K.shape[r - 2],
    Ev = V.shape[r - 1];
  if (K.shape[r - 1] !== E) throw shapeError(who, Q.shape, K.shape, "(Q and K) need the same width E");
  if (V.shape[r - 2] !== Lk) throw shapeError(who, K.shape, V.shape, "(K and V) need one value per key");
  if (O !== undefined && weights !== undefined && (O.size !== B * Lq * Ev || weights.size !== B * Lq * Lk))
    throw shapeError(who, [B, Lq, Ev], O.shape, `(${what}) do not match`);
  const n: BlockSizes = { batch: B, heads: 1, Lq, Lk, d: E, dv: Ev, scale: options.scale ?? 1 / Math.sqrt(E) };
  return { n, lead: Q.shape.slice(0, r - 2) };
}

/**
 * Scaled dot-product attention on batches, as `torch.nn.functional.scaled_dot_product_attention` (no dropout), also
 * returning the attention weights. Q [..., Lq, E], K [..., Lk, E], V [..., Lk, Ev] share their leading (batch) axes.
 *
 *   weights = softmax(scale·Q·Kᵀ + M) row by row,   output = weights·V      (scale = 1/√E by default)
 *   M[i, j] = −∞ for j > i when causal (query i sees keys 0..i), else 0
 *
 * `scaledDotProductAttention` is the same for one small rows-of-numbers block.
 * @example
 *   const { output, weights } = attentionForward(Q, K, V, { causal: true });   // Q, K, V [2, 4, 8]
 *   weights.shape;   // [2, 4, 4], lower triangular
 */
export function attentionForward(Q: Tensor, K: Tensor, V: Tensor, options: AttentionOptions = {}): { output: Tensor; weights: Tensor } {
  const { n, lead } = blocks("attentionForward", Q, K, V, options);
  const output = new Tensor([...lead, n.Lq, n.dv]),
    weights = new Tensor([...lead, n.Lq, n.Lk]);
  attentionForwardInto(output, weights, Q, K, V, options);
  return { output, weights };
}

/**
 * `attentionForward` written into preallocated `output` [..., Lq, Ev] and `weights` [..., Lq, Lk]; no array is allocated
 * (only small views).
 *
 *   output, weights ← attentionForward(Q, K, V)
 *
 * @example
 *   attentionForwardInto(O, P, Q, K, V, { causal: true });
 */
export function attentionForwardInto(
  output: Tensor,
  weights: Tensor,
  Q: Tensor,
  K: Tensor,
  V: Tensor,
  options: AttentionOptions = {},
): void {
  const { n } = blocks("attentionForward", Q, K, V, options, output, weights, "expected and output");
  attendInto(
    stridedRows(Q, n.d),
    stridedRows(K, n.d),
    stridedRows(V, n.dv),
    n,
    options.causal ?? false,
    stridedRows(weights, n.Lk),
    stridedRows(output, n.dv),
  );
}

/**
 * The backward pass of `attentionForward` from dO = ∂L/∂output and the forward's weights P (as PyTorch's autograd).
 *
 *   dV = Pᵀ·dO,  dP = dO·Vᵀ,  dS = P ⊙ (dP − rowsum(P ⊙ dP)),  dQ = scale·dS·K,  dK = scale·dSᵀ·Q
 *
 * @example
 *   const { output, weights } = attentionForward(Q, K, V, { causal: true });
 *   attentionBackward(dO, Q, K, V, weights, { causal: true });   // { dQ, dK, dV }
 */
export function attentionBackward(
  dO: Tensor,
  Q: Tensor,
  K: Tensor,
  V: Tensor,
  weights: Tensor,
  options: AttentionOptions = {},
): AttentionGrads {
  const grads = { dQ: new Tensor(Q.shape), dK: new Tensor(K.shape), dV: new Tensor(V.shape) };
  attentionBackwardInto(grads, dO, Q, K, V, weights, options);
  return grads;
}

/**
 * `attentionBackward` written into preallocated dQ, dK, dV (overwritten); no array is allocated once warmed up.
 *
 *   dQ, dK, dV ← attentionBackward(dO, Q, K, V, weights)
 *
 * The causal option is not needed here (the masked weights are 0) but accepted, so both calls take the same options.
 * @example
 *   attentionBackwardInto({ dQ, dK, dV }, dO, Q, K, V, weights);
 */
export function attentionBackwardInto(
  grads: AttentionGrads,
  dO: Tensor,
  Q: Tensor,
  K: Tensor,
  V: Tensor,
  weights: Tensor,
  options: AttentionOptions = {},
): void {
  const { n } = blocks("attentionBackward", Q, K, V, options, dO, weights, "output and dO"),
    { dQ, dK, dV } = grads;
  if (dQ.size !== Q.size || dK.size !== K.size || dV.size !== V.size)
    throw shapeError("attentionBackward", Q.shape, dQ.shape, "(inputs and their gradients) do not match");
  const E = n.d,
    Ev = n.dv;
  attendBackwardInto(
    stridedRows(Q, E),
    stridedRows(K, E),
    stridedRows(V, Ev),
    n,
    stridedRows(weights, n.Lk),
    stridedRows(dO, Ev),
    stridedRows(dQ, E),
    stridedRows(dK, E),
    stridedRows(dV, Ev),
  );
}
