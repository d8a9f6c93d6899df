// A figure whose runs are trained from its settings (AdamW vs L2, batch size): a change to what the training depends
// on starts a new job, sliced across frames while the previous runs stay on show; a change to what is only drawn
// (or back to the settings already trained) shows the trained runs at once.
import { type ProgressJob, startInFrames } from "./frame-slices";

export interface RetrainerHooks<J> {
  /** The job is under way: say how far it got (`job.progress`). */
  busy(job: J): void;
  /** The job finished: keep its results. `show` follows. */
  finished(job: J): void;
  /** Draw the trained runs. */
  show(): void;
}

/** Trains for a settings key, one job at a time, and shows the runs once trained. */
export class Retrainer<J extends ProgressJob> {
  private key = "";
  private training?: { key: string; stop: () => void };

  constructor(
    private readonly options: { firstMs: number; unit: number; pauseOutside?: Element },
    private readonly hooks: RetrainerHooks<J>,
  ) {}

  /** The key the shown runs were trained with ("" before the first). */
  get trainedKey(): string {
    return this.key;
  }

  /** Shows the runs when `key` is what was trained; else trains for it with `makeJob()`, unless that is under way. */
  want(key: string, makeJob: () => J): void {
    if (key === this.key) {
      this.stop();
      this.hooks.show();
    } else if (key !== this.training?.key) this.start(key, makeJob());
  }

  /** Drops the training under way (the widget left the page, or the settings went back). */
  stop(): void {
    this.training?.stop();
    this.training = undefined;
  }

  private start(key: string, job: J): void {
    this.stop();
    const stop = startInFrames(
      job,
      this.options,
      () => this.hooks.busy(job),
      () => {
        this.training = undefined;
        this.key = key;
        this.hooks.finished(job);
        this.hooks.show();
      },
    );
    this.training = stop && { key, stop };
  }
}
