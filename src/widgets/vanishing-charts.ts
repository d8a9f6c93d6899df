// Shared by chapter 6's widgets: chart sizes, log-scale ticks and series colours that stand out on both themes.

/** Width of one chart: two side by side in a wide figure, one full-width on a phone. */
export function chartWidth(figureWidth: number): number {
  const w = figureWidth || 640;
  return Math.floor(w >= 620 ? Math.min(440, (w - 16) / 2) : Math.max(240, Math.min(440, w - 4)));
}

/** Log-scale ticks as powers of ten ("1e-8"). */
export const powerOfTen = (d: number) => (Number.isFinite(d) && d > 0 ? d.toExponential(0).replace("e+", "e") : String(d));

const LIGHT = ["#1f5fbf", "#c2410c", "#1b7f35", "#7b3fc4"];
const DARK = ["#7fb0ff", "#ff9a5c", "#6fd98c", "#c9a4ff"];

/** The k-th series colour on the current theme. */
export function seriesColor(k: number): string {
  return (document.documentElement.dataset.theme === "dark" ? DARK : LIGHT)[k % 4];
}

/** A log-scale domain covering the finite positive values, padded by a factor of 3 either side. */
export function logDomain(values: readonly number[]): [number, number] {
  const v = values.filter((x) => Number.isFinite(x) && x > 0);
  if (v.length === 0) return [1e-3, 1];
  const lo = Math.min(...v), hi = Math.max(...v);
  return [lo / 3, hi * 3];
}
