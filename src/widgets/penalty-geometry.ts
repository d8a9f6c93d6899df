// <dl-penalty-geometry>: L1, L2 and elastic-net penalties on a two-weight problem (chapter 5). Loss
// contours with the constraint region through the penalized optimum (diamond, disc or in between),
// the path of optima as λ grows, the weight paths against λ (L1 sets weights exactly to zero), and a
// table comparing the penalties and plain subgradient descent. The model computes; this draws.
import { ThrottledWidget } from "./throttled-widget";
import { drawChart, Plot, themeColors } from "../charts/chart";
import { formatNumber } from "../charts/format";
import { chartBlock, chartWidth, legend, seriesColor, solidAndDashed, stepAxis, thin } from "../charts/parts";
import {
  LAMBDA_MAX,
  W_STAR,
  geometry,
  lossGrid,
  penaltySchema,
  path,
  proximalOptimum,
  strengths,
  subgradientOptimum,
  type Geometry,
} from "./penalty-geometry-model";
import { t } from "../i18n";

const fmt = (x: number) => (x === 0 ? "0" : formatNumber(x, 3));
const VIEW = { x1: -1, x2: 3.5, y1: -1.5, y2: 2.5 };
/** Levels of the fixed loss contours. */
const LEVELS = [0.05, 0.2, 0.5, 1, 2, 3.5, 5.5, 8];

class PenaltyGeometryWidget extends ThrottledWidget<typeof penaltySchema> {
  readonly schema = penaltySchema;
  private readouts!: HTMLElement;
  private table!: HTMLTableElement;
  private planeHost!: ReturnType<typeof chartBlock>;
  private pathHost!: ReturnType<typeof chartBlock>;
  private grid = lossGrid(60, VIEW.x1, VIEW.x2, VIEW.y1, VIEW.y2);
  private warmedMix = Number.NaN;
  /** The fixed loss contours as last drawn, and the chart size and colour they were drawn for. */
  private background?: { key: string; g: SVGElement };

  protected optionLabel(_name: string, option: string): string {
    return t(`penaltyGeometry.option.${option}`);
  }

  protected render(): void {
    if (!this.readouts) {
      this.readouts = Object.assign(document.createElement("dl"), { className: "dl-readouts" });
      this.table = Object.assign(document.createElement("table"), { className: "dl-fallback dl-internals-table", tabIndex: 0 });
      const charts = Object.assign(document.createElement("div"), { className: "dl-internals-charts" });
      this.planeHost = chartBlock(t("penaltyGeometry.planeTitle"));
      this.pathHost = chartBlock(t("penaltyGeometry.pathTitle"));
      charts.append(this.planeHost.block, this.pathHost.block);
      this.figure.append(this.readouts, charts, this.table);
    }
    // Measured before the readouts change, so reading the width does not force a layout of the whole page.
    const width = chartWidth(this.figure, 400);
    const g = geometry(this.state);
    this.fillReadouts(g);
    this.drawPlane(g, width);
    this.drawPaths(g, width);
    this.fillTable();
    this.warmPaths();
  }

  /** The other penalties' regularization paths (33,000 proximal steps each) are computed while the page is idle,
   * so switching the penalty finds them ready; once per mix. */
  private warmPaths(): void {
    const s = this.state;
    if (this.warmedMix === s.mix) return;
    this.warmedMix = s.mix;
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
    for (const penalty of penaltySchema.penalty.options) if (penalty !== s.penalty) idle(() => path({ ...s, penalty }));
  }

  private name(): string {
    return t(`penaltyGeometry.option.${this.state.penalty}`);
  }

