// <dl-activation-stats>: unit-variance inputs through a deep square MLP; the variance of A[l] per layer
// under four initializations, and the spread of A[l] (quantile bands) for the highlighted one (chapter 6).
// The 4 × depth layers are computed a few per animation frame (StatsSweep), the highlighted scheme first, so a
// change answers in the next frame and the comparison curves fill in over the following ones.
import { WidgetBase } from "./base";
import { runAfterPaint } from "./frame-slices";
import { drawChart, Plot, themeColors } from "../charts/chart";
import { formatNumber } from "../charts/format";
import { activationStatsSchema, intendedVariance, sampledVariance, StatsSweep } from "./activation-stats-model";
import { FLOW_INITS, type FlowInit } from "./gradient-flow-model";
import { logDomain, pairWidth, powerOfTen, seriesColor } from "../charts/parts";
import type { ActivationName } from "../../lib";
import { t } from "../i18n";

/** Milliseconds of layers computed in the frame of a change, before the first drawing. */
const FIRST_SLICE_MS = 16;

class ActivationStatsWidget extends WidgetBase<typeof activationStatsSchema> {
  readonly schema = activationStatsSchema;
  /** One sweep per activation; a finished one is kept, so coming back to an activation costs only a drawing. */
  private readonly sweeps = new Map<ActivationName, StatsSweep>();
  private stopFrames = () => {};
  /** What each chart last showed (settings, theme and width), so it is drawn again only when that changes. */
  private readonly drawn = { curves: "", bands: "" };
  private chartWidth = 0;
  private readouts!: HTMLElement;
  private status!: HTMLElement;
  private curvesHost!: HTMLElement;
  private bandsHost!: HTMLElement;
  private bandsTitle!: HTMLElement;

  protected optionLabel(name: string, option: string): string {
    return name === "activation" ? t(`activation.${option}`) : t(`gradientFlow.init.${option}`);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopFrames();
  }

  /** A new state: this activation's sweep (kept once finished) continues, its first slice computed and drawn at once,
   * the rest once that frame is painted. */
  protected render(): void {
    if (!this.readouts) this.buildFigure();
    const s = this.state,
      act = s.activation as ActivationName;
    this.stopFrames();
    // An unfinished sweep of another activation is dropped; finished ones are only numbers and stay.
    for (const [a, sw] of this.sweeps) if (a !== act && !sw.finished) this.sweeps.delete(a);
    let sweep = this.sweeps.get(act);
    if (!sweep) this.sweeps.set(act, (sweep = new StatsSweep(act)));
    sweep.first = s.init as FlowInit;
    // About a frame's worth of layers now, so the highlighted scheme's bands can usually be drawn in this frame.
    const t0 = performance.now();
    while (!sweep.ready(s.depth) && performance.now() - t0 < FIRST_SLICE_MS) sweep.advance(1);
    this.draw(sweep);
    if (!sweep.finished)
      this.stopFrames = runAfterPaint(sweep, () => this.draw(sweep), { unit: 1, budgetMs: 8, redrawMs: 100, pauseOutside: this });
  }

