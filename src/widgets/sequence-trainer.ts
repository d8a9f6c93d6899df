// <dl-sequence-trainer>: a recurrent network learning next-value prediction on a noisy sine wave (chapter 8).
// Training runs in time-budgeted slices between animation frames so the page stays responsive, pauses out of view,
// and stops with a visible "diverged" when the loss runs away. Charts: held-out predictions (or a text sample) and the
// training and held-out loss curves. The learning-rate slider moves log₁₀ of the rate; everything shown is the rate.
import { rateOf, rateReadout } from "./rate-slider";
import { WidgetBase } from "./base";
import { controlButton } from "./controls";
import { finishAfterPaint, runInFrames } from "./frame-slices";
import { watchVisibility } from "./visibility";
import { drawChart, Plot, themeColors } from "../charts/chart";
import { thin } from "../charts/parts";
import { formatNumber } from "../charts/format";
import {
  sequenceTrainerSchema,
  SequenceTrainer,
  CHAR_SPLIT,
  START_CHUNK,
  LOSS_CEILING,
  PROMPT,
  TRAIN_SEQUENCES,
  WINDOW,
  type SequenceTrainerState,
} from "./sequence-trainer-model";
import { charCorpus } from "../../lib";
import { t } from "../i18n";

/** Milliseconds of training per frame, and how often the charts are redrawn while playing. */
const BUDGET_MS = 6;
const DRAW_MS = 200;
const STEP_UPDATES = 50;
const READOUTS = ["updates", "params", "loss", "heldOut", "status"] as const;

class SequenceTrainerWidget extends WidgetBase<typeof sequenceTrainerSchema> {
  readonly schema = sequenceTrainerSchema;
  private trainer?: SequenceTrainer;
  private playing = false;
  /** True while the updates of a Step run in slices. */
  private stepping = false;
  /** Updates the Step clicks still ask for. */
  private stepLeft = 0;
  private visible = true;
  private unwatch = () => {};
  private stopFrames = () => {};
  private playButton!: HTMLButtonElement;
  private chartWidth = 640;
  private showRate!: (logLr: number) => void;
  private parts: {
    readouts: Map<string, HTMLElement>;
    labels: Map<string, HTMLElement>;
    note: HTMLElement;
    predTitle: HTMLElement;
    pred: HTMLElement;
    loss: HTMLElement;
    about: HTMLElement;
  } | null = null;

  connectedCallback(): void {
    super.connectedCallback();
    this.unwatch = watchVisibility(this, (visible) => {
      // The loop pauses out of view by itself; the readout says so.
      this.visible = visible;
      this.drawReadouts();
    });
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatch();
    this.stopFrames();
  }

  protected buildControls(panel: HTMLElement): void {
    this.playButton = controlButton(t("sequenceTrainer.play"), "play", () => (this.playing ? this.pause() : this.play()));
    const buttons = Object.assign(document.createElement("div"), { className: "dl-st-buttons" });
    buttons.append(
      this.playButton,
      controlButton(t("sequenceTrainer.step"), "train", () => this.stepUpdates()),
      controlButton(t("sequenceTrainer.reset"), "reset", () => {
        this.trainer?.reset();
        this.drawAll();
        this.settle();
      }),
    );
    // The learning-rate slider with the rate itself beside it (rate-slider.ts).
    const rate = this.control("logLr");
    this.showRate = rateReadout(rate, "dl-st-rate");
    panel.append(
      this.fieldGroup(t("sequenceTrainer.group.run"), [buttons]),
      this.fieldGroup(t("sequenceTrainer.group.network"), ["task", "model", "hidden", "optimizer", rate, "clip"]),
    );
  }

  protected optionLabel(name: string, option: string): string {
    return t(`sequenceTrainer.${name}.${option}`);
  }

  protected render(): void {
    this.showRate(this.state.logLr);
    if (!this.parts) this.buildFigure();
    if (!this.trainer) this.trainer = new SequenceTrainer({ ...this.state }, 1, true);
    else this.trainer.apply({ ...this.state });
    this.drawAll();
    this.settle();
  }