  private fillReadouts(g: Geometry): void {
    const [w1, w2] = g.optimum,
      zeros = (w1 === 0 ? 1 : 0) + (w2 === 0 ? 1 : 0);
    const rows: [string, string][] = [
      [t("penaltyGeometry.strengths"), t("penaltyGeometry.strengthsValue", { l1: formatNumber(g.l1, 3), l2: formatNumber(g.l2, 3) })],
      [t("penaltyGeometry.optimum"), t("penaltyGeometry.optimumValue", { w1: fmt(w1), w2: fmt(w2), zeros })],
      [t("penaltyGeometry.costs"), t("penaltyGeometry.costsValue", { J: formatNumber(g.loss, 3), R: formatNumber(g.penalty, 3) })],
    ];
    if (g.l1 > 0)
      rows.push([
        t("penaltyGeometry.subgradient"),
        t("penaltyGeometry.subgradientValue", { w1: fmt(g.subgradient[0]), w2: fmt(g.subgradient[1]) }),
      ]);
    this.readouts.replaceChildren(
      ...rows.flatMap(([k, v]) => [
        Object.assign(document.createElement("dt"), { textContent: k }),
        Object.assign(document.createElement("dd"), { textContent: v }),
      ]),
    );
  }

  private drawPlane(g: Geometry, width: number): void {
    const c = themeColors();
    const height = Math.round((width - 50) * ((VIEW.y2 - VIEW.y1) / (VIEW.x2 - VIEW.x1))) + 40;
    const opt = { x: g.optimum[0], y: g.optimum[1] };
    const pathPts = g.path.map((p) => ({ x: p.w1, y: p.w2 }));
    const grid = { ...this.grid, interpolate: "none" as const };
    drawChart(
      this.planeHost.host,
      {
        width,
        height,
        marginLeft: 40,
        marginBottom: 36,
        x: { domain: [VIEW.x1, VIEW.x2], label: "w₁", labelAnchor: "center", labelOffset: 30 },
        y: { domain: [VIEW.y1, VIEW.y2], label: "w₂", grid: false },
        clip: true,
        marks: [
          // NOTE: the samples already sit on the grid; without interpolate: "none" Plot triangulates all 3 600 of them
          // (Delaunay, for nearest-neighbour filling) on every drawing, most of a λ change's time.
          this.backgroundContours(`${width}:${height}:${c.muted}`, grid, c.muted),
          Plot.contour(this.grid.values, { ...grid, thresholds: [g.loss], stroke: seriesColor(1), strokeWidth: 1.5, fill: "none" }),
          Plot.ruleX([0], { stroke: c.muted }),
          Plot.ruleY([0], { stroke: c.muted }),
          Plot.line(g.boundary, { x: "x", y: "y", stroke: seriesColor(0), strokeWidth: 2, fill: seriesColor(0), fillOpacity: 0.12 }),
          Plot.line(pathPts, { x: "x", y: "y", stroke: seriesColor(2), strokeWidth: 2, strokeDasharray: "4 3" }),
          Plot.dot([{ x: W_STAR[0], y: W_STAR[1] }], { x: "x", y: "y", symbol: "plus", r: 6, stroke: c.text, strokeWidth: 2 }),
          Plot.dot([opt], { x: "x", y: "y", r: 5, fill: seriesColor(1), stroke: c.text }),
          ...(g.l1 > 0
            ? [
                Plot.dot([{ x: g.subgradient[0], y: g.subgradient[1] }], {
                  x: "x",
                  y: "y",
                  symbol: "times",
                  r: 5,
                  stroke: seriesColor(3),
                  strokeWidth: 2,
                }),
              ]
            : []),
        ],
      },
      t("penaltyGeometry.planeDesc", {
        name: this.name(),
        lambda: this.state.lambda,
        w1: fmt(opt.x),
        w2: fmt(opt.y),
        s1: W_STAR[0],
        s2: W_STAR[1],
      }),
      { columns: ["λ", "w₁", "w₂"], rows: thin(g.path, 12).map((p) => [p.lambda, p.w1, p.w2]) },
    );
    this.planeHost.block.querySelector(".dl-internals-legend")?.remove();
    this.planeHost.block.append(
      legend([
        { label: t("penaltyGeometry.key.region", { name: this.name() }), color: seriesColor(0) },
        { label: t("penaltyGeometry.key.contour"), color: seriesColor(1) },
        { label: t("penaltyGeometry.key.path"), color: seriesColor(2), dash: true },
      ]),
    );
  }

