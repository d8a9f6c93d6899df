// The single-neuron widget's state and its numbers, shared by the server-rendered fallback and the
// custom element. Every number comes from the engine's neuronForward.
import { activations, neuronForward } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

export const FEATURES = ["bedrooms", "age", "distance", "pool"] as const;
export type Feature = (typeof FEATURES)[number];
export const ACTIVATIONS = ["relu", "linear", "leakyRelu", "sigmoid", "tanh"] as const;

const featureLabel = (f: Feature) => t(`neuron.feature.${f}`);

export const neuronSchema = {
  bedrooms: { kind: "number", label: featureLabel("bedrooms"), min: 1, max: 6, step: 1, default: 3 },
  age: { kind: "number", label: featureLabel("age"), min: 0, max: 100, step: 1, default: 20 },
  distance: { kind: "number", label: featureLabel("distance"), min: 0, max: 50, step: 0.5, default: 5 },
  pool: { kind: "number", label: featureLabel("pool"), min: 0, max: 1, step: 1, default: 0 },
  wBedrooms: {
    kind: "number",
    label: t("neuron.weight", { feature: featureLabel("bedrooms") }),
    min: -1,
    max: 1,
    step: 0.01,
    default: 0.5,
  },
  wAge: { kind: "number", label: t("neuron.weight", { feature: featureLabel("age") }), min: -0.05, max: 0.05, step: 0.001, default: -0.01 },
  wDistance: {
    kind: "number",
    label: t("neuron.weight", { feature: featureLabel("distance") }),
    min: -0.1,
    max: 0.1,
    step: 0.001,
    default: -0.03,
  },
  wPool: { kind: "number", label: t("neuron.weight", { feature: featureLabel("pool") }), min: -1, max: 1, step: 0.01, default: 0.4 },
  bias: { kind: "number", label: t("neuron.bias"), min: -3, max: 3, step: 0.05, default: 0.5 },
  activation: { kind: "choice", label: t("neuron.activation"), options: ACTIVATIONS, default: "relu" },
  vary: { kind: "choice", label: t("neuron.vary"), options: FEATURES, default: "age" },
} satisfies Schema;
export type NeuronState = StateOf<typeof neuronSchema>;

const WEIGHT_OF: Record<Feature, keyof NeuronState> = { bedrooms: "wBedrooms", age: "wAge", distance: "wDistance", pool: "wPool" };

/** z, a and the price (in units of $100,000) for one house under the state's weights. */
export function predict(s: NeuronState, inputs: number[] = FEATURES.map((f) => s[f] as number)) {
  const weights = FEATURES.map((f) => s[WEIGHT_OF[f]] as number);
  const act = activations[s.activation as keyof typeof activations];
  const { z, a } = neuronForward(weights, inputs, s.bias, act);
  return { z, a, price: a };
}

/** The prediction as the varied feature sweeps its slider's range, the other inputs held fixed. */
export function sweep(s: NeuronState, points = 41) {
  const f = s.vary as Feature;
  const { min, max } = neuronSchema[f];
  const n = f === "pool" || f === "bedrooms" ? max - min + 1 : points;
  return Array.from({ length: n }, (_, i) => {
    const x = min + ((max - min) * i) / (n - 1);
    const inputs = FEATURES.map((g) => (g === f ? x : (s[g] as number)));
    return { x, ...predict(s, inputs) };
  });
}

/** The chart's points: the sweep with prices in $1000s, leaving out any that are not finite (an SVG path cannot draw them). */
export function chartPoints(s: NeuronState): { x: number; price: number }[] {
  return sweep(s)
    .map((p) => ({ x: p.x, price: p.price * 100 }))
    .filter((p) => Number.isFinite(p.price));
}
