// <dl-backward-stepper>: the backward pass of the 3-4-1 house network, one gradient at a time, with
// the engine's finite-difference check beside each parameter gradient (chapter 3).
import { StepperBase } from "./stepper";
import { backwardSchema, backwardSteps, backwardFormulas, checkGradients, CHECKED, type CheckResult } from "./backward-stepper-model";
import { checkHtml, checkSummaryHtml } from "./backward-check-html";
import { esc, stepBodyHtml } from "./stepper-html";
import { t } from "../i18n";

class BackwardStepperWidget extends StepperBase<typeof backwardSchema> {
  readonly schema = backwardSchema;
  protected readonly stepLabelPrefix = "backwardStepper.step";
  /** The last check and the network it was run on; re-run when preset, activation or seed change. */
  private check: { key: string; results: CheckResult[] } | null = null;

  protected extraButtons(): HTMLButtonElement[] {
    return [
      this.button(t("backwardStepper.check"), "check", () => {
        this.check = { key: this.netKey(), results: checkGradients(this.state) };
        this.update();
      }),
    ];
  }

  private netKey = () => `${this.state.preset}|${this.state.hidden}|${this.state.seed}`;

  protected view() {
    const step = backwardSteps(this.state)[this.index];
    if (this.check && this.check.key !== this.netKey()) this.check = { key: this.netKey(), results: checkGradients(this.state) };
    const results = this.check?.results;
    const mine = results?.find((r) => r.step === step.id);
    const extra = CHECKED[step.id] && !results ? `<p class="dl-note">${esc(t("backwardStepper.checkNote"))}</p>` : "";
    return {
      formulas: backwardFormulas(this.state).map((f) => f.formula),
      layer: step.layer,
      body:
        stepBodyHtml({ formula: step.formula, chain: step.chain, operands: step.operands, results: [step.result], extra }) +
        (mine ? checkHtml(step.result.name, mine) : "") +
        (results ? checkSummaryHtml(results) : ""),
      notes: esc(`${t("backwardStepper.perExample")} ${t("houseNet.batchCaption")}`),
    };
  }
}

if (!customElements.get("dl-backward-stepper")) customElements.define("dl-backward-stepper", BackwardStepperWidget);