  /** The loss contours at the fixed levels depend only on the chart's size and colour (the scales' domains are
   * fixed), so they are traced once and their drawing reused: a penalty or λ change re-traced them every time. */
  private backgroundContours(key: string, grid: ReturnType<typeof lossGrid> & { interpolate: "none" }, stroke: string): Plot.Markish {
    const cached = this.background;
    if (cached?.key === key) return () => cached.g.cloneNode(true) as SVGElement;
    return Plot.contour(this.grid.values, {
      ...grid,
      thresholds: LEVELS,
      stroke,
      strokeOpacity: 0.7,
      fill: "none",
      // Inside the fixed view by construction; no clip path, whose id would not survive a redraw.
      clip: false,
      render: (index, scales, values, dimensions, context, next) => {
        const g = next?.(index, scales, values, dimensions, context) ?? null;
        if (g) this.background = { key, g: g.cloneNode(true) as SVGElement };
        return g;
      },
    });
  }

  private drawPaths(g: Geometry, width: number): void {
    const firstZero = g.path.find((p) => p.w2 === 0);
    drawChart(
      this.pathHost.host,
      {
        width,
        height: 240,
        marginLeft: 44,
        marginBottom: 44,
        x: { ...stepAxis("λ"), domain: [0, LAMBDA_MAX] },
        y: { label: t("penaltyGeometry.axisWeight"), grid: true },
        marks: [
          Plot.ruleY([0], { stroke: themeColors().muted }),
          Plot.ruleX([this.state.lambda], { stroke: seriesColor(4), strokeDasharray: "2 3" }),
          ...solidAndDashed("lambda", { data: g.path, y: "w1" }, { data: g.path, y: "w2" }),
        ],
      },
      t(firstZero ? "penaltyGeometry.pathDescZero" : "penaltyGeometry.pathDesc", {
        name: this.name(),
        at: firstZero ? formatNumber(firstZero.lambda, 3) : "",
      }),
      { columns: ["λ", "w₁", "w₂", t("penaltyGeometry.zeros")], rows: thin(g.path, 12).map((p) => [p.lambda, p.w1, p.w2, p.zeros]) },
    );
    this.pathHost.block.querySelector(".dl-internals-legend")?.remove();
    this.pathHost.block.append(
      legend([
        { label: t("penaltyGeometry.key.w1"), color: seriesColor(0) },
        { label: t("penaltyGeometry.key.w2"), color: seriesColor(1), dash: true },
      ]),
    );
  }

  /** The three penalties at the current λ (elastic with the current mix), and L1 by subgradient descent. */
  private fillTable(): void {
    const s = this.state;
    const rows = (["l1", "l2", "elastic"] as const).map((penalty) => {
      const { l1, l2 } = strengths({ ...s, penalty });
      return { label: t(`penaltyGeometry.option.${penalty}`), w: proximalOptimum(l1, l2), id: penalty };
    });
    rows.push({ label: t("penaltyGeometry.row.subgradient"), w: subgradientOptimum(s.lambda, 0), id: "subgradient" as never });
    const head = document.createElement("thead"),
      hr = head.insertRow();
    for (const c of [t("penaltyGeometry.option.label"), "w₁", "w₂", t("penaltyGeometry.zeros")])
      hr.append(Object.assign(document.createElement("th"), { scope: "col", textContent: c }));
    const body = document.createElement("tbody");
    for (const r of rows) {
      const row = body.insertRow();
      row.dataset.penalty = r.id;
      row.append(Object.assign(document.createElement("th"), { scope: "row", textContent: r.label }));
      [fmt(r.w[0]), fmt(r.w[1]), String((r.w[0] === 0 ? 1 : 0) + (r.w[1] === 0 ? 1 : 0))].forEach(
        (v) => (row.insertCell().textContent = v),
      );
    }
    const caption = Object.assign(document.createElement("caption"), {
      textContent: t("penaltyGeometry.tableCaption", { lambda: s.lambda, mix: s.mix }),
    });
    this.table.replaceChildren(caption, head, body);
  }
}

if (!customElements.get("dl-penalty-geometry")) customElements.define("dl-penalty-geometry", PenaltyGeometryWidget);