  /** Readouts, status and charts from what the sweep has computed so far; a chart is drawn again only when it changes. */
  private draw(sweep: StatsSweep): void {
    // Read before the readouts change, so measuring the figure does not force a layout of the page.
    this.chartWidth = pairWidth(this.figure.clientWidth);
    const s = this.state,
      act = sweep.activation,
      init = s.init as FlowInit,
      stats = sweep.stats[init].slice(0, s.depth),
      ready = stats.length === s.depth,
      last = stats[stats.length - 1];
    const pairs: [string, string][] = [
      [t("activationStats.sampled"), formatNumber(sampledVariance(init), 4)],
      [t("activationStats.formula"), formatNumber(intendedVariance(init), 4)],
    ];
    if (ready) {
      pairs.push([t("activationStats.lastVar", { depth: s.depth }), formatNumber(last.variance, 3)]);
      if (act === "relu") pairs.push([t("activationStats.dead", { depth: s.depth }), `${formatNumber(last.zeroFraction * 100, 3)} %`]);
    }
    this.readouts.replaceChildren(
      ...pairs.flatMap(([k, v]) => [
        Object.assign(document.createElement("dt"), { textContent: k }),
        Object.assign(document.createElement("dd"), { textContent: v }),
      ]),
    );
    const done = FLOW_INITS.reduce((n, i) => n + Math.min(s.depth, sweep.stats[i].length), 0),
      total = FLOW_INITS.length * s.depth;
    this.status.textContent = done < total ? t("activationStats.computing", { done, total }) : "";
    const look = `${document.documentElement.dataset.theme}:${this.chartWidth}`,
      complete = sweep.ready(s.depth);
    // Until every scheme is computed the previous comparison stays, framed as stale and marked busy.
    this.curvesHost.setAttribute("aria-busy", String(!complete));
    const curvesKey = `${act}:${init}:${s.depth}:${look}`;
    if (complete && curvesKey !== this.drawn.curves) {
      this.drawCurves(sweep, init);
      this.drawn.curves = curvesKey;
    } else if (!this.curvesHost.hasChildNodes()) this.curvesHost.textContent = t("activationStats.curvesPending");
    const bandsKey = `${act}:${init}:${s.depth}:${look}`;
    if (ready && bandsKey !== this.drawn.bands) {
      this.drawBands(act, init, stats);
      this.drawn.bands = bandsKey;
    }
  }

  private buildFigure(): void {
    this.readouts = Object.assign(document.createElement("dl"), { className: "dl-readouts dl-vg-readouts" });
    this.status = Object.assign(document.createElement("p"), { className: "dl-note" });
    this.status.setAttribute("aria-live", "polite");
    const charts = Object.assign(document.createElement("div"), { className: "dl-vg-charts" });
    this.curvesHost = Object.assign(document.createElement("div"), { className: "dl-vg-chart" });
    this.bandsHost = Object.assign(document.createElement("div"), { className: "dl-vg-chart" });
    const box = (title: HTMLElement, host: HTMLElement) => {
      const b = document.createElement("div");
      b.append(title, host);
      return b;
    };
    const curvesTitle = Object.assign(document.createElement("p"), {
      className: "dl-vg-chart-title",
      textContent: t("activationStats.curvesTitle"),
    });
    this.bandsTitle = Object.assign(document.createElement("p"), { className: "dl-vg-chart-title" });
    charts.append(box(curvesTitle, this.curvesHost), box(this.bandsTitle, this.bandsHost));
    this.figure.append(this.readouts, this.status, charts);
  }

  private drawCurves(sweep: StatsSweep, selected: FlowInit): void {
    const s = this.state,
      act = sweep.activation,
      curves = sweep.stats;
    const data = FLOW_INITS.flatMap((init) =>
      curves[init].slice(0, s.depth).map((st, i) => ({ init, name: t(`gradientFlow.init.${init}`), layer: i + 1, variance: st.variance })),
    );
    const shown = data.filter((d) => Number.isFinite(d.variance) && d.variance > 0);
    const [lo, hi] = logDomain(shown.map((d) => d.variance));
    const at = (init: FlowInit) => formatNumber(curves[init][s.depth - 1].variance, 3);
    drawChart(
      this.curvesHost,
      {
        width: this.chartWidth,
        height: 280,
        marginLeft: 52,
        marginBottom: 40,
        x: { domain: [1, s.depth], label: t("activationStats.axisLayer"), labelAnchor: "center" },
        // NOTE: clamped to 24 decades so the curves that stay near 1 remain readable; lines leaving it are clipped.
        y: {
          type: "log",
          domain: [Math.max(lo, 1e-12), Math.min(hi, 1e12)],
          label: t("activationStats.axisVar"),
          grid: true,
          tickFormat: powerOfTen,
          ticks: 5,
        },
        color: {
          domain: FLOW_INITS.map((i) => t(`gradientFlow.init.${i}`)),
          range: FLOW_INITS.map((_, k) => seriesColor(k)),
          legend: true,
        },
        marks: FLOW_INITS.map((init) =>
          Plot.line(
            shown.filter((d) => d.init === init),
            {
              x: "layer",
              y: "variance",
              stroke: "name",
              strokeWidth: init === selected ? 3.5 : 1.5,
              strokeOpacity: init === selected ? 1 : 0.55,
              strokeDasharray: init === selected ? undefined : "5 3",
              clip: true,
            },
          ),
        ),
      },
      t("activationStats.curvesDesc", {
        activation: t(`activation.${act}`),
        depth: s.depth,
        small: at("small"),
        large: at("large"),
        xavier: at("xavier"),
        he: at("he"),
      }),
      {
        columns: [t("activationStats.col.init"), t("activationStats.col.layer"), t("activationStats.col.var")],
        rows: data.filter((d) => d.layer === 1 || d.layer % 5 === 0 || d.layer === s.depth).map((d) => [d.name, d.layer, d.variance]),
      },
    );
  }

