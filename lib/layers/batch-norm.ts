import { Tensor, shapeError } from "../tensor/tensor";
import type { Param } from "./layer";
import { LayerBase } from "./layer-base";

/**
 * Named values of a batch-norm layer's last forward (mu, var, varUnbiased, invStd are [n, 1]: one per feature). var is
 * the biased batch variance that normalizes; varUnbiased = var·m/(m − 1) is what the running average receives (both
 * hold the running statistics in eval mode).
 */
export type BatchNormCache = { A_prev: Tensor; mu: Tensor; var: Tensor; varUnbiased: Tensor; invStd: Tensor; xHat: Tensor; A: Tensor };
/** Named gradients of a batch-norm layer's last backward (dA, dA_prev per example; dgamma, dbeta of the mean cost). */
export type BatchNormGrads = { dA: Tensor; dgamma: Tensor; dbeta: Tensor; dA_prev: Tensor };

/**
 * Batch normalization over the batch axis, one mean and variance per feature (row), with a learnable scale and shift.
 *
 *   train: μ = (1/m)Σ_j x_j,  σ² = (1/m)Σ_j (x_j − μ)²,  x̂ = (x − μ)/√(σ² + ε),  y = γ·x̂ + β
 *          running_mean ← (1 − 0.1)·running_mean + 0.1·μ,  running_var ← (1 − 0.1)·running_var + 0.1·σ²·m/(m − 1)
 *   eval:  x̂ = (x − running_mean)/√(running_var + ε)
 *   backward: dβ = (1/m)Σ_j dy_j,  dγ = (1/m)Σ_j dy_j·x̂_j,  dx = γ/√(σ² + ε)·(dy − dβ − x̂·dγ)
 *
 * As torch.nn.BatchNorm1d (momentum 0.1, ε = 1e-5, unbiased running variance, num_batches_tracked), with features as rows; gradients
 * follow the engine's per-example convention (see `Layer`).
 * @example
 *   const bn = new BatchNorm(4);
 *   bn.forward(Z); bn.runningMean; bn.eval();
 */
export class BatchNorm extends LayerBase<BatchNormCache, BatchNormGrads> {
  readonly kind = "batchNorm";
  readonly gamma: Tensor;
  readonly beta: Tensor;
  readonly dgamma: Tensor;
  readonly dbeta: Tensor;
  readonly runningMean: Tensor;
  readonly runningVar: Tensor;
  readonly momentum: number;
  readonly eps: number;
  /** Training batches that updated the running statistics (PyTorch's num_batches_tracked; frozen forwards do not count). */
  numBatchesTracked = 0;

  constructor(
    readonly n: number,
    options: { momentum?: number; eps?: number; name?: string } = {},
  ) {
    super(options.name ?? "");
    this.momentum = options.momentum ?? 0.1;
    this.eps = options.eps ?? 1e-5;
    this.gamma = Tensor.full([n, 1], 1);
    this.beta = new Tensor([n, 1]);
    this.dgamma = new Tensor([n, 1]);
    this.dbeta = new Tensor([n, 1]);
    this.runningMean = new Tensor([n, 1]);
    this.runningVar = Tensor.full([n, 1], 1);
  }

  protected allocate(m: number) {
    const n = this.n,
      A = new Tensor([n, m]);
    return {
      cache: {
        A_prev: A,
        mu: new Tensor([n, 1]),
        var: new Tensor([n, 1]),
        varUnbiased: new Tensor([n, 1]),
        invStd: new Tensor([n, 1]),
        xHat: new Tensor([n, m]),
        A,
      },
      grads: { dA: A, dgamma: this.dgamma, dbeta: this.dbeta, dA_prev: new Tensor([n, m]) },
    };
  }

  forward(A_prev: Tensor): Tensor {
    const n = this.n,
      m = A_prev.cols;
    if (A_prev.rows !== n) throw shapeError("BatchNorm.forward", [n, m], A_prev.shape, `do not match: expected ${n} features (rows)`);
    if (this.training && m < 2) throw new RangeError(`BatchNorm.forward: training needs more than 1 example per batch, got m = ${m}`);
    this.useBatch(m);
    const c = this.cache,
      x = A_prev.data,
      xh = c.xHat.data,
      y = c.A.data;
    const mu = c.mu.data,
      v = c.var.data,
      vu = c.varUnbiased.data,
      inv = c.invStd.data,
      g = this.gamma.data,
      b = this.beta.data;
    const rm = this.runningMean.data,
      rv = this.runningVar.data,
      mom = this.momentum;
    c.A_prev = A_prev;
    for (let i = 0; i < n; i++) {
      const row = i * m;
      if (this.training) {
        let s = 0;
        for (let j = 0; j < m; j++) s += x[row + j];
        const mean = s / m;
        let ss = 0;
        for (let j = 0; j < m; j++) ss += (x[row + j] - mean) * (x[row + j] - mean);
        mu[i] = mean;
        v[i] = ss / m; // NOTE: biased variance normalizes; the running average gets the unbiased ss/(m − 1)
        vu[i] = ss / (m - 1);
        if (!this.frozen) {
          rm[i] = (1 - mom) * rm[i] + mom * mean;
          rv[i] = (1 - mom) * rv[i] + mom * vu[i];
        }
      } else {
        mu[i] = rm[i];
        v[i] = rv[i];
        vu[i] = rv[i];
      }
      inv[i] = 1 / Math.sqrt(v[i] + this.eps);
      for (let j = 0; j < m; j++) {
        xh[row + j] = (x[row + j] - mu[i]) * inv[i];
        y[row + j] = g[i] * xh[row + j] + b[i];
      }
    }
    if (this.training && !this.frozen) this.numBatchesTracked++;
    return c.A;
  }

  backward(dA: Tensor): Tensor {
    const c = this.cache;
    if (c === undefined) throw new Error("BatchNorm.backward: call forward first");
    if (dA.size !== c.A.size || dA.rows !== this.n) throw shapeError("BatchNorm.backward", c.A.shape, dA.shape, "(A and dA) do not match");
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
      const row = i * m;
      let sb = 0,
        sg = 0;
      for (let j = 0; j < m; j++) {
        sb += dy[row + j];
        sg += dy[row + j] * xh[row + j];
      }
      db[i] = sb / m;
      dg[i] = sg / m;
      const k = g[i] * inv[i];
      // NOTE: in eval mode μ and σ² are constants, so only the direct path γ/√(σ² + ε)·dy remains.
      if (this.training) for (let j = 0; j < m; j++) dx[row + j] = k * (dy[row + j] - db[i] - xh[row + j] * dg[i]);
      else for (let j = 0; j < m; j++) dx[row + j] = k * dy[row + j];
    }
    return gr.dA_prev;
  }

  /** gamma and beta, never decayed. */
  params(): Param[] {
    return [this.param("gamma", this.gamma, this.dgamma, false), this.param("beta", this.beta, this.dbeta, false)];
  }
}
