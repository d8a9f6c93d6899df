// <dl-residual-tracer>: a chain of scalar blocks run by the engine with and without skips; the gradient at
// the input as a product of per-block factors, how it fades block by block, and its split into paths (chapter 6).
import { WidgetBase } from "./base";
import { afterPaint } from "./after-paint";
import { drawChart, Plot, themeColors } from "../charts/chart";
import { formatNumber } from "../charts/format";
import { pathSums, product, productText, residualTracerSchema, runChain, type Chain } from "./residual-tracer-model";
import { logDomain, pairWidth, powerOfTen, seriesColor } from "../charts/parts";
import { relativeError } from "../../lib";
import { t } from "../i18n";

class ResidualTracerWidget extends WidgetBase<typeof residualTracerSchema> {
  readonly schema = residualTracerSchema;
  private formulas!: HTMLElement;
  private readouts!: HTMLElement;
  private reachHost!: HTMLElement;
  private pathsHost!: HTMLElement;
  /** Width of each chart, read once per change before the DOM changes (a read after it forces a layout). */
  private chartWidth = 0;
  /** The settings the paths chart was drawn for: it shows the chain with skips, which the skip toggle does not change. */
  private pathsKey = "";
  private stopLater = () => {};

  protected optionLabel(_name: string, option: string): string {
    return t(`activation.${option}`);
  }

  protected render(): void {
    if (!this.readouts) this.buildFigure();
    this.chartWidth = pairWidth(this.figure.clientWidth);
    const s = this.state,
      withSkip = runChain(s, true),
      plain = runChain(s, false);
    const fmt = (x: number) => formatNumber(x, 3);
    const line = (chain: Chain, label: string) => {
      const p = Object.assign(document.createElement("p"), {
        className: "dl-vg-formula",
        textContent: `${label}: ${productText(chain.factors, chain.skip, chain.slopes, fmt)}`,
      });
      if (chain.skip === s.skip) p.setAttribute("data-selected", "");
      return p;
    };
    this.formulas.replaceChildren(line(withSkip, t("residualTracer.withSkip")), line(plain, t("residualTracer.withoutSkip")));
    const chosen = s.skip ? withSkip : plain;
    const err = relativeError([chosen.gradient], [product(chosen.factors)]);
    const pairs: [string, string][] = [
      [t("residualTracer.engine"), formatNumber(chosen.gradient, 4)],
      [t("residualTracer.check"), err < 1e-12 ? "< 1e-12" : formatNumber(err, 2)],
    ];
    this.readouts.replaceChildren(
      ...pairs.flatMap(([k, v]) => [
        Object.assign(document.createElement("dt"), { textContent: k }),
        Object.assign(document.createElement("dd"), { textContent: v }),
      ]),
    );
    this.readouts.querySelector("dd")!.setAttribute("data-gradient", String(chosen.gradient));
    this.drawReach(withSkip, plain);
    const key = `${s.blocks}|${s.weight}|${s.activation}|${this.chartWidth}|${document.documentElement.dataset.theme}`;
    // The paths chart once the change's frame (formulas, readouts, reach) is painted: one chart drawing per frame.
    if (key !== this.pathsKey) {
      this.stopLater();
      this.stopLater = afterPaint([() => this.drawPaths(withSkip)]);
    }
    this.pathsKey = key;
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopLater();
  }

  private buildFigure(): void {
    this.formulas = document.createElement("div");
    this.readouts = Object.assign(document.createElement("dl"), { className: "dl-readouts dl-vg-readouts" });
    const charts = Object.assign(document.createElement("div"), { className: "dl-vg-charts" });
    this.reachHost = Object.assign(document.createElement("div"), { className: "dl-vg-chart" });
    this.pathsHost = Object.assign(document.createElement("div"), { className: "dl-vg-chart" });
    const box = (title: string, host: HTMLElement) => {
      const b = document.createElement("div");
      b.append(Object.assign(document.createElement("p"), { className: "dl-vg-chart-title", textContent: title }), host);
      return b;
    };
    charts.append(box(t("residualTracer.reachTitle"), this.reachHost), box(t("residualTracer.pathsTitle"), this.pathsHost));
    this.figure.append(this.formulas, this.readouts, charts);
  }

  private drawReach(withSkip: Chain, plain: Chain): void {
    const s = this.state;
    const series = [
      { chain: withSkip, name: t("residualTracer.legendSkip") + (s.skip ? ` ${t("residualTracer.selected")}` : "") },
      { chain: plain, name: t("residualTracer.legendPlain") + (s.skip ? "" : ` ${t("residualTracer.selected")}`) },
    ];
    const data = series.flatMap(({ chain, name }) => chain.reach.map((v, k) => ({ k, v, name, selected: chain.skip === s.skip })));
    const shown = data.filter((d) => Number.isFinite(d.v) && d.v > 0);
    const [lo, hi] = logDomain(shown.map((d) => d.v));
    drawChart(
      this.reachHost,
      {
        width: this.chartWidth,
        height: 260,
        marginLeft: 52,
        marginBottom: 40,
        x: { domain: [0, s.blocks], label: t("residualTracer.axisBlock"), labelAnchor: "center" },
        y: { type: "log", domain: [lo, hi], label: t("residualTracer.axisReach"), grid: true, tickFormat: powerOfTen, ticks: 5 },
        color: { domain: series.map((x) => x.name), range: [seriesColor(0), seriesColor(1)], legend: true },
        marks: series.map(({ chain, name }) =>
          Plot.line(
            shown.filter((d) => d.name === name),
            {
              x: "k",
              y: "v",
              stroke: "name",
              strokeWidth: chain.skip === s.skip ? 3 : 1.5,
              strokeDasharray: chain.skip ? undefined : "5 3",
              marker: "circle",
            },
          ),
        ),
      },
      t("residualTracer.reachDesc", {
        blocks: s.blocks,
        withSkip: formatNumber(withSkip.gradient, 3),
        without: formatNumber(plain.gradient, 3),
      }),
      {
        columns: [t("residualTracer.col.k"), t("residualTracer.col.skip"), t("residualTracer.col.plain")],
        rows: withSkip.reach.map((v, k) => [k, v, plain.reach[k]]),
      },
    );
  }

  private drawPaths(withSkip: Chain): void {
    const c = themeColors();
    const e = pathSums(withSkip.slopes),
      total = e.reduce((a, b) => a + b, 0);
    const data = e.map((sum, j) => ({ j, sum }));
    drawChart(
      this.pathsHost,
      {
        width: this.chartWidth,
        height: 260,
        marginLeft: 52,
        marginBottom: 40,
        x: {
          label: t("residualTracer.axisBranches"),
          labelAnchor: "center",
          tickFormat: (j: number) => (e.length <= 16 || j % 5 === 0 ? String(j) : ""),
        },
        y: { label: t("residualTracer.axisSum"), grid: true },
        marks: [
          Plot.barY(data, { x: "j", y: "sum", fill: (d: { j: number }) => (d.j === 0 ? seriesColor(2) : seriesColor(0)) }),
          Plot.ruleY([0], { stroke: c.muted }),
        ],
      },
      t("residualTracer.pathsDesc", { blocks: withSkip.slopes.length, one: formatNumber(e[1] ?? 0, 3), total: formatNumber(total, 3) }),
      { columns: [t("residualTracer.col.j"), t("residualTracer.col.sum")], rows: data.map((d) => [d.j, d.sum]) },
    );
  }
}

if (!customElements.get("dl-residual-tracer")) customElements.define("dl-residual-tracer", ResidualTracerWidget);
