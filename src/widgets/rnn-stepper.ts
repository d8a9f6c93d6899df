// <dl-rnn-stepper>: an RNN unrolled over ten steps of a noisy sine wave (chapter 8). Previous/Next/Play and the
// keyboard (← → Home End) move through the steps; each step shows x_t, W_ih·x_t, W_hh·h_{t−1}, the biases, their
// sum and tanh as a table (one column per hidden unit), and a chart of the input with the hidden units so far.
import { WidgetBase } from "./base";
import { controlButton, PlayLoop } from "./controls";
import { drawChart, Plot, themeColors } from "../charts/chart";
import { formatNumber } from "../charts/format";
import { esc } from "./stepper-html";
import { stepTableHtml } from "./rnn-stepper-html";
import { rnnStepperSchema, runStepper, clampStep, STEPS, HIDDEN, type RnnRun } from "./rnn-stepper-model";
import { t } from "../i18n";

const PLAY_MS = 900;

class RnnStepperWidget extends WidgetBase<typeof rnnStepperSchema> {
  readonly schema = rnnStepperSchema;
  // Play steps forward every PLAY_MS until the last step; at the last step it starts over from step 1.
  private readonly loop = new PlayLoop(
    { play: t("rnnStepper.play"), pause: t("rnnStepper.pause") },
    PLAY_MS,
    () => {
      if (this.state.step >= STEPS) return false;
      this.go(this.state.step + 1);
      return this.state.step < STEPS;
    },
    () => {
      if (this.state.step >= STEPS) this.go(1);
    },
  );
  private parts: { head: HTMLElement; body: HTMLElement; chart: HTMLElement } | null = null;
  private cached?: { seed: number; run: RnnRun };

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loop.stop();
  }

  protected buildControls(panel: HTMLElement): void {
    const buttons = Object.assign(document.createElement("div"), { className: "dl-rnn-buttons" });
    buttons.append(
      controlButton(t("rnnStepper.previous"), "previous", () => this.go(this.state.step - 1)),
      controlButton(t("rnnStepper.next"), "next", () => this.go(this.state.step + 1)),
      this.loop.button,
    );
    const keys = Object.assign(document.createElement("p"), { className: "dl-note", textContent: t("rnnStepper.keys") });
    panel.append(this.fieldGroup(t("rnnStepper.step"), ["seed", "step", buttons, keys]));
    this.addEventListener("keydown", (e) => {
      if ((e.target as HTMLElement).closest("input, select, textarea")) return;
      const to = { ArrowLeft: this.state.step - 1, ArrowRight: this.state.step + 1, Home: 1, End: STEPS }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      this.go(to);
    });
  }

  private go(k: number): void {
    this.set("step", clampStep(k));
  }

  private run(): RnnRun {
    const seed = this.state.seed;
    if (this.cached?.seed !== seed) this.cached = { seed, run: runStepper(this.state) };
    return this.cached.run;
  }

  protected render(): void {
    if (!this.parts) {
      const el = (tag: string, className: string) => Object.assign(document.createElement(tag), { className });
      this.parts = { head: el("div", ""), body: el("div", "dl-rnn-step"), chart: el("div", "") };
      this.figure.tabIndex = 0;
      this.figure.setAttribute("role", "group");
      this.figure.append(this.parts.head, this.parts.body, this.parts.chart);
    }
    const run = this.run(),
      k = clampStep(this.state.step),
      step = run.steps[k - 1];
    this.figure.setAttribute("aria-label", t("rnnStepper.indicator", { t: k, T: STEPS }));
    this.parts.head.innerHTML =
      `<p class="dl-rnn-indicator" aria-live="polite">${esc(t("rnnStepper.indicator", { t: k, T: STEPS }))}</p>` +
      `<p class="dl-rnn-formula">${esc(t("rnnStepper.formula"))}</p>`;
    this.parts.body.innerHTML = stepTableHtml(step);
    this.drawSequence(this.parts.chart, run, k);
    this.querySelectorAll("[data-control=previous]").forEach((b) => b.setAttribute("aria-disabled", String(k === 1)));
    this.querySelectorAll("[data-control=next]").forEach((b) => b.setAttribute("aria-disabled", String(k === STEPS)));
  }

  private drawSequence(host: HTMLElement, run: RnnRun, k: number): void {
    const c = themeColors(),
      colors = [c.second, c.text, c.muted];
    const units = Array.from({ length: HIDDEN }, (_, i) => t("rnnStepper.series.h", { k: i + 1 }));
    const xName = t("rnnStepper.series.x");
    const xs = run.xs.map((x, i) => ({ t: i + 1, v: x, series: xName }));
    const hs = run.steps.slice(0, k).flatMap((s) => s.engineH.map((v, i) => ({ t: s.t, v, series: units[i] })));
    const step = run.steps[k - 1];
    drawChart(
      host,
      {
        width: Math.min(640, this.figure.clientWidth || 640),
        height: 220,
        marginLeft: 44,
        x: { domain: [1, STEPS], label: t("rnnStepper.axisT"), ticks: STEPS },
        y: { domain: [-1.5, 1.5], label: t("rnnStepper.axisValue"), grid: true },
        color: { domain: [xName, ...units], range: [c.accent, ...colors], legend: true },
        marks: [
          Plot.ruleX([k], { stroke: c.muted, strokeDasharray: "4 3" }),
          Plot.line(xs, { x: "t", y: "v", stroke: "series", strokeOpacity: 0.5 }),
          Plot.dot(xs, { x: "t", y: "v", fill: "series", r: (d: { t: number }) => (d.t === k ? 5 : 2.5) }),
          Plot.line(hs, { x: "t", y: "v", stroke: "series", strokeWidth: 2, z: "series" }),
          Plot.dot(
            hs.filter((d) => d.t === k),
            { x: "t", y: "v", fill: "series", r: 4 },
          ),
        ],
      },
      t("rnnStepper.chartDesc", { T: STEPS, t: k, x: formatNumber(step.x, 3), h: step.engineH.map((v) => formatNumber(v, 3)).join(", ") }),
      { columns: [t("rnnStepper.table.t"), xName, ...units], rows: run.steps.map((s) => [s.t, s.x, ...s.engineH]) },
    );
  }
}

if (!customElements.get("dl-rnn-stepper")) customElements.define("dl-rnn-stepper", RnnStepperWidget);
