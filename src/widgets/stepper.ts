// What the forward and backward steppers share as elements: the network controls, Previous/Next
// buttons, the keyboard (← → Home End while the widget has focus), the step indicator, the list of
// formulas and the network diagram. Subclasses say what the steps are and draw one step's body.
import { WidgetBase } from "./base";
import { formulaListHtml, networkSvg, stepIndicator } from "./stepper-html";
import type { Schema } from "./state";
import { controlButton } from "./controls";
import { t } from "../i18n";

type StepperSchema = Schema & { step: { kind: "choice"; options: readonly string[] } };

export abstract class StepperBase<S extends StepperSchema> extends WidgetBase<S> {
  /** The i18n prefix of step option labels, e.g. "forwardStepper.step". */
  protected abstract readonly stepLabelPrefix: string;
  /** Formulas of all steps, the current step's layer, and its body HTML. */
  protected abstract view(): { formulas: string[]; layer: 1 | 2 | "J"; body: string; notes: string };
  protected extraButtons(): HTMLButtonElement[] {
    return [];
  }

  private get ids(): readonly string[] {
    return this.schema.step.options;
  }
  protected get index(): number {
    return Math.max(0, this.ids.indexOf(this.state.step as string));
  }

  protected buildControls(panel: HTMLElement): void {
    const buttons = document.createElement("div");
    buttons.className = "dl-stepper-buttons";
    buttons.append(
      this.button(t("stepper.previous"), "previous", () => this.go(this.index - 1)),
      this.button(t("stepper.next"), "next", () => this.go(this.index + 1)),
      ...this.extraButtons(),
    );
    const keys = Object.assign(document.createElement("p"), { className: "dl-note", textContent: t("stepper.keys") });
    panel.append(
      this.fieldGroup(t("houseNet.preset"), ["preset", "hidden", "seed"]),
      this.fieldGroup(t("stepper.formulas"), ["step", buttons, keys]),
    );
    // Arrow keys step while focus is anywhere in the widget except a control that uses them itself.
    this.addEventListener("keydown", (e) => {
      const target = e.target as HTMLElement;
      if (target.closest("input, select, textarea")) return;
      const to = { ArrowLeft: this.index - 1, ArrowRight: this.index + 1, Home: 0, End: this.ids.length - 1 }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      this.go(to);
    });
  }

  protected button(label: string, name: string, onPress: () => void): HTMLButtonElement {
    return controlButton(label, name, onPress);
  }

  protected optionLabel(name: string, option: string): string {
    if (name === "preset") return t(`houseNet.preset.${option}`);
    if (name === "hidden") return t(`activation.${option}`);
    return t(`${this.stepLabelPrefix}.${option}`);
  }

  /** Moves to step `k`, clamped to the first and last (so Previous on step 1 stays put). */
  protected go(k: number): void {
    const next = Math.min(this.ids.length - 1, Math.max(0, k));
    this.set("step", this.ids[next]);
  }

  protected render(): void {
    const { formulas, layer, body, notes } = this.view();
    const k = this.index,
      n = this.ids.length;
    this.figure.tabIndex = 0;
    this.figure.setAttribute("role", "group");
    this.figure.setAttribute("aria-label", t(`${this.stepLabelPrefix}.${this.ids[k]}`));
    this.figure.innerHTML =
      `<div class="dl-stepper-head">${networkSvg(layer, t(`stepper.netDesc.${layer}`))}${formulaListHtml(formulas, k)}</div>` +
      `<p class="dl-step-indicator" aria-live="polite">${stepIndicator(k, n)}</p>` +
      `<div class="dl-step-body">${body}</div><p class="dl-note">${notes}</p>`;
    this.querySelectorAll<HTMLButtonElement>("[data-control=previous]").forEach((b) => b.setAttribute("aria-disabled", String(k === 0)));
    this.querySelectorAll<HTMLButtonElement>("[data-control=next]").forEach((b) => b.setAttribute("aria-disabled", String(k === n - 1)));
  }
}
