import { describe, expect, it } from "vitest";
import { Tensor } from "../../../lib";
import { formatArgs, formatEntry, formatTensor, formatValue, toTable } from "../../../src/cells/format";

describe("format", () => {
  it("formatEntry keeps integers exact and rounds others to 6 significant digits", () => {
    expect(formatEntry(3)).toBe("3");
    expect(formatEntry(0.1 + 0.2)).toBe("0.3");
    expect(formatEntry(-0.65)).toBe("-0.65");
    expect(formatEntry(1e-9)).toBe("1.00000e-9");
  });

  it("formatTensor aligns a matrix's columns under its shape", () => {
    expect(
      formatTensor(
        Tensor.from([
          [1.5, 2],
          [-1.2, -0.65],
        ]),
      ),
    ).toBe("Tensor [2 × 2]\n[[  1.5      2 ]\n [ -1.2  -0.65 ]]");
    expect(formatTensor(Tensor.from([1, 2, 3]))).toBe("Tensor [3]\n[ 1  2  3 ]");
    expect(formatTensor(Tensor.from(7))).toBe("Tensor [] 7");
  });

  it("formatTensor keeps the corners of a large tensor with …", () => {
    const big = formatTensor(Tensor.zeros([100, 100]));
    expect(big.split("\n")).toHaveLength(1 + 13);
    expect(big).toContain("…");
  });

  it("formatArgs prints like console.log: strings bare, shapes as arrays, nested strings quoted", () => {
    expect(formatArgs(["X", Tensor.zeros([3, 2]).shape, { a: "s", b: [1, 2] }])).toBe('X [3, 2] { a: "s", b: [1, 2] }');
  });

  it("formatValue names classes and instances and survives cycles", () => {
    class Layer {
      units = 4;
    }
    const loop: Record<string, unknown> = { name: "loop" };
    loop.self = loop;
    expect(formatValue(Layer)).toBe("[class Layer]");
    expect(formatValue(new Layer())).toBe("Layer { units: 4 }");
    expect(formatValue(loop)).toBe('{ name: "loop", self: [Circular] }');
    expect(formatValue(new Float64Array([1, 2]))).toBe("Float64Array(2) [1, 2]");
    expect(formatValue(new Error("bad"))).toBe("Error: bad");
  });

  it("formatValue cuts long arrays short", () => {
    expect(formatValue(Array.from({ length: 150 }, (_, i) => i))).toContain("… 50 more");
  });
});

describe("toTable", () => {
  it("toTable shows a tensor's rows and columns", () => {
    expect(
      toTable(
        Tensor.from([
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toEqual({
      columns: ["#", "0", "1"],
      rows: [
        ["0", "1", "2"],
        ["1", "3", "4"],
      ],
      more: 0,
      moreColumns: 0,
    });
  });

  it("toTable shows objects by key and numbers as one column", () => {
    expect(
      toTable([
        { epoch: 1, loss: 0.5 },
        { epoch: 2, loss: 0.25 },
      ]).columns,
    ).toEqual(["#", "epoch", "loss"]);
    expect(toTable([0.5, 0.25]).rows).toEqual([
      ["0", "0.5"],
      ["1", "0.25"],
    ]);
  });

  it("toTable keeps 100 rows and counts the rest", () => {
    const t = toTable(Array.from({ length: 250 }, (_, i) => i));
    expect(t.rows).toHaveLength(100);
    expect(t.more).toBe(150);
  });

  it("toTable caps an object of 60,000 keys at 100 rows", () => {
    const t = toTable(Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`k${i}`, i])));
    expect(t.rows).toHaveLength(100);
    expect(t.more).toBe(59_900);
  });

  it("toTable caps 200,000 columns at 20 without overflowing the stack", () => {
    const wide = [Array.from({ length: 200_000 }, (_, j) => j)];
    const t = toTable(wide);
    expect(t.columns).toHaveLength(21);
    expect(t.rows[0]).toHaveLength(21);
    expect(t.moreColumns).toBe(199_980);
    const keyed = toTable([Object.fromEntries(Array.from({ length: 100_000 }, (_, j) => [`c${j}`, j]))]);
    expect(keyed.columns).toHaveLength(21);
    expect(keyed.moreColumns).toBe(99_980);
  });

  it("toTable cuts long cell text", () => {
    const t = toTable(["x".repeat(5_000)]);
    expect(t.rows[0][1].length).toBeLessThanOrEqual(80);
  });
});
