// A surface sampled on a grid, with contour levels spaced so that every surface shows its shape:
// geometric steps above the minimum (Rosenbrock's walls are 10⁴ times higher than its valley
// floor), even steps where there is no minimum (the saddle).
import type { Surface } from "../../lib";

export interface Grid {
  /** Row-major samples, row 0 at y = y1, column 0 at x = x1, each at its cell's centre (Plot's raster layout). */
  values: number[];
  width: number;
  height: number;
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

/** f sampled at the centres of an n × n grid over the surface's view window. */
export function sampleGrid(surface: Surface, n = 60): Grid {
  const [x1, x2] = surface.xRange,
    [y1, y2] = surface.yRange;
  const dx = (x2 - x1) / n,
    dy = (y2 - y1) / n;
  const values: number[] = [];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) values.push(surface.f(x1 + (col + 0.5) * dx, y1 + (row + 0.5) * dy));
  }
  return { values, width: n, height: n, x1, x2, y1, y2 };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];

/** `count` contour levels for the grid. */
export function contourLevels(surface: Surface, grid: Grid, count = 12): number[] {
  const sorted = [...grid.values].sort((a, b) => a - b);
  const fMin = surface.minimum?.f;
  if (fMin === undefined) {
    const lo = quantile(sorted, 0.05),
      hi = quantile(sorted, 0.95);
    return Array.from({ length: count }, (_, k) => lo + ((hi - lo) * k) / (count - 1));
  }
  const hi = quantile(sorted, 0.9) - fMin;
  const lo = Math.max(quantile(sorted, 0.005) - fMin, hi * 1e-4);
  return Array.from({ length: count }, (_, k) => fMin + lo * (hi / lo) ** (k / (count - 1)));
}
