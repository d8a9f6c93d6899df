// <dl-dropout-lab>: inverted dropout in a small house network (chapter 5). The hidden units of the
// current mask blink off step by step (Next mask, Play), the kept ones are scaled by 1/(1 − p) with
// the numbers shown, a train/eval switch, a Monte-Carlo check of expectation matching under three
// test-time conventions, and validation cost against p for an overfitting-prone network, trained in
// slices. The model (dropout-lab-model.ts) computes everything with the engine; this draws.
import { ThrottledWidget } from "./throttled-widget";
import { drawChart, Plot, themeColors } from "../charts/chart";
import { formatNumber } from "../charts/format";
import { runInFrames } from "./frame-slices";
import { chartBlock, chartWidth, legend, seriesColor } from "../charts/parts";
import {
  DropoutSweep,
  FEATURES,
  HIDDEN,
  MC_SAMPLES,
  SWEEP_STEPS,
  dropoutSchema,
  expectationCheck,
  maskStep,
  type MaskStep,
} from "./dropout-lab-model";
import { controlButton } from "./controls";
import { t } from "../i18n";

const fmt = (x: number) => formatNumber(x, 3);
const PLAY_MS = 700;

class DropoutLabWidget extends ThrottledWidget<typeof dropoutSchema> {
  readonly schema = dropoutSchema;
  private timer = 0;
  private sweep?: DropoutSweep;
  private cancel?: () => void;
  private playButton!: HTMLButtonElement;
  private diagram!: HTMLElement;
  private readouts!: HTMLElement;
  private maskTable!: HTMLTableElement;
  private expTable!: HTMLTableElement;
  private progress!: HTMLElement;
  private sweepHost!: ReturnType<typeof chartBlock>;
  /** The settings the expectation table and the sweep chart last showed. */
  private expectationKey = "";
  private sweepShown = "";

  protected buildControls(panel: HTMLElement): void {
    const next = controlButton(t("dropoutLab.next"), "next-mask", () => this.nextMask());
    this.playButton = controlButton(t("dropoutLab.play"), "play", () => this.togglePlay());
    const buttons = Object.assign(document.createElement("div"), { className: "dl-internals-buttons" });
    buttons.append(next, this.playButton);
    panel.append(
      this.fieldGroup(t("dropoutLab.groupDropout"), ["p", "mode"]),
      this.fieldGroup(t("dropoutLab.groupMask"), ["step", "house", "seed", buttons]),
    );
  }

  protected optionLabel(_name: string, option: string): string {
    return t(`dropoutLab.mode.${option}`);
  }

  private nextMask(): void {
    if (this.state.mode !== "train") this.set("mode", "train");
    this.set("step", (this.state.step % dropoutSchema.step.max) + 1);
  }

  private togglePlay(): void {
    if (this.timer) return this.stopPlay();
    this.playButton.textContent = t("dropoutLab.pause");
    this.playButton.setAttribute("aria-pressed", "true");
    this.nextMask();
    this.timer = window.setInterval(() => {
      if (this.state.step >= dropoutSchema.step.max) this.stopPlay();
      else this.nextMask();
    }, PLAY_MS);
  }

  private stopPlay(): void {
    clearInterval(this.timer);
    this.timer = 0;
    this.playButton.textContent = t("dropoutLab.play");
    this.playButton.setAttribute("aria-pressed", "false");
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopPlay();
    this.cancel?.();
  }

  protected render(): void {
    if (!this.diagram) {
      this.diagram = document.createElement("div");
      this.readouts = Object.assign(document.createElement("dl"), { className: "dl-readouts" });
      this.maskTable = Object.assign(document.createElement("table"), {
        className: "dl-fallback dl-internals-table dl-mask-table",
        tabIndex: 0,
      });
      const expTitle = Object.assign(document.createElement("p"), {
        className: "dl-internals-chart-title",
        textContent: t("dropoutLab.expTitle", { n: MC_SAMPLES.toLocaleString("en-US") }),
      });
      this.expTable = Object.assign(document.createElement("table"), {
        className: "dl-fallback dl-internals-table dl-exp-table",
        tabIndex: 0,
      });
      this.progress = Object.assign(document.createElement("p"), { className: "dl-note dl-progress" });
      this.progress.setAttribute("aria-live", "polite");
      this.sweepHost = chartBlock(t("dropoutLab.sweepTitle", { steps: SWEEP_STEPS.toLocaleString("en-US") }));
      const key = legend([
        { label: t("dropoutLab.sweepVal"), color: seriesColor(1), dash: true },
        { label: t("dropoutLab.sweepTrain"), color: seriesColor(0) },
      ]);
      this.figure.append(this.diagram, this.readouts, this.maskTable, expTitle, this.expTable, this.sweepHost.block, key, this.progress);
      const sweep = (this.sweep = new DropoutSweep());
      this.cancel = runInFrames(sweep, () => this.drawSweep(), { redrawMs: 400, pauseOutside: this });
    }
    // Measured before anything changes, so reading the width does not force a layout of the whole page.
    const sweepWidth = chartWidth(this.figure, 420);
    const step = maskStep(this.state);
    this.drawDiagram(step);
    this.fillReadouts(step);
    this.fillMaskTable(step);
    this.fillExpectation();
    this.drawSweep(sweepWidth);
  }

