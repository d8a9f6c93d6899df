// The house explorer's state and numbers: the engine's generated houses (houseData), raw or put
// through the engine's standardize, sorted by any column, and the price against one feature. No DOM here.
import { houseData, houseFeatures, standardize, type HouseData, type HouseFeature } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

export const HOUSES = 100;
export const DATA_SEED = 1;
export const COLUMNS = ["index", ...houseFeatures, "price"] as const;
export type Column = (typeof COLUMNS)[number];

export const houseSchema = {
  rows: { kind: "number", label: t("houseExplorer.rows"), min: 4, max: HOUSES, step: 1, default: 12 },
  standardize: { kind: "boolean", label: t("houseExplorer.standardize"), default: false },
  feature: { kind: "choice", label: t("houseExplorer.feature"), options: houseFeatures, default: "distance" },
  sortBy: { kind: "choice", label: t("houseExplorer.sortBy"), options: COLUMNS, default: "index" },
  order: { kind: "choice", label: t("houseExplorer.order"), options: ["asc", "desc"], default: "asc" },
} satisfies Schema;
export type HouseState = StateOf<typeof houseSchema>;

/** One row of the table: the house's number, its four features (raw or standardised) and its price in $1000s. */
export type HouseRow = Record<Column, number>;

let cache: { data: HouseData; scaled: ReturnType<typeof standardize> } | undefined;
/** The 100 houses of chapter 0 (seed 1) and their standardised features, computed once. */
export function houses() {
  if (!cache) {
    const data = houseData({ m: HOUSES, seed: DATA_SEED });
    cache = { data, scaled: standardize(data.X) };
  }
  return cache;
}

/** Every house as a row, features raw or standardised by the engine. */
export function allRows(standardized: boolean): HouseRow[] {
  const { data, scaled } = houses();
  const X = standardized ? scaled.Z : data.X;
  return Array.from({ length: HOUSES }, (_, i) => {
    const row = { index: i + 1, price: data.Y.get(0, i) } as HouseRow;
    houseFeatures.forEach((f, j) => (row[f] = X.get(j, i)));
    return row;
  });
}

/** The rows the table shows: sorted by the state's column and order (ties keep house order), the first `rows` of them. */
export function tableRows(s: HouseState): HouseRow[] {
  const key = s.sortBy as Column,
    sign = s.order === "desc" ? -1 : 1;
  return allRows(s.standardize)
    .sort((a, b) => sign * (a[key] - b[key]) || a.index - b.index)
    .slice(0, s.rows);
}

/** The sort a header button asks for: the same column flips the order, a new column starts ascending. */
export function nextSort(s: HouseState, column: Column): { sortBy: Column; order: "asc" | "desc" } {
  if (s.sortBy === column) return { sortBy: column, order: s.order === "asc" ? "desc" : "asc" };
  return { sortBy: column, order: "asc" };
}

/** The price of every house against the chosen feature (raw or standardised). */
export function scatter(s: HouseState): { x: number; price: number; index: number }[] {
  const f = s.feature as HouseFeature;
  return allRows(s.standardize).map((r) => ({ x: r[f], price: r.price, index: r.index }));
}

/** Each feature's mean and standard deviation, as the engine's standardize computed them. */
export function featureStats(): { feature: HouseFeature; mean: number; std: number }[] {
  const { scaled } = houses();
  return houseFeatures.map((feature, j) => ({ feature, mean: scaled.mean[j], std: scaled.std[j] }));
}
