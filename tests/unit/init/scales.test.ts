import { describe, expect, it } from "vitest";
import { initScale, xavierUniform, heNormal, createRng } from "../../../lib";

describe("initScale", () => {
  it("initScale gives the hand-computed bounds and standard deviations", () => {
    expect(initScale("xavierUniform", 3, 4)).toBeCloseTo(Math.sqrt(6 / 7), 12);
    expect(initScale("xavierNormal", 3, 4)).toBeCloseTo(Math.sqrt(2 / 7), 12);
    expect(initScale("heNormal", 784, 128)).toBeCloseTo(Math.sqrt(2 / 784), 12);
    expect(initScale("heUniform", 100, 10)).toBeCloseTo(Math.sqrt(6 / 100), 12);
  });
  it("initScale agrees with the tensors the initialisers draw", () => {
    const W = xavierUniform(createRng(3), 200, 300);
    const a = initScale("xavierUniform", 300, 200);
    expect(Math.max(...W.data.map(Math.abs))).toBeLessThanOrEqual(a);
    expect(Math.max(...W.data.map(Math.abs))).toBeGreaterThan(0.99 * a);
    const H = heNormal(createRng(4), 300, 400);
    const std = Math.sqrt(H.data.reduce((s, x) => s + x * x, 0) / H.size);
    expect(std).toBeCloseTo(initScale("heNormal", 400, 300), 3);
  });
});