  /**
   * After a restart, the untrained loss on the training set (the curve's first point) is computed a few windows per
   * frame, so the change answers at once; the curve is drawn when it is in. While playing, the play loop does this.
   */
  private settle(): void {
    const tr = this.trainer;
    if (!tr?.starting || this.playing) return;
    this.stopFrames();
    this.stopFrames = finishAfterPaint(tr, () => this.drawAll(), { budgetMs: BUDGET_MS, unit: START_CHUNK, pauseOutside: this });
  }

  private buildFigure(): void {
    const el = (tag: string, className: string) => Object.assign(document.createElement(tag), { className });
    const readouts = el("dl", "dl-readouts"),
      map = new Map<string, HTMLElement>(),
      labels = new Map<string, HTMLElement>();
    for (const key of READOUTS) {
      const dt = Object.assign(document.createElement("dt"), { textContent: t(`sequenceTrainer.readout.${key}`) }),
        dd = document.createElement("dd");
      readouts.append(dt, dd);
      map.set(key, dd);
      labels.set(key, dt);
    }
    const note = el("p", "dl-st-diverged");
    note.setAttribute("aria-live", "polite");
    const title = (key: string) => Object.assign(el("p", "dl-st-chart-title"), { textContent: t(key) });
    const about = el("p", "dl-note"),
      predTitle = title("sequenceTrainer.predTitle");
    this.parts = { readouts: map, labels, note, predTitle, pred: el("div", ""), loss: el("div", ""), about };
    this.figure.append(readouts, note, predTitle, this.parts.pred, title("sequenceTrainer.lossTitle"), this.parts.loss, about);
  }

  private get modelName(): string {
    return t(`sequenceTrainer.model.${this.state.model}`);
  }

  private drawAll(): void {
    // Read before anything changes, so measuring the figure does not force a layout of the page on every drawing.
    this.chartWidth = Math.min(680, this.figure.clientWidth || 640);
    const chars = this.state.task === "chars",
      parts = this.parts!;
    this.trainer!.record(); // a new curve point (and held-out loss) if there were updates since the last drawing
    parts.labels.get("loss")!.textContent = t(chars ? "sequenceTrainer.readout.charLoss" : "sequenceTrainer.readout.loss");
    parts.labels.get("heldOut")!.textContent = t(chars ? "sequenceTrainer.readout.charHeldOut" : "sequenceTrainer.readout.heldOut");
    parts.predTitle.textContent = chars ? t("sequenceTrainer.sampleTitle", { prompt: PROMPT.trim() }) : t("sequenceTrainer.predTitle");
    const split = CHAR_SPLIT;
    parts.about.textContent = chars
      ? t("sequenceTrainer.noteChars", {
          window: WINDOW,
          train: split.train.starts.length,
          heldOut: split.heldOut.starts.length,
          cut: split.cut,
          length: charCorpus.length,
        })
      : t("sequenceTrainer.note", { train: TRAIN_SEQUENCES, window: WINDOW });
    this.drawReadouts();
    if (chars) this.drawSample();
    else this.drawPredictions();
    this.drawLoss();
  }

  private drawReadouts(): void {
    const tr = this.trainer,
      parts = this.parts;
    if (!tr || !parts) return;
    const status =
      tr.status === "diverged"
        ? t("widget.diverged")
        : tr.starting
          ? t("sequenceTrainer.status.starting")
          : !this.playing && !this.stepping
            ? t("sequenceTrainer.status.paused")
            : !this.visible
              ? t("sequenceTrainer.status.offscreen")
              : t("sequenceTrainer.status.ok");
    const values: Record<(typeof READOUTS)[number], string> = {
      updates: tr.step.toLocaleString("en-US"),
      params: tr.paramCount.toLocaleString("en-US"),
      loss: tr.step === 0 ? "–" : formatNumber(tr.lastLoss),
      heldOut: formatNumber(tr.lastHeldOut),
      status,
    };
    for (const key of READOUTS) parts.readouts.get(key)!.textContent = values[key];
    parts.note.textContent =
      tr.status === "diverged" ? t("sequenceTrainer.divergedNote", { step: tr.divergedAt ?? tr.step, ceiling: LOSS_CEILING }) : "";
    this.toggleAttribute("data-diverged", tr.status === "diverged");
  }

