// Finite differences for the conv and attention tests: central differences of a scalar function of one array.
import { Tensor } from "../../../lib/tensor/tensor";
import type { Rng } from "../../../lib/random/rng";

/** ∂f/∂a_k ≈ (f(a + h·e_k) − f(a − h·e_k)) / 2h for every entry of a (restored after each probe). */
export function numericGrad(f: () => number, a: Float64Array, h = 1e-6): Float64Array {
  const g = new Float64Array(a.length);
  for (let k = 0; k < a.length; k++) {
    const v = a[k];
    a[k] = v + h;
    const up = f();
    a[k] = v - h;
    const down = f();
    a[k] = v;
    g[k] = (up - down) / (2 * h);
  }
  return g;
}

/** ⟨a, b⟩ over all entries. */
export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** A tensor of the given shape with N(0, 1) entries from a seeded generator. */
export function randn(rng: Rng, shape: readonly number[]): Tensor {
  const t = new Tensor(shape);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.normal(0, 1);
  return t;
}

/** Largest |a_i − b_i| relative to max(1, max |b_i|). */
export function maxRelDiff(a: Float64Array, b: Float64Array): number {
  let d = 0,
    s = 1;
  for (let i = 0; i < a.length; i++) {
    d = Math.max(d, Math.abs(a[i] - b[i]));
    s = Math.max(s, Math.abs(b[i]));
  }
  return d / s;
}
