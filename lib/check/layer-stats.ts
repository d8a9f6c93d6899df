import type { Layer } from "../layers/layer";
import type { Tensor } from "../tensor/tensor";
import { partitionAt } from "./partition";

/**
 * The Dense layers of a model in forward order, found by walking containers (Sequential, Residual) depth first.
 *
 *   [W⁽¹⁾'s layer, W⁽²⁾'s layer, …, W⁽ᴸ⁾'s layer]
 *
 * @example
 *   denseLayers(mlp([3, 4, 1])).length;                               // 2
 *   denseLayers(mlpDeep({ nIn: 4, width: 8, depth: 5, batchNorm: true })).length;   // 6
 */
export function denseLayers(model: Layer): Layer[] {
  const out: Layer[] = [];
  const walk = (layer: Layer) => {
    if (layer.kind === "dense") out.push(layer);
    for (const child of layer.children()) walk(child);
  };
  walk(model);
  return out;
}

/**
 * The Frobenius norm of each Dense layer's weight gradient after a backward pass, in forward order (layer 1 first).
 *
 *   ‖dW⁽ˡ⁾‖_F = √(Σ_ij (∂J/∂W⁽ˡ⁾_ij)²),   l = 1 … L
 *
 * Vanishing gradients show as norms that shrink by orders of magnitude toward layer 1. Like summing
 * `p.grad.norm()**2` over a PyTorch layer's weight; biases are left out.
 * @example
 *   backward(net, halfMse(forward(net, X), Y).dA);
 *   gradNormsPerLayer(net);   // [‖dW⁽¹⁾‖, …, ‖dW⁽ᴸ⁾‖]
 */
export function gradNormsPerLayer(model: Layer): number[] {
  return denseLayers(model).map((layer) => {
    const dW = layer.grads?.dW;
    if (dW === undefined) throw new Error(`gradNormsPerLayer: layer ${layer.name} has no dW yet; run backward first`);
    let s = 0;
    for (let i = 0; i < dW.data.length; i++) s += dW.data[i] * dW.data[i];
    return Math.sqrt(s);
  });
}

/** Summary of the entries of one tensor: mean, variance, standard deviation, extremes, quantiles, exact zeros. */
export interface TensorStats {
  mean: number;
  /** Population variance (1/N)Σ(x − mean)². */
  variance: number;
  /** Second moment (1/N)Σx², the quantity He initialization keeps constant through ReLU layers. */
  meanSquare: number;
  std: number;
  min: number;
  max: number;
  /** One value per requested probability, by linear interpolation between order statistics. */
  quantiles: number[];
  /** Fraction of entries exactly 0 (dead ReLU outputs). */
  zeroFraction: number;
}

/** The quantile probabilities `activationStats` reports by default. */
export const DEFAULT_QUANTILES: readonly number[] = [0.05, 0.25, 0.5, 0.75, 0.95];

/**
 * Statistics of all entries of a tensor (all units and examples together); partially orders a copy for the quantiles.
 *
 *   mean = (1/N)Σx,  Var = (1/N)Σ(x − mean)²,  q_p = x₍ₖ₎ + (x₍ₖ₊₁₎ − x₍ₖ₎)·frac((N − 1)p)   (k = ⌊(N − 1)p⌋)
 *
 * Variance is the population one (as torch.var(unbiased=False)); quantiles as torch.quantile's default 'linear'.
 * @example
 *   tensorStats(Tensor.from([1, 2, 3, 4])).variance;   // 1.25
 *   tensorStats(A, [0.5]).quantiles[0];               // the median
 */
export function tensorStats(T: Tensor, probs: readonly number[] = DEFAULT_QUANTILES): TensorStats {
  const x = T.data,
    n = x.length;
  if (n === 0) throw new RangeError("tensorStats: the tensor is empty");
  let s = 0,
    zeros = 0,
    awkward = false,
    min = Infinity,
    max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    s += v;
    if (v < min) min = v;
    if (v > max) max = v;
    if (v === 0) {
      zeros++;
      if (1 / v < 0) awkward = true;
    } else if (Number.isNaN(v)) awkward = true;
  }
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i] - mean) * (x[i] - mean);
  const at = probs.map((p) => (n - 1) * Math.min(1, Math.max(0, p)));
  // The order statistics the quantiles need are placed by partitionAt, a tenth of a full sort's time. NOTE: NaN or −0
  // falls back to sorting, which puts NaN last and −0 before +0, so both paths give the same numbers.
  let sorted: Float64Array;
  if (awkward) {
    sorted = Float64Array.from(x).sort();
    min = sorted[0];
    max = sorted[n - 1];
  } else sorted = partitionAt(Float64Array.from(x), [...at.map(Math.floor), ...at.map((pos) => Math.floor(pos) + 1)]);
  const quantiles = at.map((pos) => {
    const k = Math.floor(pos),
      frac = pos - k;
    return k + 1 < n ? sorted[k] + (sorted[k + 1] - sorted[k]) * frac : sorted[k];
  });
  return {
    mean,
    variance: ss / n,
    meanSquare: ss / n + mean * mean,
    std: Math.sqrt(ss / n),
    min,
    max,
    quantiles,
    zeroFraction: zeros / n,
  };
}

/**
 * Statistics of each top-level layer's output A after a forward pass (for `mlpDeep`, one entry per layer l = 1 … L).
 *
 *   activationStats(model)[l − 1] = tensorStats(A⁽ˡ⁾)
 *
 * Shows whether activations keep their scale with depth (Xavier/He) or shrink and saturate (poor initialization).
 * @example
 *   forward(net, X);
 *   activationStats(net).map((s) => s.variance);   // Var(A⁽¹⁾), Var(A⁽²⁾), …
 */
export function activationStats(model: Layer, probs: readonly number[] = DEFAULT_QUANTILES): TensorStats[] {
  const layers = model.children().length > 0 ? model.children() : [model];
  return layers.map((layer) => {
    const A = layer.cache?.A;
    if (A === undefined) throw new Error(`activationStats: layer ${layer.name} has no output yet; run forward first`);
    return tensorStats(A, probs);
  });
}
