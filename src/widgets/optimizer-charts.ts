// The shared look of the optimizer widgets' charts: one colour per path, darker on the light theme
// and lighter on the dark one so every path stands out from the page; dashes for paths that often
// overlap (AdamW over Adam; the two momentum forms once their learning rates are matched); sizes;
// and the contour chart of a loss surface that both the race and the momentum explorer draw paths on.
import type { Surface } from "../../lib";
import { Plot, themeColors, drawChart, type TableData } from "../charts/chart";
import { sampleGrid, contourLevels } from "./contours";
import type { OptimizerId } from "./optimizer-race-model";

type Key = OptimizerId | "pytorch" | "ema";

const LIGHT: Record<Key, string> = {
  gd: "#5f6368",
  momentum: "#1f5fbf",
  nesterov: "#7b3fc4",
  rmsprop: "#1b7f35",
  adam: "#c2410c",
  adamw: "#9a6b00",
  pytorch: "#1f5fbf",
  ema: "#c2410c",
};
const DARK: Record<Key, string> = {
  gd: "#c4c7cc",
  momentum: "#7fb0ff",
  nesterov: "#c9a4ff",
  rmsprop: "#6fd98c",
  adam: "#ff9a5c",
  adamw: "#f2c94c",
  pytorch: "#7fb0ff",
  ema: "#ff9a5c",
};

/**
 * Drops the <style> element Plot puts in every chart SVG (its rules are in optimizer-race.css and optimizer-internals.css):
 * a stylesheet added and removed with each drawing made the browser restyle the whole long chapter page each time.
 */
export function dropPlotStyle(host: Element): void {
  for (const style of host.querySelectorAll("svg > style")) style.remove();
}

/** The colour of a path on the current theme. */
export function optimizerColor(key: Key): string {
  return (document.documentElement.dataset.theme === "dark" ? DARK : LIGHT)[key];
}

export const dashOf = (key: Key) => (key === "adamw" || key === "pytorch" ? "6 3" : undefined);

const MARGINS = { marginTop: 16, marginRight: 16, marginBottom: 36, marginLeft: 40 } as const;
/** Contour layers already drawn, by surface, size and theme: a redraw that only moves the paths
 * (Play, Step, a learning rate) reuses one instead of sampling and contouring the surface again. */
const backgrounds = new Map<string, SVGSVGElement>();

/** The contour lines, axes and target star of `surface`, drawn once per surface, size and theme
 * and then cloned from a cache. Decorative (aria-hidden): the overlay above it carries the description. */
export function surfaceBackground(surface: Surface, size: number, xLabel: string, yLabel: string): SVGSVGElement {
  const theme = document.documentElement.dataset.theme ?? "light";
  const key = `${surface.name}|${size}|${theme}|${xLabel}|${yLabel}`;
  let svg = backgrounds.get(key);
  if (!svg) {
    const c = themeColors();
    svg = Plot.plot({
      ...surfaceChart(surface, size, xLabel, yLabel, []),
      style: { background: "transparent", color: c.text, fontSize: "13px", overflow: "visible" },
    }) as SVGSVGElement;
    svg.querySelectorAll("[aria-label]").forEach((el) => el.removeAttribute("aria-label"));
    dropPlotStyle(svg);
    svg.setAttribute("aria-hidden", "true");
    svg.classList.add("dl-surface-background");
    if (backgrounds.size > 40) backgrounds.clear();
    backgrounds.set(key, svg);
  }
  return svg.cloneNode(true) as SVGSVGElement;
}

/** Plot options for the paths alone, on exactly the frame of `surfaceBackground` (no axes, no contours). */
export function surfaceOverlay(surface: Surface, size: number, marks: Plot.Markish[]): Plot.PlotOptions {
  return {
    width: size,
    height: size,
    ...MARGINS,
    x: { domain: surface.xRange, axis: null },
    y: { domain: surface.yRange, axis: null },
    marks,
  };
}

/** A square chart of paths over a loss surface: its contour lines and a star at its minimum (or,
 * without one, its stationary point) under `marks`, on the surface's view window. */
export function surfaceChart(surface: Surface, size: number, xLabel: string, yLabel: string, marks: Plot.Markish[]): Plot.PlotOptions {
  const c = themeColors();
  const grid = sampleGrid(surface);
  return {
    width: size,
    height: size,
    ...MARGINS,
    x: { domain: surface.xRange, label: xLabel },
    y: { domain: surface.yRange, label: yLabel },
    marks: [
      // NOTE: the samples already sit on the grid; without interpolate: "none" Plot triangulates all
      // 3,600 of them (Delaunay) to re-sample the same grid, which was most of a redraw's time.
      Plot.contour(grid.values, {
        ...grid,
        interpolate: "none",
        thresholds: contourLevels(surface, grid),
        stroke: c.muted,
        strokeOpacity: 0.6,
        fill: "none",
      }),
      Plot.dot([surface.minimum ?? surface.stationary], { x: "x", y: "y", symbol: "star", r: 7, stroke: c.text, fill: c.text }),
      ...marks,
    ],
  };
}

/**
 * Draws paths over a surface in `host` as two stacked SVGs: the cached contour background and,
 * above it, the paths with the chart's description and data table (drawChart). Only the overlay is
 * redrawn unless the surface, size or theme changed.
 */
export function drawSurfaceChart(
  host: HTMLElement,
  surface: Surface,
  size: number,
  labels: [string, string],
  marks: Plot.Markish[],
  description: string,
  table: TableData,
): void {
  let bg = host.querySelector<HTMLElement>(":scope > .dl-surface-bg"),
    fg = host.querySelector<HTMLElement>(":scope > .dl-surface-fg");
  if (!bg || !fg) {
    bg = Object.assign(document.createElement("div"), { className: "dl-surface-bg" });
    fg = Object.assign(document.createElement("div"), { className: "dl-surface-fg" });
    host.classList.add("dl-surface-stack");
    host.replaceChildren(bg, fg);
  }
  const key = `${surface.name}|${size}|${document.documentElement.dataset.theme ?? "light"}`;
  if (bg.dataset.key !== key) {
    bg.replaceChildren(surfaceBackground(surface, size, ...labels));
    bg.dataset.key = key;
  }
  drawChart(fg, surfaceOverlay(surface, size, marks), description, table);
  dropPlotStyle(fg);
}

/**
 * The width of `el`, kept up to date by a ResizeObserver, so a redraw never forces a layout of the
 * page to size its charts; `onChange` redraws when the width really changes (a rotated phone).
 */
export function trackWidth(el: HTMLElement, onChange: () => void): () => number {
  let width = 0;
  new ResizeObserver(([entry]) => {
    const w = Math.floor(entry.contentRect.width);
    if (w === width || w === 0) return;
    const first = width === 0;
    width = w;
    if (!first) onChange();
  }).observe(el);
  return () => width || (width = Math.floor(el.clientWidth));
}
