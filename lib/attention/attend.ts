// The inner loops of attention on flat arrays, shared by attentionForward (one block per batch entry) and
// MultiheadAttention (one block per batch entry and head, each head a column slice of width d inside rows of width E).

/**
 * A matrix inside a flat array: row i starts at offset + i·stride. The loops below move the offset from block to
 * block, so they allocate nothing.
 * @example
 *   const q: Strided = { data: Q.data, offset: 0, stride: E };   // rows of width E, as stridedRows(Q, E)
 */
export interface Strided {
  data: Float64Array;
  offset: number;
  stride: number;
}

/**
 * A `Strided` view of a whole tensor's rows of width `stride`, starting at offset 0 (the loops below move the offset).
 *
 *   row i of T ↦ T.data[i·stride … i·stride + stride)
 *
 * @example
 *   const q = stridedRows(Q, E);   // Q [N, L, E]: row i of the N·L rows at i·E
 *   q.offset = h * d;              // head h's columns, as attendInto moves it
 */
export function stridedRows(T: { data: Float64Array }, stride: number): Strided {
  return { data: T.data, offset: 0, stride };
}

/**
 * The sizes of a set of attention blocks: `batch` entries × `heads` heads, each of Lq queries and Lk keys of width d,
 * values of width dv, and the score scale. Block (b, h) takes rows b·Lq … (queries, outputs) or b·Lk … (keys, values)
 * from column h·d (h·dv for values and outputs); its weights are the Lq × Lk block number b·heads + h of P.
 * @example
 *   const d = E / H;   // MultiheadAttention: N sequences × H heads
 *   const n: BlockSizes = { batch: N, heads: H, Lq, Lk, d, dv: d, scale: 1 / Math.sqrt(d) };
 */
export interface BlockSizes {
  batch: number;
  heads: number;
  Lq: number;
  Lk: number;
  d: number;
  dv: number;
  scale: number;
}

let dP = new Float64Array(0); // one query row of ∂L/∂P; grows to the longest key sequence seen

// Points q, k, v (or their gradients) and P at block (b, h).
function moveTo(n: BlockSizes, b: number, h: number, q: Strided, k: Strided, v: Strided, P: Strided): void {
  q.offset = b * n.Lq * q.stride + h * n.d;
  k.offset = b * n.Lk * k.stride + h * n.d;
  v.offset = b * n.Lk * v.stride + h * n.dv;
  P.offset = (b * n.heads + h) * n.Lq * n.Lk;
}

/**
 * Attention on every block of `n` (see `BlockSizes`): scores, masked row softmax, and the weighted sum of values;
 * writes the weights P (contiguous Lq × Lk blocks) and the output O; sets the views' offsets; allocates nothing.
 *
 *   S = scale·Q·Kᵀ,  S[i, j] = −∞ for j > i when causal,  P = softmax(S) row by row,  O = P·V
 *
 * @example
 *   const n: BlockSizes = { batch: N, heads: 1, Lq, Lk, d: E, dv: E, scale: 1 / Math.sqrt(E) };
 *   attendInto(stridedRows(Q, E), stridedRows(K, E), stridedRows(V, E), n, false, stridedRows(P, Lk), stridedRows(O, E));
 */
