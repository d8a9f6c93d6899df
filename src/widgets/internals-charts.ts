// What the three "optimizer internals" widgets (Inside Adam, Batch size, AdamW vs L2) share on the
// page: a palette that stays readable on both themes, a legend of line swatches, chart widths and
// thinned data tables. Presentation only; no numbers are computed here.
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
  const w = host.clientWidth || max;
  return Math.max(260, Math.min(max, Math.floor(w)));
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