  private drawDiagram(step: MaskStep): void {
    const c = themeColors(),
      width = chartWidth(this.figure, 520);
    const y = (j: number, n: number) => j - (n - 1) / 2;
    const inputs = FEATURES.map((f, i) => ({ x: 0, y: y(i, 3) * 2, label: t(`dropoutLab.feature.${f}`) }));
    const hidden = step.a.map((_a, j) => ({
      x: 1,
      y: y(j, HIDDEN),
      kept: step.r[j] === 1,
      label: step.r[j] === 1 ? fmt(step.aTilde[j]) : t("dropoutLab.droppedMark"),
    }));
    const out = { x: 2, y: 0 };
    const inEdges = inputs.flatMap((i) => hidden.map((h) => ({ x1: i.x, y1: i.y, x2: h.x, y2: h.y, on: h.kept })));
    const outEdges = hidden.map((h) => ({ x1: h.x, y1: h.y, x2: out.x, y2: out.y, on: h.kept }));
    const edges = [...inEdges, ...outEdges];
    drawChart(
      this.diagram,
      {
        width,
        height: 300,
        marginLeft: 80,
        marginRight: 70,
        marginTop: 16,
        marginBottom: 10,
        x: { axis: null, domain: [-0.1, 2.1] },
        y: { axis: null, reverse: true, domain: [-4.2, 4.2] },
        marks: [
          Plot.link(
            edges.filter((e) => e.on),
            { x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: c.accent, strokeOpacity: 0.55 },
          ),
          Plot.link(
            edges.filter((e) => !e.on),
            { x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: c.muted, strokeOpacity: 0.25, strokeDasharray: "3 4" },
          ),
          Plot.dot(inputs, { x: "x", y: "y", r: 10, fill: c.text }),
          Plot.text(inputs, { x: "x", y: "y", text: "label", dx: -14, textAnchor: "end", fill: c.text }),
          Plot.dot(
            hidden.filter((h) => h.kept),
            { x: "x", y: "y", r: 10, fill: c.accent, stroke: c.text },
          ),
          Plot.dot(
            hidden.filter((h) => !h.kept),
            { x: "x", y: "y", r: 10, fill: "none", stroke: c.muted, strokeDasharray: "2 2" },
          ),
          Plot.text(hidden, { x: "x", y: "y", text: "label", dx: 16, textAnchor: "start", fill: c.text }),
          Plot.dot([out], { x: "x", y: "y", r: 10, fill: c.text }),
          Plot.text([out], { x: "x", y: "y", text: () => `ŷ = ${fmt(step.yhat)}`, dx: 14, textAnchor: "start", fill: c.text }),
        ],
      },
      t(step.mode === "train" ? "dropoutLab.diagramTrain" : "dropoutLab.diagramEval", {
        k: this.state.step,
        dropped: step.dropped,
        n: HIDDEN,
        units:
          step.r
            .map((r, j) => (r ? "" : String(j + 1)))
            .filter(Boolean)
            .join(", ") || t("dropoutLab.noUnits"),
        yhat: fmt(step.yhat),
      }),
      { columns: [t("dropoutLab.col.unit"), "a", "r", "ã"], rows: step.a.map((a, j) => [j + 1, a, step.r[j], step.aTilde[j]]) },
    );
  }

  private fillReadouts(step: MaskStep): void {
    const s = this.state;
    const rows: [string, string][] =
      step.mode === "train"
        ? [
            [
              t("dropoutLab.maskLabel", { k: s.step }),
              t("dropoutLab.maskValue", { dropped: step.dropped, n: HIDDEN, expected: formatNumber(HIDDEN * s.p, 3) }),
            ],
            [
              t("dropoutLab.scaleLabel"),
              t("dropoutLab.scaleValue", { p: s.p, keep: formatNumber(1 - s.p, 3), scale: formatNumber(step.scale, 4) }),
            ],
            [t("dropoutLab.outputLabel"), t("dropoutLab.outputValue", { yhat: fmt(step.yhat), eval: fmt(step.yEval) })],
          ]
        : [
            [t("dropoutLab.maskLabel", { k: s.step }), t("dropoutLab.evalMask")],
            [t("dropoutLab.scaleLabel"), t("dropoutLab.evalScale")],
            [t("dropoutLab.outputLabel"), fmt(step.yEval)],
          ];
    this.readouts.replaceChildren(
      ...rows.flatMap(([k, v]) => [
        Object.assign(document.createElement("dt"), { textContent: k }),
        Object.assign(document.createElement("dd"), { textContent: v }),
      ]),
    );
  }