export function attendInto(q: Strided, k: Strided, v: Strided, n: BlockSizes, causal: boolean, P: Strided, O: Strided): void {
  const { Lq, Lk, d, dv, scale } = n,
    qd = q.data,
    kd = k.data,
    vd = v.data,
    p = P.data,
    o = O.data;
  for (let b = 0; b < n.batch; b++)
    for (let h = 0; h < n.heads; h++) {
      moveTo(n, b, h, q, k, v, P);
      O.offset = b * Lq * O.stride + h * dv;
      for (let i = 0; i < Lq; i++) {
        const seen = causal ? Math.min(i + 1, Lk) : Lk, // keys 0..i, as torch's is_causal (tril of ones(Lq, Lk))
          row = P.offset + i * Lk,
          qi = q.offset + i * q.stride;
        let max = Number.NEGATIVE_INFINITY;
        for (let j = 0; j < seen; j++) {
          const kj = k.offset + j * k.stride;
          let s = 0;
          for (let c = 0; c < d; c++) s += qd[qi + c] * kd[kj + c];
          s *= scale;
          p[row + j] = s;
          if (s > max) max = s;
        }
        let total = 0;
        for (let j = 0; j < seen; j++) {
          const e = Math.exp(p[row + j] - max); // NOTE: minus the row max, so no exponent is positive
          p[row + j] = e;
          total += e;
        }
        const inv = 1 / total;
        for (let j = 0; j < seen; j++) p[row + j] *= inv;
        for (let j = seen; j < Lk; j++) p[row + j] = 0;
        const oi = O.offset + i * O.stride;
        for (let c = 0; c < dv; c++) o[oi + c] = 0;
        for (let j = 0; j < seen; j++) {
          const w = p[row + j],
            vj = v.offset + j * v.stride;
          for (let c = 0; c < dv; c++) o[oi + c] += w * vd[vj + c];
        }
      }
    }
}

/**
 * The backward pass of `attendInto` on every block, overwriting dQ, dK, dV (laid out as q, k, v) from dO (laid out as
 * O); allocates nothing once its one-row scratch has grown to Lk.
 *
 *   dV = Pᵀ·dO,  dP = dO·Vᵀ,  dS = P ⊙ (dP − rowsum(P ⊙ dP)),  dQ = scale·dS·K,  dK = scale·dSᵀ·Q
 *
 * Masked entries have P = 0, so their dS is 0 and they pass no gradient.
 * @example
 *   attendInto(q, k, v, n, true, P, O);                      // the forward that filled P
 *   attendBackwardInto(q, k, v, n, P, dO, dQ, dK, dV);      // views of the same layout, dO as O
 */
export function attendBackwardInto(
  q: Strided,
  k: Strided,
  v: Strided,
  n: BlockSizes,
  P: Strided,
  dO: Strided,
  dQ: Strided,
  dK: Strided,
  dV: Strided,
): void {
  const { Lq, Lk, d, dv, scale } = n,
    p = P.data,
    g = dO.data,
    gq = dQ.data,
    gk = dK.data,
    gv = dV.data;
  if (dP.length < Lk) dP = new Float64Array(Lk);
  for (let b = 0; b < n.batch; b++)
    for (let h = 0; h < n.heads; h++) {
      moveTo(n, b, h, q, k, v, P);
      moveTo(n, b, h, dQ, dK, dV, P);
      dO.offset = b * Lq * dO.stride + h * dv;
      for (let j = 0; j < Lk; j++) {
        for (let c = 0; c < d; c++) gk[dK.offset + j * dK.stride + c] = 0;
        for (let c = 0; c < dv; c++) gv[dV.offset + j * dV.stride + c] = 0;
      }
      for (let i = 0; i < Lq; i++) {
        const row = P.offset + i * Lk,
          gi = dO.offset + i * dO.stride,
          qi = q.offset + i * q.stride,
          gqi = dQ.offset + i * dQ.stride;
        let rowDot = 0;
        for (let j = 0; j < Lk; j++) {
          const w = p[row + j],
            vj = v.offset + j * v.stride,
            gvj = dV.offset + j * dV.stride;
          let s = 0;
          for (let c = 0; c < dv; c++) {
            s += g[gi + c] * v.data[vj + c];
            gv[gvj + c] += w * g[gi + c];
          }
          dP[j] = s;
          rowDot += w * s;
        }
        for (let c = 0; c < d; c++) gq[gqi + c] = 0;
        for (let j = 0; j < Lk; j++) {
          const dS = p[row + j] * (dP[j] - rowDot) * scale;
          if (dS === 0) continue; // masked (or exactly saturated) weights pass nothing
          const kj = k.offset + j * k.stride,
            gkj = dK.offset + j * dK.stride;
          for (let c = 0; c < d; c++) {
            gq[gqi + c] += dS * k.data[kj + c];
            gk[gkj + c] += dS * q.data[qi + c];
          }
        }
      }
    }
}
