// <dl-transformer-trainer>: a tiny transformer block and an LSTM of about the same size learning the next character of
// the course's text side by side (chapter 10). Each "Train" click asks for TURN_UPDATES more updates of both; they run
// in time-budgeted slices between animation frames with a progress bar, pause out of view, and stop on Pause. Shown:
// both loss curves, a text sample from each, and the block's attention weights on a short input.
import { rateOf, rateReadout } from "./rate-slider";
import { WidgetBase } from "./base";
import { controlButton } from "./controls";
import { afterPaint } from "./after-paint";
import { finishAfterPaint, runAfterPaint } from "./frame-slices";
import { drawChart, Plot, themeColors } from "../charts/chart";
import { thin } from "../charts/parts";
import { formatNumber } from "../charts/format";
import { heatmapPlot, tokenLabels } from "./attention-cells";
import { START_CHUNK, LOSS_CEILING, PROMPT } from "./sequence-trainer-model";
import { transformerTrainerSchema, TransformerTrainer, matchedHidden, EMBED, FF, ATTENTION_INPUT } from "./transformer-trainer-model";
import type { SequenceRun } from "./sequence-run";
import { t } from "../i18n";

/** Milliseconds of training per frame, least time between redraws while training, and updates per Train click. */
const BUDGET_MS = 8;
const DRAW_MS = 300;
export const TURN_UPDATES = 100;
const ROWS = ["params", "updates", "loss", "heldOut", "time"] as const;