  private drawSample(): void {
    const tr = this.trainer!,
      text = tr.sample();
    const out = Object.assign(document.createElement("p"), { className: "dl-st-sample" });
    out.append(
      Object.assign(document.createElement("span"), { className: "dl-st-prompt", textContent: PROMPT }),
      document.createTextNode(text),
    );
    const desc = Object.assign(document.createElement("p"), {
      className: "dl-chart-description",
      textContent: t("sequenceTrainer.sampleDesc", { step: tr.step.toLocaleString("en-US"), model: this.modelName }),
    });
    this.parts!.pred.replaceChildren(out, desc);
  }

  private drawPredictions(): void {
    const tr = this.trainer!,
      p = tr.predictions(),
      c = themeColors();
    const names = { actual: t("sequenceTrainer.series.actual"), predicted: t("sequenceTrainer.series.predicted") };
    // A diverged network predicts huge numbers; clamp the drawing to the signal's range (the table keeps the values).
    const clampY = (v: number) => (Number.isFinite(v) ? Math.max(-2, Math.min(2, v)) : NaN);
    const actual = p.t.map((k, i) => ({ t: k, v: p.actual[i], series: names.actual }));
    const predicted = p.t.map((k, i) => ({ t: k, v: clampY(p.predicted[i]), series: names.predicted })).filter((d) => Number.isFinite(d.v));
    drawChart(
      this.parts!.pred,
      {
        width: this.chartWidth,
        height: 220,
        marginLeft: 44,
        x: { label: t("sequenceTrainer.axisT") },
        y: { domain: [-2, 2], label: t("sequenceTrainer.axisValue"), grid: true },
        color: { domain: [names.actual, names.predicted], range: [c.muted, c.accent], legend: true },
        marks: [
          Plot.ruleY([0], { stroke: c.grid }),
          Plot.dot(actual, { x: "t", y: "v", fill: "series", r: 2.5 }),
          Plot.line(predicted, { x: "t", y: "v", stroke: "series", strokeWidth: 2 }),
        ],
      },
      t("sequenceTrainer.predDesc", {
        n: p.t.length,
        model: this.modelName,
        step: tr.step.toLocaleString("en-US"),
        loss: formatNumber(p.loss),
      }),
      { columns: [t("sequenceTrainer.table.t"), names.actual, names.predicted], rows: p.t.map((k, i) => [k, p.actual[i], p.predicted[i]]) },
    );
  }

  private drawLoss(): void {
    const tr = this.trainer!,
      c = themeColors(),
      s: SequenceTrainerState = this.state,
      curve = tr.curve;
    const names = { train: t("sequenceTrainer.series.train"), heldOut: t("sequenceTrainer.series.heldOut") };
    const rows = curve.step
      .flatMap((k, i) => [
        { step: k, loss: curve.train[i], series: names.train },
        { step: k, loss: curve.heldOut[i], series: names.heldOut },
      ])
      .filter((d) => Number.isFinite(d.loss) && d.loss > 0);
    drawChart(
      this.parts!.loss,
      {
        width: this.chartWidth,
        height: 200,
        marginLeft: 56,
        x: { label: t("sequenceTrainer.axisUpdate"), domain: [0, Math.max(10, tr.step)] },
        y: {
          type: "log",
          label: t("sequenceTrainer.axisLoss"),
          grid: true,
          ticks: 4,
          tickFormat: (d: number) => String(Number(d.toPrecision(2))),
          ...(rows.length ? {} : { domain: [1e-3, 1] }),
        },
        color: { domain: [names.train, names.heldOut], range: [c.accent, c.muted], legend: true },
        // Dashed held-out line, so the two differ without colour too.
        marks: [
          Plot.line(
            rows.filter((d) => d.series === names.train),
            { x: "step", y: "loss", stroke: "series", strokeWidth: 1.5 },
          ),
          Plot.line(
            rows.filter((d) => d.series === names.heldOut),
            { x: "step", y: "loss", stroke: "series", strokeWidth: 2, strokeDasharray: "5 3" },
          ),
        ],
      },
      t("sequenceTrainer.lossDesc", {
        step: tr.step.toLocaleString("en-US"),
        model: this.modelName,
        loss: tr.step === 0 ? "–" : formatNumber(curve.train[curve.train.length - 1]),
        heldOut: formatNumber(tr.lastHeldOut),
        optimizer: t(`sequenceTrainer.optimizer.${s.optimizer}`),
        lr: rateOf(s.logLr),
        clip: s.clip ? t("sequenceTrainer.clipOn") : t("sequenceTrainer.clipOff"),
      }),
      {
        columns: [t("sequenceTrainer.table.update"), names.train, names.heldOut],
        // Every third or so of up to 300 points: the table is rebuilt on each drawing while the network trains.
        rows: thin(
          curve.step.map((k, i) => [k, curve.train[i], curve.heldOut[i]]),
          100,
        ),
      },
    );
  }

