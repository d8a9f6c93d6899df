// <dl-batch-norm-lab>: the engine's BatchNorm on raw house features (chapter 5). Histograms of one
// feature in a mini-batch before and after each step (raw → standardized → scaled and shifted by
// γ, β), running averages across batches, training- against evaluation-mode output for the same
// house, and loss curves of a network trained with and without a BatchNorm layer. The model
// (batch-norm-lab-model.ts) computes; this draws.
import { ThrottledWidget } from "./throttled-widget";
import { drawChart, Plot, themeColors } from "../charts/chart";
import { formatNumber } from "../charts/format";
import { chartBlock, chartWidth, legend, seriesColor, stepAxis, thin } from "../charts/parts";
import {
  BIN_WIDTH,
  batchNormSchema,
  normalizeSteps,
  runningStats,
  sharedHistograms,
  trainBoth,
  type Histogram,
  type Stage,
  type StageKind,
  type StepsResult,
} from "./batch-norm-lab-model";
import { t } from "../i18n";

// NOTE: a standardized mean comes out as ~1e-16, rounding noise; it reads as 0.
const fmt = (x: number) => formatNumber(Math.abs(x) < 1e-9 ? 0 : x, 3);

class BatchNormLabWidget extends ThrottledWidget<typeof batchNormSchema> {
  readonly schema = batchNormSchema;
  private built = false;
  private stepReadouts!: HTMLElement;
  private binNote!: HTMLElement;
  private hist!: ReturnType<typeof chartBlock>[];
  private runHost!: ReturnType<typeof chartBlock>;
  private modeTable!: HTMLTableElement;
  private lossHost!: ReturnType<typeof chartBlock>;
  private lossNote!: HTMLElement;
  private trained?: { lr: number; curves: ReturnType<typeof trainBoth> };
  /** What each part last showed (its settings, the theme and the width). */
  private readonly shown = { steps: "", running: "", loss: "" };

  protected buildControls(panel: HTMLElement): void {
    panel.append(
      this.fieldGroup(t("batchNormLab.groupSteps"), ["feature", "gamma", "beta", "batchSize"]),
      this.fieldGroup(t("batchNormLab.groupRunning"), ["batches"]),
      this.fieldGroup(t("batchNormLab.groupTraining"), ["lr"]),
    );
  }

  protected optionLabel(_name: string, option: string): string {
    return t(`batchNormLab.featureName.${option}`);
  }

  protected render(): void {
    if (!this.built) {
      this.built = true;
      this.stepReadouts = Object.assign(document.createElement("dl"), { className: "dl-readouts" });
      const hists = Object.assign(document.createElement("div"), { className: "dl-internals-charts dl-bn-hists" });
      this.hist = ["raw", "xhat", "y"].map((k) => chartBlock(t(`batchNormLab.hist.${k}`)));
      hists.append(...this.hist.map((h) => h.block));
      this.binNote = Object.assign(document.createElement("p"), { className: "dl-note dl-bn-bins" });
      const lower = Object.assign(document.createElement("div"), { className: "dl-internals-charts" });
      this.runHost = chartBlock(t("batchNormLab.runTitle"));
      this.lossHost = chartBlock(t("batchNormLab.lossTitle"));
      this.modeTable = Object.assign(document.createElement("table"), { className: "dl-fallback dl-internals-table", tabIndex: 0 });
      this.lossNote = Object.assign(document.createElement("p"), { className: "dl-note" });
      this.lossHost.block.append(
        legend([
          { label: t("batchNormLab.plain"), color: seriesColor(1), dash: true },
          { label: t("batchNormLab.withBn"), color: seriesColor(0) },
        ]),
        this.lossNote,
      );
      lower.append(this.runHost.block, this.lossHost.block);
      this.figure.append(this.stepReadouts, hists, this.binNote, lower, this.modeTable);
    }
    const s = this.state;
    // Three histograms side by side when they fit at 180 px each, otherwise one per row.
    const full = this.figure.clientWidth || 640;
    const hw = full >= 580 ? Math.floor((full - 40) / 3) : chartWidth(this.figure, 420),
      lw = chartWidth(this.figure, 420);
    // Each part is drawn again only when a setting it shows changed (or the theme or width): a learning-rate change
    // retrains and redraws the loss chart alone, instead of all six charts.
    const look = `${document.documentElement.dataset.theme}:${full}`;
    if (this.changed("steps", `${s.feature}:${s.gamma}:${s.beta}:${s.batchSize}:${look}`)) {
      const steps = normalizeSteps(s);
      this.fillSteps(steps);
      const hists = sharedHistograms(steps, s.gamma, s.beta);
      this.drawHist(this.hist[0].host, steps.raw, hists.raw, hw, "raw");
      this.drawHist(this.hist[1].host, steps.xHat, hists.xhat, hw, "xhat");
      this.drawHist(this.hist[2].host, steps.y, hists.y, hw, "y");
      this.binNote.textContent = t("batchNormLab.binNote", { w: BIN_WIDTH, n: hists.xhat.bins.length });
    }
    if (this.changed("running", `${s.feature}:${s.gamma}:${s.beta}:${s.batchSize}:${s.batches}:${look}`)) this.drawRunning(lw);
    if (this.changed("loss", `${s.lr}:${look}`)) this.drawLoss(lw);
  }

