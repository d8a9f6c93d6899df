import type { Tensor } from "../../../lib/tensor/tensor";

/** Sample mean and (biased) variance of all entries. */
export function moments(W: Tensor): { mean: number; variance: number; maxAbs: number } {
  let s = 0,
    ss = 0,
    maxAbs = 0;
  for (const v of W.data) {
    s += v;
    maxAbs = Math.max(maxAbs, Math.abs(v));
  }
  const mean = s / W.size;
  for (const v of W.data) ss += (v - mean) ** 2;
  return { mean, variance: ss / W.size, maxAbs };
}
