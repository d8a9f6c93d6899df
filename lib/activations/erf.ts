// The error function for GELU, to about 1e-15: a positive-term series near 0 and a continued
// fraction for the tail, so neither loses digits to cancellation.

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
const SWITCH = 2.5;

/** Series erf(x) = (2/√π)·e^(−x²)·Σ_n 2ⁿx^(2n+1)/(1·3·…·(2n+1)); every term is positive for x ≥ 0. */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x,
    total = x;
  for (let n = 0; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 3);
    total += term;
    if (term < 1e-17 * total) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x2) * total;
}

/** Tail erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))) for x ≥ SWITCH, by Lentz's method. */
function erfcFraction(x: number): number {
  const tiny = 1e-300;
  let f = x,
    C = x,
    D = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    D = x + a * D;
    D = D === 0 ? 1 / tiny : 1 / D;
    C = x + a / C;
    if (C === 0) C = tiny;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f);
}

/**
 * The error function, accurate to about 1e-15 (absolute) for every x.
 *
 *   erf(x) = (2/√π) ∫₀ˣ e^(−t²) dt
 *
 * Matches torch.erf / Python's math.erf to rounding.
 * @example
 *   erf(1);       // 0.8427007929497149
 *   erf(-Infinity);   // -1
 */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  const r = ax < SWITCH ? erfSeries(ax) : ax > 6 ? 1 : 1 - erfcFraction(ax);
  return x < 0 ? -r : r;
}

/**
 * The complementary error function, accurate in relative terms far into the tail.
 *
 *   erfc(x) = 1 − erf(x)
 *
 * @example
 *   erfc(0);    // 1
 *   erfc(5);    // 1.5374597944280349e-12 (1 − erf(5) would keep only 4 digits)
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < SWITCH) return 1 - erfSeries(x);
  if (x > 27) return 0; // e^(−x²) underflows
  return erfcFraction(x);
}
