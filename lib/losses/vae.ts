import { klStandardNormal } from "./kl-gaussian";

/**
 * The reparameterisation trick: a sample of N(μ, σ²) written as a deterministic function of μ and σ plus noise
 * ε ~ N(0, 1) drawn outside the network, so gradients flow to μ and σ.
 *
 *   z_j = μ_j + σ_j·ε_j
 *
 * As `mu + std * torch.randn_like(std)` in PyTorch VAE code (which usually passes logvar and takes std = exp(½·logvar)).
 *
 * @example
 *   reparameterize([1, 0], [0.5, 2], [2, -1]);   // [2, -2]
 *   reparameterize(mu, sigma, eps.map(() => rng.normal()));
 */
export function reparameterize(mu: readonly number[], sigma: readonly number[], eps: readonly number[]): number[] {
  if (mu.length !== sigma.length || mu.length !== eps.length)
    throw new RangeError(`reparameterize: lengths ${mu.length}, ${sigma.length}, ${eps.length} differ`);
  return mu.map((m, j) => m + sigma[j] * eps[j]);
}

/**
 * The negative ELBO of one example for a VAE with a Bernoulli decoder and a diagonal Gaussian encoder: the
 * reconstruction term (binary cross-entropy summed over the inputs) plus the KL term in closed form.
 * Training minimises it; the ELBO itself is a lower bound on log p(x).
 *
 *   −ELBO = −Σ_i [x_i·log x̂_i + (1 − x_i)·log(1 − x̂_i)] + Σ_j ½(σ_j² + μ_j² − 1 − ln σ_j²)
 *
 * As the loss of PyTorch's VAE example (`binary_cross_entropy(..., reduction="sum") + KLD`); x̂ is clamped to
 * [1e-12, 1 − 1e-12] so a confident wrong pixel gives a large finite loss.
 *
 * @example
 *   vaeNegativeElbo([1, 0], [0.9, 0.2], [0], [1]);   // −ln 0.9 − ln 0.8 + 0 ≈ 0.3285
 *   vaeNegativeElbo(x, xHat, mu, sigma).kl;
 */
export function vaeNegativeElbo(
  x: readonly number[],
  xHat: readonly number[],
  mu: readonly number[],
  sigma: readonly number[],
): { loss: number; reconstruction: number; kl: number } {
  if (x.length !== xHat.length) throw new RangeError(`vaeNegativeElbo: ${x.length} inputs but ${xHat.length} reconstructions`);
  let reconstruction = 0;
  for (let i = 0; i < x.length; i++) {
    const p = Math.min(1 - 1e-12, Math.max(1e-12, xHat[i]));
    reconstruction -= x[i] * Math.log(p) + (1 - x[i]) * Math.log(1 - p);
  }
  const kl = klStandardNormal(mu, sigma);
  return { loss: reconstruction + kl, reconstruction, kl };
}
