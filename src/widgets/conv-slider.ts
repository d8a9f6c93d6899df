// <dl-conv-slider>: the reader draws on a 14 × 14 grid (pointer, or arrow keys and Space), picks a kernel, and moves
// it over the drawing (Previous, Next, Slide); the feature map fills in up to the kernel's place, and the sum of
// products behind the current entry is written out next to the engine's value for it (chapter 9).
import { WidgetBase } from "./base";
import { controlButton, PlayLoop } from "./controls";
import { cellNumber, gridSvg, signedFill } from "./cell-grid-svg";
import { convSliderSchema, K, moveCursor, OUT, paint, picture, placeAt, SIZE, slide, type Slide } from "./conv-slider-model";
import { kernelLearner } from "./conv-slider-learned";
import { formatNumber, MINUS } from "../charts/format";
import { t } from "../i18n";

const INK = "var(--sl-color-white)";

class ConvSliderWidget extends WidgetBase<typeof convSliderSchema> {
  readonly schema = convSliderSchema;
  private pixels = picture("seven");
  private shownPicture = "";
  private cursor = { r: 0, c: 0 };
  private panes!: { input: HTMLElement; kernel: HTMLElement; map: HTMLElement; lines: HTMLElement };
  private learning = 0;
  private readonly loop = new PlayLoop(
    { play: t("convSlider.play"), pause: t("convSlider.pause") },
    90,
    () => {
      if (this.state.position >= OUT * OUT) return false;
      this.set("position", this.state.position + 1);
      return this.state.position < OUT * OUT;
    },
    () => {
      if (this.state.position >= OUT * OUT) this.set("position", 1);
    },
  );

  protected optionLabel(name: string, option: string): string {
    return t(`convSlider.${name}.${option}`);
  }

  protected buildControls(panel: HTMLElement): void {
    const buttons = Object.assign(document.createElement("div"), { className: "dl-cs-buttons" });
    buttons.append(
      controlButton(t("convSlider.previous"), "previous", () => this.set("position", Math.max(1, this.state.position - 1))),
      controlButton(t("convSlider.next"), "next", () => this.set("position", Math.min(OUT * OUT, this.state.position + 1))),
      this.loop.button,
    );
    const position = this.control("position");
    // The reader taking the position (slider or number box) stops a slide under way, before the new position is set.
    for (const type of ["input", "change"]) position.addEventListener(type, () => this.loop.stop(), true);
    panel.append(this.control("kernel"), this.control("picture"), position, buttons);
  }

  connectedCallback(): void {
    super.connectedCallback();
    // The learned kernel trains in the background, a few updates per frame, from the moment the widget is on the page.
    const learn = () => {
      const done = kernelLearner.run(2);
      if (this.state.kernel === "learned") this.update();
      if (!done && this.isConnected) this.learning = requestAnimationFrame(learn);
    };
    if (!kernelLearner.result) this.learning = requestAnimationFrame(learn);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loop.stop();
    cancelAnimationFrame(this.learning);
  }

  private buildFigure(): void {
    const pane = (cls: string) => Object.assign(document.createElement("div"), { className: `dl-cs-pane ${cls}` });
    const caption = (key: string) => Object.assign(document.createElement("p"), { className: "dl-cs-caption", textContent: t(key) });
    const input = pane("dl-cs-input"),
      kernel = pane("dl-cs-kernel"),
      map = pane("dl-cs-map");
    const draw = Object.assign(document.createElement("div"), { className: "dl-cs-draw", tabIndex: 0 });
    draw.setAttribute("role", "application");
    draw.setAttribute("data-control", "pixel");
    input.append(caption("convSlider.inputCaption"), draw);
    kernel.append(caption("convSlider.kernelCaption"), document.createElement("div"));
    map.append(caption("convSlider.mapCaption"), document.createElement("div"));
    const row = Object.assign(document.createElement("div"), { className: "dl-cs-panes" });
    row.append(input, kernel, map);
    const lines = Object.assign(document.createElement("div"), { className: "dl-cs-lines" });
    this.figure.replaceChildren(row, lines);
    this.panes = { input: draw, kernel: kernel.lastElementChild as HTMLElement, map: map.lastElementChild as HTMLElement, lines };
    this.listen(draw);
  }

