import { describe, expect, it } from "vitest";
import { featureMap, pool, SIDE } from "../../../src/widgets/pooling-lab-model";

const base = { mode: "max", window: 2, stride: 2, shift: false };

describe("pooling-lab model", () => {
  it("pool: 2×2 max pooling of the 8×8 map keeps the 9 at (1, 1) as the first window's winner", () => {
    const p = pool(base);
    expect(p.side).toBe(4);
    expect(p.output.data[0]).toBe(9);
    expect(p.winners[0]).toBe(1 * SIDE + 1);
  });
  it("pool: max sends each output's gradient to one winner, so the gradient sums to the number of outputs", () => {
    const p = pool(base);
    const total = p.grad.data.reduce((a, b) => a + b, 0);
    expect(total).toBe(p.outputs);
    expect(p.grad.data.filter((g) => g !== 0).length).toBe(p.outputs);
  });
  it("pool: average pooling shares the gradient as 1/4 per input of each 2×2 window", () => {
    const p = pool({ ...base, mode: "avg" });
    expect(new Set(p.grad.data)).toEqual(new Set([0.25]));
  });
  it("featureMap: the shift moves every value one column right with zeros entering on the left", () => {
    const a = featureMap(false),
      b = featureMap(true);
    expect(b.data[1 * SIDE + 2]).toBe(a.data[1 * SIDE + 1]);
    expect(b.data[3 * SIDE]).toBe(0);
    expect(pool({ ...base, shift: true }).unchanged).toBeLessThan(pool(base).outputs);
  });
});
