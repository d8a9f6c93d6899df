// The playground's two charts: the decision heatmap with the points on top, and the loss curve. Both go through
// drawChart (description + data table); the numbers come from the session, this file only arranges marks.
import { drawChart, Plot, themeColors } from "../charts/chart";
import { dotsMark } from "../charts/dots-mark";
import { formatNumber } from "../charts/format";
import { GRID, type PlaygroundSession } from "./train-playground-session";
import { t } from "../i18n";

export interface HeatmapText {
  /** The chart's description (the data's name and every setting that shapes the figure). */
  description: string;
  /** σ(z) for each point, from `session.evaluate()`. */
  p: Float64Array;
  /** A hidden unit's map to show instead of p(class 1), when the reader points at or focuses that unit. */
  unit?: Float64Array;
}

/** Plot's x and y scales of the last heatmap, to turn a click into data coordinates. */
export type Scales = { x: Plot.Scale; y: Plot.Scale };

let cachedBackground: { theme: string; color: string } | undefined;
/** The page background, read once per theme (a style read after the readouts changed forced a style pass of the page). */
function background(): string {
  const theme = document.documentElement.dataset.theme ?? "";
  if (cachedBackground?.theme !== theme) {
    cachedBackground = { theme, color: getComputedStyle(document.documentElement).getPropertyValue("--sl-color-black").trim() || "#fff" };
  }
  return cachedBackground.color;
}

const tableOpen = (host: HTMLElement) => host.querySelector<HTMLDetailsElement>("details.dl-data-table")?.open ?? false;

/**
 * Whether to fill the data table: only while the reader has it open (the widget draws the chart again when it is
 * opened). Building the 200-odd closed rows of the points cost more than drawing the heatmap, on every change.
 */
const wantTable = (host: HTMLElement) => tableOpen(host);

/** Calls `fill` when the reader opens the data table under a chart in `host`, whose rows are left out while it is closed. */
export function onTableOpen(host: HTMLElement, fill: () => void): void {
  // toggle does not bubble: listen while it goes down to the <details>.
  host.addEventListener(
    "toggle",
    (e) => {
      // Only a table drawn without its rows: one drawn open also sends a toggle, and must not draw again.
      const details = e.target as HTMLDetailsElement;
      if (details.matches("details.dl-data-table[data-rows-left-out]") && details.open) fill();
    },
    true,
  );
}

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
  // A closed table is drawn without its rows (wantTable); onTableOpen fills it when opened.
  if (details && !open) details.dataset.rowsLeftOut = "";
}

/** Radius of a point's circle; a square has the same area, as Plot's symbols do. */
const POINT_R = 3.5;

/** Draws the heatmap of p(class 1) over the plot window, the p = 0.5 boundary and the points. Returns the scales. */
export function drawHeatmap(host: HTMLElement, session: PlaygroundSession, text: HeatmapText, maxWidth: number): Scales | undefined {
  const c = themeColors(),
    bg = background();
  const { x0, x1, y0, y1 } = session.domain,
    pts = session.currentPoints;
  const width = Math.max(240, Math.min(560, maxWidth));
  const margin = { top: 20, right: 8, bottom: 32, left: 36 };
  const inner = width - margin.left - margin.right;
  // Equal units on both axes, so a circle in the data looks like a circle.
  const height = Math.round(Math.max(140, Math.min(inner, 480, (inner * (y1 - y0)) / (x1 - x0))) + margin.top + margin.bottom);
  const probabilities = session.gridProbabilities();
  // A unit's values are spread over the same colours, lowest to highest in the window (its own scale, not p).
  let values: Float64Array = probabilities;
  if (text.unit) {
    let lo = Infinity,
      hi = -Infinity;
    for (const v of text.unit) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
    values = text.unit.map((v) => (hi > lo ? (v - lo) / (hi - lo) : 0.5));
  }
  // Training points filled, test points hollow, as in the legend.
  const byClass = (label: number, train: boolean) =>
    pts.x.flatMap((x, i) => (pts.label[i] === label && session.mask[i] === train ? [{ x, y: pts.y[i] }] : []));
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
          Plot.raster(values, { ...raster, opacity: 0.55 }),
          Plot.contour(probabilities, { ...raster, thresholds: [0.5], stroke: c.text, strokeWidth: text.unit ? 0.75 : 1.5, fill: "none" }),
          dotsMark(byClass(0, true), "x", "y", POINT_R, { fill: c.second, stroke: bg, "stroke-width": 1 }, "circle"),
          dotsMark(byClass(1, true), "x", "y", POINT_R, { fill: c.accent, stroke: bg, "stroke-width": 1 }, "square"),
          dotsMark(byClass(0, false), "x", "y", POINT_R, { fill: bg, stroke: c.second, "stroke-width": 1.5 }, "circle"),
          dotsMark(byClass(1, false), "x", "y", POINT_R, { fill: bg, stroke: c.accent, "stroke-width": 1.5 }, "square"),
          Plot.frame({ stroke: c.grid }),
        ],
      },
      text.description,
      {
        columns: [
          t("trainPlayground.table.x"),
          t("trainPlayground.table.y"),
          t("trainPlayground.table.class"),
          t("trainPlayground.table.set"),
          t("trainPlayground.table.p"),
        ],
        rows: !wantTable(host)
          ? []
          : pts.x.map((x, i) => [
              formatNumber(x, 3),
              formatNumber(pts.y[i], 3),
              pts.label[i],
              t(session.mask[i] ? "trainPlayground.set.train" : "trainPlayground.set.test"),
              text.p[i],
            ]),
      },
    );
    const svg = host.querySelector("svg") as (SVGSVGElement & { scale?: (name: string) => Plot.Scale }) | null;
    if (svg?.scale) scales = { x: svg.scale("x"), y: svg.scale("y") };
  });
  return scales;
}

