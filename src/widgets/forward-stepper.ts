// <dl-forward-stepper>: the forward pass of the 3-4-1 house network, one formula at a time (chapter 3).
import { StepperBase } from "./stepper";
import { forwardSchema, forwardSteps, forwardFormulas, targetNote } from "./forward-stepper-model";
import { esc, stepBodyHtml } from "./stepper-html";
import { t } from "../i18n";

class ForwardStepperWidget extends StepperBase<typeof forwardSchema> {
  readonly schema = forwardSchema;
  protected readonly stepLabelPrefix = "forwardStepper.step";

  protected view() {
    const step = forwardSteps(this.state)[this.index];
    return {
      formulas: forwardFormulas(this.state),
      layer: step.layer,
      body: stepBodyHtml({ formula: step.formula, operands: step.operands, results: step.result }),
      notes: esc(`${t("houseNet.batchCaption")} ${targetNote(this.state.preset)}`),
    };
  }
}

if (!customElements.get("dl-forward-stepper")) customElements.define("dl-forward-stepper", ForwardStepperWidget);
