// The frame of a figure whose runs are trained from its settings (AdamW vs L2, batch size): a table and a note of the
// finished runs, a status line with the training's progress, a legend and the charts, drawn one per frame by a
// ChartQueue. While new runs train (Retrainer), the previous ones stay on show, marked busy.
import { ThrottledWidget } from "./throttled-widget";
import type { ChartQueue } from "./chart-queue";
import type { ProgressJob } from "./frame-slices";
import { Retrainer } from "./retrainer";
import { trackWidth } from "./optimizer-charts";
import { fitWidth } from "../charts/parts";
import type { Schema, StateOf } from "./state";

/** A training job that remembers the settings it trains with and gives its runs once done. */
export interface RunsJob<St, R> extends ProgressJob {
  readonly s: St;
  results(): R[];
}

/**
 * A ThrottledWidget that trains its runs (`makeJob`) whenever `trainKey` changes and shows the finished ones
 * (`showRuns`); the subclass gives its chart blocks, its progress words and its chart queue.
 *
 * @example
 *   class BatchSizeWidget extends RetrainedWidget<typeof batchSizeSchema, BatchRun, BatchTraining, Part> { … }
 */
export abstract class RetrainedWidget<S extends Schema, R, J extends RunsJob<StateOf<S>, R>, P extends string> extends ThrottledWidget<S> {
  protected table!: HTMLTableElement;
  protected note!: HTMLElement;
  protected legendHost!: HTMLElement;
  private charts!: HTMLElement;
  private status!: HTMLElement;
  private width!: () => number;
  /** The finished runs the figure shows, the settings they were trained with, and the training under way. */
  protected runs: R[] = [];
  protected trained!: StateOf<S>;
  protected retrainer?: Retrainer<J>;
  protected abstract readonly queue: ChartQueue<P>;
  /** The milliseconds of training a change's own frame may spend, and the training steps per slice. */
  protected abstract readonly slices: { firstMs: number; unit: number };

  /** The blocks of the charts, in the order shown. */
  protected abstract chartBlocks(): HTMLElement[];
  /** What the runs depend on: a change to anything else is only drawn. */
  protected abstract trainKey(): string;
  /** A job that trains the runs for the current settings. */
  protected abstract makeJob(): J;
  /** The status line while a job runs, `percent` of it done. */
  protected abstract trainingText(percent: number): string;
  /** Fills the table, the note and the legend for the finished runs and queues the charts whose inputs changed. */
  protected abstract showRuns(): void;

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.queue.cancel();
    this.retrainer?.stop();
  }

  protected render(): void {
    if (!this.retrainer) {
      this.table = Object.assign(document.createElement("table"), { className: "dl-fallback dl-internals-table", tabIndex: 0 });
      this.note = Object.assign(document.createElement("p"), { className: "dl-note" });
      this.status = Object.assign(document.createElement("p"), { className: "dl-internals-status" });
      this.status.setAttribute("aria-live", "polite");
      this.legendHost = document.createElement("div");
      this.charts = Object.assign(document.createElement("div"), { className: "dl-internals-charts" });
      this.charts.append(...this.chartBlocks());
      this.figure.append(this.table, this.note, this.status, this.legendHost, this.charts);
      this.width = trackWidth(this.figure, () => this.update());
      this.retrainer = new Retrainer<J>(
        { ...this.slices, pauseOutside: this.figure },
        {
          busy: (job) => this.setBusy(job.progress),
          finished: (job) => {
            this.runs = job.results();
            this.trained = job.s;
          },
          show: () => this.showFinished(),
        },
      );
    }
    this.retrainer.want(this.trainKey(), () => this.makeJob());
  }

  /** The charts' width, from the figure's tracked width (no forced layout). */
  protected chartWidth(): number {
    return fitWidth(this.width(), 420);
  }

  /** Marks the figure as showing the previous runs while new ones train, and says how far they got. */
  private setBusy(progress: number): void {
    this.status.textContent = this.trainingText(Math.round(progress * 100));
    for (const el of [this.charts, this.table]) el.setAttribute("aria-busy", "true");
  }

  /** The finished runs: table and note now, the charts whose inputs changed one per frame. */
  private showFinished(): void {
    const numbers = this.table.textContent + this.note.textContent;
    this.status.textContent = "";
    for (const el of [this.charts, this.table]) el.setAttribute("aria-busy", "false");
    this.showRuns();
    // New numbers are this frame's news (and a training's last slice its work): the charts then wait for the next frames.
    this.queue.flush(undefined, numbers === this.table.textContent + this.note.textContent);
  }
}
