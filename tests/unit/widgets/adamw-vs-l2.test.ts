import { describe, expect, it } from "vitest";
import { Adam, AdamW, Tensor } from "../../../lib";
import { defaults } from "../../../src/widgets/state";
import {
  adamwSchema,
  compare,
  CompareTraining,
  trainRun,
  optimizerFor,
  polynomialFeatures,
  polynomialModel,
  splits,
  fitCurve,
  bestVal,
  DEGREE,
  TRAIN_M,
  type AdamwState,
} from "../../../src/widgets/adamw-vs-l2-model";

const base = (over: Partial<AdamwState> = {}): AdamwState => ({ ...defaults(adamwSchema), ...over });
const lastOf = <T>(xs: T[]) => xs[xs.length - 1];

describe("AdamW against Adam + L2 model", () => {
  it("compare: AdamW and Adam + L2 with the same λ end with different weight norms, both below no decay", () => {
    const [l2, adamw, none] = compare(base());
    const norm = (r: typeof l2) => lastOf(r.points).norm;
    expect(Math.abs(norm(l2) - norm(adamw))).toBeGreaterThan(1);
    expect(norm(adamw)).toBeLessThan(norm(none));
    expect(norm(l2)).toBeLessThan(norm(none));
  });

  it("compare: without decay the polynomial overfits, and AdamW validates best at the default λ", () => {
    const [l2, adamw, none] = compare(base());
    const val = (r: typeof l2) => lastOf(r.points).val;
    expect(lastOf(none.points).train).toBeLessThan(val(none) / 2);
    expect(val(adamw)).toBeLessThan(val(none));
    expect(val(adamw)).toBeLessThan(val(l2));
  });

  it("compare with λ = 0 gives three identical runs", () => {
    const [l2, adamw, none] = compare(base({ lambda: 0, steps: 100 }));
    expect(l2.W).toEqual(none.W);
    expect(adamw.W).toEqual(none.W);
  });

  it("optimizerFor builds the engine's Adam (coupled) and AdamW (decoupled) with a mask that spares the bias", () => {
    const names = polynomialModel()
      .params()
      .map((p) => p.name);
    expect(names).toEqual(["dense1.W", "dense1.b"]);
    const l2 = optimizerFor("l2", base({ lambda: 0.3 }), names),
      w = optimizerFor("adamw", base({ lambda: 0.3 }), names);
    expect(l2).toBeInstanceOf(Adam);
    expect(l2.decoupled).toBe(false);
    expect(w).toBeInstanceOf(AdamW);
    expect(w.decoupled).toBe(true);
    expect([l2.weightDecay, w.weightDecay]).toEqual([0.3, 0.3]);
    expect(w.decay).toEqual([true, false]);
    expect(optimizerFor("adamw", base({ decayBiases: true }), names).decay).toEqual([true, true]);
    expect(optimizerFor("none", base(), names).weightDecay).toBe(0);
  });

  it("trainRun: one AdamW step from zero weights shrinks nothing and moves each weight by lr·sign(g)", () => {
    const s = base({ steps: 1, lr: 0.01 });
    const run = trainRun("adamw", s);
    for (const w of run.W) expect(Math.abs(w)).toBeCloseTo(0.01, 6);
  });

  it("trainRun: decaying the bias changes it, sparing it leaves it as without decay", () => {
    const none = trainRun("none", base());
    expect(trainRun("adamw", base()).b).not.toBe(none.b);
    const spared = trainRun("adamw", base()),
      decayed = trainRun("adamw", base({ decayBiases: true }));
    expect(Math.abs(decayed.b)).toBeLessThan(Math.abs(spared.b));
  });

  it("polynomialFeatures gives rows x¹ … x⁹", () => {
    const F = polynomialFeatures(Tensor.from([[2, -1]]));
    expect(F.shape).toEqual([DEGREE, 2]);
    expect(F.get(0, 0)).toBe(2);
    expect(F.get(2, 0)).toBe(8);
    expect(F.get(8, 0)).toBe(512);
    expect(F.get(8, 1)).toBe(-1);
  });

  it("splits: 12 training points and 60 validation points on [−1, 1], from different seeds", () => {
    const { train, val } = splits(base());
    expect(train.X.shape).toEqual([DEGREE, TRAIN_M]);
    expect(val.Y.shape).toEqual([1, 60]);
    for (const x of [...train.x.data, ...val.x.data]) expect(Math.abs(x)).toBeLessThanOrEqual(1);
    expect(val.x.data[0]).not.toBe(train.x.data[0]);
  });

  it("fitCurve evaluates b + Σ W_k x^k", () => {
    const run = { id: "none" as const, points: [], W: [1, 0, 0, 0, 0, 0, 0, 0, 2], b: 0.5 };
    const curve = fitCurve(run, 5);
    expect(curve.map((p) => p.x)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(curve[4].y).toBeCloseTo(3.5, 14);
    expect(curve[1].y).toBeCloseTo(0.5 - 0.5 + 2 * (-0.5) ** 9, 14);
  });

  it("bestVal finds the lowest validation cost", () => {
    const run = trainRun("none", base());
    const best = bestVal(run);
    for (const p of run.points) expect(best.val).toBeLessThanOrEqual(p.val);
  });
});

describe("CompareTraining", () => {
  it("trained in slices of any size gives the same three runs as compare", () => {
    const s = base({ steps: 130 });
    const whole = compare(s);
    for (const slice of [1, 7, 40]) {
      const job = new CompareTraining(s);
      let calls = 0;
      while (!job.advance(slice)) {
        calls++;
        expect(job.progress).toBeGreaterThanOrEqual(0);
        expect(job.progress).toBeLessThan(1);
      }
      expect(calls).toBeGreaterThanOrEqual(Math.floor((3 * 130) / slice) - 3);
      expect(job.progress).toBe(1);
      expect(job.results()).toEqual(whole);
    }
  });
});
