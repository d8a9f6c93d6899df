import { type Tensor, assertSameLayout, shapeError } from "../tensor/tensor";
import { columnMax, sumExpColumn } from "../activations/sum-exp";
import { argmaxColumn } from "../tensor/argmax";
import { lossResult, type LossResult, type Reduction } from "./loss";

/** True when Y holds one class index per example ([1, m] for K > 1 classes) rather than one-hot columns. */
function isIndexTarget(Z: Tensor, Y: Tensor): boolean {
  if (Y.rows === Z.rows && Y.size === Z.size) return false;
  if (Y.size === Z.cols && (Y.rows === 1 || Y.shape.length === 1)) return true;
  throw shapeError("softmaxCe", Z.shape, Y.shape, "do not fit (Y must be one-hot [K, m] or class indices [1, m])");
}

/**
 * Softmax cross-entropy from logits Z [K, m], as torch.nn.CrossEntropyLoss: the mean over examples (columns).
 * Y is either one-hot (or any probability columns) [K, m], or class indices [1, m].
 *
 *   L⁽ʲ⁾ = −Σ_k y_k log softmax(z)_k = logΣ_k e^(z_k) − Σ_k y_k z_k   (one-hot),  ∂L/∂z = softmax(z) − y
 *
 * NOTE: uses log-sum-exp with the column max subtracted, so logits of ±1000 give finite values.
 * @example
 *   softmaxCe(Tensor.from([[0], [0]]), Tensor.from([[1]])).loss;   // log 2 (class index 1)
 *   softmaxCe(Z, Yonehot, "sum").loss;                             // summed over examples
 */
export function softmaxCe(Z: Tensor, Y: Tensor, reduction: Reduction = "mean"): LossResult {
  return lossResult((dA) => softmaxCeInto(dA, Z, Y), Z, Z.cols, reduction);
}

/**
 * `softmaxCe` for the training path: returns the mean J and writes dA = P·Σ_k y_k − Y per example; allocates nothing.
 *
 *   dA⁽ʲ⁾ = softmax(z⁽ʲ⁾) − y⁽ʲ⁾      (one-hot or index targets)
 *
 * @example
 *   const J = softmaxCeInto(dZ, logits, labels);
 *   model.backward(dZ);
 */
export function softmaxCeInto(dA: Tensor, Z: Tensor, Y: Tensor): number {
  assertSameLayout("softmaxCe", Z, dA, "(logits and dA) do not match");
  const indices = isIndexTarget(Z, Y);
  const K = Z.rows,
    m = Z.cols,
    z = Z.data,
    y = Y.data,
    d = dA.data;
  let total = 0;
  for (let j = 0; j < m; j++) {
    const max = columnMax(z, K, m, j),
      sumExp = sumExpColumn(d, z, K, m, j, max); // stashes e^(z − max) in dA; normalised below
    const lse = max + Math.log(sumExp),
      inv = 1 / sumExp;
    if (indices) {
      const c = y[j];
      if (!Number.isInteger(c) || c < 0 || c >= K) throw new RangeError(`softmaxCe: class index ${c} of example ${j} is not in 0…${K - 1}`);
      total += lse - z[c * m + j];
      for (let k = 0; k < K; k++) d[k * m + j] = d[k * m + j] * inv - (k === c ? 1 : 0);
    } else {
      let ySum = 0;
      for (let k = 0; k < K; k++) {
        const yk = y[k * m + j];
        ySum += yk;
        total += yk * (lse - z[k * m + j]);
      }
      for (let k = 0; k < K; k++) d[k * m + j] = d[k * m + j] * inv * ySum - y[k * m + j];
    }
  }
  return total / m;
}

/**
 * Multi-class accuracy: the fraction of columns whose largest logit (or probability) is the target class.
 * @example
 *   classAccuracy(Tensor.from([[2, 0], [1, 5]]), Tensor.from([[0, 0]]));   // 0.5 (index targets)
 *   classAccuracy(logits, Yonehot);
 */
export function classAccuracy(Z: Tensor, Y: Tensor): number {
  const indices = isIndexTarget(Z, Y),
    m = Z.cols;
  let right = 0;
  for (let j = 0; j < m; j++) {
    const label = indices ? Y.data[j] : argmaxColumn(Y, j);
    if (argmaxColumn(Z, j) === label) right++;
  }
  return m === 0 ? 0 : right / m;
}
