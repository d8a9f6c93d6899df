import type { Rng } from "../random/rng";

/** A point of the plane with the function's value there. */
export interface SurfacePoint {
  x: number;
  y: number;
  f: number;
}

/**
 * A 2-D loss surface for optimizer demos and tests: value, gradient, and what is known about it.
 * Feed an optimizer the point as `[Float64Array.from([x, y])]` and the gradient as its grads.
 */
export interface Surface {
  name: string;
  f(x: number, y: number): number;
  /** ∇f = [∂f/∂x, ∂f/∂y]. */
  grad(x: number, y: number): [number, number];
  /** The global minimum, or null when there is none (the saddle). */
  minimum: SurfacePoint | null;
  /** A stationary point (∇f = 0): the minimum, or the saddle point. */
  stationary: SurfacePoint;
  /** A view window and a start point that show the surface's character. */
  xRange: [number, number];
  yRange: [number, number];
  start: [number, number];
}

/**
 * A quadratic bowl with condition number κ, optionally rotated by `angle` (radians); κ = 1 is round.
 *
 *   f = ½(u² + κv²),   (u, v) = (x cos φ + y sin φ, −x sin φ + y cos φ),   minimum 0 at (0, 0)
 *
 * GD on it is stable iff lr < 2/κ (the largest curvature); a large κ makes it zig-zag.
 *
 * @example
 *   const s = quadraticBowl({ kappa: 10 });
 *   s.f(1, 1); s.grad(1, 1);   // 5.5, [1, 10]
 */
export function quadraticBowl({ kappa = 10, angle = 0 }: { kappa?: number; angle?: number } = {}): Surface {
  const c = Math.cos(angle),
    s = Math.sin(angle);
  return {
    name: angle ? `rotated quadratic bowl (κ = ${kappa})` : `quadratic bowl (κ = ${kappa})`,
    f: (x, y) => {
      const u = c * x + s * y,
        v = -s * x + c * y;
      return 0.5 * (u * u + kappa * v * v);
    },
    // ∇f = Rᵀ·(u, κv), R the rotation taking (x, y) to (u, v)
    grad: (x, y) => {
      const u = c * x + s * y,
        v = -s * x + c * y;
      return [c * u - s * kappa * v, s * u + c * kappa * v];
    },
    minimum: { x: 0, y: 0, f: 0 },
    stationary: { x: 0, y: 0, f: 0 },
    xRange: [-3, 3],
    yRange: [-3, 3],
    start: [-2.5, 1.5],
  };
}

/**
 * A narrow ravine: the quadratic bowl with κ = 100 turned 45°, so the valley runs diagonally and
 * per-coordinate step sizes (RMSProp, Adam) cannot simply line up with it.
 *
 *   f = ½(u² + κv²),   u = (x + y)/√2,   v = (y − x)/√2,   minimum 0 at (0, 0)
 *
 * @example
 *   ravine().f(1, 1);    // 1 (along the valley floor)
 *   ravine().f(1, -1);   // 100 (across it)
 */
export function ravine({ kappa = 100 }: { kappa?: number } = {}): Surface {
  return { ...quadraticBowl({ kappa, angle: Math.PI / 4 }), name: `narrow ravine (κ = ${kappa})`, start: [-2.5, -1.5] };
}

/**
 * Rosenbrock's banana valley: easy to reach the valley, slow to follow it to the minimum.
 *
 *   f = (a − x)² + b(y − x²)²,   minimum 0 at (a, a²);   a = 1, b = 100 by default
 *
 * @example
 *   rosenbrock().f(1, 1);      // 0
 *   rosenbrock().grad(0, 0);   // [-2, 0]
 */
export function rosenbrock({ a = 1, b = 100 }: { a?: number; b?: number } = {}): Surface {
  return {
    name: "Rosenbrock",
    f: (x, y) => (a - x) ** 2 + b * (y - x * x) ** 2,
    grad: (x, y) => [-2 * (a - x) - 4 * b * x * (y - x * x), 2 * b * (y - x * x)],
    minimum: { x: a, y: a * a, f: 0 },
    stationary: { x: a, y: a * a, f: 0 },
    xRange: [-2, 2],
    yRange: [-1, 3],
    start: [-1.5, 2],
  };
}

/**
 * Beale's function: flat plateaus and sharp ridges, minimum 0 at (3, 0.5).
 *
 *   f = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²
 *
 * @example
 *   beale().f(3, 0.5);   // 0
 *   beale().f(0, 0);     // 14.203125
 */
export function beale(): Surface {
  const c = [1.5, 2.25, 2.625];
  return {
    name: "Beale",
    f: (x, y) => c.reduce((sum, ck, k) => sum + (ck - x + x * y ** (k + 1)) ** 2, 0),
    // term k: r = c_k − x + x·y^(k+1);  ∂r/∂x = y^(k+1) − 1,  ∂r/∂y = (k+1)·x·y^k
    grad: (x, y) =>
      c.reduce<[number, number]>(
        ([gx, gy], ck, k) => {
          const r = ck - x + x * y ** (k + 1);
          return [gx + 2 * r * (y ** (k + 1) - 1), gy + 2 * r * (k + 1) * x * y ** k];
        },
        [0, 0],
      ),
    minimum: { x: 3, y: 0.5, f: 0 },
    stationary: { x: 3, y: 0.5, f: 0 },
    xRange: [-4.5, 4.5],
    yRange: [-4.5, 4.5],
    start: [1, 1.5],
  };
}

/**
 * The saddle x² − y²: a stationary point at the origin that is no minimum; f has no lower bound.
 * Plain GD started on the x-axis stalls at the saddle; a little noise or momentum escapes it.
 *
 *   f = x² − y²,   ∇f = (2x, −2y),   saddle point (0, 0)
 *
 * @example
 *   saddle().grad(1, 1);   // [2, -2]
 *   saddle().minimum;      // null
 */
export function saddle(): Surface {
  return {
    name: "saddle",
    f: (x, y) => x * x - y * y,
    grad: (x, y) => [2 * x, -2 * y],
    minimum: null,
    stationary: { x: 0, y: 0, f: 0 },
    xRange: [-2, 2],
    yRange: [-2, 2],
    start: [-1.5, 1e-3],
  };
}

/**
 * The same surface with a noisy gradient, as a mini-batch would give: each component gets N(0, std²).
 * The value f stays exact; the noise comes from the seeded `rng`.
 *
 *   g̃ = ∇f + ξ,   ξ ~ N(0, std²·I)
 *
 * @example
 *   const bowl = withGradientNoise(quadraticBowl(), 0.5, createRng(42));
 *   bowl.grad(1, 1);   // [1 + noise, 10 + noise]
 */
export function withGradientNoise(surface: Surface, std: number, rng: Rng): Surface {
  return {
    ...surface,
    name: `noisy ${surface.name}`,
    grad: (x, y) => {
      const [gx, gy] = surface.grad(x, y);
      return [gx + rng.normal(0, std), gy + rng.normal(0, std)];
    },
  };
}
