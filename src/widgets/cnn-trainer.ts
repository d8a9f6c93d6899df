// <dl-cnn-trainer>: a small convolutional network (and a dense network of about the same size) learning the course's
// generated digits in the page (chapter 9). Training runs in time-budgeted slices between animation frames, pauses out
// of view, and stops with a visible "diverged" if the loss runs away. The figure shows the readouts, the loss and
// accuracy curves, the learned first-layer filters and ten test digits with the CNN's predictions; the charts are drawn
// one per frame (ChartQueue), so no frame carries more than one Plot.
import { rateOf, rateReadout } from "./rate-slider";
import { WidgetBase } from "./base";
import { controlButton } from "./controls";
import { afterPaint } from "./after-paint";
import { ChartQueue } from "./chart-queue";
import { runAfterPaint } from "./frame-slices";
import { watchVisibility } from "./visibility";
import { drawChart, Plot, themeColors } from "../charts/chart";
import { logDomain, pairWidth, stepAxis, thin } from "../charts/parts";
import { formatNumber } from "../charts/format";
import { cnnTrainerSchema, CnnTrainer, sampleIndices, testImage, BATCH, KERNEL, LOSS_CEILING, SIZE } from "./cnn-trainer-model";
import { t } from "../i18n";

/** Milliseconds of training per frame, and how often the readouts and charts are renewed while training. */
const BUDGET_MS = 6;
const DRAW_MS = 400;
const READOUTS = ["updates", "cnnParams", "denseParams", "cnnAccuracy", "denseAccuracy", "status"] as const;
const CHARTS = ["accuracy", "loss", "filters", "digits"] as const;
type ChartName = (typeof CHARTS)[number];
/** The parts of the figure drawn one per frame: the test scores and readouts, then each chart. */
const PARTS = ["scores", ...CHARTS] as const;
type PartName = (typeof PARTS)[number];

const percent = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : "–");

class CnnTrainerWidget extends WidgetBase<typeof cnnTrainerSchema> {
  readonly schema = cnnTrainerSchema;
  private trainer?: CnnTrainer;
  private playing = false;
  private visible = true;
  private unwatch = () => {};
  private stopFrames = () => {};
  private stopPending = () => {};
  private playButton!: HTMLButtonElement;
  private showRate!: (logLr: number) => void;
  private width = 640;
  private readonly queue = new ChartQueue<PartName>(PARTS, (part) => this.drawPart(part));
  private parts: { readouts: Map<string, HTMLElement>; note: HTMLElement; hosts: Record<ChartName, HTMLElement> } | null = null;

  connectedCallback(): void {
    super.connectedCallback();
    const unwatch = watchVisibility(this, (visible) => {
      this.visible = visible;
      this.drawReadouts();
    });
    // The figure's width is taken when it changes, not read at each drawing: a read after the controls changed forces a
    // layout of the whole (long) page.
    const sizes = new ResizeObserver(([entry]) => {
      const width = Math.round(entry.contentRect.width);
      if (width > 0 && width !== this.width) {
        this.width = width;
        this.drawAll();
      }
    });
    sizes.observe(this.figure);
    this.unwatch = () => {
      unwatch();
      sizes.disconnect();
    };
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatch();
    this.stopFrames();
    this.stopPending();
    this.queue.cancel();
  }

  protected buildControls(panel: HTMLElement): void {
    this.playButton = controlButton(t("cnnTrainer.play"), "play", () => (this.playing ? this.pause() : this.play()));
    const buttons = Object.assign(document.createElement("div"), { className: "dl-cnn-buttons" });
    buttons.append(
      this.playButton,
      controlButton(t("cnnTrainer.reset"), "reset", () => this.later(() => this.ensureTrainer().reset())),
    );
    // The learning-rate slider with the rate itself beside it (rate-slider.ts).
    const rate = this.control("logLr");
    this.showRate = rateReadout(rate, "dl-cnn-rate");
    panel.append(
      this.fieldGroup(t("cnnTrainer.group.run"), [buttons]),
      this.fieldGroup(t("cnnTrainer.group.network"), ["filters", rate, "seed"]),
    );
  }

