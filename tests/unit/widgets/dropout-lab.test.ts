import { describe, expect, it } from "vitest";
import { Dropout, Tensor, createRng } from "../../../lib";
import { defaults } from "../../../src/widgets/state";
import {
  DropoutSweep,
  HIDDEN,
  SWEEP_P,
  dropoutSchema,
  expectationCheck,
  houseColumn,
  houseNet,
  maskStep,
  wideNet,
  type DropoutState,
} from "../../../src/widgets/dropout-lab-model";

const base = (over: Partial<DropoutState> = {}): DropoutState => ({ ...defaults(dropoutSchema), ...over });

describe("dropout lab model", () => {
  it("maskStep passes r·a/(1 − p) on in training mode, with the engine's 0/1 mask", () => {
    const s = maskStep(base({ p: 0.2 }));
    expect(s.scale).toBe(1.25);
    expect(s.r.every((r) => r === 0 || r === 1)).toBe(true);
    s.a.forEach((a, j) => expect(s.aTilde[j]).toBeCloseTo((s.r[j] * a) / 0.8, 12));
    expect(s.dropped).toBe(s.r.filter((r) => r === 0).length);
    expect(s.a.filter((a) => a > 0).length).toBe(7); // weights seed 19: 7 of 8 units active for house 1
  });

  it("maskStep: mask number k is the k-th mask the layer's seeded generator draws", () => {
    const x = houseColumn(1),
      drop = new Dropout(0.5, { rng: createRng(7) });
    const { hidden } = houseNet(0.5, 7);
    const a = hidden.forward(x);
    let mask: number[] = [];
    for (let k = 0; k < 3; k++) mask = Array.from((drop.forward(a), drop.cache.mask.data));
    expect(maskStep(base({ p: 0.5, step: 3 })).r).toEqual(mask);
    expect(maskStep(base({ p: 0.5, step: 3 })).r).not.toEqual(maskStep(base({ p: 0.5, step: 4 })).r);
  });

  it("maskStep in eval mode drops nothing, scales nothing and gives the eval output", () => {
    const s = maskStep(base({ mode: "eval" }));
    expect(s.r).toEqual(Array(HIDDEN).fill(1));
    expect(s.aTilde).toEqual(s.a);
    expect(s.yhat).toBe(s.yEval);
  });

  it("expectationCheck: the inverted and classic conventions match their test output; scaling by p does not", () => {
    const [inv, classic, wrong] = expectationCheck(base({ p: 0.2 }));
    const scale = Math.abs(inv.test) + 0.1;
    expect(Math.abs(inv.trainMean - inv.test)).toBeLessThan(0.03 * scale);
    expect(Math.abs(classic.trainMean - classic.test)).toBeLessThan(0.03 * scale);
    expect(Math.abs(wrong.trainMean - wrong.test)).toBeGreaterThan(0.1);
  });

  it("expectationCheck averages exactly the samples asked for, a partial batch included: with p = 0 the mean is the eval output", () => {
    for (const samples of [1, 999, 1234, 2000]) {
      const [inv] = expectationCheck(base({ p: 0 }), samples);
      expect(inv.trainMean).toBeCloseTo(inv.test, 12);
    }
  });

  it("expectationCheck: at p = 0.5 the mistaken factor p equals the correct 1 − p", () => {
    const [, classic, wrong] = expectationCheck(base({ p: 0.5 }), 500);
    expect(wrong.test).toBeCloseTo(classic.test, 12);
  });

  it("Dropout with n = 10, p = 0.5 drops exactly 5 units about a quarter of the time (252/1024)", () => {
    const drop = new Dropout(0.5, { rng: createRng(3) }),
      A = Tensor.full([10, 1], 1);
    let five = 0;
    const n = 40000;
    for (let k = 0; k < n; k++) {
      drop.forward(A);
      if (drop.cache.mask.data.reduce((s, r) => s + (1 - r), 0) === 5) five++;
    }
    expect(five / n).toBeCloseTo(252 / 1024, 2);
  });

  it("DropoutSweep trains one wide network per p in slices; a little dropout validates better than none", () => {
    const sweep = new DropoutSweep(1500);
    let slices = 0;
    while (!sweep.advance(250)) slices++;
    expect(slices).toBeGreaterThan(5);
    expect(sweep.progress).toBe(1);
    const res = sweep.results();
    expect(res.map((r) => r.p)).toEqual([...SWEEP_P]);
    const none = res[0],
      best = res.reduce((a, r) => (r.val < a.val ? r : a));
    expect(best.p).toBeGreaterThan(0);
    expect(best.val).toBeLessThan(none.val);
    expect(res[res.length - 1].train).toBeGreaterThan(none.train); // heavy dropout fits the training set worse
  }, 60_000);

  it("wideNet puts a Dropout of rate p after each hidden layer and none after the output", () => {
    expect(wideNet(0.3).layers.map((l) => l.kind)).toEqual(["dense", "dropout", "dense", "dropout", "dense"]);
    expect((wideNet(0.3).layers[1] as Dropout).p).toBe(0.3);
  });

  it("SWEEP_P covers the p slider's whole range, so the sweep chart never stops short of it", () => {
    expect(SWEEP_P[0]).toBe(dropoutSchema.p.min);
    expect(SWEEP_P[SWEEP_P.length - 1]).toBe(dropoutSchema.p.max);
  });
});
