import { Tensor, shapeError } from "../tensor/tensor";
import { attendBackwardInto, attendInto, type Strided } from "./attend";

/** Options of `attentionForward`: a causal mask (torch's is_causal) and the score scale (default 1/√E). */
export interface AttentionOptions {
  /** Query i sees keys 0..i only (default false). */
  causal?: boolean;
  /** Multiplies Q·Kᵀ (default 1/√E, E the query width). */
  scale?: number;
}

/** Gradients of `attentionForward`'s inputs. */
export type AttentionGrads = { dQ: Tensor; dK: Tensor; dV: Tensor };

// Checks Q [..., Lq, E], K [..., Lk, E], V [..., Lk, Ev] with equal leading axes; returns B (their product) and the sizes.
function sizes(Q: Tensor, K: Tensor, V: Tensor, who: string) {
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
  return { B, Lq, Lk, E, Ev, lead: Q.shape.slice(0, r - 2) };
}

const view = (T: Tensor, stride: number): Strided => ({ data: T.data, offset: 0, stride });

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
  const { Lq, Lk, Ev, lead } = sizes(Q, K, V, "attentionForward");
  const output = new Tensor([...lead, Lq, Ev]),
    weights = new Tensor([...lead, Lq, Lk]);
  attentionForwardInto(output, weights, Q, K, V, options);
  return { output, weights };
}

/**
 * `attentionForward` written into preallocated `output` [..., Lq, Ev] and `weights` [..., Lq, Lk]; no array is allocated (only small views).
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
  const { B, Lq, Lk, E, Ev } = sizes(Q, K, V, "attentionForward");
  if (output.size !== B * Lq * Ev || weights.size !== B * Lq * Lk)
    throw shapeError("attentionForward", [B, Lq, Ev], output.shape, "(expected and output) do not match");
  const n = { Lq, Lk, d: E, dv: Ev, scale: options.scale ?? 1 / Math.sqrt(E) },
    causal = options.causal ?? false;
  const q = view(Q, E),
    k = view(K, E),
    v = view(V, Ev),
    P = view(weights, Lk),
    O = view(output, Ev);
  for (let b = 0; b < B; b++) {
    q.offset = b * Lq * E;
    k.offset = b * Lk * E;
    v.offset = b * Lk * Ev;
    P.offset = b * Lq * Lk;
    O.offset = b * Lq * Ev;
    attendInto(q, k, v, n, causal, P, O);
  }
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

let scratch = new Float64Array(0); // dP of one query row; grows to the longest key sequence seen

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
  const { B, Lq, Lk, E, Ev } = sizes(Q, K, V, "attentionBackward");
  if (dO.size !== B * Lq * Ev || weights.size !== B * Lq * Lk)
    throw shapeError("attentionBackward", [B, Lq, Ev], dO.shape, "(output and dO) do not match");
  const { dQ, dK, dV } = grads;
  if (dQ.size !== Q.size || dK.size !== K.size || dV.size !== V.size)
    throw shapeError("attentionBackward", Q.shape, dQ.shape, "(inputs and their gradients) do not match");
  if (scratch.length < Lk) scratch = new Float64Array(Lk);
  const n = { Lq, Lk, d: E, dv: Ev, scale: options.scale ?? 1 / Math.sqrt(E) };
  const q = view(Q, E),
    k = view(K, E),
    v = view(V, Ev),
    P = view(weights, Lk),
    gO = view(dO, Ev),
    gQ = view(dQ, E),
    gK = view(dK, E),
    gV = view(dV, Ev);
  for (let b = 0; b < B; b++) {
    q.offset = gQ.offset = b * Lq * E;
    k.offset = gK.offset = b * Lk * E;
    v.offset = gV.offset = b * Lk * Ev;
    P.offset = b * Lq * Lk;
    gO.offset = b * Lq * Ev;
    attendBackwardInto(q, k, v, n, P, gO, gQ, gK, gV, scratch);
  }
}
