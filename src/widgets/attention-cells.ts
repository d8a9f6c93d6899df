// The attention heatmap the chapter-10 widgets share: query words down, key words across, one cell per weight a_ij,
// darker for more weight; masked cells (weight exactly 0 under a causal mask) are drawn empty with a dash.
import { Plot, themeColors } from "../charts/chart";

/** Axis labels that stay unique when a word repeats: "3 the". */
export const tokenLabels = (tokens: readonly string[]) => tokens.map((w, j) => `${j + 1} ${w}`);

export interface HeatmapOptions {
  width: number;
  /** Print each weight in its cell (off for small multiples). */
  numbers?: boolean;
  /** A query row (0-based) to outline. */
  row?: number;
  /** Keys after the query are masked. */
  causal?: boolean;
}

/** Plot options for a T × T weight matrix. */
export function heatmapPlot(tokens: readonly string[], weights: number[][], o: HeatmapOptions): Plot.PlotOptions {
  const c = themeColors(),
    labels = tokenLabels(tokens),
    T = tokens.length;
  const cells = weights.flatMap((r, i) => r.map((a, j) => ({ q: labels[i], k: labels[j], a, masked: Boolean(o.causal) && j > i })));
  const open = cells.filter((x) => !x.masked),
    masked = cells.filter((x) => x.masked);
  const small = !o.numbers;
  return {
    width: o.width,
    height: Math.round(o.width * 0.82) + 20,
    marginLeft: small ? 66 : 72,
    marginBottom: small ? 56 : 64,
    marginTop: 8,
    x: { domain: labels, label: null, tickRotate: -50, tickSize: 0 },
    y: { domain: labels, label: null, tickSize: 0 },
    color: { type: "linear", domain: [0, 1], range: ["#f4f7ff", "#1d3a8a"] },
    style: { fontSize: small ? "10px" : "12px" },
    marks: [
      Plot.cell(open, { x: "k", y: "q", fill: "a", inset: 0.5 }),
      Plot.cell(masked, { x: "k", y: "q", fill: c.grid, fillOpacity: 0.35, inset: 0.5 }),
      o.numbers && T <= 12
        ? Plot.text(cells, {
            x: "k",
            y: "q",
            text: (x: { a: number; masked: boolean }) => (x.masked ? "–" : x.a.toFixed(2).replace(/^0\./, ".")),
            fill: (x: { a: number; masked: boolean }) => (x.masked ? c.muted : x.a > 0.45 ? "white" : "#1b1b1b"),
            fontSize: T > 9 ? 9 : 11,
          })
        : null,
      o.row !== undefined ? Plot.cell([labels[o.row]], { y: (q: string) => q, stroke: c.second, strokeWidth: 2.5, fill: "none" }) : null,
    ],
  };
}
