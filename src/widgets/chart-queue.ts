// The charts of one widget drawn one per frame: a change's frame draws the first chart it affects, the
// following frames the others, and a chart whose inputs did not change is not drawn again. Drawing three or
// four Plot charts in the frame of a slider's input took 150-400 ms to the next frame on a loaded 2-core machine.
// Meant to be flushed from a frame callback (a ThrottledWidget's render): the next chart then waits for
// the next frame, not for the end of the current one.

/** Parts of a figure (charts, tables) drawn by `draw`, at most one per frame after the first. */
export class ChartQueue<K extends string> {
  /** The key each part was last drawn (or queued) with. */
  private readonly shown = new Map<K, string>();
  private readonly due = new Set<K>();
  private frame = 0;
  /** The part the next frame draws first. */
  private next?: K;

  constructor(
    private readonly order: readonly K[],
    private readonly draw: (part: K) => void,
  ) {}

  /** Queues `part` when `key` (everything it shows: settings, theme, size) differs from the one it was last queued with. */
  want(part: K, key: string): void {
    if (this.shown.get(part) === key) return;
    this.shown.set(part, key);
    this.due.add(part);
  }

  /** Draws one queued part now (`first` if it is queued, else the first in order) and the others one per following frame;
   * with `drawNow` false, the first of them too waits for the next frame (the change's frame already shows new numbers). */
  flush(first?: K, drawNow = true): void {
    if (drawNow) this.drawOne(first);
    else if (first !== undefined && this.due.has(first)) this.next = first;
    if (this.due.size && !this.frame) this.frame = requestAnimationFrame(this.tick);
  }

  /** Parts still to draw. */
  get pending(): number {
    return this.due.size;
  }

  /** Draws every queued part now (a test or a print needs the whole figure at once). */
  drawAll(): void {
    while (this.due.size) this.drawOne();
  }

  /** Stops the frames (the widget left the page); what is still queued is drawn at the next flush. */
  cancel(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  private readonly tick = () => {
    this.frame = 0;
    const first = this.next;
    this.next = undefined;
    this.drawOne(first);
    if (this.due.size) this.frame = requestAnimationFrame(this.tick);
  };

  private drawOne(first?: K): void {
    const part = first !== undefined && this.due.has(first) ? first : this.order.find((p) => this.due.has(p));
    if (part === undefined) return;
    this.due.delete(part);
    this.draw(part);
  }
}
