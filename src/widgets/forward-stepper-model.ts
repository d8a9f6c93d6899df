// The forward stepper's state and its five steps (Z1, A1, Z2, A2, loss), each as a formula with the
// engine's matrices. Shared by the server-rendered fallback and <dl-forward-stepper>.
import { Tensor } from "../../lib";
import { t } from "../i18n";
import { netFields, runNet, rowsOf, M, type Preset } from "./house-net-model";
import { sup, type MatrixView } from "./stepper-html";
import type { Schema, StateOf } from "./state";

export const FORWARD_STEPS = ["z1", "a1", "z2", "a2", "loss"] as const;
export type ForwardStepId = (typeof FORWARD_STEPS)[number];

export const forwardSchema = {
  ...netFields,
  step: { kind: "choice", label: t("stepper.goTo"), options: FORWARD_STEPS, default: "z1" },
} satisfies Schema;
export type ForwardState = StateOf<typeof forwardSchema>;

/** One step: its formula (HTML), the matrices it reads, the matrix it makes, and which layer lights up. */
export interface ForwardStep {
  id: ForwardStepId;
  formula: string;
  operands: MatrixView[];
  result: MatrixView[];
  layer: 1 | 2 | "J";
}

const gName = (hidden: string) => t(`activation.${hidden}`);

/** The formulas of all five steps for a state, in order (the list beside the matrices). */
export function forwardFormulas(s: ForwardState): string[] {
  const classification = (s.preset as Preset) === "classification";
  return [
    `${sup("Z", 1)} = ${sup("W", 1)} X + ${sup("b", 1)}`,
    `${sup("A", 1)} = ${sup("g", 1)}(${sup("Z", 1)}) = ${gName(s.hidden)}(${sup("Z", 1)})`,
    `${sup("Z", 2)} = ${sup("W", 2)} ${sup("A", 1)} + ${sup("b", 2)}`,
    classification ? `Ŷ = ${sup("A", 2)} = σ(${sup("Z", 2)})` : `Ŷ = ${sup("A", 2)} = ${sup("Z", 2)} (${t("activation.linear")})`,
    classification
      ? "J = −(1/m) Σ<sub>i</sub> [y<sup>(i)</sup> log a<sup>(i)</sup> + (1 − y<sup>(i)</sup>) log(1 − a<sup>(i)</sup>)]"
      : "J = (1/(2m)) Σ<sub>i</sub> (ŷ<sup>(i)</sup> − y<sup>(i)</sup>)<sup>2</sup>",
  ];
}

/** Every step's numbers from one engine forward pass; the loss step adds each house's own loss. */
export function forwardSteps(s: ForwardState): ForwardStep[] {
  const { net, batch, J } = runNet(s);
  const f = forwardFormulas(s);
  const X = { name: "X", rows: rowsOf(batch.X) };
  const A1 = { name: sup("A", 1), rows: rowsOf(net.A1) };
  const A2 = { name: `Ŷ = ${sup("A", 2)}`, rows: rowsOf(net.A2) };
  const Y = { name: "Y", rows: rowsOf(batch.Y) };
  // Per-example losses: the engine's loss on one column at a time (the cost J is their mean).
  const perExample = Array.from(
    { length: M },
    (_, j) => net.loss.compute(new Tensor([1, 1], [net.A2.get(0, j)]), new Tensor([1, 1], [batch.Y.get(0, j)])).loss,
  );
  return [
    {
      id: "z1",
      formula: f[0],
      layer: 1,
      operands: [{ name: sup("W", 1), rows: rowsOf(net.W1) }, X, { name: sup("b", 1), rows: rowsOf(net.b1) }],
      result: [{ name: sup("Z", 1), rows: rowsOf(net.Z1) }],
    },
    { id: "a1", formula: f[1], layer: 1, operands: [{ name: sup("Z", 1), rows: rowsOf(net.Z1) }], result: [A1] },
    {
      id: "z2",
      formula: f[2],
      layer: 2,
      operands: [{ name: sup("W", 2), rows: rowsOf(net.W2) }, A1, { name: sup("b", 2), rows: rowsOf(net.b2) }],
      result: [{ name: sup("Z", 2), rows: rowsOf(net.Z2) }],
    },
    { id: "a2", formula: f[3], layer: 2, operands: [{ name: sup("Z", 2), rows: rowsOf(net.Z2) }], result: [A2] },
    {
      id: "loss",
      formula: f[4],
      layer: "J",
      operands: [A2, Y],
      result: [
        { name: t("forwardStepper.perExample"), rows: [perExample] },
        { name: "J", rows: [[J]] },
      ],
    },
  ];
}

/** What the targets mean under the preset, for the caption under the matrices. */
export function targetNote(preset: string): string {
  return preset === "classification" ? t("forwardStepper.targetClass") : t("forwardStepper.targetRegression");
}
