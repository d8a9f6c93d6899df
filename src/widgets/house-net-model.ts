// The chapter-3 house network and batch, shared by the forward and backward steppers so both show
// the same numbers: a 3-4-1 TwoLayerNet from the engine, fed four standardised houses.
import { houseData, takeColumns, TwoLayerNet, Tensor, type ActivationName } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

export const PRESETS = ["classification", "regression"] as const;
export type Preset = (typeof PRESETS)[number];
export const HIDDEN = ["relu", "tanh", "sigmoid"] as const;
export type Hidden = (typeof HIDDEN)[number];
export const FEATURES = ["bedrooms", "age", "distance"] as const;

/** The course's dataset (same seed as the HouseData table) from which the batch is drawn. */
const DATA_SEED = 1;
const DATA_SIZE = 100;
/** Batch size m: small enough that every matrix fits on a phone. */
export const M = 4;

/** The fields both steppers share: the task, the hidden activation g[1] and the weight seed. */
export const netFields = {
  preset: { kind: "choice", label: t("houseNet.preset"), options: PRESETS, default: "classification" },
  hidden: { kind: "choice", label: t("houseNet.hidden"), options: HIDDEN, default: "relu" },
  seed: { kind: "number", label: t("houseNet.seed"), min: 1, max: 50, step: 1, default: 3 },
} satisfies Schema;
export type NetState = StateOf<typeof netFields>;

export interface HouseBatch {
  /** Standardised features [3, m], one house per column. */
  X: Tensor;
  /** Targets [1, m]: above-median labels (classification) or price in $100k (regression). */
  Y: Tensor;
  /** Raw features and prices ($1000s) of the same houses, for the caption. */
  raw: Tensor;
  price: Float64Array;
  /** Which houses of the dataset these are (0-based columns). */
  columns: number[];
}

/**
 * The batch: the first two houses above the median price and the first two below it, in dataset order,
 * so the classification targets always hold both labels. Features are standardised over the whole dataset.
 */
export function houseBatch(preset: Preset): HouseBatch {
  const d = houseData({ m: DATA_SIZE, seed: DATA_SEED, features: [...FEATURES] });
  const above: number[] = [],
    below: number[] = [];
  d.labels.data.forEach((label, i) => (label ? above : below).push(i));
  const columns = [...above.slice(0, M / 2), ...below.slice(0, M / 2)].sort((a, b) => a - b);
  const X = takeColumns(d.Xs, columns);
  const price = takeColumns(d.Y, columns).data;
  const Y =
    preset === "classification"
      ? takeColumns(d.labels, columns)
      : new Tensor(
          [1, M],
          price.map((p) => p / 100),
        );
  return { X, Y, raw: takeColumns(d.X, columns), price, columns };
}

/** A fresh 3-4-1 network for the state: sigmoid + bce for classification, linear + the course's halfMse for regression. */
export function houseNet(s: NetState): TwoLayerNet {
  return new TwoLayerNet({
    hidden: s.hidden as ActivationName,
    output: s.preset === "classification" ? "sigmoid" : "linear",
    seed: s.seed,
  });
}

/** A tensor as plain rows, copied out of the engine's live buffers. */
export function rowsOf(T: Tensor): number[][] {
  return Array.from({ length: T.rows }, (_, i) => Array.from({ length: T.cols }, (_, j) => T.get(i, j)));
}

/** The network run forward (and optionally backward) on the batch; everything copied out. */
export function runNet(s: NetState, withBackward = false) {
  const batch = houseBatch(s.preset as Preset);
  const net = houseNet(s);
  net.forward(batch.X);
  const J = withBackward ? net.backward(batch.Y) : net.loss.compute(net.A2, batch.Y).loss;
  return { net, batch, J };
}
