import { describe, expect, it } from "vitest";
import { activations, sigmoid, tanh } from "../../../lib";
import { defaults } from "../../../src/widgets/state";
import {
  activationOf,
  activationSchema,
  curve,
  picked,
  saturatedIntervals,
  saturatedShare,
  tablePoints,
  usesSlope,
  type ActivationState,
} from "../../../src/widgets/activation-explorer-model";

const base = (over: Partial<ActivationState> = {}): ActivationState => ({ ...defaults(activationSchema), ...over });
// σ′(z) = 0.1 where σ = (1 + √0.6)/2, so z = ln(σ/(1 − σ)); tanh′(z) = 0.1 where tanh z = √0.9.
const SIGMOID_EDGE = Math.log((1 + Math.sqrt(0.6)) / (1 - Math.sqrt(0.6)));
const TANH_EDGE = Math.atanh(Math.sqrt(0.9));

describe("activation explorer model", () => {
  it("activationOf returns the engine's activation, and leaky ReLU with the chosen slope", () => {
    expect(activationOf("gelu", 0.01)).toBe(activations.gelu);
    const leaky = activationOf("leakyRelu", 0.2);
    expect(leaky.f(-3)).toBeCloseTo(-0.6, 14);
    expect(leaky.df(-3)).toBe(0.2);
    expect(activationOf("leakyRelu", 0).df(-1)).toBe(0);
  });

  it("curve samples g and g′ from −zmax to zmax", () => {
    const pts = curve(sigmoid, 4, 9);
    expect(pts.map((p) => p.z)).toEqual([-4, -3, -2, -1, 0, 1, 2, 3, 4]);
    expect(pts[4]).toEqual({ z: 0, g: 0.5, dg: 0.25 });
    expect(pts[8].dg).toBeCloseTo(sigmoid.f(4) * (1 - sigmoid.f(4)), 14);
  });

  it("saturatedIntervals finds where |σ′| < 0.1: |z| > 2.0634", () => {
    const r = saturatedIntervals(sigmoid, 6);
    expect(r).toHaveLength(2);
    expect(r[0].from).toBe(-6);
    expect(r[0].to).toBeCloseTo(-SIGMOID_EDGE, 9);
    expect(r[1].from).toBeCloseTo(SIGMOID_EDGE, 9);
    expect(r[1].to).toBe(6);
    expect(SIGMOID_EDGE).toBeCloseTo(2.0634, 4);
    expect(saturatedShare(r, 6)).toBeCloseTo((6 - SIGMOID_EDGE) / 6, 9);
  });

  it("saturatedIntervals: tanh saturates past |z| = 1.818, ReLU on the whole negative side, linear nowhere", () => {
    const r = saturatedIntervals(tanh, 6);
    expect(r[1].from).toBeCloseTo(TANH_EDGE, 9);
    const relu = saturatedIntervals(activations.relu, 5);
    expect(relu).toHaveLength(1);
    expect(relu[0].from).toBe(-5);
    expect(relu[0].to).toBe(0);
    expect(saturatedIntervals(activations.linear, 5)).toEqual([]);
    expect(saturatedIntervals(activationOf("leakyRelu", 0.2), 5)).toEqual([]);
  });

  it("saturatedShare grows as the range widens (sigmoid covers more of a wider axis)", () => {
    const share = (zmax: number) => saturatedShare(saturatedIntervals(sigmoid, zmax), zmax);
    expect(share(2)).toBe(0);
    expect(share(20)).toBeGreaterThan(share(6));
    expect(share(20)).toBeCloseTo(1 - SIGMOID_EDGE / 20, 6);
  });

  it("picked lists one or two activations and usesSlope only when leaky ReLU is among them", () => {
    expect(picked(base())).toEqual(["sigmoid"]);
    expect(picked(base({ second: "tanh" }))).toEqual(["sigmoid", "tanh"]);
    expect(picked(base({ second: "sigmoid" }))).toEqual(["sigmoid"]);
    expect(usesSlope(base())).toBe(false);
    expect(usesSlope(base({ second: "leakyRelu" }))).toBe(true);
  });

  it("tablePoints keeps the points inside the range and both ends", () => {
    expect(tablePoints(6)).toEqual([-6, -5, -2, -1, 0, 1, 2, 5, 6]);
    expect(tablePoints(1.5)).toEqual([-1.5, -1, 0, 1, 1.5]);
    expect(tablePoints(5)).toEqual([-5, -2, -1, 0, 1, 2, 5]);
  });
});