  private fillMaskTable(step: MaskStep): void {
    const head = this.maskTable.createTHead();
    head.replaceChildren();
    const hr = head.insertRow();
    const colHead = [t("dropoutLab.col.unit"), ...step.a.map((_, j) => String(j + 1))];
    colHead.forEach((c) => hr.append(Object.assign(document.createElement("th"), { scope: "col", textContent: c })));
    const body = document.createElement("tbody");
    const line = (label: string, values: number[], data?: string) => {
      const row = body.insertRow();
      row.append(Object.assign(document.createElement("th"), { scope: "row", textContent: label }));
      values.forEach((v) => (row.insertCell().textContent = fmt(v)));
      if (data) row.dataset.row = data;
    };
    line(t("dropoutLab.row.a"), step.a, "a");
    line(t("dropoutLab.row.r"), step.r, "r");
    line(
      step.mode === "train" ? t("dropoutLab.row.aTilde", { scale: formatNumber(step.scale, 4) }) : t("dropoutLab.row.aEval"),
      step.aTilde,
      "aTilde",
    );
    this.maskTable.replaceChildren(head, body);
  }

  private fillExpectation(): void {
    // 20,000 forward passes: rerun only when p, the seed or the house changed (not for a mask step or the mode).
    const key = `${this.state.p}:${this.state.seed}:${this.state.house}`;
    if (this.expectationKey === key) return;
    this.expectationKey = key;
    const rows = expectationCheck(this.state);
    const head = document.createElement("thead"),
      hr = head.insertRow();
    for (const c of ["convention", "trainMean", "test", "gap"])
      hr.append(Object.assign(document.createElement("th"), { scope: "col", textContent: t(`dropoutLab.exp.${c}`) }));
    const body = document.createElement("tbody");
    for (const r of rows) {
      const row = body.insertRow();
      row.dataset.convention = r.convention;
      row.append(
        Object.assign(document.createElement("th"), {
          scope: "row",
          textContent: t(`dropoutLab.conv.${r.convention}`, { p: this.state.p, keep: formatNumber(1 - this.state.p, 3) }),
        }),
      );
      [r.trainMean, r.test, r.test - r.trainMean].forEach((v) => (row.insertCell().textContent = fmt(v)));
    }
    this.expTable.replaceChildren(head, body);
  }

  private drawSweep(width = chartWidth(this.figure, 420)): void {
    const sweep = this.sweep;
    if (!sweep) return;
    const res = sweep.results(),
      p = this.state.p;
    this.progress.textContent = sweep.finished
      ? t("dropoutLab.sweepDone", { best: res.reduce((a, r) => (r.val < a.val ? r : a), res[0]).p })
      : t("dropoutLab.sweepProgress", { pct: Math.round(100 * sweep.progress) });
    this.progress.dataset.done = String(sweep.finished);
    // The chart is drawn again only when p, the finished runs, the theme or the width changed, not for every mask step.
    const key = `${p}:${res.length}:${document.documentElement.dataset.theme}:${width}`;
    if (key === this.sweepShown) return;
    this.sweepShown = key;
    const long = res.flatMap((r) => [
      { p: r.p, kind: "val", J: r.val },
      { p: r.p, kind: "train", J: r.train },
    ]);
    drawChart(
      this.sweepHost.host,
      {
        width,
        height: 220,
        marginLeft: 52,
        marginBottom: 44,
        x: { label: t("dropoutLab.axisP"), domain: [0, dropoutSchema.p.max], labelAnchor: "center", labelOffset: 34 },
        y: { label: t("dropoutLab.axisCost"), grid: true, zero: true },
        marks: [
          Plot.ruleX([p], { stroke: seriesColor(4), strokeDasharray: "2 3" }),
          Plot.line(
            long.filter((d) => d.kind === "val"),
            { x: "p", y: "J", stroke: seriesColor(1), strokeWidth: 2, strokeDasharray: "6 3", marker: "circle" },
          ),
          Plot.line(
            long.filter((d) => d.kind === "train"),
            { x: "p", y: "J", stroke: seriesColor(0), strokeWidth: 2, marker: "circle" },
          ),
        ],
      },
      t("dropoutLab.sweepDesc", { p, rows: res.map((r) => `p = ${r.p}: ${fmt(r.val)}`).join(", ") || t("dropoutLab.noneYet") }),
      { columns: ["p", t("dropoutLab.sweepTrain"), t("dropoutLab.sweepVal")], rows: res.map((r) => [r.p, r.train, r.val]) },
    );
  }
}

if (!customElements.get("dl-dropout-lab")) customElements.define("dl-dropout-lab", DropoutLabWidget);
