// The loops of BatchNorm and LayerNorm, written once for either axis. Both standardize a flat [n, m] array (features as
// rows, examples as columns) in groups: BatchNorm one group per feature over the m examples, LayerNorm one group per
// example over the n features; γ and β are per feature in both.

/** The axis a normalization averages over: "batch" (BatchNorm: one group per feature) or "features" (LayerNorm: one per example). */
export type NormAxis = "batch" | "features";

/**
 * Where the groups of a flat [n, m] array lie: group g (< groups) holds `count` values, the first at g·stride and the
 * next ones `step` apart. A layer keeps one and resets it with `of(n, m)` per call, so the loops allocate nothing.
 *
 *   "batch": groups = n, count = m, stride = m, step = 1      "features": groups = m, count = n, stride = 1, step = m
 *
 * @example
 *   const L = new NormLayout("features").of(16, 32);   // LayerNorm over 16 features, 32 examples
 *   L.groups;   // 32
 */
export class NormLayout {
  /** True when a group is a feature (row), as in BatchNorm: γ and β are then one number per group. */
  readonly byFeature: boolean;
  n = 0;
  m = 0;
  groups = 0;
  count = 0;
  stride = 0;
  step = 0;

  constructor(readonly over: NormAxis) {
    this.byFeature = over === "batch";
  }

  /** Sets the sizes for an [n, m] array; returns the layout. */
  of(n: number, m: number): this {
    const f = this.byFeature;
    this.n = n;
    this.m = m;
    this.groups = f ? n : m;
    this.count = f ? m : n;
    this.stride = f ? m : 1;
    this.step = f ? 1 : m;
    return this;
  }
}

/**
 * Mean and biased variance of each group of a flat [n, m] array, and (unless vu is null) the unbiased variance;
 * allocates nothing. mu, v, vu hold one entry per group (n for "batch", m for "features").
 *
 *   μ = (1/c)·Σ x,   σ² = (1/c)·Σ (x − μ)²,   σ²_unbiased = Σ (x − μ)²/(c − 1)      (c values per group)
 *
 * As torch.var_mean(x, unbiased=False) over the batch axis (dim 1) or the feature axis (dim 0).
 * @example
 *   momentsInto(X.data, new NormLayout("batch").of(n, m), mu, v, vu);       // per feature, as BatchNorm
 *   momentsInto(X.data, new NormLayout("features").of(n, m), mu, v, null);  // per example, as LayerNorm
 */
export function momentsInto(x: Float64Array, L: NormLayout, mu: Float64Array, v: Float64Array, vu: Float64Array | null): void {
  const { groups, count, stride, step } = L;
  for (let g = 0; g < groups; g++) {
    const start = g * stride;
    let s = 0;
    for (let e = 0, o = start; e < count; e++, o += step) s += x[o];
    const mean = s / count;
    let ss = 0;
    for (let e = 0, o = start; e < count; e++, o += step) ss += (x[o] - mean) * (x[o] - mean);
    mu[g] = mean;
    v[g] = ss / count;
    if (vu !== null) vu[g] = ss / (count - 1); // NOTE: from ss, not from v, so that it is exactly Σ(x − μ)²/(c − 1)
  }
}

/**
 * Standardizes each group with the given statistics, then scales and shifts per feature; allocates nothing.
 * Writes invStd (one per group), xHat and A (both [n, m]).
 *
 *   1/σ = 1/√(σ² + ε),   x̂ = (x − μ)/√(σ² + ε),   A = γ ⊙ x̂ + β
 *
 * @example
 *   const L = new NormLayout("batch").of(n, m);
 *   normalizeInto(X.data, L, mu, v, 1e-5, invStd, xHat, A, gamma, beta);
 */
export function normalizeInto(
  x: Float64Array,
  L: NormLayout,
  mu: Float64Array,
  v: Float64Array,
  eps: number,
  invStd: Float64Array,
  xHat: Float64Array,
  A: Float64Array,
  gamma: Float64Array,
  beta: Float64Array,
): void {
  const { byFeature, groups, count, stride, step } = L;
  for (let g = 0; g < groups; g++) {
    const inv = (invStd[g] = 1 / Math.sqrt(v[g] + eps)),
      mean = mu[g];
    for (let e = 0, o = g * stride; e < count; e++, o += step) {
      const i = byFeature ? g : e; // the feature (row) of this value: γ and β are per feature
      xHat[o] = (x[o] - mean) * inv;
      A[o] = gamma[i] * xHat[o] + beta[i];
    }
  }
}

/**
 * The backward pass of `normalizeInto` from the per-example dA: writes dgamma, dbeta (of the mean cost) and dA_prev
 * (per example); allocates nothing. With `throughStats` false, μ and σ² are constants (BatchNorm in eval mode) and
 * only the direct path remains.
 *
 *   dβ = (1/m)·Σ_j dA,   dγ = (1/m)·Σ_j dA ⊙ x̂,   dx̂ = γ ⊙ dA
 *   dA_prev = (dx̂ − mean(dx̂) − x̂·mean(dx̂ ⊙ x̂))/√(σ² + ε)      (means over each group)
 *
 * Over the batch (BatchNorm) the group means are γ·dβ and γ·dγ, so they are not summed again.
 * @example
 *   normalizeBackwardInto(dA.data, xHat, gamma, invStd, new NormLayout("batch").of(n, m), this.training, dA_prev, dgamma, dbeta);
 *   normalizeBackwardInto(dA.data, xHat, gamma, invStd, new NormLayout("features").of(n, m), true, dA_prev, dgamma, dbeta);
 */
export function normalizeBackwardInto(
  dA: Float64Array,
  xHat: Float64Array,
  gamma: Float64Array,
  invStd: Float64Array,
  L: NormLayout,
  throughStats: boolean,
  dA_prev: Float64Array,
  dgamma: Float64Array,
  dbeta: Float64Array,
): void {
  const { n, m, byFeature, groups, count, stride, step } = L;
  for (let i = 0; i < n; i++) {
    const row = i * m;
    let sb = 0,
      sg = 0;
    for (let j = 0; j < m; j++) {
      sb += dA[row + j];
      sg += dA[row + j] * xHat[row + j];
    }
    dbeta[i] = sb / m;
    dgamma[i] = sg / m;
  }
  for (let g = 0; g < groups; g++) {
    const start = g * stride;
    // The group's means of dx̂ and dx̂ ⊙ x̂. Over the batch γ is one number per group, so it moves into k and the
    // means left are those of dA and dA ⊙ x̂: dβ and dγ, just computed.
    let s1 = 0,
      s2 = 0;
    if (byFeature) {
      s1 = dbeta[g];
      s2 = dgamma[g];
    } else {
      for (let e = 0, o = start; e < count; e++, o += step) {
        const d = gamma[e] * dA[o];
        s1 += d;
        s2 += d * xHat[o];
      }
      s1 /= count;
      s2 /= count;
    }
    const k = (byFeature ? gamma[g] : 1) * invStd[g];
    for (let e = 0, o = start; e < count; e++, o += step) {
      const d = (byFeature ? 1 : gamma[e]) * dA[o];
      // NOTE: in eval mode μ and σ² are constants, so only the direct path γ/√(σ² + ε)·dA remains.
      dA_prev[o] = throughStats ? (d - s1 - xHat[o] * s2) * k : d * k;
    }
  }
}