class TransformerTrainerWidget extends WidgetBase<typeof transformerTrainerSchema> {
  readonly schema = transformerTrainerSchema;
  private trainer?: TransformerTrainer;
  /** Updates still asked for by Train clicks, and how many the current job was asked for in all. */
  private left = 0;
  private asked = 0;
  private running = false;
  private stopFrames = () => {};
  /** Drops the samples and attention map still waiting for a frame. */
  private stopLate = () => {};
  private pauseButton!: HTMLButtonElement;
  private showRate!: (logLr: number) => void;
  private chartWidth = 640;
  private parts: {
    cells: Map<string, HTMLElement[]>;
    status: HTMLElement;
    progress: HTMLProgressElement;
    samples: HTMLElement;
    loss: HTMLElement;
    attention: HTMLElement;
  } | null = null;

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopFrames();
    this.stopLate();
  }

  protected buildControls(panel: HTMLElement): void {
    this.pauseButton = controlButton(t("transformerTrainer.pause"), "pause", () => this.pause());
    const buttons = Object.assign(document.createElement("div"), { className: "dl-st-buttons" });
    buttons.append(
      controlButton(t("transformerTrainer.train", { n: TURN_UPDATES }), "train", () => this.train()),
      this.pauseButton,
      controlButton(t("transformerTrainer.reset"), "reset", () => {
        this.stop();
        this.trainer?.reset();
        this.drawAll();
        this.settle();
      }),
    );
    this.showPause();
    // The learning-rate slider with the rate itself beside it (rate-slider.ts).
    const rate = this.control("logLr");
    this.showRate = rateReadout(rate, "dl-st-rate");
    panel.append(
      this.fieldGroup(t("transformerTrainer.group.run"), [buttons]),
      this.fieldGroup(t("transformerTrainer.group.network"), ["heads", rate, "seed"]),
    );
  }

  protected optionLabel(name: string, option: string): string {
    return t(`transformerTrainer.${name}.${option}`);
  }

  protected render(): void {
    this.showRate(this.state.logLr);
    if (!this.parts) this.buildFigure();
    if (!this.trainer) this.trainer = new TransformerTrainer({ ...this.state }, true);
    else if (this.trainer.apply({ ...this.state })) this.stop();
    this.drawAll();
    this.settle();
  }

  private buildFigure(): void {
    const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className = "") => Object.assign(document.createElement(tag), { className });
    const table = el("table", "dl-tt-readouts"),
      head = table.createTHead().insertRow(),
      body = table.createTBody(),
      cells = new Map<string, HTMLElement[]>();
    table.createCaption().textContent = t("transformerTrainer.readoutCaption");
    for (const key of ["", "transformer", "lstm"]) {
      const th = el("th");
      th.scope = "col";
      th.textContent = key ? t(`transformerTrainer.model.${key}`, { hidden: matchedHidden().hidden }) : t("transformerTrainer.measure");
      head.append(th);
    }
    for (const key of ROWS) {
      const row = body.insertRow(),
        th = el("th");
      th.scope = "row";
      th.textContent = t(`transformerTrainer.readout.${key}`);
      row.append(th);
      cells.set(key, [row.insertCell(), row.insertCell()]);
    }
    const status = el("p", "dl-tt-status"),
      progress = el("progress", "dl-tt-progress");
    status.setAttribute("aria-live", "polite");
    progress.setAttribute("aria-label", t("transformerTrainer.progressLabel"));
    const title = (key: string, vars = {}) => Object.assign(el("p", "dl-st-chart-title"), { textContent: t(key, vars) });
    this.parts = { cells, status, progress, samples: el("div"), loss: el("div"), attention: el("div") };
    const about = Object.assign(el("p", "dl-note"), {
      textContent: t("transformerTrainer.note", { E: EMBED, F: FF, hidden: matchedHidden().hidden, n: TURN_UPDATES }),
    });
    this.figure.append(
      el("div", "dl-tt-scroll"),
      status,
      progress,
      title("transformerTrainer.lossTitle"),
      this.parts.loss,
      title("transformerTrainer.sampleTitle", { prompt: PROMPT.trim() }),
      this.parts.samples,
      title("transformerTrainer.attentionTitle", { input: ATTENTION_INPUT }),
      this.parts.attention,
      about,
    );
    this.figure.firstElementChild!.append(table);
  }

  /**
   * Readouts and loss curves now; with `final`, the samples and then the attention map each in a later frame (the
   * block writes its sample with 80 forward passes), so a change's frame carries only the first two.
   */
  private drawAll(final = true): void {
    // Read before anything changes, so measuring the figure does not force a layout on every drawing.
    this.chartWidth = Math.min(680, this.figure.clientWidth || 640);
    this.trainer!.record();
    this.drawReadouts();
    this.drawLoss();
    this.stopLate();
    if (final) this.stopLate = afterPaint([() => this.drawSamples(), () => this.drawAttention()]);
  }

  private drawReadouts(): void {
    const tr = this.trainer,
      parts = this.parts;
    if (!tr || !parts) return;
    const runs: SequenceRun[] = [tr.transformer, tr.lstm.training];
    const values: Record<(typeof ROWS)[number], (r: SequenceRun) => string> = {
      params: (r) => r.paramCount.toLocaleString("en-US"),
      updates: (r) => r.step.toLocaleString("en-US"),
      loss: (r) => (r.step === 0 ? "–" : formatNumber(r.lastLoss)),
      heldOut: (r) => formatNumber(r.lastHeldOut),
      time: (r) => (r.step === 0 ? "–" : t("transformerTrainer.ms", { ms: r.msPerUpdate.toFixed(1) })),
    };
    for (const key of ROWS) parts.cells.get(key)!.forEach((cell, i) => (cell.textContent = values[key](runs[i])));
    const done = this.asked - Math.max(0, this.left);
    parts.status.textContent =
      tr.status === "diverged"
        ? t("transformerTrainer.diverged", { ceiling: LOSS_CEILING })
        : tr.starting
          ? t("transformerTrainer.status.starting")
          : this.running
            ? t("transformerTrainer.status.training", { done, asked: this.asked, lr: rateOf(this.state.logLr) })
            : t("transformerTrainer.status.idle", { lr: rateOf(this.state.logLr) });
    parts.progress.max = Math.max(1, this.asked);
    parts.progress.value = this.running ? done : 0;
    parts.progress.hidden = !this.running;
  }

  private drawSamples(): void {
    const tr = this.trainer!,
      el = (tag: string, className: string, text = "") => Object.assign(document.createElement(tag), { className, textContent: text });
    const texts = [tr.sample(), tr.sampleLstm()];
    this.parts!.samples.replaceChildren(
      ...["transformer", "lstm"].flatMap((key, i) => {
        const p = el("p", "dl-st-sample");
        p.append(el("span", "dl-st-prompt", PROMPT), document.createTextNode(texts[i]));
        return [el("p", "dl-tt-sample-name", t(`transformerTrainer.model.${key}`, { hidden: matchedHidden().hidden })), p];
      }),
      el("p", "dl-chart-description", t("transformerTrainer.sampleDesc", { step: tr.step.toLocaleString("en-US") })),
    );
  }

  private drawLoss(): void {
    const tr = this.trainer!,
      c = themeColors();
    const model = { transformer: t("transformerTrainer.series.transformer"), lstm: t("transformerTrainer.series.lstm") };
    const kind = { train: t("transformerTrainer.series.train"), heldOut: t("transformerTrainer.series.heldOut") };
    const curves = { transformer: tr.transformer.curve, lstm: tr.lstm.curve };
    const rows = (["transformer", "lstm"] as const).flatMap((m) =>
      (["train", "heldOut"] as const).flatMap((k) =>
        curves[m].step.map((step, i) => ({ step, loss: curves[m][k][i], model: model[m], kind: kind[k], key: `${m} ${k}` })),
      ),
    );
    const line = (k: "train" | "heldOut") =>
      Plot.line(
        rows.filter((d) => d.kind === kind[k] && Number.isFinite(d.loss)),
        {
          x: "step",
          y: "loss",
          z: "key",
          stroke: "model",
          strokeWidth: k === "train" ? 1.5 : 2.25,
          strokeDasharray: k === "train" ? undefined : "6 3",
        },
      );
    const ends = rows.filter((d, i) => Number.isFinite(d.loss) && rows[i + 1]?.key !== d.key);
    const last = (m: "transformer" | "lstm") => formatNumber(curves[m].heldOut[curves[m].heldOut.length - 1]);
    const joined = curves.transformer.step.map((step, i) => {
      const j = curves.lstm.step.indexOf(step);
      return [step, curves.transformer.train[i], curves.transformer.heldOut[i], curves.lstm.train[j] ?? "–", curves.lstm.heldOut[j] ?? "–"];
    });
    drawChart(
      this.parts!.loss,
      {
        width: this.chartWidth,
        height: 220,
        marginLeft: 44,
        x: { label: t("transformerTrainer.axisUpdate"), domain: [0, Math.max(10, tr.step)] },
        y: { label: t("transformerTrainer.axisLoss"), grid: true, ticks: 5 },
        color: { domain: [model.transformer, model.lstm], range: [c.accent, c.second], legend: true },
        // A dot at each line's latest point, so the untrained losses show before there is a line to draw.
        marks: [line("train"), line("heldOut"), Plot.dot(ends, { x: "step", y: "loss", fill: "model", r: 3 })],
      },
      t("transformerTrainer.lossDesc", { step: tr.step.toLocaleString("en-US"), transformer: last("transformer"), lstm: last("lstm") }),
      {
        columns: [
          t("transformerTrainer.table.update"),
          `${model.transformer}, ${kind.train}`,
          `${model.transformer}, ${kind.heldOut}`,
          `${model.lstm}, ${kind.train}`,
          `${model.lstm}, ${kind.heldOut}`,
        ],
        rows: thin(joined, 100),
      },
    );
  }

  private drawAttention(): void {
    const { chars, weights } = this.trainer!.attention();
    // The chapter's heatmap; a space is shown as "␣" so its row and column have a visible name.
    const tokens = chars.map((ch) => (ch === " " ? "␣" : ch)),
      labels = tokenLabels(tokens);
    drawChart(
      this.parts!.attention,
      heatmapPlot(tokens, weights, { width: Math.min(this.chartWidth, 440), causal: true }),
      t("transformerTrainer.attentionDesc", {
        input: ATTENTION_INPUT,
        heads: this.state.heads,
        step: this.trainer!.step.toLocaleString("en-US"),
      }),
      {
        columns: [t("transformerTrainer.axisQuery"), ...labels],
        rows: weights.map((row, q) => [labels[q], ...row.map((a, k) => (k > q ? "–" : Number(a.toFixed(3))))]),
      },
    );
  }

  /** After a restart, the untrained losses (the curves' first points) are computed a few windows per frame. */
  private settle(): void {
    const tr = this.trainer;
    if (!tr?.starting || this.running) return;
    this.stopFrames();
    this.stopFrames = finishAfterPaint(tr, () => this.drawAll(), { budgetMs: BUDGET_MS, unit: START_CHUNK, pauseOutside: this });
  }

  /** Asks for TURN_UPDATES more updates of both networks, run a slice per frame from the frame after the click. */
  private train(): void {
    const tr = this.trainer;
    if (tr?.status !== "ok") return;
    this.left += TURN_UPDATES;
    this.asked += TURN_UPDATES;
    if (this.running) return this.drawReadouts();
    this.stopFrames();
    this.running = true;
    this.showPause();
    this.drawReadouts();
    const job = {
      advance: () => {
        if (tr.starting) tr.advance(START_CHUNK);
        else this.left -= tr.halfTurn();
        return this.left <= 0 || tr.status !== "ok";
      },
    };
    this.stopFrames = runAfterPaint(job, (done) => (done ? this.finish() : this.drawAll(false)), {
      budgetMs: BUDGET_MS,
      redrawMs: DRAW_MS,
      unit: 1,
      pauseOutside: this,
    });
  }

  private finish(): void {
    this.stop();
    this.drawAll();
  }

  /** Pause: the updates not yet run are dropped; the curves, samples and attention map show the weights now. */
  private pause(): void {
    if (!this.running) return;
    this.finish();
    this.settle();
  }

  /** Stops any training job and forgets the updates asked for. */
  private stop(): void {
    this.stopFrames();
    this.stopFrames = () => {};
    this.running = false;
    this.left = this.asked = 0;
    this.showPause();
  }

  /** Pause is a control only while updates run; otherwise it is disabled and says why. */
  private showPause(): void {
    const b = this.pauseButton;
    b.disabled = !this.running;
    if (this.running) {
      b.setAttribute("data-control", "pause");
      b.removeAttribute("title");
    } else {
      b.removeAttribute("data-control");
      b.title = t("transformerTrainer.pauseIdle");
    }
  }
}

if (!customElements.get("dl-transformer-trainer")) customElements.define("dl-transformer-trainer", TransformerTrainerWidget);
