import { Normalization, type NormalizationCache, type NormalizationGrads } from "./normalization";

/** Named values of a layer-norm layer's last forward (mu, var, invStd are [1, m]: one per example). */
export type LayerNormCache = NormalizationCache;
/** Named gradients of a layer-norm layer's last backward. */
export type LayerNormGrads = NormalizationGrads;

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
export class LayerNorm extends Normalization<LayerNormCache> {
  readonly kind = "layerNorm";
  protected readonly label = "LayerNorm";

  constructor(n: number, options: { eps?: number; name?: string } = {}) {
    super(n, "features", options);
  }
}