  private play(): void {
    const trainer = this.trainer;
    if (trainer?.status !== "ok") return;
    this.playing = true;
    this.playButton.textContent = t("sequenceTrainer.pause");
    this.drawReadouts();
    this.stopFrames();
    // BUDGET_MS of training per frame, the charts every DRAW_MS, until Pause or divergence; paused out of view.
    const job = {
      advance: () => {
        // A pending first point (after a restart) is finished a slice at a time before training resumes.
        if (trainer.starting) trainer.advance(START_CHUNK);
        else trainer.runFor(BUDGET_MS);
        return trainer.status !== "ok";
      },
    };
    this.stopFrames = runInFrames(job, (done) => (done ? this.afterTraining() : this.drawAll()), {
      budgetMs: BUDGET_MS,
      redrawMs: DRAW_MS,
      unit: 1,
      pauseOutside: this,
    });
  }

  /**
   * Step: STEP_UPDATES updates a slice per frame (up to BUDGET_MS each) from the frame after the click, which shows the
   * status "training"; the charts are drawn when they are done. Done in the click, they held its frame for 50-100 ms.
   */
  private stepUpdates(): void {
    const trainer = this.trainer;
    if (!trainer) return;
    // A click while the updates of the last one still run adds its updates to theirs.
    if (this.stepping) {
      this.stepLeft += STEP_UPDATES;
      return;
    }
    if (this.playing) this.pause();
    this.stopFrames();
    this.stepLeft = STEP_UPDATES;
    let stepped = 0;
    const job = {
      advance: () => {
        // A pending first point (after a restart) is finished a chunk at a time before the updates.
        if (trainer.starting) trainer.advance(START_CHUNK);
        else {
          // A zero budget makes runFor take exactly one update; each click's STEP_UPDATES end in a curve point, as
          // when they ran at once (a point is the mean batch loss since the last one).
          const done = trainer.runFor(0);
          this.stepLeft -= done;
          stepped += done;
          if (done > 0 && stepped % STEP_UPDATES === 0) trainer.record();
        }
        return this.stepLeft <= 0 || trainer.status !== "ok";
      },
    };
    this.stepping = true;
    this.drawReadouts();
    const stop = finishAfterPaint(
      job,
      () => {
        this.stepping = false;
        this.stepLeft = 0;
        this.afterTraining();
      },
      { budgetMs: BUDGET_MS, unit: 1, pauseOutside: this },
    );
    this.stopFrames = () => {
      this.stepping = false;
      this.stepLeft = 0;
      stop();
    };
  }

  private pause(): void {
    this.playing = false;
    if (this.playButton) this.playButton.textContent = t("sequenceTrainer.play");
    this.stopFrames();
    this.drawReadouts();
    this.settle();
  }

  /** Redraws after training; a diverged run stops playing. */
  private afterTraining(): void {
    if (this.trainer?.status === "diverged" && this.playing) this.pause();
    this.drawAll();
  }
}

if (!customElements.get("dl-sequence-trainer")) customElements.define("dl-sequence-trainer", SequenceTrainerWidget);
