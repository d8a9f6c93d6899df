// <dl-lstm-gates>: a hand-set one-unit LSTM on the engine's copy task (chapter 8). Two charts: the gates i, f, g, o
// per step, and the cell state c_t with the hidden state h_t, so the reader sees the memory written, kept and read
// out; readouts give the recall accuracy over the whole batch.
import { WidgetBase } from "./base";
import { afterPaint } from "./after-paint";
import { drawChart, Plot, themeColors } from "../charts/chart";
import { formatNumber } from "../charts/format";
import { lstmGatesSchema, runCopyTask, type CopyRun } from "./lstm-gates-model";
import { t } from "../i18n";

const GATES = ["i", "f", "g", "o"] as const;

class LstmGatesWidget extends WidgetBase<typeof lstmGatesSchema> {
  readonly schema = lstmGatesSchema;
  private parts: { readouts: HTMLElement; note: HTMLElement; gates: HTMLElement; states: HTMLElement } | null = null;
  /** Both charts' width, read once per change. */
  private width = 640;
  private stopLater = () => {};

  protected render(): void {
    if (!this.parts) {
      const el = (tag: string, className: string) => Object.assign(document.createElement(tag), { className });
      this.parts = { readouts: el("dl", "dl-readouts"), note: el("p", "dl-note"), gates: el("div", ""), states: el("div", "") };
      const title = (key: string) => Object.assign(el("p", "dl-lstm-chart-title"), { textContent: t(key) });
      const about = Object.assign(el("p", "dl-note"), { textContent: t("lstmGates.note") });
      this.figure.append(
        this.parts.readouts,
        this.parts.note,
        title("lstmGates.gatesTitle"),
        this.parts.gates,
        title("lstmGates.statesTitle"),
        this.parts.states,
        about,
      );
    }
    // Read before the readouts change: a read after them forces a layout of the page.
    this.width = Math.min(680, this.figure.clientWidth || 640);
    const run = runCopyTask(this.state),
      { readouts, note, gates, states } = this.parts;
    const pct = (x: number) => (Number.isFinite(x) ? `${formatNumber(x * 100, 3)} %` : "–");
    const pairs: [string, string][] = [
      [t("lstmGates.readout.accuracy"), pct(run.accuracy)],
      [t("lstmGates.readout.symbol"), String(run.symbol)],
      [t("lstmGates.readout.recalledSymbol"), String(run.recalled)],
      [t("lstmGates.readout.written"), formatNumber(run.written)],
      [t("lstmGates.readout.recalled"), formatNumber(run.recalledC)],
      [t("lstmGates.readout.kept"), pct(run.kept)],
      [t("lstmGates.readout.output"), formatNumber(run.output)],
      [t("lstmGates.readout.forgetProduct"), formatNumber(run.forgetProduct)],
    ];
    readouts.replaceChildren(
      ...pairs.flatMap(([k, v]) => [
        Object.assign(document.createElement("dt"), { textContent: k }),
        Object.assign(document.createElement("dd"), { textContent: v }),
      ]),
    );
    note.textContent = this.state.forceForget ? t("lstmGates.forcedNote") : "";
    // The gates in the change's frame, the states once it is painted: one chart drawing per frame.
    this.drawGates(gates, run);
    this.stopLater();
    this.stopLater = afterPaint([() => this.drawStates(states, run)]);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopLater();
  }

  private drawGates(host: HTMLElement, run: CopyRun): void {
    const c = themeColors(),
      T = run.steps.length,
      gap = run.steps.slice(1, -1);
    const colors = [c.accent, c.second, c.muted, c.text];
    const rows = GATES.flatMap((g) => run.steps.map((st) => ({ t: st.t, v: st[g], gate: t(`lstmGates.series.${g}`) })));
    const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
    // One strip per gate (small multiples), so lines that sit on the same value do not hide each other.
    drawChart(
      host,
      {
        width: this.width,
        height: 300,
        marginLeft: 44,
        marginRight: 100,
        x: { domain: [1, T], label: t("lstmGates.axisT") },
        y: { domain: [-1, 1], ticks: [-1, 0, 1], tickFormat: (d: number) => String(d), label: null, grid: true },
        fy: { domain: GATES.map((g) => t(`lstmGates.series.${g}`)), label: null, padding: 0.3 },
        color: { domain: GATES.map((g) => t(`lstmGates.series.${g}`)), range: colors },
        marks: [
          Plot.ruleY([0], { stroke: c.muted }),
          Plot.line(rows, { x: "t", y: "v", fy: "gate", stroke: "gate", strokeWidth: 2, curve: "step" }),
          Plot.dot(
            rows.filter((r) => r.t === 1 || r.t === T),
            { x: "t", y: "v", fy: "gate", fill: "gate", r: 2.5 },
          ),
        ],
      },
      t("lstmGates.gatesDesc", {
        T,
        i1: formatNumber(run.steps[0].i, 3),
        iGap: formatNumber(mean(gap.map((s) => s.i)), 2),
        f: formatNumber(mean(gap.map((s) => s.f)), 4),
        oT: formatNumber(run.steps[T - 1].o, 3),
      }),
      {
        columns: [t("lstmGates.table.t"), ...GATES.map((g) => t(`lstmGates.series.${g}`))],
        rows: run.steps.map((st) => [st.t, st.i, st.f, st.g, st.o]),
      },
    );
  }

  private drawStates(host: HTMLElement, run: CopyRun): void {
    const c = themeColors(),
      T = run.steps.length,
      keys = ["c", "h"] as const;
    const rows = keys.flatMap((k) => run.steps.map((st) => ({ t: st.t, v: st[k], series: t(`lstmGates.series.${k}`) })));
    drawChart(
      host,
      {
        width: this.width,
        height: 200,
        marginLeft: 44,
        x: { domain: [1, T], label: t("lstmGates.axisT") },
        y: { domain: [-1, 1], label: t("lstmGates.axisState"), grid: true },
        color: { domain: keys.map((k) => t(`lstmGates.series.${k}`)), range: [c.accent, c.second], legend: true },
        marks: [
          Plot.ruleY([0], { stroke: c.muted }),
          Plot.line(rows, { x: "t", y: "v", stroke: "series", strokeWidth: 2 }),
          Plot.dot(
            rows.filter((r) => r.t === 1 || r.t === T),
            { x: "t", y: "v", fill: "series", r: 3 },
          ),
        ],
      },
      t("lstmGates.statesDesc", {
        symbol: run.symbol,
        c1: formatNumber(run.written, 3),
        cT: formatNumber(run.recalledC, 3),
        T,
        kept: `${formatNumber(run.kept * 100, 3)} %`,
        hT: formatNumber(run.output, 3),
        recalled: run.recalled,
      }),
      {
        columns: [t("lstmGates.table.t"), ...keys.map((k) => t(`lstmGates.series.${k}`))],
        rows: run.steps.map((st) => [st.t, st.c, st.h]),
      },
    );
  }
}

if (!customElements.get("dl-lstm-gates")) customElements.define("dl-lstm-gates", LstmGatesWidget);
