import { describe, expect, it } from "vitest";
import { l1Penalty, l2Penalty, softThreshold } from "../../../lib";
import { defaults } from "../../../src/widgets/state";
import {
  SUB_LR,
  W_STAR,
  constraintBoundary,
  geometry,
  loss,
  lossGrad,
  path,
  penaltySchema,
  penaltyValue,
  proximalOptimum,
  strengths,
  subgradientOptimum,
  type PenaltyState,
} from "../../../src/widgets/penalty-geometry-model";

const base = (over: Partial<PenaltyState> = {}): PenaltyState => ({ ...defaults(penaltySchema), ...over });
const objective = (w: ArrayLike<number>, l1: number, l2: number) => loss(w[0], w[1]) + penaltyValue(w, l1, l2);

describe("penalty geometry model", () => {
  it("loss has its minimum 0 at w* with zero gradient there", () => {
    expect(loss(W_STAR[0], W_STAR[1])).toBe(0);
    expect(lossGrad(W_STAR[0], W_STAR[1])).toEqual([0, 0]);
    expect(loss(0, 0)).toBeGreaterThan(0);
  });

  it("strengths splits λ by the mix for elastic net", () => {
    expect(strengths(base({ penalty: "l1", lambda: 2 }))).toEqual({ l1: 2, l2: 0 });
    expect(strengths(base({ penalty: "l2", lambda: 2 }))).toEqual({ l1: 0, l2: 2 });
    expect(strengths(base({ penalty: "elastic", lambda: 2, mix: 0.25 }))).toEqual({ l1: 0.5, l2: 1.5 });
  });

  it("proximalOptimum with L1 at the default λ sets w₂ to exactly 0, and beats nearby points", () => {
    const w = proximalOptimum(1.5, 0);
    expect(w[1]).toBe(0);
    expect(w[0]).toBeGreaterThan(0);
    const f = objective(w, 1.5, 0);
    for (const [d1, d2] of [
      [0.01, 0],
      [-0.01, 0],
      [0, 0.01],
      [0, -0.01],
      [0.01, 0.01],
    ])
      expect(objective([w[0] + d1, w[1] + d2], 1.5, 0)).toBeGreaterThan(f);
  });

  it("proximalOptimum is a fixed point of the soft-threshold step (the L1 optimality condition)", () => {
    const w = proximalOptimum(0.8, 0.3),
      lr = 0.1;
    const [g1, g2] = lossGrad(w[0], w[1]);
    const step = [w[0] - lr * (g1 + 2 * 0.3 * w[0]), w[1] - lr * (g2 + 2 * 0.3 * w[1])];
    expect(softThreshold(step[0], lr * 0.8)).toBeCloseTo(w[0], 9);
    expect(softThreshold(step[1], lr * 0.8)).toBeCloseTo(w[1], 9);
  });

  it("proximalOptimum with L2 shrinks both weights and zeroes neither; its gradient ∇J + 2λw vanishes", () => {
    const w = proximalOptimum(0, 1.5);
    expect(w[0]).not.toBe(0);
    expect(w[1]).not.toBe(0);
    expect(Math.hypot(w[0], w[1])).toBeLessThan(Math.hypot(...W_STAR));
    const [g1, g2] = lossGrad(w[0], w[1]);
    expect(g1 + 3 * w[0]).toBeCloseTo(0, 9);
    expect(g2 + 3 * w[1]).toBeCloseTo(0, 9);
  });

  it("subgradientOptimum hovers near the optimum without landing on zero", () => {
    const w = subgradientOptimum(1.5, 0),
      opt = proximalOptimum(1.5, 0);
    expect(w[1]).not.toBe(0);
    expect(Math.abs(w[1])).toBeLessThanOrEqual(1.5 * SUB_LR * 1.01 + 1e-3);
    expect(w[0]).toBeCloseTo(opt[0], 1);
  });

  it("path for L1 reaches exact zeros and keeps them as λ grows; L2 never does", () => {
    const l1 = path(base({ penalty: "l1" }));
    const first = l1.findIndex((p) => p.w2 === 0);
    expect(first).toBeGreaterThan(0);
    expect(l1.slice(first).every((p) => p.w2 === 0)).toBe(true);
    expect(l1[l1.length - 1].zeros).toBe(2);
    expect(path(base({ penalty: "l2" })).every((p) => p.lambda === 0 || (p.zeros === 0 && p.w1 < W_STAR[0]))).toBe(true);
  });

  it("constraintBoundary lies on the level set λ₁Σ|w| + λ₂Σw² = c (diamond, disc, elastic)", () => {
    for (const [l1, l2] of [
      [1, 0],
      [0, 1],
      [0.5, 0.5],
    ]) {
      for (const p of constraintBoundary(l1, l2, 0.7, 37))
        expect(l1Penalty([p.x, p.y], l1) + l2Penalty([p.x, p.y], l2)).toBeCloseTo(0.7, 9);
    }
    expect(constraintBoundary(0, 0, 1)).toEqual([]);
  });

  it("geometry: the region passes through the optimum, and J there is the loss at the optimum", () => {
    const g = geometry(base());
    expect(g.penalty).toBeCloseTo(penaltyValue(g.optimum, g.l1, g.l2), 12);
    expect(g.loss).toBeCloseTo(loss(g.optimum[0], g.optimum[1]), 12);
    // The L1 optimum (w₁, 0) is the diamond's corner on the w₁ axis.
    const corner = g.boundary[0];
    expect(corner.x).toBeCloseTo(g.optimum[0], 9);
    expect(corner.y).toBeCloseTo(0, 9);
  });
});
