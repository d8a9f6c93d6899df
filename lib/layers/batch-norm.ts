import { Tensor } from "../tensor/tensor";
import { Normalization, type NormalizationCache, type NormalizationGrads } from "./normalization";
import { type NormLayout, momentsInto } from "./normalize";

/**
 * Named values of a batch-norm layer's last forward (mu, var, varUnbiased, invStd are [n, 1]: one per feature). var is
 * the biased batch variance that normalizes; varUnbiased = var·m/(m − 1) is what the running average receives (both
 * hold the running statistics in eval mode).
 */
export type BatchNormCache = NormalizationCache & { varUnbiased: Tensor };
/** Named gradients of a batch-norm layer's last backward (dA, dA_prev per example; dgamma, dbeta of the mean cost). */
export type BatchNormGrads = NormalizationGrads;

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
export class BatchNorm extends Normalization<BatchNormCache> {
  readonly kind = "batchNorm";
  protected readonly label = "BatchNorm";
  readonly runningMean: Tensor;
  readonly runningVar: Tensor;
  readonly momentum: number;
  /** Training batches that updated the running statistics (PyTorch's num_batches_tracked; frozen forwards do not count). */
  numBatchesTracked = 0;

  constructor(n: number, options: { momentum?: number; eps?: number; name?: string } = {}) {
    super(n, "batch", options);
    this.momentum = options.momentum ?? 0.1;
    this.runningMean = new Tensor([n, 1]);
    this.runningVar = Tensor.full([n, 1], 1);
  }

  protected allocateExtra() {
    return { varUnbiased: new Tensor([this.n, 1]) };
  }

  forward(A_prev: Tensor): Tensor {
    // NOTE: refused before any buffer is touched; a wrong feature count is left to the shape check of Normalization.
    if (this.training && A_prev.rows === this.n && A_prev.cols < 2)
      throw new RangeError(`BatchNorm.forward: training needs more than 1 example per batch, got m = ${A_prev.cols}`);
    return super.forward(A_prev);
  }

  /** Training: the batch's moments, folded into the running statistics unless frozen. Eval: the running statistics. */
  protected statistics(x: Float64Array, L: NormLayout): void {
    const c = this.cache,
      rm = this.runningMean.data,
      rv = this.runningVar.data;
    if (!this.training) {
      c.mu.data.set(rm);
      c.var.data.set(rv);
      c.varUnbiased.data.set(rv);
      return;
    }
    // NOTE: the biased variance normalizes; the running average gets the unbiased Σ(x − μ)²/(m − 1)
    const mu = c.mu.data,
      vu = c.varUnbiased.data;
    momentsInto(x, L, mu, c.var.data, vu);
    if (this.frozen) return;
    const mom = this.momentum;
    for (let i = 0; i < this.n; i++) {
      rm[i] = (1 - mom) * rm[i] + mom * mu[i];
      rv[i] = (1 - mom) * rv[i] + mom * vu[i];
    }
    this.numBatchesTracked++;
  }

  /** In eval mode μ and σ² are constants, so backward keeps only the direct path. */
  protected statsFromInput(): boolean {
    return this.training;
  }
}
