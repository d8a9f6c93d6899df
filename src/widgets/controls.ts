// What widgets add to the controls WidgetBase builds from their schema: text buttons (Play, Step,
// Reset, presets) that the generic crawl can find, a Play/Pause button with its timer, and setting
// several fields at once (a preset, a Step or Reset, a click on a chart) with one redraw instead of
// WidgetBase.set's one per field.

/** A real <button> with a text label, marked `data-control` so the crawl presses it. */
export function controlButton(label: string, control: string, onPress: () => void): HTMLButtonElement {
  const b = Object.assign(document.createElement("button"), { type: "button", textContent: label, className: "dl-copy-link" });
  b.setAttribute("data-control", control);
  b.addEventListener("click", onPress);
  return b;
}

/** Sets `values` in `widget.state` and moves each field's control to match: a slider and the number
 * box beside it, a select, or a checkbox (found by the id WidgetBase.control gives it). Does not redraw. */
export function assignFields<S extends object>(widget: HTMLElement & { state: S }, values: Partial<S>): void {
  const prefix = widget.id || widget.localName;
  for (const [name, value] of Object.entries(values)) {
    (widget.state as Record<string, unknown>)[name] = value;
    const input = widget.querySelector<HTMLInputElement | HTMLSelectElement>(`[id="${prefix}-${name}"]`);
    if (input instanceof HTMLInputElement && input.type === "checkbox") input.checked = Boolean(value);
    else if (input) {
      input.value = String(value);
      const box = input.nextElementSibling;
      if (box instanceof HTMLInputElement) box.value = String(value);
    }
  }
}

/** A Play/Pause button and its timer: Play calls `rewind` (to start a finished run over), then
 * `tick` every `ms` milliseconds until it returns false or stop() is called; the button reads
 * Pause meanwhile. A widget calls stop() from Reset and from disconnectedCallback. */
export class PlayLoop {
  readonly button: HTMLButtonElement;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly labels: { play: string; pause: string },
    private readonly ms: number,
    private readonly tick: () => boolean,
    private readonly rewind: () => void = () => {},
  ) {
    this.button = controlButton(labels.play, "play", () => (this.timer ? this.stop() : this.start()));
  }

  start(): void {
    this.rewind();
    this.button.textContent = this.labels.pause;
    this.button.toggleAttribute("data-running", true); // a running loop, for tests (like a cell's data-running)
    this.timer = setInterval(() => {
      if (!this.tick()) this.stop();
    }, this.ms);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.button.textContent = this.labels.play;
    this.button.toggleAttribute("data-running", false);
  }
}
