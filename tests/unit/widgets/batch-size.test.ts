import { describe, expect, it } from "vitest";
import { createRng, miniBatches } from "../../../lib";
import { defaults } from "../../../src/widgets/state";
import {
  batchSizeSchema,
  problem,
  linearModel,
  trainRun,
  trainAll,
  BatchTraining,
  gradientCloud,
  cloudSummary,
  stepsPerEpoch,
  minimum,
  cosine,
  BATCHES,
  type BatchSizeState,
} from "../../../src/widgets/batch-size-model";

const base = (over: Partial<BatchSizeState> = {}): BatchSizeState => ({ ...defaults(batchSizeSchema), ...over });

describe("batch size model", () => {
  it("linearModel.gradient of the full batch, shuffled into one miniBatch, equals the full-batch gradient", () => {
    const { X, Y } = problem(100, 1);
    const model = linearModel(X, Y, [0.3, 1.2]);
    const full = model.gradient().g;
    const [only] = miniBatches(100, 100, createRng(9));
    const batch = model.gradient(only).g;
    expect(batch[0]).toBeCloseTo(full[0], 13);
    expect(batch[1]).toBeCloseTo(full[1], 13);
  });

  it("linearModel.gradient is the hand-computed mean of (ŷ − y)·x and (ŷ − y)", () => {
    const { X, Y } = problem(20, 2);
    const [w, b] = [0.5, -0.25];
    let dw = 0,
      db = 0;
    for (let i = 0; i < 20; i++) {
      const r = w * X.data[i] + b - Y.data[i];
      dw += (r * X.data[i]) / 20;
      db += r / 20;
    }
    const g = linearModel(X, Y, [w, b]).gradient().g;
    expect(g[0]).toBeCloseTo(dw, 13);
    expect(g[1]).toBeCloseTo(db, 13);
  });

  it("the mean of one epoch's equal-size batch gradients is the full-batch gradient", () => {
    const { X, Y } = problem(96, 3);
    const model = linearModel(X, Y, [0.1, 0.2]);
    const full = model.gradient().g;
    const batches = miniBatches(96, 8, createRng(5));
    const mean = batches.map((idx) => model.gradient(idx).g).reduce((a, g) => [a[0] + g[0] / 12, a[1] + g[1] / 12], [0, 0]);
    expect(mean[0]).toBeCloseTo(full[0], 12);
    expect(mean[1]).toBeCloseTo(full[1], 12);
  });

  it("stepsPerEpoch is ⌈m/|B|⌉, and a run takes that many steps per epoch", () => {
    expect(BATCHES.map((b) => stepsPerEpoch(b, 100))).toEqual([100, 13, 4, 1]);
    const s = base({ epochs: 3 });
    expect(trainAll(s).map((r) => r.points.length - 1)).toEqual([300, 39, 12, 3]);
    expect(trainRun(s, 8).points.at(-1)!.examples).toBe(300);
  });

  it("trainAll: per example processed, small batches lower the cost faster than the full batch", () => {
    const [one, eight, , full] = trainAll(base());
    const final = (r: { points: { J: number }[] }) => r.points[r.points.length - 1].J;
    expect(final(eight)).toBeLessThan(final(full) / 2);
    expect(final(one)).toBeLessThan(final(full));
    expect(one.diverged).toBeNull();
  });

  it("trainRun with a too-large rate for single examples reports the step where it diverged", () => {
    const run = trainRun(base({ lr: 1.5, epochs: 20, m: 200 }), 1);
    expect(run.diverged).not.toBeNull();
    expect(run.points.length - 1).toBe(run.diverged);
    expect(trainRun(base({ lr: 1.5, epochs: 20, m: 200 }), 0).diverged).toBeNull();
  });

  it("gradientCloud: the full batch has cosine 1; smaller batches scatter more", () => {
    const { full, clouds } = gradientCloud(base());
    const summaries = BATCHES.map((b) => cloudSummary(clouds, full, b));
    expect(summaries.map((x) => x.count)).toEqual([100, 13, 4, 1]);
    expect(summaries[3].meanCos).toBeCloseTo(1, 12);
    expect(summaries[3].spread).toBeLessThan(1e-12);
    expect(summaries[0].spread).toBeGreaterThan(summaries[1].spread);
    expect(summaries[1].spread).toBeGreaterThan(summaries[2].spread);
  });

  it("gradientCloud at the minimum has a zero full gradient and batch gradients pointing every way", () => {
    const { full, clouds } = gradientCloud(base({ where: "minimum" }));
    expect(full).toEqual([0, 0]);
    expect(Number.isNaN(cloudSummary(clouds, full, 0).meanCos)).toBe(true);
    const singles = clouds.filter((c) => c.batch === 1).map((c) => Math.sign(c.dw));
    expect(singles).toContain(1);
    expect(singles).toContain(-1);
  });

  it("minimum is the least-squares line: with standardised x, b is the mean price and w the covariance", () => {
    const { X, Y } = problem(100, 1);
    const [w, b] = minimum({ X, Y });
    const meanY = Y.data.reduce((a, y) => a + y, 0) / 100;
    const cov = Y.data.reduce((a, y, i) => a + (y - meanY) * X.data[i], 0) / 100;
    expect(b).toBeCloseTo(meanY, 10);
    expect(w).toBeCloseTo(cov, 10);
  });

  it("cosine of parallel, opposite and perpendicular vectors", () => {
    expect(cosine([1, 2], [2, 4])).toBeCloseTo(1, 15);
    expect(cosine([1, 2], [-1, -2])).toBeCloseTo(-1, 15);
    expect(cosine([1, 0], [0, 3])).toBe(0);
  });
});

describe("BatchTraining", () => {
  it("trained in slices of any size gives the same runs as trainAll, a diverged run included", () => {
    for (const s of [base({ epochs: 2, m: 40 }), base({ lr: 1.5, epochs: 3, m: 60 })]) {
      const whole = trainAll(s);
      for (const slice of [1, 9, 50]) {
        const job = new BatchTraining(s);
        while (!job.advance(slice)) expect(job.progress).toBeLessThan(1);
        expect(job.progress).toBe(1);
        expect(job.results()).toEqual(whole);
      }
    }
    expect(trainAll(base({ lr: 1.5, epochs: 3, m: 60 })).some((r) => r.diverged !== null)).toBe(true);
  });
});
