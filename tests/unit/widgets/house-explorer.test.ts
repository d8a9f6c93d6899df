import { describe, expect, it } from "vitest";
import { houseData } from "../../../lib";
import { defaults } from "../../../src/widgets/state";
import {
  allRows,
  featureStats,
  houseSchema,
  nextSort,
  scatter,
  tableRows,
  type HouseState,
} from "../../../src/widgets/house-explorer-model";

const base = (over: Partial<HouseState> = {}): HouseState => ({ ...defaults(houseSchema), ...over });
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("house explorer model", () => {
  it("allRows holds the engine's houses (seed 1), the same as chapter 0's table", () => {
    const d = houseData({ m: 100, seed: 1 });
    const rows = allRows(false);
    expect(rows).toHaveLength(100);
    expect(rows[0]).toEqual({
      index: 1,
      bedrooms: d.X.get(0, 0),
      age: d.X.get(1, 0),
      distance: d.X.get(2, 0),
      pool: d.X.get(3, 0),
      price: d.Y.get(0, 0),
    });
  });

  it("allRows(true) standardises each feature to mean 0 and standard deviation 1 and keeps the price", () => {
    const rows = allRows(true),
      raw = allRows(false);
    for (const f of ["bedrooms", "age", "distance", "pool"] as const) {
      const xs = rows.map((r) => r[f]);
      expect(mean(xs)).toBeCloseTo(0, 12);
      expect(Math.sqrt(mean(xs.map((x) => x * x)))).toBeCloseTo(1, 12);
    }
    expect(rows.map((r) => r.price)).toEqual(raw.map((r) => r.price));
    const { mean: m, std } = featureStats()[1];
    expect(rows[3].age).toBeCloseTo((raw[3].age - m) / std, 12);
  });

  it("tableRows sorts by the chosen column, ties in house order, and shows the first rows", () => {
    const byAge = tableRows(base({ sortBy: "age", rows: 100 }));
    for (let k = 1; k < byAge.length; k++) {
      expect(byAge[k].age).toBeGreaterThanOrEqual(byAge[k - 1].age);
      if (byAge[k].age === byAge[k - 1].age) expect(byAge[k].index).toBeGreaterThan(byAge[k - 1].index);
    }
    const top = tableRows(base({ sortBy: "price", order: "desc", rows: 5 }));
    expect(top).toHaveLength(5);
    expect(top[0].price).toBe(Math.max(...allRows(false).map((r) => r.price)));
    expect(tableRows(base()).map((r) => r.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it("nextSort flips the order on the same column and starts a new column ascending", () => {
    expect(nextSort(base(), "index")).toEqual({ sortBy: "index", order: "desc" });
    expect(nextSort(base({ sortBy: "age", order: "desc" }), "price")).toEqual({ sortBy: "price", order: "asc" });
  });

  it("scatter pairs every house's price with the chosen feature", () => {
    const pts = scatter(base({ feature: "bedrooms" }));
    expect(pts).toHaveLength(100);
    expect(pts[7]).toEqual({ x: allRows(false)[7].bedrooms, price: allRows(false)[7].price, index: 8 });
  });
});
