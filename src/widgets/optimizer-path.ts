// Traces one engine optimizer across a 2-D surface, shared by the optimizer race and the momentum
// explorer. A run that blows up ends at its last finite point with the step where it happened, so
// a too-large learning rate shows as a marked end, never as an exception or a blank chart.
import type { Optimizer, Surface } from "../../lib";

/** One point of a path: after `t` steps the parameters are (x, y) and the loss is f. */
export interface PathPoint {
  t: number;
  x: number;
  y: number;
  f: number;
}

/** How a path ended early: the loss grew without bound, or (the saddle) fell without bound. */
export type Stop = { step: number; kind: "diverged" | "unbounded" };

export interface Path {
  points: PathPoint[];
  stop: Stop | null;
}

/**
 * Past this |f| a run counts as diverged. Far above any value the surfaces take in their view
 * windows (Beale peaks near 2·10⁵), far below where doubles overflow.
 */
export const DIVERGENCE_BOUND = 1e8;

/** Runs `steps` steps of `opt` from `start`, feeding it the surface's gradient at each point. */
export function tracePath(opt: Optimizer, surface: Surface, start: readonly [number, number], steps: number): Path {
  const theta = Float64Array.from(start);
  const grad = new Float64Array(2);
  const points: PathPoint[] = [{ t: 0, x: theta[0], y: theta[1], f: surface.f(theta[0], theta[1]) }];
  for (let t = 1; t <= steps; t++) {
    grad.set(surface.grad(theta[0], theta[1]));
    opt.step([theta], [grad]);
    const [x, y] = theta;
    const f = surface.f(x, y);
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(f) || Math.abs(f) > DIVERGENCE_BOUND) {
      // NOTE: a finite f far below zero only happens where f has no lower bound (the saddle).
      return { points, stop: { step: t, kind: Number.isFinite(f) && f < 0 ? "unbounded" : "diverged" } };
    }
    points.push({ t, x, y, f });
  }
  return { points, stop: null };
}

/** The largest distance between two paths at the same step; ∞ when one stopped before the other. */
export function maxDistance(a: Path, b: Path): number {
  if (a.points.length !== b.points.length) return Infinity;
  let max = 0;
  for (let i = 0; i < a.points.length; i++) {
    max = Math.max(max, Math.hypot(a.points[i].x - b.points[i].x, a.points[i].y - b.points[i].y));
  }
  return max;
}

/** A point pulled into the view window, so an end marker far outside still shows at the edge. */
export function clampToView(p: { x: number; y: number }, xRange: readonly [number, number], yRange: readonly [number, number]) {
  const clamp = (v: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, v));
  return { x: clamp(p.x, xRange), y: clamp(p.y, yRange) };
}
