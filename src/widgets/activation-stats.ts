// <dl-activation-stats>: unit-variance inputs through a deep square MLP; the variance of A[l] per layer
// under four initializations, and the spread of A[l] (quantile bands) for the highlighted one (chapter 6).
import { WidgetBase } from "./base";
import { drawChart, Plot, themeColors } from "../charts/chart";
import { formatNumber } from "../charts/format";
import { activationStatsSchema, allCurves, intendedVariance, sampledVariance } from "./activation-stats-model";
import { FLOW_INITS, type FlowInit } from "./gradient-flow-model";
import { logDomain, pairWidth, powerOfTen, seriesColor } from "../charts/parts";
import type { ActivationName, TensorStats } from "../../lib";
import { t } from "../i18n";

class ActivationStatsWidget extends WidgetBase<typeof activationStatsSchema> {
  readonly schema = activationStatsSchema;
  private key = "";
  private curves!: Record<FlowInit, TensorStats[]>;
  private readouts!: HTMLElement;
  private curvesHost!: HTMLElement;
  private bandsHost!: HTMLElement;
  private bandsTitle!: HTMLElement;

  protected optionLabel(name: string, option: string): string {
    return name === "activation" ? t(`activation.${option}`) : t(`gradientFlow.init.${option}`);
  }

  protected render(): void {
    if (!this.readouts) this.buildFigure();
    const s = this.state,
      act = s.activation as ActivationName,
      init = s.init as FlowInit;
    const key = `${act}:${s.depth}`;
    if (key !== this.key) {
      this.curves = allCurves(act, s.depth);
      this.key = key;
    }
    const stats = this.curves[init],
      last = stats[stats.length - 1];
    const pairs: [string, string][] = [
      [t("activationStats.sampled"), formatNumber(sampledVariance(init), 4)],
      [t("activationStats.formula"), formatNumber(intendedVariance(init), 4)],
      [t("activationStats.lastVar", { depth: s.depth }), formatNumber(last.variance, 3)],
    ];
    if (act === "relu") pairs.push([t("activationStats.dead", { depth: s.depth }), `${formatNumber(last.zeroFraction * 100, 3)} %`]);
    this.readouts.replaceChildren(
      ...pairs.flatMap(([k, v]) => [
        Object.assign(document.createElement("dt"), { textContent: k }),
        Object.assign(document.createElement("dd"), { textContent: v }),
      ]),
    );
    this.drawCurves(act, init);
    this.drawBands(act, init, stats);
  }

  private buildFigure(): void {
    this.readouts = Object.assign(document.createElement("dl"), { className: "dl-readouts dl-vg-readouts" });
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
    this.figure.append(this.readouts, charts);
  }

  private drawCurves(act: ActivationName, selected: FlowInit): void {
    const s = this.state;
    const data = FLOW_INITS.flatMap((init) =>
      this.curves[init].map((st, i) => ({ init, name: t(`gradientFlow.init.${init}`), layer: i + 1, variance: st.variance })),
    );
    const shown = data.filter((d) => Number.isFinite(d.variance) && d.variance > 0);
    const [lo, hi] = logDomain(shown.map((d) => d.variance));
    const at = (init: FlowInit) => formatNumber(this.curves[init][s.depth - 1].variance, 3);
    drawChart(
      this.curvesHost,
      {
        width: pairWidth(this.figure.clientWidth),
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

  private drawBands(act: ActivationName, init: FlowInit, stats: TensorStats[]): void {
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
        width: pairWidth(this.figure.clientWidth),
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