  /** Pointer drawing (a drag paints the colour opposite to the first cell's) and the keyboard cursor. */
  private listen(draw: HTMLElement): void {
    let mode: 0 | 1 | undefined;
    const cellAt = (e: PointerEvent) => {
      const svg = draw.querySelector("svg");
      if (!svg) return undefined;
      const box = svg.getBoundingClientRect();
      const c = Math.floor(((e.clientX - box.left) / box.width) * SIZE),
        r = Math.floor(((e.clientY - box.top) / box.height) * SIZE);
      return r >= 0 && r < SIZE && c >= 0 && c < SIZE ? { r, c } : undefined;
    };
    draw.addEventListener("pointerdown", (e) => {
      const at = cellAt(e);
      if (!at) return;
      e.preventDefault();
      draw.setPointerCapture(e.pointerId);
      mode = this.pixels[at.r * SIZE + at.c] > 0.5 ? 0 : 1;
      this.cursor = at;
      this.pixels = paint(this.pixels, at.r, at.c, mode);
      this.update();
    });
    draw.addEventListener("pointermove", (e) => {
      const at = mode === undefined ? undefined : cellAt(e);
      if (!at || this.pixels[at.r * SIZE + at.c] === mode) return;
      this.cursor = at;
      this.pixels = paint(this.pixels, at.r, at.c, mode);
      this.update();
    });
    const end = () => (mode = undefined);
    draw.addEventListener("pointerup", end);
    draw.addEventListener("pointercancel", end);
    draw.addEventListener("keydown", (e) => {
      const next = moveCursor(this.cursor, e.key);
      if (next) this.cursor = next;
      else if (e.key === " " || e.key === "Enter") {
        this.pixels = paint(this.pixels, this.cursor.r, this.cursor.c);
        // The drawing is an input like a slider: it says so, before the redraw, so listeners can time the redraw.
        draw.dispatchEvent(new Event("input"));
      } else return;
      e.preventDefault();
      this.update();
    });
  }

  protected render(): void {
    if (!this.panes) this.buildFigure();
    if (this.shownPicture !== this.state.picture) {
      this.pixels = picture(this.state.picture);
      this.shownPicture = this.state.picture;
    }
    const s = slide(this.pixels, this.state.kernel, this.state.position);
    const { i, j } = placeAt(this.state.position);
    const on = this.pixels[this.cursor.r * SIZE + this.cursor.c] > 0.5;
    this.panes.input.setAttribute(
      "aria-label",
      t("convSlider.drawing", {
        r: this.cursor.r + 1,
        c: this.cursor.c + 1,
        state: t(on ? "convSlider.on" : "convSlider.off"),
        i0: i + 1,
        i1: i + K,
        j0: j + 1,
        j1: j + K,
      }),
    );
    this.panes.input.innerHTML = gridSvg({
      rows: SIZE,
      cols: SIZE,
      cell: 16,
      fill: (r, c) => (this.pixels[r * SIZE + c] > 0.5 ? { color: INK, opacity: 0.85 } : null),
      boxes: [
        { row: i, col: j, rows: K, cols: K, kind: "window" },
        { row: this.cursor.r, col: this.cursor.c, rows: 1, cols: 1, kind: "cursor" },
      ],
      label: t("convSlider.inputCaption"),
    });
    if (!s) return this.pending();
    this.drawKernelAndMap(s);
    const k = this.state.position;
    const terms = s.terms
      .map((p) => `${cellNumber(p.w)}·${p.x}`)
      .join(" + ")
      .replaceAll(`+ ${MINUS}`, `${MINUS} `);
    const lines = [
      t("convSlider.where", { k, count: OUT * OUT, i: i + 1, j: j + 1, i2: i + K, j2: j + K }),
      t("convSlider.sum", { i: i + 1, j: j + 1, terms, value: cellNumber(s.byHand) }),
      t("convSlider.engine", { value: cellNumber(s.value) }),
    ];
    const learned = kernelLearner.result;
    if (this.state.kernel === "learned" && learned)
      lines.push(t("convSlider.learned", { steps: kernelLearner.steps, accuracy: `${formatNumber(100 * learned.accuracy, 3)} %` }));
    this.panes.lines.replaceChildren(
      ...lines.map((text, n) => Object.assign(document.createElement("p"), { textContent: text, className: n === 1 ? "dl-cs-sum" : "" })),
    );
  }

  private drawKernelAndMap(s: Slide): void {
    const wScale = Math.max(...s.weights.map(Math.abs));
    this.panes.kernel.innerHTML = gridSvg({
      rows: K,
      cols: K,
      cell: 30,
      fill: (u, v) => signedFill(s.weights[u * K + v], wScale),
      text: (u, v) => cellNumber(s.weights[u * K + v]),
      label: t("convSlider.kernelGrid", { weights: s.weights.map(cellNumber).join(", ") }),
    });
    const k = placeAt(this.state.position);
    const filled = k.i * OUT + k.j;
    this.panes.map.innerHTML = gridSvg({
      rows: OUT,
      cols: OUT,
      cell: 16,
      fill: (a, b) => (a * OUT + b <= filled ? signedFill(s.map[a * OUT + b], s.scale) : null),
      boxes: [{ row: k.i, col: k.j, rows: 1, cols: 1, kind: "window" }],
      label: t("convSlider.mapGrid", { k: this.state.position, value: cellNumber(s.value) }),
    });
  }

  /** The learned kernel is not ready yet: say how far its training is. */
  private pending(): void {
    this.panes.kernel.replaceChildren();
    this.panes.map.replaceChildren();
    this.panes.lines.replaceChildren(
      Object.assign(document.createElement("p"), {
        textContent: t("convSlider.learning", { done: kernelLearner.done, steps: kernelLearner.steps }),
      }),
    );
  }
}

if (!customElements.get("dl-conv-slider")) customElements.define("dl-conv-slider", ConvSliderWidget);
