import { Tensor } from "../tensor/tensor";

/** Per-feature mean and standard deviation, one entry per row of X. */
export interface Standardization {
  mean: Float64Array;
  std: Float64Array;
}

/**
 * Standardises each feature (row) of X, whose examples are columns: subtract the feature's mean,
 * divide by its standard deviation. Pass `stats` from the training set to transform new data the
 * same way.
 *
 *   μⱼ = (1/m)·Σᵢ Xⱼᵢ,   σⱼ = √((1/m)·Σᵢ (Xⱼᵢ − μⱼ)²),   Zⱼᵢ = (Xⱼᵢ − μⱼ)/σⱼ
 *
 * Uses the population σ (1/m), like scikit-learn's StandardScaler; a constant feature (σ = 0)
 * is divided by 1 instead.
 *
 * @example
 *   const { Z, mean, std } = standardize(Tensor.from([[1, 2, 3]]));   // mean [2], std [√(2/3)]
 *   standardize(X_test, { mean, std }).Z;                             // same shift and scale
 */
export function standardize(X: Tensor, stats?: Standardization): Standardization & { Z: Tensor } {
  const n = X.rows,
    m = X.cols,
    x = X.data;
  const mean = stats?.mean ?? new Float64Array(n),
    std = stats?.std ?? new Float64Array(n);
  if (!stats) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let i = 0; i < m; i++) sum += x[j * m + i];
      mean[j] = sum / m;
      let sq = 0;
      for (let i = 0; i < m; i++) sq += (x[j * m + i] - mean[j]) ** 2;
      // NOTE: a constant feature would divide by 0; leaving it centred at 0 is the useful answer.
      std[j] = Math.sqrt(sq / m) || 1;
    }
  }
  const Z = new Tensor([n, m]);
  for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) Z.data[j * m + i] = (x[j * m + i] - mean[j]) / std[j];
  return { Z, mean, std };
}
