import { describe, expect, it } from "vitest";
import { BatchNorm, Tensor } from "../../../lib";
import { defaults } from "../../../src/widgets/state";
import {
  BIN_WIDTH,
  FEATURES,
  batch,
  batchNormSchema,
  moments,
  sharedHistograms,
  networks,
  normalizeSteps,
  rawHouses,
  runningStats,
  trainBoth,
  type BatchNormState,
} from "../../../src/widgets/batch-norm-lab-model";

const base = (over: Partial<BatchNormState> = {}): BatchNormState => ({ ...defaults(batchNormSchema), ...over });

describe("batch-norm lab model", () => {
  it("normalizeSteps: step 2 gives mean 0 and std ≈ 1; step 3 gives mean β and std |γ|", () => {
    const s = normalizeSteps(base({ gamma: -1.5, beta: 0.5 }));
    expect(s.xHat.mean).toBeCloseTo(0, 12);
    expect(s.xHat.std).toBeCloseTo(1, 6);
    expect(s.y.mean).toBeCloseTo(0.5, 12);
    expect(s.y.std).toBeCloseTo(1.5, 6);
  });

  it("normalizeSteps: standardizing leaves the skewness of the distance to the ocean unchanged (γ > 0)", () => {
    const s = normalizeSteps(base({ feature: "distance" }));
    expect(s.raw.skew).toBeGreaterThan(0.3);
    expect(s.xHat.skew).toBeCloseTo(s.raw.skew, 9);
    expect(s.y.skew).toBeCloseTo(s.raw.skew, 9);
  });

  it("normalizeSteps: μ_B and σ²_B are the batch's mean and biased variance, and x̂ = (x − μ_B)/√(σ²_B + ε)", () => {
    const s = normalizeSteps(base({ feature: "age", batchSize: 8 }));
    const m = moments(s.raw.values);
    expect(s.mu).toBeCloseTo(m.mean, 12);
    expect(s.variance).toBeCloseTo(m.std ** 2, 9);
    s.raw.values.forEach((x, i) => expect(s.xHat.values[i]).toBeCloseTo((x - s.mu) / Math.sqrt(s.variance + 1e-5), 12));
  });

  it("BatchNorm with γ = √(σ²_B + ε) and β = μ_B returns its input (step 3 can undo step 2)", () => {
    const X = Tensor.from([
        [2, 4, 6, 12],
        [1, 0, -1, 3],
      ]),
      bn = new BatchNorm(2);
    bn.forward(X);
    for (let i = 0; i < 2; i++) {
      bn.gamma.data[i] = Math.sqrt(bn.cache.var.data[i] + bn.eps);
      bn.beta.data[i] = bn.cache.mu.data[i];
    }
    Array.from(bn.forward(X).data).forEach((y, k) => expect(y).toBeCloseTo(X.data[k], 12));
  });

  it("runningStats follows μ_run ← 0.9·μ_run + 0.1·μ_B and approaches the data mean", () => {
    const r = runningStats(base({ batches: 40 }));
    let mu = 0;
    r.points.forEach((p) => {
      mu = 0.9 * mu + 0.1 * p.batchMean;
      expect(p.runningMean).toBeCloseTo(mu, 9);
    });
    expect(Math.abs(r.points[39].runningMean - r.dataMean)).toBeLessThan(0.15 * r.dataMean);
  });

  it("runningStats: house 1's training output changes with its batch; evaluation uses the running averages", () => {
    const s = base({ feature: "age" }),
      r = runningStats(s);
    expect(new Set(r.trainOutputs.map((v) => v.toFixed(9))).size).toBe(r.trainOutputs.length);
    const { X } = rawHouses(),
      row = FEATURES.indexOf("age"),
      last = r.points[r.points.length - 1];
    const expected = (s.gamma * (X.get(row, 0) - last.runningMean)) / Math.sqrt(last.runningVar + 1e-5) + s.beta;
    expect(r.evalOutput).toBeCloseTo(expected, 9);
  });

  it("batch wraps around the data and keeps the feature rows", () => {
    const { X } = rawHouses(),
      B = batch(X, 4, 0);
    expect(B.shape).toEqual([3, 4]);
    expect(B.get(1, 2)).toBe(X.get(1, 2));
    expect(batch(X, 100, 6).cols).toBe(100);
  });

  it("trainBoth: at the default learning rate batch norm trains far better on raw features", () => {
    const c = trainBoth(base());
    const tail = (xs: number[]) => xs.slice(-20).reduce((a, b) => a + b, 0) / 20;
    expect(c.withBnStatus).toBe("ok");
    expect(tail(c.withBn)).toBeLessThan(0.45);
    expect(tail(c.plain)).toBeGreaterThan(tail(c.withBn) + 0.15);
  });

  it("networks: the batch-norm network has BatchNorm before its ReLU, and both start from the same first weights", () => {
    const { plain, withBn } = networks();
    expect(withBn.layers.map((l) => l.kind)).toEqual(["dense", "batchNorm", "activation", "dense"]);
    expect(plain.params()[0].value).toEqual(withBn.params()[0].value);
  });

  it("sharedHistograms: the three histograms have the same bars, at the same places relative to their axes", () => {
    for (const batchSize of [2, 32, 128])
      for (const feature of FEATURES) {
        const s = base({ feature, batchSize, gamma: 1.5, beta: 0.5 }),
          h = sharedHistograms(normalizeSteps(s), s.gamma, s.beta);
        const counts = h.raw.bins.map((b) => b.count);
        expect(counts.reduce((a, b) => a + b, 0)).toBe(batchSize);
        for (const kind of ["xhat", "y"] as const) {
          expect(h[kind].bins.map((b) => b.count)).toEqual(counts);
          const rel = (k: typeof kind | "raw") => h[k].bins.map((b) => (b.x1 - h[k].domain[0]) / (h[k].domain[1] - h[k].domain[0]));
          rel(kind).forEach((r, i) => expect(r).toBeCloseTo(rel("raw")[i], 9));
        }
        h.xhat.bins.forEach((b) => expect(b.x2 - b.x1).toBeCloseTo(BIN_WIDTH, 12));
      }
  });

  it("sharedHistograms counts each house in the bin that holds it, in raw units too", () => {
    const steps = normalizeSteps(base({ feature: "distance" })),
      h = sharedHistograms(steps, 1.5, 0.5);
    h.raw.bins.forEach((b, i) => {
      const inside = steps.raw.values.filter(
        (x) => x >= b.x1 - 1e-9 && (i === h.raw.bins.length - 1 ? x <= b.x2 + 1e-9 : x < b.x2 - 1e-9),
      ).length;
      expect(inside).toBe(b.count);
    });
  });

  it("sharedHistograms: a negative γ mirrors the bars, and γ = 0 collapses them onto β", () => {
    const steps = normalizeSteps(base()),
      up = sharedHistograms(steps, 2, 0),
      down = sharedHistograms(steps, -2, 0);
    expect(down.y.bins.map((b) => b.count)).toEqual(up.y.bins.map((b) => b.count));
    down.y.bins.forEach((b, i) => expect(b.x1).toBeCloseTo(-up.y.bins[i].x2, 12));
    const flat = sharedHistograms(steps, 0, 0.7);
    expect(flat.y.domain).toEqual([0.7, 0.7]);
  });
});
