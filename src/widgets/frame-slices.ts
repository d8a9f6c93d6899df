// Runs a long computation a slice per animation frame so the page stays responsive (chapter 5's
// overfitting and dropout labs). The job says how far it got; the caller redraws now and then.

/** Anything that can do `budget` more units of work and say whether it has finished. */
export interface SliceJob {
  advance(budget: number): boolean;
}

/**
 * Advances `job` between frames, about `budgetMs` of work per frame, calling `redraw(done)` at most
 * every `redrawMs` and once at the end. Returns a function that cancels the remaining work.
 */
export function runInFrames(job: SliceJob, redraw: (done: boolean) => void, { budgetMs = 10, redrawMs = 250, unit = 20 } = {}): () => void {
  let frame = 0, last = performance.now(), cancelled = false;
  const tick = () => {
    if (cancelled) return;
    const t0 = performance.now();
    let done = false;
    while (!done && performance.now() - t0 < budgetMs) done = job.advance(unit);
    if (done || performance.now() - last > redrawMs) {
      last = performance.now();
      redraw(done);
    }
    if (!done) frame = requestAnimationFrame(tick);
  };
  frame = requestAnimationFrame(tick);
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
  };
}