/** Draws the sampled training-set and test-set losses against the step, on a log or linear axis. */
export function drawLossCurve(host: HTMLElement, session: PlaygroundSession, log: boolean, maxWidth: number): void {
  const c = themeColors();
  const { step, train, test } = session.curve;
  const ok = (v: number) => Number.isFinite(v) && (!log || v > 0);
  const trainSet = t("trainPlayground.set.train"),
    testSet = t("trainPlayground.set.test");
  const data = step.flatMap((s, i) => [
    ...(ok(train[i]) ? [{ step: s, loss: train[i], set: trainSet }] : []),
    ...(ok(test[i]) ? [{ step: s, loss: test[i], set: testSet }] : []),
  ]);
  const trainData = data.filter((d) => d.set === trainSet),
    testData = data.filter((d) => d.set === testSet);
  const scale = t(log ? "trainPlayground.scale.log" : "trainPlayground.scale.linear");
  const lastOf = (d: typeof data) => (d.length ? formatNumber(d[d.length - 1].loss) : "–");
  const description =
    trainData.length < 2
      ? t("trainPlayground.lossDescEmpty", { scale })
      : t("trainPlayground.lossDesc", {
          scale,
          steps: trainData[trainData.length - 1].step.toLocaleString("en-US"),
          first: formatNumber(trainData[0].loss),
          last: lastOf(trainData),
          test: lastOf(testData),
        });
  // NOTE: before training there is one point per line (or none): Plot would then draw a zero-width x domain, whose
  // ticks read "NaN", and a zero-height y domain with one over-precise tick. Give both a real extent.
  const lastStep = step.at(-1) ?? 0;
  const xDomain = trainData.length < 2 ? { domain: [0, Math.max(10, lastStep)] } : {};
  const level = data[0]?.loss ?? 1;
  const flat = data.every((d) => d.loss === level);
  const yDomain = !flat ? {} : { domain: log ? [level / 10, level * 10] : [0, Math.max(level * 1.25, 1e-3)] };
  const color = { domain: [trainSet, testSet], range: [c.accent, c.second] };
  redraw(host, () =>
    drawChart(
      host,
      {
        width: Math.max(220, Math.min(560, maxWidth)),
        height: 140,
        marginLeft: 56,
        marginBottom: 34,
        marginTop: 14,
        x: { label: t("trainPlayground.axis.step"), nice: true, tickFormat: "~s", ...xDomain },
        y: {
          label: t("trainPlayground.axis.loss"),
          type: log ? "log" : "linear",
          grid: true,
          tickFormat: "~g",
          ...(log ? {} : { zero: true }),
          ...yDomain,
        },
        color,
        marks: [
          Plot.line(trainData, { x: "step", y: "loss", stroke: c.accent, strokeWidth: 1.5 }),
          Plot.line(testData, { x: "step", y: "loss", stroke: c.second, strokeWidth: 1.5, strokeDasharray: "5,3" }),
          Plot.dot([...trainData.slice(-1), ...testData.slice(-1)], { x: "step", y: "loss", fill: "set", r: 3 }),
        ],
      },
      description,
      {
        columns: [t("trainPlayground.table.step"), t("trainPlayground.table.set"), t("trainPlayground.table.loss")],
        rows: wantTable(host) ? data.map((d) => [d.step, d.set, d.loss]) : [],
      },
    ),
  );
}
