// The parts every chart of the course shares: a palette that stays readable on both themes, a legend
// of line swatches, chart widths, log-scale domains and ticks, thinned data tables, and the solid-and-dashed
// pair of lines. Presentation only; no numbers the course teaches are computed here.
import { Plot } from "./chart";
import { formatNumber } from "./format";

const LIGHT = ["#1f5fbf", "#c2410c", "#1b7f35", "#7b3fc4", "#5f6368"];
const DARK = ["#7fb0ff", "#ff9a5c", "#6fd98c", "#c9a4ff", "#c4c7cc"];

/** Colour `i` of the series palette on the current theme (the last one is a neutral grey). */
export function seriesColor(i: number): string {
  const palette = document.documentElement.dataset.theme === "dark" ? DARK : LIGHT;
  return palette[i % palette.length];
}

export interface LegendItem {
  label: string;
  color: string;
  dash?: boolean;
  dot?: boolean;
}

/** A legend as a list of line swatches and labels (text, so screen readers and axe see it). */
export function legend(items: LegendItem[]): HTMLElement {
  const list = document.createElement("ul");
  list.className = "dl-internals-legend";
  for (const item of items) {
    const li = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = "dl-internals-swatch";
    swatch.setAttribute("aria-hidden", "true");
    if (item.dot) {
      swatch.style.background = item.color;
      swatch.style.borderRadius = "50%";
      swatch.style.width = swatch.style.height = "0.5rem";
    } else swatch.style.borderTop = `3px ${item.dash ? "dashed" : "solid"} ${item.color}`;
    li.append(swatch, item.label);
    list.append(li);
  }
  return list;
}

/** A chart's width from its host: the figure's width, capped; never wider than a phone allows. */
export function chartWidth(host: HTMLElement, max = 640): number {
  return fitWidth(host.clientWidth, max);
}

/**
 * A chart's width from a figure width already measured (trackWidth, so a redraw forces no layout): 260 px to `max`,
 * and `max` while the width is not known yet (0).
 *
 * @example
 *   fitWidth(1000, 420)   // 420
 *   fitWidth(0, 420)      // 420
 */
export function fitWidth(figureWidth: number, max = 640): number {
  return Math.max(260, Math.min(max, Math.floor(figureWidth || max)));
}

/** Width of one of two charts side by side in a wide figure; on a phone, one chart fills the width. */
export function pairWidth(figureWidth: number, max = 440): number {
  const w = figureWidth || 640;
  return Math.floor(w >= 620 ? Math.min(max, (w - 16) / 2) : Math.max(240, Math.min(max, w - 4)));
}

/** A log-scale domain covering the finite positive values (those above `ceiling` are held at it),
 * widened by the factor `pad` either side; [0.1, 10] when there is no such value. */
export function logDomain(values: Iterable<number>, { pad = 3, ceiling = Infinity } = {}): [number, number] {
  let lo = Infinity,
    hi = 0;
  for (const v of values) {
    if (!(Number.isFinite(v) && v > 0)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (hi === 0) return [0.1, 10];
  hi = Math.min(hi, ceiling);
  lo = Math.min(lo, hi);
  return [lo / pad, hi * pad];
}

/** At most about `count` evenly spaced items of a series, plus its last, for the data tables. */
export function thin<T>(items: T[], count = 20): T[] {
  const every = Math.max(1, Math.ceil(items.length / count));
  return items.filter((_, i) => i % every === 0 || i === items.length - 1);
}

/** A titled chart host: a small heading and a div that drawChart fills. */
export function chartBlock(title: string): { block: HTMLElement; heading: HTMLElement; host: HTMLElement } {
  const block = document.createElement("div");
  block.className = "dl-internals-chart";
  const heading = Object.assign(document.createElement("p"), { className: "dl-internals-chart-title", textContent: title });
  const host = document.createElement("div");
  block.append(heading, host);
  return { block, heading, host };
}

/** Log-axis ticks as powers of ten ("1e-3"), for axes spanning many orders of magnitude. */
export const powerOfTen = (d: number) => (Number.isFinite(d) && d > 0 ? d.toExponential(0).replace("e+", "e") : String(d));

/** Log-axis ticks as plain numbers ("0.2", "3"), for axes spanning a few orders of magnitude. */
export const plainTick = (d: number) => formatNumber(d, 2);

/** The step axis every chart here shares: its label centred under the ticks, clear of the last one. */
export const stepAxis = (label: string) => ({ label, labelAnchor: "center" as const, labelOffset: 34 });

/** One line of `solidAndDashed`: its points and the field of each point its y is read from. */
export interface PairLine {
  data: Plot.Data;
  y: string;
}

/**
 * The course's pair of lines told apart without colour (training and validation cost, w₁ and w₂): `first` solid in
 * series colour 0, `second` dashed in colour 1, both 2 px wide, over the same x field; the second is drawn on top.
 *
 * @example
 *   marks: [...solidAndDashed("step", { data: points, y: "train" }, { data: points, y: "val" })]
 */
export function solidAndDashed(x: string, first: PairLine, second: PairLine): Plot.Markish[] {
  return [
    Plot.line(first.data, { x, y: first.y, stroke: seriesColor(0), strokeWidth: 2 }),
    Plot.line(second.data, { x, y: second.y, stroke: seriesColor(1), strokeWidth: 2, strokeDasharray: "6 3" }),
  ];
}
