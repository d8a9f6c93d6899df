import { describe, expect, it } from "vitest";
import { Tensor } from "../../../lib";
import { checkPlotSpec } from "../../../src/cells/plot-spec";

describe("checkPlotSpec", () => {
  it("checkPlotSpec turns tensors into arrays and keeps listed options", () => {
    const spec = checkPlotSpec({
      marks: [
        {
          mark: "dot",
          data: Tensor.from([
            [1, 2],
            [3, 4],
          ]),
          x: "0",
        },
      ],
      grid: true,
      y: { label: "loss", ticks: 5 },
    });
    expect(spec).toEqual({
      marks: [
        {
          mark: "dot",
          data: [
            [1, 2],
            [3, 4],
          ],
          x: "0",
        },
      ],
      grid: true,
      y: { label: "loss", ticks: 5 },
    });
    expect(() => structuredClone(spec)).not.toThrow();
    // Idempotent: the page checks again what the worker checked.
    expect(checkPlotSpec(structuredClone(spec))).toEqual(spec);
  });

  it("checkPlotSpec refuses unknown marks and functions", () => {
    expect(() => checkPlotSpec({ marks: [{ mark: "image" }] })).toThrow(/must be one of/);
    expect(() => checkPlotSpec({ marks: [{ mark: "lineY", data: [1], y: (d: number) => d }] })).toThrow(/function/);
    expect(() => checkPlotSpec([1, 2])).toThrow(/marks/);
  });

  it("checkPlotSpec refuses links, script URLs and unlisted options anywhere", () => {
    expect(() => checkPlotSpec({ marks: [{ mark: "dot", data: [1], href: "https://example.org" }] })).toThrow(/href is not an option/);
    expect(() => checkPlotSpec({ marks: [{ mark: "text", data: ["a"], text: "javascript:alert(1)" }] })).toThrow(/text/);
    expect(() => checkPlotSpec({ marks: [{ mark: "dot", data: [{ v: "JavaScript:alert(1)" }] }] })).toThrow(/data/);
    expect(() => checkPlotSpec({ marks: [{ mark: "dot", data: [1], fill: "url(#x)" }] })).toThrow(/fill/);
    expect(() => checkPlotSpec({ marks: [], "xlink:href": "javascript:alert(1)" })).toThrow(/xlink:href is not an option/);
    expect(() => checkPlotSpec({ marks: [], x: { render: "x" } })).toThrow(/render is not an option/);
  });

  it("checkPlotSpec bounds sizes, tick counts and point counts", () => {
    expect(() => checkPlotSpec({ marks: [], width: 1e9 })).toThrow(/width must be a number from 100 to 1600/);
    expect(() => checkPlotSpec({ marks: [], x: { ticks: 1e9 } })).toThrow(/ticks/);
    expect(() => checkPlotSpec({ marks: [{ mark: "dot", data: Array.from({ length: 6_000 }, (_, i) => i) }] })).toThrow(/data/);
    const two = Array.from({ length: 3_000 }, (_, i) => i);
    expect(() =>
      checkPlotSpec({
        marks: [
          { mark: "dot", data: two },
          { mark: "lineY", data: two },
        ],
      }),
    ).toThrow(/6000 data points/);
    expect(() => checkPlotSpec({ marks: Array.from({ length: 21 }, () => ({ mark: "frame" })) })).toThrow(/more than 20 marks/);
  });
});
