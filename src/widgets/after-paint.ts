// Drawings a change leaves for later frames. A frame callback asked for during an event runs before that event's own
// frame is painted, and a frame already due can run before any task, so "the next frame" is reached as a frame
// callback followed by a task: that task runs once the change's frame has been drawn, and its work shows in the next.

/**
 * Runs `steps` one at a time, each after the next frame has been painted (a frame callback, then a task), so a
 * change's frame carries only what the change drew itself. Returns a function that drops the steps not yet run.
 */
export function afterPaint(steps: readonly (() => void)[]): () => void {
  let frame = 0,
    timer: ReturnType<typeof setTimeout> | undefined,
    done = 0,
    stopped = false;
  const next = () => {
    frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        if (stopped) return;
        steps[done++]();
        if (done < steps.length) next();
      });
    });
  };
  if (steps.length) next();
  return () => {
    stopped = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
