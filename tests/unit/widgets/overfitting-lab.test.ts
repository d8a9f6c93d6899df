import { describe, expect, it } from "vitest";
import { Tensor, halfMse } from "../../../lib";
import { defaults } from "../../../src/widgets/state";
import {
  CapacitySweep,
  COPIES,
  EVERY,
  WIDTHS,
  bestWidth,
  cost,
  finalCosts,
  jitteredCopies,
  modelFor,
  overfittingSchema,
  splits,
  sweep,
  type OverfittingState,
} from "../../../src/widgets/overfitting-lab-model";

const base = (over: Partial<OverfittingState> = {}): OverfittingState => ({ ...defaults(overfittingSchema), ...over });

describe("overfitting lab model", () => {
  const job = sweep(base());

  it("sweep: the training cost falls from width 1 to width 32 and the widest network overfits", () => {
    const [narrowest, widest] = [finalCosts(job.runs[0]), finalCosts(job.runs[job.runs.length - 1])];
    expect(widest.train).toBeLessThan(narrowest.train / 5);
    expect(widest.train).toBeLessThan(0.3 ** 2 / 2 / 4); // far below the noise floor σ²/2
    expect(widest.gap).toBeGreaterThan(0.15);
  });

  it("sweep: width 1 underfits (high training cost), and the best width validates better than both ends", () => {
    expect(finalCosts(job.runs[0]).train).toBeGreaterThan(0.04);
    const best = finalCosts(job.run(bestWidth(job)));
    expect(best.val).toBeLessThan(finalCosts(job.runs[0]).val);
    expect(best.val).toBeLessThan(finalCosts(job.runs[job.runs.length - 1]).val);
  });

  it("finalCosts gives the gap J_val − J_train of the engine's halfMse on both sets", () => {
    const run = job.run(8),
      { train, val } = splits(base());
    const jTrain = halfMse(run.model.forward(train.X), train.Y).loss,
      jVal = halfMse(run.model.forward(val.X), val.Y).loss;
    const f = finalCosts(run);
    expect(f.train).toBeCloseTo(jTrain, 12);
    expect(f.val).toBeCloseTo(jVal, 12);
    expect(f.gap).toBeCloseTo(jVal - jTrain, 12);
  });

  it("CapacitySweep.advance trains in slices to the same numbers as one long run", () => {
    const s = base({ steps: 500 });
    const sliced = new CapacitySweep(s);
    let calls = 0;
    while (!sliced.advance(37)) calls++;
    expect(calls).toBeGreaterThan(10);
    const whole = sweep(s);
    expect(sliced.done).toBe(sliced.total);
    sliced.runs.forEach((r, k) => expect(finalCosts(r).val).toBe(finalCosts(whole.runs[k]).val));
    expect(sliced.runs[0].points.map((p) => p.step)).toEqual(Array.from({ length: 500 / EVERY + 1 }, (_, i) => i * EVERY));
  });

  it("jitteredCopies keeps the labels and the original points, and moves x by small amounts", () => {
    const { train } = splits(base());
    const aug = jitteredCopies(train);
    const m = train.X.cols;
    expect(aug.X.cols).toBe(m * (COPIES + 1));
    expect(Array.from(aug.X.data.subarray(0, m))).toEqual(Array.from(train.X.data));
    for (let c = 1; c <= COPIES; c++) {
      for (let i = 0; i < m; i++) {
        expect(aug.Y.data[c * m + i]).toBe(train.Y.data[i]);
        expect(Math.abs(aug.X.data[c * m + i] - train.X.data[i])).toBeLessThan(0.7);
      }
    }
  });

  it("sweep with augmentation shrinks the widest network's generalization gap", () => {
    const plain = finalCosts(job.runs[job.runs.length - 1]);
    const aug = sweep(base({ augment: true }));
    const widest = finalCosts(aug.runs[aug.runs.length - 1]);
    expect(widest.gap).toBeLessThan(plain.gap);
    expect(widest.train).toBeGreaterThan(plain.train);
  }, 60_000);

  it("modelFor builds 1 → w → w → 1 with tanh hidden layers, and cost is the half mean squared error", () => {
    const model = modelFor(4);
    expect(model.params().map((p) => p.shape)).toEqual([
      [4, 1],
      [4, 1],
      [4, 4],
      [4, 1],
      [1, 4],
      [1, 1],
    ]);
    const X = Tensor.from([[0.5, -1]]),
      Y = Tensor.from([[1, 2]]);
    const yhat = Array.from(model.forward(X).data);
    expect(cost(model, { X, Y })).toBeCloseTo(((yhat[0] - 1) ** 2 + (yhat[1] - 2) ** 2) / 4, 12);
    expect(WIDTHS).toEqual([1, 2, 4, 8, 16, 32]);
  });

  it("CapacitySweep.curve predicts with the trained model over [−π, π]", () => {
    const curve = job.curve(2, 5);
    expect(curve.map((p) => p.x)).toEqual([-Math.PI, -Math.PI / 2, 0, Math.PI / 2, Math.PI]);
    const y = job.run(2).model.forward(Tensor.from([[0]])).data[0];
    expect(curve[2].y).toBeCloseTo(y, 12);
  });
});