  protected render(): void {
    this.showRate(this.state.logLr);
    if (!this.parts) this.buildFigure();
    this.stopPending();
    if (!this.trainer) {
      // The digits (about 50-150 ms to draw) and the networks are made once the widget's first frame is painted.
      this.drawReadouts();
      this.stopPending = afterPaint([() => (this.ensureTrainer(), this.drawAll())]);
      return;
    }
    // A learning rate carries on at once; new filters or a new seed rebuild the networks after this frame is painted,
    // so the change's frame only shows that a restart is coming.
    const s = this.state,
      restart = s.filters !== this.trainerFilters || s.seed !== this.trainerSeed;
    this.trainer.apply({ ...s, filters: this.trainerFilters, seed: this.trainerSeed });
    if (restart) this.later(() => this.trainer!.apply({ ...this.state }));
    else {
      this.drawReadouts();
      this.drawAll();
    }
  }

  /** A restart (30-60 ms, more on a loaded machine) after the change's frame, which only says that one is coming. */
  private later(restart: () => void): void {
    this.stopPending();
    this.drawReadouts(t("cnnTrainer.status.restarting"));
    this.stopPending = afterPaint([
      () => {
        restart();
        this.drawAll();
      },
    ]);
  }

  /** The filter count and seed the networks were built with (a restart for new ones may still be pending). */
  private get trainerFilters(): number {
    return this.trainer!.filters().length;
  }
  private get trainerSeed(): number {
    return this.trainer!.seed;
  }

  /** The trainer, made now if the deferred first build has not run yet (a control used at once). */
  private ensureTrainer(): CnnTrainer {
    if (!this.trainer) this.trainer = new CnnTrainer({ ...this.state });
    else if (this.trainerFilters !== this.state.filters || this.trainerSeed !== this.state.seed) this.trainer.apply({ ...this.state });
    return this.trainer;
  }

  private buildFigure(): void {
    const el = (tag: string, className: string) => Object.assign(document.createElement(tag), { className });
    const readouts = el("dl", "dl-readouts"),
      map = new Map<string, HTMLElement>();
    for (const key of READOUTS) {
      const dd = document.createElement("dd");
      readouts.append(Object.assign(document.createElement("dt"), { textContent: t(`cnnTrainer.readout.${key}`) }), dd);
      map.set(key, dd);
    }
    const note = el("p", "dl-cnn-diverged");
    note.setAttribute("aria-live", "polite");
    const block = (key: ChartName) => {
      const host = el("div", "dl-cnn-chart");
      host.append(Object.assign(el("p", "dl-cnn-chart-title"), { textContent: t(`cnnTrainer.${key}Title`) }), el("div", ""));
      return host;
    };
    const hosts = Object.fromEntries(CHARTS.map((k) => [k, block(k)])) as Record<ChartName, HTMLElement>;
    const curves = el("div", "dl-cnn-charts");
    curves.append(hosts.accuracy, hosts.loss);
    const about = Object.assign(el("p", "dl-note"), { textContent: t("cnnTrainer.note", { batch: BATCH }) });
    this.parts = { readouts: map, note, hosts };
    this.figure.append(readouts, note, curves, hosts.filters, hosts.digits, about);
  }

  /** From the next frame on, one per frame: the test scores and readouts, then the charts whose inputs changed. */
  private drawAll(): void {
    const tr = this.trainer;
    if (!tr || !this.parts) return;
    const look = `${document.documentElement.dataset.theme}:${this.width}`;
    const key = `${look}:${tr.restarts}:${tr.step}`;
    this.queue.want("scores", key);
    this.queue.want("accuracy", key);
    this.queue.want("loss", `${key}:${this.state.logLr}`);
    this.queue.want("filters", key);
    this.queue.want("digits", key);
    this.queue.flush(undefined, false);
  }

