import { describe, expect, it } from "vitest";
import { Tensor, gradNormsPerLayer, halfMse, normal, createRng, tensorStats } from "../../../lib";
import {
  FLOW_PRESETS,
  FlowRun,
  LOSS_CEILING,
  STEPS,
  flowData,
  flowInitializer,
  flowNetwork,
  gradientFlowSchema,
  runAll,
  type GradientFlowState,
} from "../../../src/widgets/gradient-flow-model";
import { defaults } from "../../../src/widgets/state";

const state = (over: Partial<GradientFlowState> = {}): GradientFlowState => ({ ...defaults(gradientFlowSchema), ...over });

describe("flowData", () => {
  it("flowData gives 64 houses with 4 standardized features and a price of mean 0, variance 1", () => {
    const { X, Y } = flowData();
    expect(X.shape).toEqual([4, 64]);
    const s = tensorStats(Y);
    expect(s.mean).toBeCloseTo(0, 12);
    expect(s.variance).toBeCloseTo(1, 12);
  });
});

describe("flowInitializer", () => {
  it("flowInitializer draws N(0, 0.01²) and N(0, 1) for the naive choices", () => {
    const small = flowInitializer("small"),
      large = flowInitializer("large");
    if (typeof small === "string" || typeof large === "string") throw new Error("expected functions");
    expect(tensorStats(small(createRng(1), 100, 100)).std).toBeCloseTo(0.01, 3);
    expect(tensorStats(large(createRng(1), 100, 100)).std).toBeCloseTo(1, 1);
    expect(Array.from(small(createRng(2), 3, 3).data)).toEqual(Array.from(normal(createRng(2), 3, 3, { std: 0.01 }).data));
    expect([flowInitializer("xavier"), flowInitializer("he")]).toEqual(["xavierNormal", "heNormal"]);
  });
});

describe("flowNetwork", () => {
  it("flowNetwork builds depth hidden layers of 16 units and a linear output", () => {
    const net = flowNetwork(state({ depth: 7 }));
    expect(net.layers).toHaveLength(8);
    expect(net.forward(flowData().X).shape).toEqual([1, 64]);
  });
});

describe("FlowRun", () => {
  it("FlowRun records the per-layer norms of the first gradient, as the engine computes them", () => {
    const run = new FlowRun(state()),
      net = flowNetwork(state()),
      { X, Y } = flowData();
    net.backward(halfMse(net.forward(X), Y).dA);
    expect(run.norms).toEqual(gradNormsPerLayer(net));
    expect(run.norms).toHaveLength(16);
  });
  it("FlowRun.run takes steps in slices and stops after STEPS", () => {
    const run = new FlowRun(state({ activation: "tanh", init: "xavier" }));
    run.run(10);
    expect(run.step).toBe(10);
    expect(run.status).toBe("ok");
    run.run(1000);
    expect(run.step).toBe(STEPS);
    expect(run.status).toBe("done");
    expect(run.losses[run.losses.length - 1]).toBeLessThan(run.losses[0]);
  });
  it("FlowRun.run same state, same numbers", () => {
    expect(runAll(state({ activation: "relu", init: "he" })).losses).toEqual(runAll(state({ activation: "relu", init: "he" })).losses);
  });
});

describe("FLOW_PRESETS (the chapter's claims)", () => {
  const run = (p: keyof typeof FLOW_PRESETS, over: Partial<GradientFlowState> = {}) => runAll(state({ ...FLOW_PRESETS[p], ...over }));
  it("the default (sigmoid, N(0, 0.01²)) has a first-layer gradient near 1e-31, the output layer's near 1e-2, and stays at cost 0.5", () => {
    const r = runAll(state());
    expect(r.norms[0]).toBeGreaterThan(1e-32);
    expect(r.norms[0]).toBeLessThan(1e-30);
    expect(r.norms[15]).toBeGreaterThan(1e-2);
    expect(r.norms[15]).toBeLessThan(5e-2);
    expect(Math.abs(r.losses[STEPS - 1] - 0.5)).toBeLessThan(1e-3);
  });
  it("ReLU with tiny weights still vanishes (first layer around 1e-24)", () => {
    const r = runAll(state({ activation: "relu" }));
    expect(r.norms[0]).toBeGreaterThan(1e-25);
    expect(r.norms[0]).toBeLessThan(1e-23);
  });
  it("sigmoid + Xavier still vanishes at 15 layers (about 1e-10) and does not learn", () => {
    const r = run("sigmoidXavier");
    expect(r.norms[0]).toBeGreaterThan(1e-11);
    expect(r.norms[0]).toBeLessThan(1e-9);
    expect(r.losses[STEPS - 1]).toBeGreaterThan(0.49);
  });
  it("tanh + Xavier and ReLU + He train, with first-layer gradients within a factor of ten of the output layer's", () => {
    for (const p of ["tanhXavier", "reluHe"] as const) {
      const r = run(p);
      expect(r.ratio).toBeLessThan(10);
      expect(r.losses[STEPS - 1]).toBeLessThan(0.05);
    }
  });
  it("ReLU with N(0, 1) weights starts near 3e13 and stops as diverged", () => {
    const r = run("exploding");
    expect(r.losses[0]).toBeGreaterThan(1e13);
    expect(r.losses[0]).toBeLessThan(1e14);
    expect(r.status).toBe("diverged");
    expect(r.losses[0]).toBeGreaterThan(LOSS_CEILING);
  });
  it("sigmoid + batch norm falls to about 0.03, and batch norm rescues N(0, 1) weights", () => {
    const r = run("batchNorm");
    expect(r.losses[STEPS - 1]).toBeGreaterThan(0.02);
    expect(r.losses[STEPS - 1]).toBeLessThan(0.04);
    for (const activation of ["sigmoid", "tanh", "relu", "leakyRelu"]) {
      expect(runAll(state({ activation, init: "large", batchNorm: true })).losses[STEPS - 1]).toBeLessThan(0.05);
    }
  });
  it("tanh with tiny weights and skips reaches about 0.04; with Xavier or He the skips start above cost 1 and get worse or diverge", () => {
    const r = run("residual");
    expect(r.losses[STEPS - 1]).toBeGreaterThan(0.03);
    expect(r.losses[STEPS - 1]).toBeLessThan(0.05);
    for (const activation of ["sigmoid", "tanh", "relu", "leakyRelu"])
      for (const init of ["xavier", "he"]) {
        const bad = runAll(state({ activation, init, residual: true }));
        expect(bad.losses[0]).toBeGreaterThan(1);
        const last = bad.losses[bad.losses.length - 1];
        expect(bad.status === "diverged" || last > bad.losses[0]).toBe(true);
      }
  });
});

void Tensor;