  /** Whether a part's inputs differ from what it last showed; remembers them. */
  private changed(part: keyof BatchNormLabWidget["shown"], key: string): boolean {
    if (this.shown[part] === key) return false;
    this.shown[part] = key;
    return true;
  }

  private fillSteps(s: StepsResult): void {
    const x1 = s.raw.values[0],
      xh = s.xHat.values[0],
      y = s.y.values[0];
    const rows: [string, string][] = [
      [t("batchNormLab.step1"), t("batchNormLab.step1Value", { m: this.state.batchSize, mu: fmt(s.mu), v: fmt(s.variance) })],
      [t("batchNormLab.step2"), t("batchNormLab.step2Value", { x: fmt(x1), mu: fmt(s.mu), v: fmt(s.variance), xh: fmt(xh) })],
      [t("batchNormLab.step3"), t("batchNormLab.step3Value", { g: this.state.gamma, xh: fmt(xh), b: this.state.beta, y: fmt(y) })],
    ];
    this.stepReadouts.replaceChildren(
      ...rows.flatMap(([k, v]) => [
        Object.assign(document.createElement("dt"), { textContent: k }),
        Object.assign(document.createElement("dd"), { textContent: v }),
      ]),
    );
  }

  private drawHist(host: HTMLElement, stage: Stage, hist: Histogram, width: number, kind: StageKind): void {
    const color = kind === "raw" ? seriesColor(4) : kind === "xhat" ? seriesColor(0) : seriesColor(2);
    const stats = { mean: fmt(stage.mean), std: fmt(stage.std), skew: fmt(stage.skew) };
    // NOTE: with γ = 0 every bin of step 3 has width 0 (all outputs equal β): one bar of all m houses, drawn as a rule.
    const collapsed = hist.domain[1] - hist.domain[0] === 0;
    const at = hist.domain[0];
    drawChart(
      host,
      {
        width,
        height: 170,
        marginLeft: 36,
        marginRight: 12,
        marginBottom: 40,
        x: {
          label: t(`batchNormLab.axis.${kind}`),
          labelAnchor: "center",
          labelOffset: 32,
          domain: collapsed ? [at - 1, at + 1] : hist.domain,
          ticks: 4,
        },
        y: { label: t("batchNormLab.count"), grid: true },
        marks: [
          collapsed
            ? Plot.ruleX([at], { y1: 0, y2: stage.values.length, stroke: color, strokeWidth: 6 })
            : Plot.rectY(hist.bins, { x1: "x1", x2: "x2", y: "count", fill: color, fillOpacity: 0.8, inset: 0.5 }),
          Plot.ruleX([stage.mean], { stroke: themeColors().text, strokeDasharray: "3 2" }),
          Plot.ruleY([0]),
        ],
      },
      `${t("batchNormLab.histDesc", { kind: t(`batchNormLab.histName.${kind}`), m: stage.values.length, ...stats })} ${t(collapsed ? "batchNormLab.histCollapsed" : "batchNormLab.histBins", { n: hist.bins.length, w: BIN_WIDTH })}`,
      {
        columns: [t("batchNormLab.binFrom"), t("batchNormLab.binTo"), t("batchNormLab.count")],
        rows: hist.bins.map((b) => [b.x1, b.x2, b.count]),
      },
    );
    host.querySelector(".dl-bn-stats")?.remove();
    host.prepend(
      Object.assign(document.createElement("p"), { className: "dl-note dl-bn-stats", textContent: t("batchNormLab.stats", stats) }),
    );
  }

