// The backward stepper's state and its eight gradients in backpropagation order, each with its
// formula, the chain-rule product it comes from and the engine's values; plus the engine's
// finite-difference check of the four parameter gradients.
import { activations, gradCheck, map, transpose, Tensor, type ActivationName } from "../../lib";
import { t } from "../i18n";
import { netFields, runNet, rowsOf, type Preset } from "./house-net-model";
import { sup, type MatrixView } from "./stepper-html";
import type { Schema, StateOf } from "./state";

export const BACKWARD_STEPS = ["dA2", "dZ2", "dW2", "db2", "dA1", "dZ1", "dW1", "db1"] as const;
export type BackwardStepId = (typeof BACKWARD_STEPS)[number];

export const backwardSchema = {
  ...netFields,
  step: { kind: "choice", label: t("stepper.goTo"), options: BACKWARD_STEPS, default: "dA2" },
} satisfies Schema;
export type BackwardState = StateOf<typeof backwardSchema>;

/** The parameter each checked gradient belongs to, under the engine's parameter names. */
export const CHECKED: Partial<Record<BackwardStepId, string>> = { dW2: "dense2.W", db2: "dense2.b", dW1: "dense1.W", db1: "dense1.b" };

export interface BackwardStep {
  id: BackwardStepId;
  formula: string;
  /** The chain-rule product the formula comes from (HTML). */
  chain: string;
  operands: MatrixView[];
  result: MatrixView;
  layer: 1 | 2 | "J";
}

const d = (name: string, l: number) => `d${sup(name, l)}`;
const TR = "<sup>⊤</sup>";

/** g[1]′ in words, for the chain-rule line of dZ[1]. */
function hiddenDerivative(hidden: string): string {
  if (hidden === "relu") return t("backwardStepper.reluPrime");
  if (hidden === "tanh") return `1 − tanh<sup>2</sup>(${sup("Z", 1)})`;
  return `σ(${sup("Z", 1)}) ⊙ (1 − σ(${sup("Z", 1)}))`;
}

/** Formula and chain-rule line of each gradient under the state's preset and hidden activation. */
export function backwardFormulas(s: BackwardState): { formula: string; chain: string }[] {
  const cls = (s.preset as Preset) === "classification";
  const dZ2i = `d${sup("Z", 2)}<sup>(i)</sup>`,
    dZ1i = `d${sup("Z", 1)}<sup>(i)</sup>`;
  return [
    cls
      ? { formula: `${d("A", 2)} = −Y / ${sup("A", 2)} + (1 − Y) / (1 − ${sup("A", 2)})`, chain: "∂ℒ/∂a = −y/a + (1 − y)/(1 − a)" }
      : { formula: `${d("A", 2)} = Ŷ − Y`, chain: "∂ℒ/∂ŷ = ∂/∂ŷ [½(ŷ − y)<sup>2</sup>] = ŷ − y" },
    cls
      ? {
          formula: `${d("Z", 2)} = ${d("A", 2)} ⊙ σ′(${sup("Z", 2)}) = ${sup("A", 2)} − Y`,
          chain: "∂ℒ/∂z = ∂ℒ/∂a · ∂a/∂z = (−y/a + (1 − y)/(1 − a)) · a(1 − a) = a − y",
        }
      : { formula: `${d("Z", 2)} = ${d("A", 2)} ⊙ 1 = Ŷ − Y`, chain: "∂ℒ/∂z = ∂ℒ/∂ŷ · ∂ŷ/∂z = (ŷ − y) · 1" },
    {
      formula: `${d("W", 2)} = (1/m) ${d("Z", 2)} ${sup("A", 1)}${TR}`,
      chain: `∂J/∂${sup("W", 2)}<sub>k</sub> = (1/m) Σ<sub>i</sub> ∂ℒ<sup>(i)</sup>/∂z<sup>(i)</sup> · ∂z<sup>(i)</sup>/∂${sup("W", 2)}<sub>k</sub> = (1/m) Σ<sub>i</sub> ${dZ2i} ${sup("A", 1)}<sub>ki</sub>`,
    },
    {
      formula: `${d("b", 2)} = (1/m) Σ<sub>i</sub> ${dZ2i}`,
      chain: `∂J/∂${sup("b", 2)} = (1/m) Σ<sub>i</sub> ∂ℒ<sup>(i)</sup>/∂z<sup>(i)</sup> · ∂z<sup>(i)</sup>/∂${sup("b", 2)} = (1/m) Σ<sub>i</sub> ${dZ2i} · 1`,
    },
    {
      formula: `${d("A", 1)} = ${sup("W", 2)}${TR} ${d("Z", 2)}`,
      chain: `∂ℒ/∂a<sup>[1]</sup><sub>k</sub> = ∂ℒ/∂z<sup>[2]</sup> · ∂z<sup>[2]</sup>/∂a<sup>[1]</sup><sub>k</sub> = ${d("Z", 2)} · ${sup("W", 2)}<sub>k</sub>`,
    },
    {
      formula: `${d("Z", 1)} = ${d("A", 1)} ⊙ ${sup("g", 1)}′(${sup("Z", 1)})`,
      chain: `∂ℒ/∂z<sup>[1]</sup> = ∂ℒ/∂a<sup>[1]</sup> · ∂a<sup>[1]</sup>/∂z<sup>[1]</sup>, ${sup("g", 1)}′ = ${hiddenDerivative(s.hidden)}`,
    },
    {
      formula: `${d("W", 1)} = (1/m) ${d("Z", 1)} X${TR}`,
      chain: `∂J/∂${sup("W", 1)}<sub>kj</sub> = (1/m) Σ<sub>i</sub> ${dZ1i}<sub>k</sub> · X<sub>ji</sub>`,
    },
    {
      formula: `${d("b", 1)} = (1/m) Σ<sub>i</sub> ${dZ1i}`,
      chain: `∂J/∂${sup("b", 1)}<sub>k</sub> = (1/m) Σ<sub>i</sub> ${dZ1i}<sub>k</sub> · 1`,
    },
  ];
}

