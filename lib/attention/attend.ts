// The inner loops of attention on flat arrays, shared by attentionForward (one contiguous block per batch entry) and
// MultiheadAttention (each head is a column slice of width d inside rows of width E).

/**
 * A matrix inside a flat array: row i starts at offset + i·stride. Callers make one per operand and move its
 * offset from block to block, so the loops allocate nothing.
 * @example
 *   const q: Strided = { data: Q.data, offset: h * d, stride: E };   // head h of rows of width E
 */
export interface Strided {
  data: Float64Array;
  offset: number;
  stride: number;
}

/** The sizes of one attention block: Lq queries, Lk keys, query/key width d, value width dv, and the score scale. */
export interface BlockSizes {
  Lq: number;
  Lk: number;
  d: number;
  dv: number;
  scale: number;
}

/**
 * One attention block: scores, masked row softmax, and the weighted sum of values; allocates nothing.
 * The weights P are written as a contiguous Lq × Lk block at P.offset (its stride is ignored).
 *
 *   S = scale·Q·Kᵀ,  S[i, j] = −∞ for j > i when causal,  P = softmax(S) row by row,  O = P·V
 *
 * @example
 *   attendInto(q, k, v, { Lq, Lk, d, dv, scale: 1 / Math.sqrt(d) }, false, P, O);
 */
export function attendInto(q: Strided, k: Strided, v: Strided, n: BlockSizes, causal: boolean, P: Strided, O: Strided): void {
  const { Lq, Lk, d, dv, scale } = n,
    qd = q.data,
    kd = k.data,
    vd = v.data,
    p = P.data,
    o = O.data;
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

/**
 * The backward pass of one attention block, overwriting the dQ, dK, dV blocks; `dP` is scratch of length ≥ Lk.
 *
 *   dV = Pᵀ·dO,  dP = dO·Vᵀ,  dS = P ⊙ (dP − rowsum(P ⊙ dP)),  dQ = scale·dS·K,  dK = scale·dSᵀ·Q
 *
 * Masked entries have P = 0, so their dS is 0 and they pass no gradient.
 * @example
 *   attendBackwardInto(q, k, v, sizes, P, dO, dQ, dK, dV, scratch);
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
  dP: Float64Array,
): void {
  const { Lq, Lk, d, dv, scale } = n,
    p = P.data,
    g = dO.data,
    gq = dQ.data,
    gk = dK.data,
    gv = dV.data;
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