  private drawReadouts(statusText?: string): void {
    const tr = this.trainer,
      parts = this.parts;
    if (!parts) return;
    const status =
      statusText ??
      (!tr
        ? t("cnnTrainer.status.preparing")
        : tr.status === "diverged"
          ? t("widget.diverged")
          : !this.playing
            ? t("cnnTrainer.status.paused")
            : !this.visible
              ? t("cnnTrainer.status.offscreen")
              : t("cnnTrainer.status.training"));
    const values: Record<(typeof READOUTS)[number], string> = {
      updates: tr ? t("cnnTrainer.updates", { step: tr.step.toLocaleString("en-US"), epoch: tr.epoch }) : "–",
      cnnParams: tr ? tr.cnnParams.toLocaleString("en-US") : "–",
      denseParams: tr ? t("cnnTrainer.denseSize", { params: tr.denseParams.toLocaleString("en-US"), hidden: tr.denseWidth }) : "–",
      cnnAccuracy: tr ? percent(tr.test.cnn.accuracy) : "–",
      denseAccuracy: tr ? percent(tr.test.dense.accuracy) : "–",
      status,
    };
    for (const key of READOUTS) parts.readouts.get(key)!.textContent = values[key];
    parts.note.textContent = tr?.status === "diverged" ? t("cnnTrainer.divergedNote", { step: tr.step, ceiling: LOSS_CEILING }) : "";
    this.toggleAttribute("data-diverged", tr?.status === "diverged");
  }

  private drawPart(part: PartName): void {
    if (!this.trainer || !this.parts) return;
    if (part === "scores") {
      this.trainer.record(); // a curve point (and test scores) if there were updates since the last drawing
      this.drawReadouts();
      return;
    }
    const host = this.parts.hosts[part].lastElementChild as HTMLElement;
    if (part === "accuracy") this.drawAccuracy(host);
    else if (part === "loss") this.drawLoss(host);
    else if (part === "filters") this.drawFilters(host);
    else this.drawDigits(host);
  }

  private drawAccuracy(host: HTMLElement): void {
    const tr = this.trainer!,
      c = tr.curve,
      names = { train: t("cnnTrainer.series.cnnTrain"), test: t("cnnTrainer.series.cnnTest"), dense: t("cnnTrainer.series.denseTest") };
    const rows = c.step.flatMap((k, i) => [
      { step: k, v: c.trainAccuracy[i], series: names.train },
      { step: k, v: c.testAccuracy[i], series: names.test },
      { step: k, v: c.denseTestAccuracy[i], series: names.dense },
    ]);
    const pick = (name: string) => rows.filter((d) => d.series === name && Number.isFinite(d.v));
    const colors = themeColors();
    drawChart(
      host,
      {
        width: pairWidth(this.width),
        height: 230,
        marginLeft: 44,
        marginBottom: 44,
        x: { ...stepAxis(t("cnnTrainer.axisUpdate")), domain: [0, Math.max(10, tr.step)] },
        y: { label: t("cnnTrainer.axisAccuracy"), domain: [0, 1], grid: true, tickFormat: (d: number) => `${Math.round(d * 100)}%` },
        color: { domain: [names.train, names.test, names.dense], range: [colors.muted, colors.accent, colors.second], legend: true },
        marks: [
          Plot.ruleY([0.1], { stroke: colors.grid, strokeDasharray: "2 3" }),
          Plot.line(pick(names.train), { x: "step", y: "v", stroke: "series", strokeWidth: 1.5 }),
          Plot.line(pick(names.test), { x: "step", y: "v", stroke: "series", strokeWidth: 2.5 }),
          Plot.line(pick(names.dense), { x: "step", y: "v", stroke: "series", strokeWidth: 2, strokeDasharray: "5 3" }),
        ],
      },
      t("cnnTrainer.accuracyDesc", {
        step: tr.step.toLocaleString("en-US"),
        cnn: percent(tr.test.cnn.accuracy),
        dense: percent(tr.test.dense.accuracy),
        hidden: tr.denseWidth,
      }),
      {
        columns: [t("cnnTrainer.axisUpdate"), names.train, names.test, names.dense],
        rows: thin(
          c.step.map((k, i) => [k, c.trainAccuracy[i], c.testAccuracy[i], c.denseTestAccuracy[i]]),
          40,
        ),
      },
    );
  }

