/**
 * The GAN discriminator's loss: binary cross-entropy with label 1 for real examples and 0 for generated ones,
 * each averaged over its own batch.
 *
 *   L_D = −(1/m)Σ log D(x_i) − (1/m)Σ log(1 − D(G(z_i)))
 *
 * As BCELoss on real (target 1) plus BCELoss on fake (target 0) in PyTorch's DCGAN example; D outputs are
 * probabilities, clamped to [1e-12, 1 − 1e-12] so a confident 0 or 1 gives a large finite loss.
 *
 * @example
 *   ganDiscriminatorLoss([0.5], [0.5]);   // 2·ln 2 ≈ 1.386
 *   ganDiscriminatorLoss([0.9, 0.8], [0.1, 0.3]);
 */
export function ganDiscriminatorLoss(dReal: readonly number[], dFake: readonly number[]): number {
  const clamp = (p: number) => Math.min(1 - 1e-12, Math.max(1e-12, p));
  const mean = (xs: readonly number[], f: (p: number) => number) => xs.reduce((s, p) => s + f(clamp(p)), 0) / xs.length;
  return -mean(dReal, Math.log) - mean(dFake, (p) => Math.log(1 - p));
}

/**
 * The generator's non-saturating loss: it maximises log D(G(z)) instead of minimising log(1 − D(G(z))),
 * which gives strong gradients early in training when D rejects fakes easily.
 *
 *   L_G = −(1/m)Σ log D(G(z_i))
 *
 * @example
 *   ganGeneratorLoss([0.5]);          // ln 2
 *   ganGeneratorLoss([0.1, 0.3]);
 */
export function ganGeneratorLoss(dFake: readonly number[]): number {
  return dFake.reduce((s, p) => s - Math.log(Math.min(1 - 1e-12, Math.max(1e-12, p))), 0) / dFake.length;
}