/** All eight gradients from one engine forward and backward pass, with the matrices each one reads. */
export function backwardSteps(s: BackwardState): BackwardStep[] {
  const { net, batch } = runNet(s, true);
  const f = backwardFormulas(s);
  const g1 = activations[s.hidden as ActivationName];
  const m = (name: string, T: Tensor): MatrixView => ({ name, rows: rowsOf(T) });
  const A2 = m(sup("A", 2), net.A2),
    Y = m("Y", batch.Y);
  const dZ2 = m(d("Z", 2), net.dZ2),
    dZ1 = m(d("Z", 1), net.dZ1);
  const steps: Omit<BackwardStep, "formula" | "chain">[] = [
    { id: "dA2", layer: "J", operands: [A2, Y], result: m(d("A", 2), net.dA2) },
    { id: "dZ2", layer: 2, operands: [m(d("A", 2), net.dA2), A2, Y], result: dZ2 },
    { id: "dW2", layer: 2, operands: [dZ2, m(`${sup("A", 1)}${TR}`, transpose(net.A1))], result: m(d("W", 2), net.dW2) },
    { id: "db2", layer: 2, operands: [dZ2], result: m(d("b", 2), net.db2) },
    { id: "dA1", layer: 1, operands: [m(`${sup("W", 2)}${TR}`, transpose(net.W2)), dZ2], result: m(d("A", 1), net.dA1) },
    { id: "dZ1", layer: 1, operands: [m(d("A", 1), net.dA1), m(`${sup("g", 1)}′(${sup("Z", 1)})`, map(net.Z1, g1.df))], result: dZ1 },
    { id: "dW1", layer: 1, operands: [dZ1, m(`X${TR}`, transpose(batch.X))], result: m(d("W", 1), net.dW1) },
    { id: "db1", layer: 1, operands: [dZ1], result: m(d("b", 1), net.db1) },
  ];
  return steps.map((step, k) => ({ ...step, ...f[k] }));
}

export interface CheckResult {
  step: BackwardStepId;
  numeric: number[][];
  relativeError: number;
  ok: boolean;
}

/** The engine's gradCheck (central differences, h = 1e-5) for dW2, db2, dW1, db1, reshaped like the gradients. */
export function checkGradients(s: BackwardState): CheckResult[] {
  const { net, batch } = runNet(s);
  const report = gradCheck(net.model, batch.X, batch.Y, net.loss);
  return (Object.entries(CHECKED) as [BackwardStepId, string][]).map(([step, name]) => {
    const entry = report.entries.find((e) => e.name === name);
    if (!entry) throw new Error(`gradCheck reported no parameter ${name}`);
    const shape = net.model.params().find((p) => p.name === name)!.shape;
    const numeric = rowsOf(new Tensor([shape[0], shape[1] ?? 1], entry.numeric));
    return { step, numeric, relativeError: entry.relativeError, ok: entry.ok };
  });
}
