// <dl-derivation which="sigmoid|bce-sigmoid">: a derivation revealed one line at a time, each with
// its reason, then checked numerically against the engine at a z the reader picks (chapter 3).
import { WidgetBase } from "./base";
import { derivationSchema, derivationLines, numericCheck } from "./derivation-model";
import { linesHtml, checkHtml } from "./derivation-html";
import { controlButton } from "./controls";
import { t } from "../i18n";

class DerivationWidget extends WidgetBase<typeof derivationSchema> {
  readonly schema = derivationSchema;
  /** How many lines are revealed; the widget starts with the first one. */
  private shown = 1;
  private buttons: Record<"next" | "all", HTMLButtonElement> | null = null;

  private get total() {
    return derivationLines(this.state.which).length;
  }

  protected buildControls(panel: HTMLElement): void {
    const row = document.createElement("div");
    row.className = "dl-stepper-buttons";
    const next = controlButton(t("derivation.next"), "next", () => this.reveal(this.shown + 1));
    const all = controlButton(t("derivation.all"), "all", () => this.reveal(this.total));
    row.append(
      next,
      all,
      controlButton(t("derivation.restart"), "restart", () => this.reveal(1)),
    );
    this.buttons = { next, all };
    const check = [this.control("z")];
    if (this.state.which === "bce-sigmoid") check.push(this.control("y"));
    panel.append(this.fieldGroup(t("derivation.lines"), [row]), this.fieldGroup(t("derivation.checkTitle"), check));
  }

  private reveal(k: number): void {
    this.shown = Math.max(1, Math.min(this.total, k));
    this.update();
  }

  protected render(): void {
    const lines = derivationLines(this.state.which);
    const done = this.shown >= lines.length;
    // aria-disabled rather than disabled, so focus stays on the button once the last line is out.
    for (const b of Object.values(this.buttons ?? {})) b.setAttribute("aria-disabled", String(done));
    this.figure.innerHTML =
      linesHtml(lines, this.shown) +
      `<p class="dl-step-indicator" aria-live="polite">${t("derivation.progress", { k: this.shown, n: lines.length })}</p>` +
      checkHtml(this.state.which, numericCheck(this.state));
  }
}

if (!customElements.get("dl-derivation")) customElements.define("dl-derivation", DerivationWidget);
