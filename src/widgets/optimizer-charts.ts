// The shared look of the optimizer widgets' charts: one colour per path, darker on the light theme
// and lighter on the dark one so every path stands out from the page; dashes for paths that often
// overlap (AdamW over Adam; the two momentum forms once their learning rates are matched); sizes;
// and the contour chart of a loss surface that both the race and the momentum explorer draw paths on.
import type { Surface } from "../../lib";
import { Plot, themeColors } from "./chart";
import { sampleGrid, contourLevels } from "./contours";
import type { OptimizerId } from "./optimizer-race-model";

type Key = OptimizerId | "pytorch" | "ema";

const LIGHT: Record<Key, string> = {
  gd: "#5f6368", momentum: "#1f5fbf", nesterov: "#7b3fc4", rmsprop: "#1b7f35", adam: "#c2410c", adamw: "#9a6b00",
  pytorch: "#1f5fbf", ema: "#c2410c",
};
const DARK: Record<Key, string> = {
  gd: "#c4c7cc", momentum: "#7fb0ff", nesterov: "#c9a4ff", rmsprop: "#6fd98c", adam: "#ff9a5c", adamw: "#f2c94c",
  pytorch: "#7fb0ff", ema: "#ff9a5c",
};

/** The colour of a path on the current theme. */
export function optimizerColor(key: Key): string {
  return (document.documentElement.dataset.theme === "dark" ? DARK : LIGHT)[key];
}

export const dashOf = (key: Key) => (key === "adamw" || key === "pytorch" ? "6 3" : undefined);

/** Side of a square chart: two fit side by side in a wide widget; one fills a phone's width. */
export function chartSize(widgetWidth: number): number {
  const w = widgetWidth || 640;
  return Math.floor(w >= 600 ? Math.min(420, (w - 24) / 2) : Math.max(240, Math.min(420, w - 8)));
}

/** Log-scale ticks as powers of ten ("1e-8"), not SI prefixes ("10n"), which read as units. */
export const powerOfTen = (d: number) => (Number.isFinite(d) && d > 0 ? d.toExponential(0).replace("e+", "e") : String(d));

/** A square chart of paths over a loss surface: its contour lines and a star at its minimum (or,
 * without one, its stationary point) under `marks`, on the surface's view window. */
export function surfaceChart(surface: Surface, size: number, xLabel: string, yLabel: string, marks: Plot.Markish[]): Plot.PlotOptions {
  const c = themeColors();
  const grid = sampleGrid(surface);
  return {
    width: size,
    height: size,
    marginLeft: 40,
    marginBottom: 36,
    x: { domain: surface.xRange, label: xLabel },
    y: { domain: surface.yRange, label: yLabel },
    marks: [
      Plot.contour(grid.values, { ...grid, thresholds: contourLevels(surface, grid), stroke: c.muted, strokeOpacity: 0.6, fill: "none" }),
      Plot.dot([surface.minimum ?? surface.stationary], { x: "x", y: "y", symbol: "star", r: 7, stroke: c.text, fill: c.text }),
      ...marks,
    ],
  };
}