  private drawLoss(host: HTMLElement): void {
    const tr = this.trainer!,
      c = tr.curve,
      colors = themeColors(),
      names = { train: t("cnnTrainer.series.cnnTrain"), test: t("cnnTrainer.series.cnnTest") };
    const line = (values: number[], name: string) =>
      c.step.map((k, i) => ({ step: k, v: values[i], series: name })).filter((d) => Number.isFinite(d.v) && d.v > 0);
    // A domain from the values (the untrained loss alone would give a zero-width one), clear of a diverged run's.
    const domain = logDomain([...c.trainLoss, ...c.testLoss], { pad: 1.3, ceiling: LOSS_CEILING });
    drawChart(
      host,
      {
        width: pairWidth(this.width),
        height: 230,
        marginLeft: 48,
        marginBottom: 44,
        x: { ...stepAxis(t("cnnTrainer.axisUpdate")), domain: [0, Math.max(10, tr.step)] },
        y: {
          type: "log",
          domain,
          clamp: true,
          label: t("cnnTrainer.axisLoss"),
          grid: true,
          ticks: 4,
          tickFormat: (d: number) => String(Number(d.toPrecision(2))),
        },
        color: { domain: [names.train, names.test], range: [colors.muted, colors.accent], legend: true },
        marks: [
          Plot.line(line(c.trainLoss, names.train), { x: "step", y: "v", stroke: "series", strokeWidth: 1.5 }),
          Plot.line(line(c.testLoss, names.test), { x: "step", y: "v", stroke: "series", strokeWidth: 2.5, strokeDasharray: "5 3" }),
        ],
      },
      t("cnnTrainer.lossDesc", {
        step: tr.step.toLocaleString("en-US"),
        lr: rateOf(this.state.logLr),
        train: formatNumber(c.trainLoss[c.trainLoss.length - 1]),
        test: formatNumber(tr.test.cnn.loss),
      }),
      {
        columns: [t("cnnTrainer.axisUpdate"), names.train, names.test],
        rows: thin(
          c.step.map((k, i) => [k, c.trainLoss[i], c.testLoss[i]]),
          40,
        ),
      },
    );
  }

  /** The first layer's filters as small heat maps side by side (blue negative, red positive, one symmetric scale). */
  private drawFilters(host: HTMLElement): void {
    const tr = this.trainer!,
      filters = tr.filters(),
      K = KERNEL,
      gap = 1;
    const cells = filters.flatMap((w, f) => Array.from(w, (v, p) => ({ f: f + 1, x: f * (K + gap) + (p % K), y: Math.floor(p / K), v })));
    const extent = Math.max(1e-6, ...cells.map((d) => Math.abs(d.v)));
    const span = filters.length * (K + gap) - gap,
      cell = Math.min(30, Math.floor((Math.min(this.width, 640) - 20) / span));
    drawChart(
      host,
      {
        width: span * cell + 20,
        height: K * cell + 70,
        marginLeft: 10,
        marginRight: 10,
        marginTop: 8,
        marginBottom: 22,
        x: { axis: null, domain: [0, span] },
        y: { axis: null, domain: [K, 0] },
        color: { type: "linear", scheme: "BuRd", domain: [-extent, extent], legend: true, label: t("cnnTrainer.weight") },
        marks: [
          Plot.rect(cells, { x1: "x", x2: (d) => d.x + 1, y1: "y", y2: (d) => d.y + 1, fill: "v", inset: 0.5 }),
          Plot.text(
            filters.map((_, f) => ({ x: f * (K + gap) + K / 2, label: String(f + 1) })),
            { x: "x", y: K, text: "label", dy: 12, fill: "currentColor" },
          ),
        ],
      },
      t("cnnTrainer.filtersDesc", { count: filters.length, step: tr.step.toLocaleString("en-US"), extent: formatNumber(extent) }),
      {
        columns: [t("cnnTrainer.table.filter"), t("cnnTrainer.table.row"), t("cnnTrainer.table.col"), t("cnnTrainer.weight")],
        rows: cells.map((d) => [d.f, d.y + 1, (d.x % (K + gap)) + 1, d.v]),
      },
    );
  }

