import { describe, expect, it } from "vitest";
import { Tensor } from "../../../lib";
import { checkPlotSpec } from "../../../src/cells/plot-spec";

describe("checkPlotSpec", () => {
  it("checkPlotSpec turns tensors into arrays and drops link options", () => {
    const spec = checkPlotSpec({ marks: [{ mark: "dot", data: Tensor.from([[1, 2], [3, 4]]), x: "0", href: "javascript:alert(1)" }], grid: true });
    expect(spec).toEqual({ marks: [{ mark: "dot", data: [[1, 2], [3, 4]], x: "0" }], grid: true });
    expect(() => structuredClone(spec)).not.toThrow();
  });

  it("checkPlotSpec refuses unknown marks and functions", () => {
    expect(() => checkPlotSpec({ marks: [{ mark: "image" }] })).toThrow(/must be one of/);
    expect(() => checkPlotSpec({ marks: [{ mark: "lineY", data: [1], y: (d: number) => d }] })).toThrow(/function/);
    expect(() => checkPlotSpec([1, 2])).toThrow(/marks/);
  });
});
