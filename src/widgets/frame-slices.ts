// Runs a long computation a slice per animation frame so the page stays responsive (the overfitting,
// dropout, gradient-flow and exploding-gradient labs, and the sequence, transformer and CNN trainers). The job says how far
// it got; the caller redraws now and then.
// Work pauses while the widget is scrolled out of view, so several labs never compete for frames.
import { afterPaint } from "./after-paint";
import { watchVisibility } from "./visibility";

/** Anything that can do `budget` more units of work and say whether it has finished. */
export interface SliceJob {
  advance(budget: number): boolean;
}

export interface SliceOptions {
  /** Milliseconds of work per frame. */
  budgetMs?: number;
  /** Least time between two redraws while working. */
  redrawMs?: number;
  /** Work units per `advance` call. */
  unit?: number;
  /** Pause while this element is out of view. */
  pauseOutside?: Element;
}

/**
 * `runInFrames`, started once the change's frame has been painted: a first slice in that frame would delay it by up
 * to a slice. Returns a function that cancels the start or the remaining work.
 */
export function runAfterPaint(job: SliceJob, redraw: (done: boolean) => void, options: SliceOptions = {}): () => void {
  let stopSlices = () => {};
  const stopStart = afterPaint([() => (stopSlices = runInFrames(job, redraw, options))]);
  return () => {
    stopStart();
    stopSlices();
  };
}

/**
 * `runAfterPaint` with nothing drawn on the way: `finish` runs once, when the job is done (a restarted trainer's first
 * curve point, a Step's updates), since a half-done job has nothing worth drawing. Returns the cancel function.
 *
 * @example
 *   this.stopFrames = finishAfterPaint(trainer, () => this.drawAll(), { budgetMs: 6, unit: START_CHUNK, pauseOutside: this });
 */
export function finishAfterPaint(job: SliceJob, finish: () => void, options: Omit<SliceOptions, "redrawMs"> = {}): () => void {
  // With no redraw interval, runInFrames calls back only once the job is done.
  return runAfterPaint(job, (done) => done && finish(), { ...options, redrawMs: Infinity });
}

/**
 * Advances `job` between frames, about `budgetMs` of work per frame, calling `redraw(done)` at most
 * every `redrawMs` and once at the end. Returns a function that cancels the remaining work.
 */
export function runInFrames(
  job: SliceJob,
  redraw: (done: boolean) => void,
  { budgetMs = 12, redrawMs = 250, unit = 20, pauseOutside }: SliceOptions = {},
): () => void {
  let frame = 0,
    last = performance.now(),
    stopped = false,
    visible = true;
  const tick = () => {
    frame = 0;
    if (stopped || !visible) return;
    const t0 = performance.now();
    let done = false;
    while (!done && performance.now() - t0 < budgetMs) done = job.advance(unit);
    if (done || performance.now() - last > redrawMs) {
      last = performance.now();
      redraw(done);
    }
    if (done) stop();
    else frame = requestAnimationFrame(tick);
  };
  const unwatch = pauseOutside
    ? watchVisibility(pauseOutside, (on) => {
        visible = on;
        if (visible && !frame && !stopped) frame = requestAnimationFrame(tick);
      })
    : () => {};
  const stop = () => {
    stopped = true;
    cancelAnimationFrame(frame);
    unwatch();
  };
  frame = requestAnimationFrame(tick);
  return stop;
}

/** A job that knows whether it has finished and how far it got (0 to 1). */
export interface ProgressJob extends SliceJob {
  readonly done: boolean;
  readonly progress: number;
}

/**
 * Starts `job` in the change's own frame, for up to `firstMs`, so a small job finishes at once; the rest runs a slice
 * of 10 ms per frame (runInFrames), calling `busy` at most every 100 ms, then `finish`. Returns a function that stops
 * the job, or undefined when it finished at once (after `finish` ran).
 */
export function startInFrames(
  job: ProgressJob,
  { firstMs, unit, pauseOutside }: { firstMs: number; unit: number; pauseOutside?: Element },
  busy: () => void,
  finish: () => void,
): (() => void) | undefined {
  const t0 = performance.now();
  while (!job.done && performance.now() - t0 < firstMs) job.advance(unit);
  if (job.done) {
    finish();
    return undefined;
  }
  busy();
  return runInFrames(job, (done) => (done ? finish() : busy()), { unit, budgetMs: 10, redrawMs: 100, pauseOutside });
}
