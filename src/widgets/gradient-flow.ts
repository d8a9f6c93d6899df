// <dl-gradient-flow>: a deep MLP on the house prices; per-layer weight-gradient norms before training and
// a 100-step cost curve, for each activation × initialization, with batch norm and residual skips as
// toggles and presets for the problem and each fix (chapter 6). Training runs in slices between frames.
import { WidgetBase } from "./base";
import { afterPaint } from "./after-paint";
import { runInFrames } from "./frame-slices";
import { drawChart, Plot, themeColors } from "../charts/chart";
import { formatNumber } from "../charts/format";
import { assignFields, controlButton } from "./controls";
import { FLOW_PRESETS, FlowRun, LR, STEPS, gradientFlowSchema, type FlowPreset, type GradientFlowState } from "./gradient-flow-model";
import { logDomain, pairWidth, powerOfTen, seriesColor } from "../charts/parts";
import { t } from "../i18n";

// One step of the deep net takes 5-10 ms here, so a frame's slice takes whole steps one at a time up to its budget
// (ten at once held a frame for 70 ms, also the frame of the next click).
const STEPS_PER_ADVANCE = 1;
/** Training per frame, and the least time between two redraws of the cost chart while it trains: a frame with a
 * redraw and 8 ms of steps delayed a click by 30-40 ms on this loaded machine; the curve still moves 8 times a second. */
const TRAIN_MS = 6;
const REDRAW_MS = 120;
type Name = keyof GradientFlowState & string;