  private drawRunning(width: number): void {
    const r = runningStats(this.state);
    const c = themeColors();
    drawChart(
      this.runHost.host,
      {
        width,
        height: 220,
        marginLeft: 48,
        marginBottom: 44,
        x: stepAxis(t("batchNormLab.axisBatch")),
        y: { label: t("batchNormLab.axisMean", { feature: t(`batchNormLab.featureName.${this.state.feature}`) }), grid: true },
        marks: [
          Plot.ruleY([r.dataMean], { stroke: c.muted, strokeDasharray: "4 3" }),
          Plot.dot(r.points, { x: "batch", y: "batchMean", r: 2.5, fill: seriesColor(4) }),
          Plot.line(r.points, { x: "batch", y: "runningMean", stroke: seriesColor(0), strokeWidth: 2 }),
        ],
      },
      t("batchNormLab.runDesc", { n: r.points.length, run: fmt(r.points[r.points.length - 1].runningMean), data: fmt(r.dataMean) }),
      {
        columns: [t("batchNormLab.axisBatch"), t("batchNormLab.batchMean"), t("batchNormLab.runningMean"), t("batchNormLab.runningVar")],
        rows: thin(r.points).map((p) => [p.batch, p.batchMean, p.runningMean, p.runningVar]),
      },
    );
    const head = document.createElement("thead"),
      hr = head.insertRow();
    for (const col of [t("batchNormLab.mode.col"), t("batchNormLab.mode.out")])
      hr.append(Object.assign(document.createElement("th"), { scope: "col", textContent: col }));
    const body = document.createElement("tbody");
    const line = (label: string, v: number, mode: string) => {
      const row = body.insertRow();
      row.dataset.mode = mode;
      row.append(Object.assign(document.createElement("th"), { scope: "row", textContent: label }));
      row.insertCell().textContent = fmt(v);
    };
    r.trainOutputs.forEach((v, k) => line(t("batchNormLab.mode.train", { k: k + 1 }), v, "train"));
    line(t("batchNormLab.mode.eval", { n: r.points.length }), r.evalOutput, "eval");
    const caption = Object.assign(document.createElement("caption"), {
      textContent: t("batchNormLab.modeCaption", { feature: t(`batchNormLab.featureName.${this.state.feature}`) }),
    });
    this.modeTable.replaceChildren(caption, head, body);
  }

  private drawLoss(width: number): void {
    // Training reruns only when the learning rate changes; a theme switch just redraws.
    if (this.trained?.lr !== this.state.lr) this.trained = { lr: this.state.lr, curves: trainBoth(this.state) };
    const curves = this.trained.curves;
    const pts = (loss: number[]) => loss.map((J, i) => ({ step: i + 1, J })).filter((p) => Number.isFinite(p.J));
    const plain = pts(curves.plain),
      withBn = pts(curves.withBn);
    const tail = (xs: number[]) => {
      const s = xs.slice(-20);
      return s.reduce((a, b) => a + b, 0) / s.length;
    };
    drawChart(
      this.lossHost.host,
      {
        width,
        height: 220,
        marginLeft: 48,
        marginBottom: 44,
        x: stepAxis(t("batchNormLab.axisStep")),
        // NOTE: the network without batch norm starts far above 1 on raw features; the window stays on the interesting range.
        y: { label: t("batchNormLab.axisLoss"), grid: true, domain: [0, 1.5] },
        clip: true,
        marks: [
          Plot.line(plain, { x: "step", y: "J", stroke: seriesColor(1), strokeWidth: 1.5, strokeDasharray: "6 3" }),
          Plot.line(withBn, { x: "step", y: "J", stroke: seriesColor(0), strokeWidth: 1.5 }),
        ],
      },
      t("batchNormLab.lossDesc", { lr: this.state.lr, plain: fmt(tail(curves.plain)), bn: fmt(tail(curves.withBn)) }),
      {
        columns: [t("batchNormLab.axisStep"), t("batchNormLab.plain"), t("batchNormLab.withBn")],
        rows: thin(withBn).map((p) => [p.step, curves.plain[p.step - 1], p.J]),
      },
    );
    this.lossNote.textContent = t("batchNormLab.lossNote", {
      plain: curves.plainStatus === "ok" ? fmt(tail(curves.plain)) : formatNumber(NaN),
      bn: curves.withBnStatus === "ok" ? fmt(tail(curves.withBn)) : formatNumber(NaN),
    });
  }
}

if (!customElements.get("dl-batch-norm-lab")) customElements.define("dl-batch-norm-lab", BatchNormLabWidget);
