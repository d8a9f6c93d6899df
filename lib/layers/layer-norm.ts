import { Tensor, shapeError } from "../tensor/tensor";
import type { Param } from "./layer";
import { LayerBase } from "./layer-base";

/** Named values of a layer-norm layer's last forward (mu, var, invStd are [1, m]: one per example). */
export type LayerNormCache = { A_prev: Tensor; mu: Tensor; var: Tensor; invStd: Tensor; xHat: Tensor; A: Tensor };
/** Named gradients of a layer-norm layer's last backward. */
export type LayerNormGrads = { dA: Tensor; dgamma: Tensor; dbeta: Tensor; dA_prev: Tensor };

/**
 * Layer normalization: each example (column) is standardized over its n features, then scaled and shifted per feature.
 *
 *   μ = (1/n)Σ_i x_i,  σ² = (1/n)Σ_i (x_i − μ)²,  x̂ = (x − μ)/√(σ² + ε),  y = γ ⊙ x̂ + β
 *   backward: dx̂ = γ ⊙ dy,  dx = (dx̂ − mean_i(dx̂) − x̂·mean_i(dx̂ ⊙ x̂))/√(σ² + ε),  dγ = (1/m)Σ_j dy ⊙ x̂,  dβ = (1/m)Σ_j dy
 *
 * As torch.nn.LayerNorm(n) (ε = 1e-5, elementwise affine), features as rows; same in training and evaluation.
 * @example
 *   const ln = new LayerNorm(16);
 *   ln.forward(A); ln.cache.xHat;
 */
export class LayerNorm extends LayerBase<LayerNormCache, LayerNormGrads> {
  readonly kind = "layerNorm";
  readonly gamma: Tensor;
  readonly beta: Tensor;
  readonly dgamma: Tensor;
  readonly dbeta: Tensor;
  readonly eps: number;

  constructor(
    readonly n: number,
    options: { eps?: number; name?: string } = {},
  ) {
    super(options.name ?? "");
    this.eps = options.eps ?? 1e-5;
    this.gamma = Tensor.full([n, 1], 1);
    this.beta = new Tensor([n, 1]);
    this.dgamma = new Tensor([n, 1]);
    this.dbeta = new Tensor([n, 1]);
  }

  protected allocate(m: number) {
    const n = this.n,
      A = new Tensor([n, m]);
    return {
      cache: { A_prev: A, mu: new Tensor([1, m]), var: new Tensor([1, m]), invStd: new Tensor([1, m]), xHat: new Tensor([n, m]), A },
      grads: { dA: A, dgamma: this.dgamma, dbeta: this.dbeta, dA_prev: new Tensor([n, m]) },
    };
  }

  forward(A_prev: Tensor): Tensor {
    const n = this.n,
      m = A_prev.cols;
    if (A_prev.rows !== n) throw shapeError("LayerNorm.forward", [n, m], A_prev.shape, `do not match: expected ${n} features (rows)`);
    this.useBatch(m);
    const c = this.cache,
      x = A_prev.data,
      xh = c.xHat.data,
      y = c.A.data;
    const mu = c.mu.data,
      v = c.var.data,
      inv = c.invStd.data,
      g = this.gamma.data,
      b = this.beta.data;
    c.A_prev = A_prev;
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += x[i * m + j];
      const mean = s / n;
      let ss = 0;
      for (let i = 0; i < n; i++) ss += (x[i * m + j] - mean) * (x[i * m + j] - mean);
      mu[j] = mean;
      v[j] = ss / n;
      inv[j] = 1 / Math.sqrt(v[j] + this.eps);
      for (let i = 0; i < n; i++) {
        xh[i * m + j] = (x[i * m + j] - mean) * inv[j];
        y[i * m + j] = g[i] * xh[i * m + j] + b[i];
      }
    }
    return c.A;
  }

  backward(dA: Tensor): Tensor {
    const c = this.cache;
    if (c === undefined) throw new Error("LayerNorm.backward: call forward first");
    if (dA.size !== c.A.size || dA.rows !== this.n) throw shapeError("LayerNorm.backward", c.A.shape, dA.shape, "(A and dA) do not match");
    const n = this.n,
      m = c.A.cols,
      gr = this.grads,
      dy = dA.data,
      xh = c.xHat.data,
      dx = gr.dA_prev.data;
    const g = this.gamma.data,
      inv = c.invStd.data,
      dg = this.dgamma.data,
      db = this.dbeta.data;
    gr.dA = dA;
    for (let i = 0; i < n; i++) {
      let sb = 0,
        sg = 0;
      for (let j = 0; j < m; j++) {
        sb += dy[i * m + j];
        sg += dy[i * m + j] * xh[i * m + j];
      }
      db[i] = sb / m;
      dg[i] = sg / m;
    }
    for (let j = 0; j < m; j++) {
      let s1 = 0,
        s2 = 0;
      for (let i = 0; i < n; i++) {
        const d = g[i] * dy[i * m + j];
        s1 += d;
        s2 += d * xh[i * m + j];
      }
      s1 /= n;
      s2 /= n;
      for (let i = 0; i < n; i++) dx[i * m + j] = (g[i] * dy[i * m + j] - s1 - xh[i * m + j] * s2) * inv[j];
    }
    return gr.dA_prev;
  }

  /** gamma and beta, never decayed. */
  params(): Param[] {
    return [this.param("gamma", this.gamma, this.dgamma, false), this.param("beta", this.beta, this.dbeta, false)];
  }
}