class GradientFlowWidget extends WidgetBase<typeof gradientFlowSchema> {
  readonly schema = gradientFlowSchema;
  private run!: FlowRun;
  private stopFrames = () => {};
  private readouts!: HTMLElement;
  private note!: HTMLElement;
  private normsHost!: HTMLElement;
  private lossHost!: HTMLElement;
  private presetButtons = new Map<FlowPreset, HTMLButtonElement>();
  /** Width of each chart, read once per change before the DOM changes. */
  private chartWidth = 0;

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopFrames();
  }

  protected buildControls(panel: HTMLElement): void {
    const presets = Object.assign(document.createElement("div"), { className: "dl-vg-presets" });
    for (const key of Object.keys(FLOW_PRESETS) as FlowPreset[]) {
      const b = controlButton(t(`gradientFlow.preset.${key}`), `preset-${key}`, () => this.assign(FLOW_PRESETS[key]));
      b.classList.add("dl-vg-button");
      b.setAttribute("data-preset", key);
      this.presetButtons.set(key, b);
      presets.append(b);
    }
    panel.append(
      this.fieldGroup(t("gradientFlow.groupNetwork"), ["activation", "init", "depth"]),
      this.fieldGroup(t("gradientFlow.groupFixes"), ["batchNorm", "residual"]),
      this.fieldGroup(t("gradientFlow.groupPresets"), [presets]),
    );
  }

  protected optionLabel(name: string, option: string): string {
    return name === "activation" ? t(`activation.${option}`) : t(`gradientFlow.init.${option}`);
  }

  /** Sets several fields, keeps their controls in step, and redraws once. */
  private assign(values: Partial<GradientFlowState>): void {
    assignFields(this, values);
    this.update();
  }

  protected render(): void {
    if (!this.readouts) this.buildFigure();
    // Read before the charts are replaced: each chart read it after the other's (or the readouts') change, a forced
    // layout of the page on every drawing, also on every loss redraw while training.
    this.chartWidth = pairWidth(this.figure.clientWidth);
    this.stopFrames();
    this.run = new FlowRun({ ...this.state });
    for (const [key, b] of this.presetButtons) {
      const p = FLOW_PRESETS[key] as Partial<GradientFlowState>;
      b.setAttribute("aria-pressed", String(Object.entries(p).every(([k, v]) => this.state[k as Name] === v)));
    }
    this.drawReadouts();
    const run = this.run;
    const job = {
      advance: (steps: number) => {
        run.run(steps);
        return run.status !== "ok";
      },
    };
    // The change's frame shows the new readouts (layer 1's norm, the ratio); the norms chart follows once it is
    // painted, then the emptied cost chart, and training after that: one chart drawing per frame.
    let stopSlices = () => {};
    const stopStart = afterPaint([
      () => this.drawNorms(),
      () => {
        this.drawLoss();
        stopSlices = runInFrames(job, () => this.drawLoss(), {
          unit: STEPS_PER_ADVANCE,
          budgetMs: TRAIN_MS,
          redrawMs: REDRAW_MS,
          pauseOutside: this,
        });
      },
    ]);
    this.stopFrames = () => {
      stopStart();
      stopSlices();
    };
  }

  private buildFigure(): void {
    this.readouts = Object.assign(document.createElement("dl"), { className: "dl-readouts dl-vg-readouts" });
    this.note = Object.assign(document.createElement("p"), { className: "dl-note" });
    this.note.setAttribute("aria-live", "polite");
    const charts = Object.assign(document.createElement("div"), { className: "dl-vg-charts" });
    this.normsHost = Object.assign(document.createElement("div"), { className: "dl-vg-chart" });
    this.lossHost = Object.assign(document.createElement("div"), { className: "dl-vg-chart" });
    const titled = (host: HTMLElement, text: string) => {
      const box = document.createElement("div");
      const title = Object.assign(document.createElement("p"), { className: "dl-vg-chart-title", textContent: text });
      box.append(title, host);
      return { box, title };
    };
    const norms = titled(this.normsHost, t("gradientFlow.normsTitle"));
    const loss = titled(this.lossHost, t("gradientFlow.lossTitle", { steps: STEPS, lr: LR }));
    charts.append(norms.box, loss.box);
    this.figure.append(this.readouts, this.note, charts);
  }

  private drawNorms(): void {
    const s = this.state,
      norms = this.run.norms,
      c = themeColors();
    const data = norms.map((norm, i) => ({ layer: i + 1, norm }));
    const finite = data.filter((d) => Number.isFinite(d.norm) && d.norm > 0);
    const [lo, hi] = logDomain(finite.map((d) => d.norm));
    const fixes = (s.batchNorm ? t("gradientFlow.withBn") : "") + (s.residual ? t("gradientFlow.withRes") : "");
    drawChart(
      this.normsHost,
      {
        width: this.chartWidth,
        height: 260,
        marginLeft: 52,
        marginBottom: 40,
        x: {
          label: t("gradientFlow.axisLayer"),
          labelAnchor: "center",
          tickFormat: (l: number) => (norms.length <= 12 || l % 2 === 1 ? String(l) : ""),
        },
        y: { type: "log", domain: [lo, hi], label: t("gradientFlow.axisNorm"), grid: true, tickFormat: powerOfTen, ticks: 5 },
        marks: [Plot.barY(finite, { x: "layer", y1: lo, y2: "norm", fill: seriesColor(0) }), Plot.ruleY([lo], { stroke: c.muted })],
      },
      t("gradientFlow.normsDesc", {
        activation: t(`activation.${s.activation}`),
        init: t(`gradientFlow.init.${s.init}`),
        fixes,
        depth: s.depth,
        first: formatNumber(norms[0], 3),
        last: formatNumber(norms[norms.length - 1], 3),
        layers: `(${norms.length})`,
      }),
      { columns: [t("gradientFlow.col.layer"), t("gradientFlow.col.norm")], rows: data.map((d) => [d.layer, d.norm]) },
    );
  }

  /** The run's readouts, status and note. */
  private drawReadouts(): void {
    const run = this.run,
      losses = run.losses;
    const status =
      run.status === "diverged"
        ? t("widget.diverged")
        : run.status === "done"
          ? t("gradientFlow.status.done")
          : losses.length
            ? t("gradientFlow.status.ok")
            : t("gradientFlow.status.ready");
    const pairs: [string, string, string][] = [
      [t("gradientFlow.layer1"), formatNumber(run.norms[0], 3), "first"],
      [t("gradientFlow.ratio"), formatNumber(run.ratio, 3), "ratio"],
      [t("gradientFlow.cost", { step: losses.length }), losses.length ? formatNumber(losses[losses.length - 1], 3) : "–", "cost"],
      [t("gradientFlow.status"), status, "status"],
    ];
    this.readouts.replaceChildren(
      ...pairs.flatMap(([k, v, key]) => {
        const dd = Object.assign(document.createElement("dd"), { textContent: v });
        dd.dataset.readout = key;
        return [Object.assign(document.createElement("dt"), { textContent: k }), dd];
      }),
    );
    this.toggleAttribute("data-diverged", run.status === "diverged");
    this.setAttribute("data-status", run.status);
    const last = losses[losses.length - 1];
    this.note.textContent =
      run.status === "diverged"
        ? t("gradientFlow.divergedNote", { step: losses.length - 1 })
        : run.status === "done" && Math.abs(last - 0.5) < 0.02
          ? t("gradientFlow.stuckNote")
          : "";
  }

  /** The cost curve so far, with the readouts. */
  private drawLoss(): void {
    this.drawReadouts();
    const run = this.run,
      losses = run.losses,
      last = losses[losses.length - 1],
      c = themeColors();
    const data = losses.map((cost, step) => ({ step, cost })).filter((d) => Number.isFinite(d.cost) && d.cost > 0);
    const [lo, hi] = logDomain([...data.map((d) => d.cost), 0.5]);
    drawChart(
      this.lossHost,
      {
        width: this.chartWidth,
        height: 260,
        marginLeft: 52,
        marginBottom: 40,
        x: { domain: [0, STEPS], label: t("gradientFlow.axisStep"), labelAnchor: "center" },
        y: {
          type: "log",
          domain: [lo, hi],
          label: t("gradientFlow.axisCost"),
          grid: true,
          tickFormat: (v: number) => (hi / lo > 1e4 ? powerOfTen(v) : formatNumber(v, 2)),
          ticks: 4,
        },
        marks: [
          Plot.ruleY([0.5], { stroke: c.muted, strokeDasharray: "4 3" }),
          Plot.line(data, { x: "step", y: "cost", stroke: seriesColor(1), strokeWidth: 2 }),
          Plot.dot(data.slice(-1), { x: "step", y: "cost", fill: seriesColor(1), r: 3.5 }),
        ],
      },
      losses.length
        ? t("gradientFlow.lossDesc", { first: formatNumber(losses[0], 3), last: formatNumber(last, 3), step: losses.length })
        : t("gradientFlow.lossEmpty", { steps: STEPS }),
      {
        columns: [t("gradientFlow.col.step"), t("gradientFlow.col.cost")],
        rows: losses.map((cost, i): [number, number] => [i, cost]).filter(([i]) => i % 5 === 0 || i === losses.length - 1),
      },
    );
  }
}

if (!customElements.get("dl-gradient-flow")) customElements.define("dl-gradient-flow", GradientFlowWidget);
