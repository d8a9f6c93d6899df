/**
 * KL divergence of a diagonal Gaussian N(μ, σ²) from the standard normal, summed over dimensions:
 * the regulariser in a VAE's loss (the negative ELBO).
 *
 *   KL = Σ_j ½(σ_j² + μ_j² − 1 − ln σ_j²)
 *
 * Takes σ (standard deviations), not log-variances; PyTorch code usually writes it with logvar = ln σ².
 *
 * @example
 *   klStandardNormal([0], [1]);   // 0
 *   klStandardNormal([1], [1]);   // 0.5
 */
export function klStandardNormal(mu: readonly number[], sigma: readonly number[]): number {
  if (mu.length !== sigma.length) throw new RangeError(`klStandardNormal: ${mu.length} means but ${sigma.length} standard deviations`);
  let kl = 0;
  for (let j = 0; j < mu.length; j++) {
    if (!(sigma[j] > 0)) throw new RangeError(`klStandardNormal: σ[${j}] = ${sigma[j]} is not positive`);
    const s2 = sigma[j] * sigma[j];
    kl += 0.5 * (s2 + mu[j] * mu[j] - 1 - Math.log(s2));
  }
  return kl;
}
