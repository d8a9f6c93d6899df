// The widget pattern every interactive figure follows: a custom element that reads its state from
// attributes and the URL (state.ts), builds labelled keyboard-operable controls, asks the engine
// for numbers and draws them. Subclasses give a schema and a `render`.
import { readState, linkTo, coerce, type Field, type Problem, type Schema, type StateOf } from "./state";
import { t } from "../i18n";

/** How long "Link copied" stays under a widget. */
const LINK_NOTE_MS = 4000;

export abstract class WidgetBase<S extends Schema> extends HTMLElement {
  abstract readonly schema: S;
  state!: StateOf<S>;
  protected figure!: HTMLElement;
  private messages!: HTMLElement;
  private inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  /** The number box beside each slider, kept in step with the state. */
  private boxes = new Map<string, HTMLInputElement>();
  /** Redraws with the new colours when the reader switches theme; watching only while on the page. */
  private readonly themeWatch = new MutationObserver(() => this.update());
  private noteTimer: ReturnType<typeof setTimeout> | undefined;

  /** Draws the current state into `this.figure`. */
  protected abstract render(): void;
  /** Builds the widget's controls; the default puts every field in one group. */
  protected buildControls(panel: HTMLElement): void {
    panel.append(...Object.keys(this.schema).map((name) => this.control(name)));
  }

  connectedCallback(): void {
    this.themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    if (this.hasAttribute("data-hydrated")) return;
    const prefix = this.id || this.localName;
    const { state, problems } = readState(this.schema, (n) => this.getAttribute(`data-${n}`), new URLSearchParams(location.search), prefix);
    this.state = state;

    const panel = document.createElement("div");
    panel.className = "dl-controls";
    this.figure = document.createElement("div");
    this.figure.className = "dl-figure";
    this.figure.setAttribute("data-figure", "");
    this.messages = document.createElement("p");
    this.messages.className = "dl-messages";
    this.messages.setAttribute("role", "status");
    this.buildControls(panel);
    this.replaceChildren(panel, this.figure, this.messages, this.linkButton(prefix));
    this.show(problems);
    this.update();
    this.setAttribute("data-hydrated", "");
  }

  /** Subclasses that stop their own timers call this too (super.disconnectedCallback()). */
  disconnectedCallback(): void {
    this.themeWatch.disconnect();
    clearTimeout(this.noteTimer);
  }

  /** Renders, turning an exception into a visible message instead of a blank widget. */
  protected update(): void {
    try {
      this.render();
    } catch (error) {
      this.messages.textContent = t("widget.error", { message: error instanceof Error ? error.message : String(error) });
    }
  }

  protected set(name: keyof S & string, value: unknown): void {
    (this.state as Record<string, unknown>)[name] = value;
    const input = this.inputs.get(name),
      box = this.boxes.get(name);
    if (input instanceof HTMLInputElement && input.type === "checkbox") input.checked = Boolean(value);
    else if (input && input.value !== String(value)) input.value = String(value);
    if (box && box.value !== String(value)) box.value = String(value);
    this.update();
  }

  /** A titled group of controls: each field name becomes its labelled control; elements go in as they are. */
  protected fieldGroup(title: string, items: readonly ((keyof S & string) | HTMLElement)[]): HTMLFieldSetElement {
    const fs = document.createElement("fieldset");
    fs.append(
      Object.assign(document.createElement("legend"), { textContent: title }),
      ...items.map((x) => (typeof x === "string" ? this.control(x) : x)),
    );
    return fs;
  }

  /** A group of secondary settings that starts folded (a native <details>, keyboard-operable): its
   * summary names it, its body is a fieldGroup. Main controls stay outside, next to the figure. */
  protected settingsGroup(title: string, items: readonly ((keyof S & string) | HTMLElement)[], open = false): HTMLDetailsElement {
    const details = Object.assign(document.createElement("details"), { className: "dl-settings", open });
    details.append(Object.assign(document.createElement("summary"), { textContent: title }), this.fieldGroup(title, items));
    return details;
  }

  /** Enables or disables a field's control (and its number box). A disabled control says why in its
   * title and in a visually small note read by screen readers, so a reader never wonders why it is dead;
   * it is not one of the figure's controls meanwhile (no data-control), since it moves nothing. */
  protected enable(name: keyof S & string, enabled: boolean, reason = ""): void {
    const input = this.inputs.get(name),
      box = this.boxes.get(name);
    if (!input) return;
    input.disabled = !enabled;
    if (box) box.disabled = !enabled;
    if (enabled) input.setAttribute("data-control", name);
    else input.removeAttribute("data-control");
    const wrap = input.closest(".dl-control");
    let note = wrap?.querySelector<HTMLElement>(".dl-disabled-reason");
    if (!enabled && reason && wrap) {
      note ??= wrap.appendChild(Object.assign(document.createElement("small"), { className: "dl-disabled-reason" }));
      note.textContent = reason;
      input.title = reason;
    } else {
      note?.remove();
      input.removeAttribute("title");
    }
  }

