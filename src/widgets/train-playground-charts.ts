// The playground's two charts: the decision heatmap with the points on top, and the loss curve. Both go through
// drawChart (description + data table); the numbers come from the session, this file only arranges marks.
import { drawChart, Plot, themeColors } from "../charts/chart";
import { formatNumber } from "../charts/format";
import { GRID, type PlaygroundSession } from "./train-playground-session";
import { t } from "../i18n";

export interface HeatmapText {
  /** The chart's description (the data's name and every setting that shapes the figure). */
  description: string;
  /** σ(z) for each point, from `session.evaluate()`. */
  p: Float64Array;
}

/** Plot's x and y scales of the last heatmap, to turn a click into data coordinates. */
export type Scales = { x: Plot.Scale; y: Plot.Scale };

const background = () => getComputedStyle(document.documentElement).getPropertyValue("--sl-color-black").trim() || "#fff";

const tableOpen = (host: HTMLElement) => host.querySelector<HTMLDetailsElement>("details.dl-data-table")?.open ?? false;

/**
 * Whether to fill the data table: always when paused, but while training only if the reader has it open.
 * Rebuilding hundreds of closed table rows twenty times a second costs more than drawing the chart.
 */
const wantTable = (host: HTMLElement, live: boolean) => !live || tableOpen(host);

/**
 * Keeps an opened data table open across redraws (drawChart replaces it), and drops the <style> element Plot puts
 * in every chart: inserting a stylesheet twenty times a second makes the browser restyle the whole page each time.
 * The same rules are in train-playground.css.
 */
function redraw(host: HTMLElement, draw: () => void): void {
  const open = tableOpen(host);
  draw();
  host.querySelector("svg > style")?.remove();
  const details = host.querySelector<HTMLDetailsElement>("details.dl-data-table");
  if (details && open) details.open = true;
}

/** Draws the heatmap of p(class 1) over the plot window, the p = 0.5 boundary and the points. Returns the scales. */
export function drawHeatmap(
  host: HTMLElement,
  session: PlaygroundSession,
  text: HeatmapText,
  maxWidth: number,
  live = false,
): Scales | undefined {
  const c = themeColors(),
    bg = background();
  const { x0, x1, y0, y1 } = session.domain,
    pts = session.currentPoints;
  const width = Math.max(260, Math.min(560, maxWidth));
  const margin = { top: 24, right: 10, bottom: 36, left: 40 };
  const inner = width - margin.left - margin.right;
  // Equal units on both axes, so a circle in the data looks like a circle.
  const height = Math.round(Math.max(160, Math.min(480, (inner * (y1 - y0)) / (x1 - x0))) + margin.top + margin.bottom);
  const probabilities = session.gridProbabilities();
  const byClass = (label: number) => pts.x.flatMap((x, i) => (pts.label[i] === label ? [{ x, y: pts.y[i] }] : []));
  const raster = { width: GRID, height: GRID, x1: x0, x2: x1, y1: y0, y2: y1 };
  let scales: Scales | undefined;
  redraw(host, () => {
    drawChart(
      host,
      {
        width,
        height,
        marginTop: margin.top,
        marginRight: margin.right,
        marginBottom: margin.bottom,
        marginLeft: margin.left,
        x: { domain: [x0, x1], label: "x₁" },
        y: { domain: [y0, y1], label: "x₂" },
        color: { type: "linear", domain: [0, 0.5, 1], range: [c.second, bg, c.accent], interpolate: "rgb" },
        marks: [
          Plot.raster(probabilities, { ...raster, opacity: 0.55 }),
          Plot.contour(probabilities, { ...raster, thresholds: [0.5], stroke: c.text, strokeWidth: 1.5, fill: "none" }),
          Plot.dot(byClass(0), { x: "x", y: "y", r: 3.5, symbol: "circle", fill: c.second, stroke: bg, strokeWidth: 1 }),
          Plot.dot(byClass(1), { x: "x", y: "y", r: 3.5, symbol: "square", fill: c.accent, stroke: bg, strokeWidth: 1 }),
          Plot.frame({ stroke: c.grid }),
        ],
      },
      text.description,
      {
        columns: [
          t("trainPlayground.table.x"),
          t("trainPlayground.table.y"),
          t("trainPlayground.table.class"),
          t("trainPlayground.table.p"),
        ],
        rows: !wantTable(host, live) ? [] : pts.x.map((x, i) => [formatNumber(x, 3), formatNumber(pts.y[i], 3), pts.label[i], text.p[i]]),
      },
    );
    const svg = host.querySelector("svg") as (SVGSVGElement & { scale?: (name: string) => Plot.Scale }) | null;
    if (svg?.scale) scales = { x: svg.scale("x"), y: svg.scale("y") };
  });
  return scales;
}

/** Draws the sampled mini-batch losses against the step, on a log or linear axis. */
export function drawLossCurve(host: HTMLElement, session: PlaygroundSession, log: boolean, maxWidth: number, live = false): void {
  const c = themeColors();
  const { step, loss } = session.curve;
  const data = step.map((s, i) => ({ step: s, loss: loss[i] })).filter((d) => Number.isFinite(d.loss) && (!log || d.loss > 0));
  const scale = t(log ? "trainPlayground.scale.log" : "trainPlayground.scale.linear");
  const description =
    data.length < 2
      ? t("trainPlayground.lossDescEmpty", { scale })
      : t("trainPlayground.lossDesc", {
          scale,
          steps: data[data.length - 1].step.toLocaleString("en-US"),
          first: formatNumber(data[0].loss),
          last: formatNumber(data[data.length - 1].loss),
        });
  // NOTE: before training there is one point (or none): Plot would then draw a zero-width x domain, whose
  // ticks read "NaN", and a zero-height y domain with one over-precise tick. Give both a real extent.
  const last = data.at(-1),
    first = data[0];
  const xDomain = data.length < 2 ? { domain: [0, Math.max(10, last?.step ?? 0)] } : {};
  const flat = !first || data.every((d) => d.loss === first.loss);
  const level = first?.loss ?? 1;
  const yDomain = !flat ? {} : { domain: log ? [level / 10, level * 10] : [0, Math.max(level * 1.25, 1e-3)] };
  redraw(host, () =>
    drawChart(
      host,
      {
        width: Math.max(260, Math.min(560, maxWidth)),
        height: 180,
        marginLeft: 56,
        marginBottom: 36,
        x: { label: t("trainPlayground.axis.step"), nice: true, tickFormat: "~s", ...xDomain },
        y: {
          label: t("trainPlayground.axis.loss"),
          type: log ? "log" : "linear",
          grid: true,
          tickFormat: "~g",
          ...(log ? {} : { zero: true }),
          ...yDomain,
        },
        marks: [
          Plot.line(data, { x: "step", y: "loss", stroke: c.accent, strokeWidth: 1.5 }),
          Plot.dot(data.slice(-1), { x: "step", y: "loss", fill: c.accent, r: 3 }),
        ],
      },
      description,
      {
        columns: [t("trainPlayground.table.step"), t("trainPlayground.table.loss")],
        rows: wantTable(host, live) ? data.map((d) => [d.step, d.loss]) : [],
      },
    ),
  );
}