  /** Ten test digits, one per class, each with its label and the CNN's prediction (✓ right, ✗ wrong). */
  private drawDigits(host: HTMLElement): void {
    const tr = this.trainer!,
      indices = sampleIndices(),
      predicted = tr.predict(indices),
      perRow = this.width >= 560 ? 10 : 5,
      gap = 3,
      colors = themeColors();
    const place = (i: number) => ({ x: (i % perRow) * (SIZE + gap), y: Math.floor(i / perRow) * (SIZE + gap + 6) });
    const rows = Math.ceil(indices.length / perRow),
      spanX = perRow * (SIZE + gap) - gap,
      spanY = rows * (SIZE + gap + 6),
      width = Math.min(this.width, 640),
      unit = (width - 20) / spanX;
    const labels = indices.map((_, c) => ({
      ...place(c),
      text: `${c} → ${predicted[c]} ${predicted[c] === c ? "✓" : "✗"}`,
      right: predicted[c] === c,
    }));
    drawChart(
      host,
      {
        width,
        height: Math.round(spanY * unit) + 10,
        margin: 10,
        x: { axis: null, domain: [0, spanX] },
        y: { axis: null, domain: [spanY, 0] },
        color: { type: "linear", domain: [0, 1], range: ["#fbfbfb", "#111111"] },
        marks: [
          // One image holding all ten digits (NaN between them is left transparent): one raster to encode, not ten.
          Plot.raster(this.digitSheet(indices, perRow, gap, spanX, spanY), {
            width: spanX,
            height: spanY,
            x1: 0,
            x2: spanX,
            y1: 0,
            y2: spanY,
            imageRendering: "pixelated",
          }),
          // Wrong predictions in bold and the second colour, and marked ✗, so they differ without colour too.
          ...[true, false].map((right) =>
            Plot.text(
              labels.filter((d) => d.right === right),
              {
                x: (d) => d.x + SIZE / 2,
                y: (d) => d.y + SIZE + 3.5,
                text: "text",
                fill: right ? colors.text : colors.second,
                fontWeight: right ? "normal" : "bold",
              },
            ),
          ),
        ],
      },
      t("cnnTrainer.digitsDesc", {
        step: tr.step.toLocaleString("en-US"),
        right: labels.filter((d) => d.right).length,
        wrong:
          labels
            .filter((d) => !d.right)
            .map((d) => d.text.split(" ")[0])
            .join(", ") || "–",
      }),
      {
        columns: [t("cnnTrainer.table.label"), t("cnnTrainer.table.predicted")],
        rows: indices.map((_, c) => [c, predicted[c]]),
      },
    );
  }

  /** The pixels of the sample digits laid out in rows, row-major over a spanX × spanY sheet; NaN elsewhere. */
  private digitSheet(indices: number[], perRow: number, gap: number, spanX: number, spanY: number): Float64Array {
    const sheet = new Float64Array(spanX * spanY).fill(Number.NaN);
    indices.forEach((j, c) => {
      const image = testImage(j),
        x0 = (c % perRow) * (SIZE + gap),
        y0 = Math.floor(c / perRow) * (SIZE + gap + 6);
      for (let i = 0; i < SIZE; i++) for (let k = 0; k < SIZE; k++) sheet[(y0 + i) * spanX + x0 + k] = image[i * SIZE + k];
    });
    return sheet;
  }

  private play(): void {
    const trainer = this.ensureTrainer();
    if (trainer.status !== "ok") return;
    this.playing = true;
    this.playButton.textContent = t("cnnTrainer.pause");
    this.drawReadouts();
    this.stopFrames();
    const job = { advance: () => (trainer.runFor(BUDGET_MS), trainer.status !== "ok") };
    // The slices start once the click's frame (the button now reading Pause) is painted: a run's first updates compile
    // the conv code and took 100-200 ms here, which held that frame.
    this.stopFrames = runAfterPaint(job, (done) => (done ? this.afterTraining() : this.drawAll()), {
      budgetMs: BUDGET_MS,
      redrawMs: DRAW_MS,
      unit: 1,
      pauseOutside: this,
    });
  }

  private pause(): void {
    this.playing = false;
    this.playButton.textContent = t("cnnTrainer.play");
    this.stopFrames();
    this.drawAll();
  }

  /** Redraws after training ends; a diverged run stops playing. */
  private afterTraining(): void {
    if (this.playing) this.pause();
    else this.drawAll();
  }
}

if (!customElements.get("dl-cnn-trainer")) customElements.define("dl-cnn-trainer", CnnTrainerWidget);
