import { describe, expect, it } from "vitest";
import { pointSet } from "../../../lib/data/dataset";

describe("pointSet", () => {
  it("pointSet.put writes x, y into column i of X and the class into Y", () => {
    const d = pointSet(3);
    d.put(1, 0.5, -2, 1);
    expect(d.X.toArray()).toEqual([
      [0, 0.5, 0],
      [0, -2, 0],
    ]);
    expect(d.Y.toArray()).toEqual([[0, 1, 0]]);
  });
});
