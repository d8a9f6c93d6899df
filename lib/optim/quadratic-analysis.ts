// Gradient descent, momentum and Nesterov on a quadratic, solved exactly. On f = ½θᵀHθ every one of
// these methods is linear, so it splits into one small problem per eigen-direction of H: a 2 × 2
// iteration matrix acting on (error, velocity). Its spectral radius ρ is the method's rate in that
// direction, and the largest ρ over the directions is the rate of the whole run.
// The state is (x, u): x the error along an eigenvector, u = lr·v the velocity in parameter units
// (PyTorch form, v ← βv + g). This file is long because its parts only make sense together.
import type { Optimizer } from "./optimizer";

export type QuadMethod = "gd" | "momentum" | "nesterov";
/** A 2 × 2 matrix, rows first: [[a, b], [c, d]]. */
export type Mat2 = [[number, number], [number, number]];

/**
 * Eigen-decomposition of a symmetric 2 × 2 Hessian [[a, b], [b, c]]: H = Q·diag(λ)·Qᵀ, λ ascending,
 * Q's columns the unit eigenvectors (the first one with a non-negative x component).
 *
 * @example
 *   eigenSym2([[1, 0], [0, 10]]);   // { values: [1, 10], vectors: [[1, 0], [0, 1]] }
 */
export function eigenSym2([[a, b], [, c]]: Mat2): { values: [number, number]; vectors: [[number, number], [number, number]] } {
  const mean = (a + c) / 2,
    r = Math.hypot((a - c) / 2, b);
  const lo = mean - r,
    hi = mean + r;
  // NOTE: the vector for λ_lo is (b, λ_lo − a), or (λ_lo − c, b); take the longer of the two so a
  // diagonal H (b = 0) never yields the zero vector.
  const p: [number, number] = [b, lo - a],
    q: [number, number] = [lo - c, b];
  let [vx, vy] = Math.hypot(...p) >= Math.hypot(...q) ? p : q;
  // Both tiny: a ≈ c and b ≈ 0, so H is a multiple of I and any basis is an eigenbasis.
  if (Math.hypot(vx, vy) < 1e-150) [vx, vy] = [1, 0];
  const n = Math.hypot(vx, vy);
  [vx, vy] = vx < 0 || (vx === 0 && vy < 0) ? [-vx / n, -vy / n] : [vx / n, vy / n];
  return {
    values: [lo, hi],
    vectors: [
      [vx, vy],
      [-vy, vx],
    ],
  };
}

/** The Hessian of the engine's quadratic bowl ½(u² + κv²) turned by `angle`: Rᵀ·diag(1, κ)·R. */
export function bowlHessian(kappa: number, angle = 0): Mat2 {
  const c = Math.cos(angle),
    s = Math.sin(angle);
  return [
    [c * c + kappa * s * s, c * s * (1 - kappa)],
    [c * s * (1 - kappa), s * s + kappa * c * c],
  ];
}

/**
 * The iteration matrix of one method along an eigen-direction of curvature λ, with h = lr·λ:
 *
 *   gd:        x' = (1 − h)x                          (u stays 0)
 *   momentum:  u' = βu + hx,   x' = x − u'    = (1 − h)x − βu
 *   nesterov:  u' = βu + hx,   x' = x − hx − βu' = (1 − h − βh)x − β²u
 *
 * so (x', u') = M·(x, u). `measureIterationMatrix` reads the same matrix off the engine's optimizers.
 *
 * @example
 *   iterationMatrix("momentum", 30, 0.05, 0.9);   // [[-0.5, -0.9], [1.5, 0.9]]
 */
export function iterationMatrix(method: QuadMethod, lambda: number, lr: number, beta = 0): Mat2 {
  const h = lr * lambda;
  if (method === "gd")
    return [
      [1 - h, 0],
      [0, 0],
    ];
  if (method === "momentum")
    return [
      [1 - h, -beta],
      [h, beta],
    ];
  return [
    [1 - h - beta * h, -beta * beta],
    [h, beta],
  ];
}

/** The two eigenvalues of a 2 × 2 matrix, as complex numbers {re, im}. */
export function eigenvalues2([[a, b], [c, d]]: Mat2): { re: number; im: number }[] {
  const tr = a + d,
    det = a * d - b * c,
    disc = (tr * tr) / 4 - det;
  if (disc >= 0) {
    const r = Math.sqrt(disc);
    return [
      { re: tr / 2 + r, im: 0 },
      { re: tr / 2 - r, im: 0 },
    ];
  }
  const i = Math.sqrt(-disc);
  return [
    { re: tr / 2, im: i },
    { re: tr / 2, im: -i },
  ];
}

/**
 * ρ(M), the largest |eigenvalue|: the factor by which the error along this direction shrinks per
 * step in the long run (it grows when ρ > 1).
 *
 * @example
 *   spectralRadius(iterationMatrix("gd", 10, 0.15));   // 0.5
 */
export function spectralRadius(m: Mat2): number {
  return Math.max(...eigenvalues2(m).map((z) => Math.hypot(z.re, z.im)));
}