  /** A labelled control for one field: a slider with a number box, a select, or a checkbox. */
  protected control(name: keyof S & string, label?: string): HTMLElement {
    const field: Field = this.schema[name];
    const wrap = document.createElement("div");
    wrap.className = `dl-control dl-control-${field.kind}`;
    const id = `${this.id || this.localName}-${name}`;
    const text = label ?? field.label;
    const lab = document.createElement("label");
    lab.htmlFor = id;
    lab.textContent = text;
    wrap.append(lab);
    const current = (this.state as Record<string, unknown>)[name];

    if (field.kind === "number") {
      const slider = Object.assign(document.createElement("input"), {
        type: "range",
        id,
        min: String(field.min),
        max: String(field.max),
        step: String(field.step),
        value: String(current),
      });
      const box = Object.assign(document.createElement("input"), { type: "text", inputMode: "decimal", value: String(current), size: 6 });
      box.setAttribute("aria-label", text);
      slider.setAttribute("data-control", name);
      slider.addEventListener("input", () => {
        box.value = slider.value;
        this.set(name, Number(slider.value));
      });
      box.addEventListener("change", () => this.accept(name, box.value, slider, box));
      wrap.append(slider, box);
      this.inputs.set(name, slider);
      this.boxes.set(name, box);
    } else if (field.kind === "choice") {
      const select = Object.assign(document.createElement("select"), { id });
      for (const option of field.options) select.append(new Option(this.optionLabel(name, option), option, false, option === current));
      select.setAttribute("data-control", name);
      select.addEventListener("change", () => this.set(name, select.value));
      wrap.append(select);
      this.inputs.set(name, select);
    } else {
      const box = Object.assign(document.createElement("input"), { type: "checkbox", id, checked: Boolean(current) });
      box.setAttribute("data-control", name);
      box.addEventListener("change", () => this.set(name, box.checked));
      wrap.prepend(box);
      this.inputs.set(name, box);
    }
    return wrap;
  }

  /** Adds state kept outside the schema (a typed sentence) to a shared link; the default adds nothing. */
  protected extendLink(url: URL, _prefix: string): URL {
    return url;
  }

  /** How an option of a choice field is shown; subclasses translate option keys. */
  protected optionLabel(_name: string, option: string): string {
    return option;
  }

  private accept(name: keyof S & string, raw: string, slider: HTMLInputElement, box: HTMLInputElement) {
    const field = this.schema[name];
    let { value, problem } = coerce(name, field, raw, (this.state as Record<string, unknown>)[name]);
    // A widget may narrow a field's range while it runs (the race's start point spans the surface's
    // window) by setting its slider's min and max: a typed value is held to that range too.
    const lo = Number(slider.min),
      hi = Number(slider.max);
    if (field.kind === "number" && typeof value === "number" && (value < lo || value > hi)) {
      value = Math.min(hi, Math.max(lo, value));
      problem = { kind: "clamped", field: name, label: field.label, value: String(value), min: lo, max: hi };
    }
    this.show(problem ? [problem] : []);
    slider.value = box.value = String(value);
    this.set(name, value);
  }

  private show(problems: Problem[]) {
    this.messages.textContent = problems
      .map((p) =>
        p.kind === "clamped"
          ? t("widget.clamped", { label: p.label, min: p.min ?? "", max: p.max ?? "", value: p.value })
          : p.kind === "snapped"
            ? t("widget.snapped", { label: p.label, step: p.step ?? "", value: p.value })
            : t(p.kind === "notNumber" ? "widget.notNumber" : "widget.unknownOption", { label: p.label, value: p.value }),
      )
      .join(" ");
  }

  private linkButton(prefix: string): HTMLElement {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "dl-copy-link";
    button.textContent = t("widget.copyLink");
    button.addEventListener("click", async () => {
      const link = this.extendLink(new URL(linkTo(this.schema, this.state, prefix, location.href)), prefix).toString();
      try {
        await navigator.clipboard.writeText(link);
        this.messages.textContent = t("widget.linkCopied");
        // A passing confirmation: it goes after a few seconds (an error note stays until the value is fixed).
        clearTimeout(this.noteTimer);
        this.noteTimer = setTimeout(() => {
          if (this.messages.textContent === t("widget.linkCopied")) this.messages.textContent = "";
        }, LINK_NOTE_MS);
      } catch {
        this.messages.textContent = `${t("widget.linkManual")} ${link}`;
      }
    });
    return button;
  }
}
