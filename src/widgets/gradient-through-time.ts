// <dl-gradient-through-time>: ‖∂L/∂h_t‖ at every time step for a vanilla RNN and an LSTM (chapter 8), on a log
// scale, with sliders for the sequence length, the recurrent-weight scale and the LSTM's forget-gate bias.
import { WidgetBase } from "./base";
import { drawChart, Plot, themeColors } from "../charts/chart";
import { formatNumber } from "../charts/format";
import {
  gradientThroughTimeSchema,
  gradientProfile,
  powerLabel,
  powerTicks,
  regime,
  type GradientProfile,
} from "./gradient-through-time-model";
import { t } from "../i18n";

/** Norms below this are drawn at it (a log axis cannot show 0; the table keeps the true value). */
const FLOOR = 1e-300;

class GradientThroughTimeWidget extends WidgetBase<typeof gradientThroughTimeSchema> {
  readonly schema = gradientThroughTimeSchema;
  private parts: { readouts: HTMLElement; status: HTMLElement; chart: HTMLElement } | null = null;

  protected render(): void {
    if (!this.parts) {
      const el = (tag: string, className: string) => Object.assign(document.createElement(tag), { className });
      this.parts = { readouts: el("dl", "dl-readouts"), status: el("p", "dl-gtt-status"), chart: el("div", "") };
      this.parts.status.setAttribute("aria-live", "polite");
      const note = Object.assign(el("p", "dl-note"), { textContent: t("gradientThroughTime.note") });
      this.figure.append(this.parts.readouts, this.parts.status, this.parts.chart, note);
    }
    const s = this.state,
      p = gradientProfile(s),
      { readouts, status, chart } = this.parts;
    const pairs: [string, string][] = [
      [t("gradientThroughTime.readout.rnn"), formatNumber(p.rnn[0], 3)],
      [t("gradientThroughTime.readout.lstm"), formatNumber(p.lstm[0], 3)],
      [t("gradientThroughTime.readout.lstmCell"), formatNumber(p.lstmCell[0], 3)],
    ];
    readouts.replaceChildren(
      ...pairs.flatMap(([k, v]) => [
        Object.assign(document.createElement("dt"), { textContent: k }),
        Object.assign(document.createElement("dd"), { textContent: v }),
      ]),
    );
    const r = regime(p.rnn[0]);
    status.dataset.regime = r;
    status.textContent = t(`gradientThroughTime.regime.${r}`);
    this.draw(chart, p);
  }

  private draw(host: HTMLElement, p: GradientProfile): void {
    const c = themeColors(),
      s = this.state,
      T = p.steps.length - 1;
    const series = [
      { key: "rnn", values: p.rnn, stroke: c.accent, dash: undefined },
      { key: "lstm", values: p.lstm, stroke: c.second, dash: undefined },
      { key: "lstmCell", values: p.lstmCell, stroke: c.text, dash: "6 3" },
      ...(s.showBound ? [{ key: "bound", values: p.bound, stroke: c.muted, dash: "2 3" }] : []),
    ];
    const rows = series.flatMap(({ key, values }) =>
      p.steps.map((k) => ({
        t: k,
        v: Number.isFinite(values[k]) ? Math.max(values[k], FLOOR) : NaN,
        series: t(`gradientThroughTime.series.${key}`),
      })),
    );
    const width = Math.min(680, this.figure.clientWidth || 640),
      finite = rows.map((r) => r.v).filter(Number.isFinite);
    // The axis spans whole powers of ten around the data, so every tick lies inside the plot.
    const lo = 10 ** Math.floor(Math.log10(Math.min(...finite, 1))),
      hi = 10 ** Math.ceil(Math.log10(Math.max(...finite, 1)));
    const ticks = powerTicks(lo, hi);
    drawChart(
      host,
      {
        width,
        height: 300,
        marginLeft: 56,
        marginRight: 16,
        x: { domain: [0, T], label: t("gradientThroughTime.axisT") },
        y: { type: "log", domain: [lo, hi], label: t("gradientThroughTime.axisNorm"), grid: true, ticks, tickFormat: powerLabel },
        color: {
          domain: series.map(({ key }) => t(`gradientThroughTime.series.${key}`)),
          range: series.map((x) => x.stroke),
          legend: true,
        },
        marks: [
          Plot.ruleY([1], { stroke: c.muted, strokeOpacity: 0.6 }),
          // One mark per series so each keeps its own dash; the stroke channel goes through the colour scale (legend).
          ...series.map(({ key, dash }) =>
            Plot.line(
              rows.filter((row) => row.series === t(`gradientThroughTime.series.${key}`) && Number.isFinite(row.v)),
              {
                x: "t",
                y: "v",
                stroke: "series",
                strokeWidth: 2,
                strokeDasharray: dash,
              },
            ),
          ),
        ],
      },
      t("gradientThroughTime.desc", {
        T,
        scale: s.scale,
        bias: s.forgetBias,
        rnn: formatNumber(p.rnn[0], 3),
        lstm: formatNumber(p.lstm[0], 3),
      }),
      {
        columns: [t("gradientThroughTime.table.t"), ...series.map(({ key }) => t(`gradientThroughTime.series.${key}`))],
        rows: p.steps.map((k) => [k, ...series.map(({ values }) => values[k])]),
      },
    );
  }
}

if (!customElements.get("dl-gradient-through-time")) customElements.define("dl-gradient-through-time", GradientThroughTimeWidget);
