// The network diagram's state and every number it shows: a seeded dense network from the engine's
// mlp, fed one standardised house from houseData, with each unit's Z and A read from the layer
// caches and the parameter count taken from the layers. No DOM here.
import { Dense, forward, houseData, houseFeatures, mlp, paramCount, Tensor, type HouseData } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

export const HIDDEN_ACTIVATIONS = ["relu", "leakyRelu", "tanh", "sigmoid", "linear"] as const;
export const OUTPUT_ACTIVATIONS = ["linear", "sigmoid"] as const;
/** The dataset every chapter shows: 100 houses from seed 1 (the table in chapter 0). */
export const HOUSES = 100;
export const DATA_SEED = 1;

export const networkSchema = {
  hidden1: { kind: "number", label: t("networkDiagram.hidden1"), min: 1, max: 8, step: 1, default: 3 },
  hidden2: { kind: "number", label: t("networkDiagram.hidden2"), min: 0, max: 8, step: 1, default: 0 },
  outputs: { kind: "number", label: t("networkDiagram.outputs"), min: 1, max: 3, step: 1, default: 1 },
  hidden: { kind: "choice", label: t("networkDiagram.hidden"), options: HIDDEN_ACTIVATIONS, default: "relu" },
  output: { kind: "choice", label: t("networkDiagram.output"), options: OUTPUT_ACTIVATIONS, default: "linear" },
  house: { kind: "number", label: t("networkDiagram.house"), min: 1, max: HOUSES, step: 1, default: 1 },
  seed: { kind: "number", label: t("networkDiagram.seed"), min: 1, max: 999, step: 1, default: 1 },
} satisfies Schema;
export type NetworkState = StateOf<typeof networkSchema>;

/** One circle of the diagram: layer l (0 = inputs), unit j (0-based), its Z (none for inputs) and A. */
export interface Unit {
  l: number;
  j: number;
  z?: number;
  a: number;
  /** For an input: the raw feature value before standardising. */
  raw?: number;
}
/** One line of the diagram: the weight W[l][j, i] from unit i of layer l−1 to unit j of layer l. */
export interface Edge {
  l: number;
  i: number;
  j: number;
  w: number;
}
/** One dense layer's share of the parameter count: n_{l−1}·n_l weights plus n_l biases. */
export interface LayerCount {
  nIn: number;
  nOut: number;
  weights: number;
  biases: number;
}

let data: HouseData | undefined;
/** The course's houses, generated once. */
export const houses = (): HouseData => (data ??= houseData({ m: HOUSES, seed: DATA_SEED }));

/** Layer widths [n₀, n₁, (n₂,) n_L]: four house features in, a second hidden layer only when it has units. */
export function layerSizes(s: NetworkState): number[] {
  return [houseFeatures.length, s.hidden1, ...(s.hidden2 > 0 ? [s.hidden2] : []), s.outputs];
}

/** The raw features, standardised input column and price of house `n` (1-based). */
export function houseColumn(n: number) {
  const d = houses(),
    i = Math.min(HOUSES, Math.max(1, Math.round(n))) - 1;
  const raw = d.features.map((_, f) => d.X.get(f, i));
  const x = new Tensor(
    [d.features.length, 1],
    d.features.map((_, f) => d.Xs.get(f, i)),
  );
  return { raw, x, price: d.Y.get(0, i) };
}

/** Builds the seeded network, runs the chosen house forward and lists its units, edges and parameter counts. */
export function network(s: NetworkState) {
  const sizes = layerSizes(s);
  const model = mlp(sizes, {
    hidden: s.hidden as (typeof HIDDEN_ACTIVATIONS)[number],
    output: s.output as (typeof OUTPUT_ACTIVATIONS)[number],
    seed: s.seed,
  });
  const house = houseColumn(s.house);
  forward(model, house.x);
  const layers = model.layers.filter((l): l is Dense => l instanceof Dense);
  const units: Unit[] = house.raw.map((raw, j) => ({ l: 0, j, a: house.x.get(j, 0), raw }));
  const edges: Edge[] = [];
  layers.forEach((layer, k) => {
    const l = k + 1;
    for (let j = 0; j < layer.nOut; j++) {
      units.push({ l, j, z: layer.cache.Z.get(j, 0), a: layer.cache.A.get(j, 0) });
      for (let i = 0; i < layer.nIn; i++) edges.push({ l, i, j, w: layer.W.get(j, i) });
    }
  });
  const counts: LayerCount[] = layers.map((layer) => ({ nIn: layer.nIn, nOut: layer.nOut, weights: layer.W.size, biases: layer.b.size }));
  return { sizes, units, edges, counts, total: paramCount(model), house, layers };
}
export type Network = ReturnType<typeof network>;

/** The count written as the chapter writes it: "4·3 + 3 + 3·1 + 1". */
export function countTerms(counts: LayerCount[]): string {
  return counts.map((c) => `${c.nIn}·${c.nOut} + ${c.nOut}`).join(" + ");
}

/** Where unit j of a layer of n units sits: layers left to right, units centred vertically. */
export function position(l: number, j: number, n: number) {
  return { x: l, y: j - (n - 1) / 2 };
}

/** The pieces of z for unit j of layer l: the products w_ij·a_i in input order and the bias b_j. */
export function zTerms(net: Network, l: number, j: number): { terms: { w: number; a: number }[]; b: number } {
  const prev = net.units.filter((u) => u.l === l - 1);
  const terms = net.edges.filter((e) => e.l === l && e.j === j).map((e) => ({ w: e.w, a: prev[e.i].a }));
  return { terms, b: net.layers[l - 1].b.get(j, 0) };
}

/** The display name of a layer: Input, Hidden 1, …, Output. */
export function layerName(l: number, layerCount: number): string {
  if (l === 0) return t("networkDiagram.layer.input");
  if (l === layerCount - 1) return t("networkDiagram.layer.output");
  return t("networkDiagram.layer.hidden", { l });
}