/** The rate of a whole run on a quadratic with curvatures `lambdas`: the worst direction's ρ. */
export function convergenceRate(method: QuadMethod, lambdas: readonly number[], lr: number, beta = 0): number {
  return Math.max(...lambdas.map((l) => spectralRadius(iterationMatrix(method, l, lr, beta))));
}

/**
 * The error (x) along each eigen-direction after t = 0 … steps steps, from errors `x0` and zero
 * velocity: repeated products with each direction's iteration matrix.
 *
 * @example
 *   directionErrors("gd", [1, 10], [1, 1], 0.1, 0, 2)[1];   // [1, 0, 0]
 */
export function directionErrors(
  method: QuadMethod,
  lambdas: readonly number[],
  x0: readonly number[],
  lr: number,
  beta: number,
  steps: number,
): number[][] {
  return lambdas.map((l, i) => {
    const [[a, b], [c, d]] = iterationMatrix(method, l, lr, beta);
    let x = x0[i],
      u = 0;
    const out = [x];
    for (let t = 1; t <= steps; t++) {
      [x, u] = [a * x + b * u, c * x + d * u];
      out.push(x);
    }
    return out;
  });
}

/**
 * The largest stable h = lr·λ for each method (the run converges for 0 < h < limit):
 * gd 2; momentum 2(1 + β); Nesterov (2 + 2β)/(1 + 2β), which is smaller for every β > 0.
 *
 * @example
 *   stabilityLimit("nesterov", 0.9);   // 1.357…
 */
export function stabilityLimit(method: QuadMethod, beta = 0): number {
  if (method === "gd") return 2;
  return method === "momentum" ? 2 * (1 + beta) : (2 + 2 * beta) / (1 + 2 * beta);
}

/**
 * Critical damping of momentum along a direction with h = lr·λ: the β where the two eigenvalues
 * of M meet, β = (1 − √h)². Below it the error rings (complex eigenvalues, ρ = √β); above it,
 * it creeps. For 0 < h ≤ 1 this β gives that direction its smallest ρ, 1 − √h.
 *
 * @example
 *   criticalBeta(0.01);   // 0.81
 */
export function criticalBeta(h: number): number {
  return (1 - Math.sqrt(h)) ** 2;
}

/**
 * The best fixed settings for curvatures in [λmin, λmax], κ = λmax/λmin:
 *   GD:        lr = 2/(λmin + λmax),           rate (κ − 1)/(κ + 1)
 *   momentum:  lr = (2/(√λmin + √λmax))²,  β = ((√κ − 1)/(√κ + 1))²,   rate (√κ − 1)/(√κ + 1)
 * The momentum pair critically damps both extreme directions at once.
 *
 * @example
 *   optimalSettings("momentum", 1, 100);   // { lr: 0.0331, beta: 0.669, rate: 0.818 }
 */
export function optimalSettings(
  method: "gd" | "momentum",
  lambdaMin: number,
  lambdaMax: number,
): { lr: number; beta: number; rate: number } {
  const kappa = lambdaMax / lambdaMin;
  if (method === "gd") return { lr: 2 / (lambdaMin + lambdaMax), beta: 0, rate: (kappa - 1) / (kappa + 1) };
  const sk = Math.sqrt(kappa);
  const rate = (sk - 1) / (sk + 1);
  return { lr: (2 / (Math.sqrt(lambdaMin) + Math.sqrt(lambdaMax))) ** 2, beta: rate * rate, rate };
}

/** Steps until the error shrinks by `factor` at rate ρ: ⌈ln(factor)/ln(1/ρ)⌉ (∞ when ρ ≥ 1). */
export function stepsToShrink(rate: number, factor = 1000): number {
  if (rate <= 0) return 1;
  return rate >= 1 ? Infinity : Math.ceil(Math.log(factor) / -Math.log(rate));
}

/**
 * The iteration matrix of an engine optimizer on the 1-D quadratic ½λθ², read off by stepping it:
 * one step from (x, u) = (1, 0) gives the first column, one from (0, 1) the second (the velocity
 * set through the optimizer's public `velocity`, in its own units v = u/lr). An optimizer without
 * a velocity (SGD) has a zero second column.
 *
 * @example
 *   measureIterationMatrix(() => new Nesterov({ lr: 0.05, beta: 0.9 }), 30);   // [[-0.85, -0.81], [1.5, 0.9]]
 */
export function measureIterationMatrix(make: () => Optimizer & { velocity?: Float64Array[] }, lambda: number): Mat2 {
  const column = (x: number, u: number): [number, number] => {
    const opt = make();
    const theta = Float64Array.of(0);
    if (u !== 0) {
      // A zero step creates the velocity buffer (v = 0) without moving θ; then set v = u/lr.
      opt.step([theta], [Float64Array.of(0)]);
      if (!opt.velocity) return [0, 0];
      opt.velocity[0][0] = u / opt.lr;
    }
    theta[0] = x;
    opt.step([theta], [Float64Array.of(lambda * theta[0])]);
    return [theta[0], opt.velocity ? opt.lr * opt.velocity[0][0] : 0];
  };
  const [a, c] = column(1, 0),
    [b, d] = column(0, 1);
  return [
    [a, b],
    [c, d],
  ];
}