  private drawBands(act: ActivationName, init: FlowInit, stats: StatsSweep["stats"][FlowInit]): void {
    const c = themeColors(),
      s = this.state;
    this.bandsTitle.textContent = t("activationStats.bandsTitle", { init: t(`gradientFlow.init.${init}`) });
    const data = stats.map((st, i) => ({
      layer: i + 1,
      q05: st.quantiles[0],
      q25: st.quantiles[1],
      q50: st.quantiles[2],
      q75: st.quantiles[3],
      q95: st.quantiles[4],
    }));
    const finite = data.filter((d) => [d.q05, d.q95].every(Number.isFinite));
    const span = Math.max(1e-12, ...finite.map((d) => Math.max(Math.abs(d.q05), Math.abs(d.q95))));
    const yDomain =
      act === "sigmoid"
        ? [Math.min(0, ...finite.map((d) => d.q05)), Math.max(1e-12, ...finite.map((d) => d.q95))]
        : act === "relu" || act === "leakyRelu"
          ? [Math.min(0, ...finite.map((d) => d.q05)), span]
          : [-span, span];
    const color = seriesColor(FLOW_INITS.indexOf(init));
    const first = data[0],
      lastRow = data[data.length - 1];
    drawChart(
      this.bandsHost,
      {
        width: this.chartWidth,
        height: 280,
        marginLeft: 56,
        marginBottom: 40,
        x: { domain: [1, s.depth], label: t("activationStats.axisLayer"), labelAnchor: "center" },
        y: { domain: yDomain, label: t("activationStats.axisA"), grid: true, tickFormat: (v: number) => formatNumber(v, 2) },
        marks: [
          Plot.areaY(finite, { x: "layer", y1: "q05", y2: "q95", fill: color, fillOpacity: 0.25 }),
          Plot.areaY(finite, { x: "layer", y1: "q25", y2: "q75", fill: color, fillOpacity: 0.5 }),
          Plot.line(finite, { x: "layer", y: "q50", stroke: c.text, strokeWidth: 1.5 }),
        ],
      },
      t("activationStats.bandsDesc", {
        activation: t(`activation.${act}`),
        init: t(`gradientFlow.init.${init}`),
        depth: s.depth,
        lo1: formatNumber(first.q05, 3),
        hi1: formatNumber(first.q95, 3),
        loL: formatNumber(lastRow.q05, 3),
        hiL: formatNumber(lastRow.q95, 3),
      }),
      {
        columns: [
          t("activationStats.col.layer"),
          t("activationStats.col.q05"),
          t("activationStats.col.median"),
          t("activationStats.col.q95"),
        ],
        rows: data.map((d) => [d.layer, d.q05, d.q50, d.q95]),
      },
    );
  }
}

if (!customElements.get("dl-activation-stats")) customElements.define("dl-activation-stats", ActivationStatsWidget);
