/**
 * The gradient of a scalar function by central differences, one coordinate at a time (x is restored afterwards).
 *
 *   ∂f/∂x_i ≈ (f(x + h·e_i) − f(x − h·e_i)) / (2h)       error O(h²)
 *
 * @example
 *   finiteDifference((x) => x[0] * x[0] + 3 * x[1], Float64Array.from([2, 0]));   // ≈ [4, 3]
 *   finiteDifference(f, theta, 1e-6);
 */
export function finiteDifference(f: (x: Float64Array) => number, x: Float64Array, h = 1e-5): Float64Array {
  const g = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    x[i] = v + h;
    const up = f(x);
    x[i] = v - h;
    const down = f(x);
    x[i] = v;
    g[i] = (up - down) / (2 * h);
  }
  return g;
}

/**
 * The relative error between two gradients, the number a gradient check reports (0 when both are zero).
 *
 *   ‖a − b‖₂ / (‖a‖₂ + ‖b‖₂)
 *
 * In float64 a correct backward gives about 1e-9 or less; the course flags anything above 1e-6.
 * @example
 *   relativeError([1, 2], [1, 2]);           // 0
 *   relativeError([1, 0], [1.001, 0]);       // ≈ 5e-4
 */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`relativeError: shapes [${a.length}] and [${b.length}] do not match`);
  let diff = 0,
    na = 0,
    nb = 0;
  for (let i = 0; i < a.length; i++) {
    diff += (a[i] - b[i]) ** 2;
    na += a[i] ** 2;
    nb += b[i] ** 2;
  }
  const denom = Math.sqrt(na) + Math.sqrt(nb);
  return denom === 0 ? 0 : Math.sqrt(diff) / denom;
}

/**
 * Checks an analytic gradient of any scalar function against central differences.
 *
 *   relativeError(grad, finiteDifference(f, x, h))
 *
 * @example
 *   gradCheckFn((x) => Math.sin(x[0]), Float64Array.from([1]), Float64Array.from([Math.cos(1)])).relativeError;   // ≈ 1e-11
 *   gradCheckFn(f, x, g, { h: 1e-6 }).numeric;
 */
export function gradCheckFn(
  f: (x: Float64Array) => number,
  x: Float64Array,
  grad: ArrayLike<number>,
  options: { h?: number } = {},
): { relativeError: number; numeric: Float64Array } {
  const numeric = finiteDifference(f, x, options.h ?? 1e-5);
  return { relativeError: relativeError(grad, numeric), numeric };
}
