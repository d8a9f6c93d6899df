import { describe, expect, it } from "vitest";
import { Tensor, losses, moons, sigmoid, type Dense } from "../../../lib";
import { parseCsv, toCsv, MAX_POINTS } from "../../../src/widgets/train-playground-csv";
import {
  FEATURES,
  LR_LADDER,
  batchSize,
  featureMatrix,
  featureValue,
  lrToSlider,
  sliderToLr,
  splitMask,
  buildNetwork,
  datasetPoints,
  sessionSettings,
  toDataset,
  trainPlaygroundSchema,
  type SessionSettings,
} from "../../../src/widgets/train-playground-model";
import { CURVE_MAX, FrameBudget, GRID, LOSS_CEILING, PlaygroundSession, StepRate } from "../../../src/widgets/train-playground-session";
import { defaults } from "../../../src/widgets/state";

const DEFAULT = sessionSettings(defaults(trainPlaygroundSchema));
const session = (over: Partial<SessionSettings> = {}, data: Parameters<typeof datasetPoints>[0] = "moons") =>
  new PlaygroundSession(datasetPoints(data), { ...DEFAULT, ...over });

describe("train-playground model", () => {
  it("datasetPoints gives the engine's moons, column for column", () => {
    const p = datasetPoints("moons"),
      { X, Y } = moons({ m: 200, noise: 0.1, seed: 1 });
    expect(p.x.length).toBe(200);
    expect([p.x[7], p.y[7], p.label[7]]).toEqual([X.get(0, 7), X.get(1, 7), Y.get(0, 7)]);
  });

  it("toDataset lays examples out as columns of X [2, m]", () => {
    const { X, Y } = toDataset({ x: [1, 2], y: [3, 4], label: [0, 1] });
    expect(X.shape).toEqual([2, 2]);
    expect(X.get(1, 0)).toBe(3);
    expect(Y.get(0, 1)).toBe(1);
  });

  it("batchSize caps at the number of points and reads 'all' as full batch", () => {
    expect(batchSize("32", 200)).toBe(32);
    expect(batchSize("64", 10)).toBe(10);
    expect(batchSize("all", 137)).toBe(137);
  });

  it("featureValue maps (x₁, x₂) to each of the seven features", () => {
    const [a, b] = [0.5, -2];
    expect(FEATURES.map((f) => featureValue(f, a, b))).toEqual([0.5, -2, 0.25, 4, -1, Math.sin(0.5), Math.sin(-2)]);
  });

  it("featureMatrix lays the chosen features out as rows, points as columns", () => {
    const X = featureMatrix(["x1sq", "x1x2", "sin2"], [1, 2], [3, -1]);
    expect(X.shape).toEqual([3, 2]);
    expect(Array.from(X.data)).toEqual([1, 4, 3, -2, Math.sin(3), Math.sin(-1)]);
  });

  it("splitMask keeps about ratio % for training, never moves a point when points are added, and grows with the ratio", () => {
    const m70 = splitMask(1000, 70),
      m90 = splitMask(1000, 90);
    const share = m70.filter(Boolean).length / 1000;
    expect(share).toBeGreaterThan(0.65);
    expect(share).toBeLessThan(0.75);
    expect(splitMask(1001, 70).slice(0, 1000)).toEqual(m70);
    expect(m70.every((train, i) => !train || m90[i])).toBe(true);
    const d = toDataset(datasetPoints("moons"), ["x1", "x2"], splitMask(200, 70), false);
    expect(d.X.cols).toBe(200 - splitMask(200, 70).filter(Boolean).length);
  });

  it("datasetPoints with more noise moves the same points further", () => {
    const quiet = datasetPoints("moons", 0),
      noisy = datasetPoints("moons", 0.3),
      usual = datasetPoints("moons");
    expect(usual).toEqual(datasetPoints("moons", 0.1));
    expect(noisy.label).toEqual(quiet.label);
    expect(noisy.x[3]).not.toBe(quiet.x[3]);
  });

  it("the log learning-rate slider maps each position to a rung 1, 2, 3, 5 × 10ᵏ and back", () => {
    expect(LR_LADDER.slice(0, 5)).toEqual([0.001, 0.002, 0.003, 0.005, 0.01]);
    expect(LR_LADDER.at(-1)).toBe(100);
    for (let i = 0; i < LR_LADDER.length; i++) expect(lrToSlider(sliderToLr(i))).toBe(i);
    expect(sliderToLr(lrToSlider(0.03))).toBe(0.03);
    expect(sliderToLr(lrToSlider(0.04))).toBe(0.05);
  });

  it("buildNetwork makes 2→n₁→1 with (2·n₁ + n₁) + (n₁ + 1) parameters", () => {
    const net = buildNetwork(2, [5], "tanh", 1);
    const count = net.params().reduce((s, p) => s + p.value.length, 0);
    expect(count).toBe(2 * 5 + 5 + 5 + 1);
  });
});

describe("PlaygroundSession", () => {
  it("PlaygroundSession.run lowers the loss of the default network on moons", () => {
    const s = session();
    const before = s.evaluate().loss;
    s.run(3000);
    const after = s.evaluate();
    expect(before).toBeGreaterThan(0.3);
    expect(after.loss).toBeLessThan(before / 2);
    expect(after.accuracy).toBeGreaterThan(0.85);
    expect(s.status).toBe("ok");
    expect(s.step).toBe(3000);
    // n training points in batches of 32 make ⌈n/32⌉ steps per epoch.
    expect(s.epoch).toBe(Math.floor(3000 / Math.ceil(s.trainCount / 32)));
    expect(s.evaluateTest().accuracy).toBeGreaterThan(0.85);
  });

  it("PlaygroundSession.evaluate agrees with the engine's bceWithLogits on the training points, evaluateTest on the rest", () => {
    const s = session();
    const points = datasetPoints("moons"),
      mask = splitMask(200, DEFAULT.ratio);
    const score = (train: boolean) => {
      const d = toDataset(points, ["x1", "x2"], mask, train);
      return losses.bceWithLogits.compute(s.model.forward(d.X).clone(), d.Y).loss;
    };
    const all = s.model.forward(toDataset(points).X).clone();
    const { loss, p } = s.evaluate();
    expect(loss).toBeCloseTo(score(true), 12);
    expect(s.evaluateTest().loss).toBeCloseTo(score(false), 12);
    expect(p[11]).toBeCloseTo(sigmoid.f(all.data[11]), 15);
    expect(s.trainCount + s.testCount).toBe(200);
  });

  it("PlaygroundSession.run with a learning rate of 100 (tanh) stops with status 'diverged' and no exception", () => {
    const s = session({ lr: 100, activation: "tanh" });
    expect(() => s.run(2000)).not.toThrow();
    expect(s.status).toBe("diverged");
    expect(s.divergedAt).toBeGreaterThan(0);
    const step = s.step;
    expect(s.run(10)).toBe(0);
    expect(s.step).toBe(step);
  });

  it("PlaygroundSession.run reports 'diverged' on a non-finite loss (linear hidden layer, lr 30)", () => {
    const s = session({ activation: "linear", lr: 30 });
    s.run(2000);
    expect(s.status).toBe("diverged");
  });

  it("PlaygroundSession.run keeps status 'ok' at every learning rate up to 1 with SGD", () => {
    for (const lr of [0.001, 0.01, 0.1, 1]) {
      for (const activation of ["relu", "tanh"] as const) {
        const s = session({ lr, activation });
        s.run(3000);
        expect(s.status, `lr ${lr} ${activation}`).toBe("ok");
      }
    }
    expect(LOSS_CEILING).toBeCloseTo(6.931, 3);
  });

  it("PlaygroundSession.run cannot solve XOR with one hidden unit but can with three or four", () => {
    const accuracyWith = (width: number) => {
      const s = session({ hidden: [width], lr: 0.1 }, "xor");
      s.run(6000);
      return s.evaluate().accuracy;
    };
    expect(accuracyWith(1)).toBeLessThan(0.8);
    // The prose says three or four units usually solve it.
    expect(accuracyWith(3)).toBeGreaterThan(0.97);
    expect(accuracyWith(4)).toBeGreaterThan(0.97);
  });

  it("PlaygroundSession.run needs many hidden units for the spiral: three fail, three layers of eight succeed", () => {
    const accuracyWith = (hidden: number[]) => {
      const s = session({ hidden, optimizer: "adam", lr: 0.03 }, "spiral");
      s.run(8000);
      return s.evaluate().accuracy;
    };
    expect(accuracyWith([3])).toBeLessThan(0.8);
    expect(accuracyWith([8, 8, 8])).toBeGreaterThan(0.97);
  });

  it("PlaygroundSession builds several hidden layers and keeps a map per hidden unit", () => {
    const s = session({ hidden: [4, 3, 2] });
    expect(s.model.layers.map((l) => (l as Dense).W.shape)).toEqual([
      [4, 2],
      [3, 4],
      [2, 3],
      [1, 2],
    ]);
    s.gridProbabilities();
    expect(s.unitMaps.map((l) => l.length)).toEqual([4, 3, 2]);
    // Unit 2 of layer 1 at grid point j is relu(W₁[1]·x + b₁[1]).
    const L1 = s.model.layers[0] as Dense,
      j = 123;
    const z = L1.W.get(1, 0) * s.gridX1[j] + L1.W.get(1, 1) * s.gridX2[j] + L1.b.data[1];
    expect(s.unitMaps[0][1][j]).toBeCloseTo(Math.max(0, z), 12);
    const before = s.evaluate().loss;
    s.run(2000);
    expect(s.evaluate().loss).toBeLessThan(before / 2);
  });

  it("PlaygroundSession trains on x₁² and x₂² alone and then separates the circles", () => {
    const s = session({ features: ["x1sq", "x2sq"], hidden: [2], lr: 0.3 }, "circles");
    expect(s.model.layers[0].params()[0].shape).toEqual([2, 2]);
    s.run(3000);
    expect(s.evaluate().accuracy).toBeGreaterThan(0.95);
    expect(s.apply({ ...DEFAULT, features: ["x1", "x2", "x1x2"] })).toBe(true);
    expect((s.model.layers[0] as Dense).W.shape).toEqual([8, 3]);
  });

  it("PlaygroundSession with an L2 penalty ends with smaller weights than without, and reports R(W) = λ·Σw²", () => {
    const norm = (penalty: "none" | "l2") => {
      const s = session({ penalty, lambda: 0.03 });
      s.run(3000);
      if (penalty === "l2") {
        const sum = s.model
          .params()
          .filter((p) => p.decay)
          .reduce((a, p) => a + p.value.reduce((b, w) => b + w * w, 0), 0);
        expect(s.penaltyValue()).toBeCloseTo(0.03 * sum, 12);
        expect(s.weightNorm()).toBeCloseTo(Math.sqrt(sum), 12);
      }
      return s.weightNorm();
    };
    expect(norm("l2")).toBeLessThan(0.8 * norm("none"));
  });

  it("PlaygroundSession.apply moves points between training and test when the ratio changes, keeping the weights", () => {
    const s = session();
    s.run(10);
    const train = s.trainCount;
    expect(s.apply({ ...DEFAULT, ratio: 90 })).toBe(false);
    expect(s.trainCount).toBeGreaterThan(train);
    expect(s.step).toBe(10);
  });

  it("PlaygroundSession.reset with the same seed gives the same start and an empty curve", () => {
    const s = session();
    const start = s.evaluate().loss;
    s.run(100);
    s.reset();
    expect(s.step).toBe(0);
    expect(s.curve.step).toEqual([0]);
    expect(s.evaluate().loss).toBe(start);
    s.reset(2);
    expect(s.evaluate().loss).not.toBe(start);
  });

  it("PlaygroundSession.apply changes the learning rate in place and restarts for a new width", () => {
    const s = session();
    s.run(50);
    expect(s.apply({ ...DEFAULT, lr: 0.3 })).toBe(false);
    expect(s.optimizer.lr).toBe(0.3);
    expect(s.step).toBe(50);
    expect(s.apply({ ...DEFAULT, lr: 0.3, batch: "all" })).toBe(false);
    s.run(1);
    // Whole epochs of ⌈n/32⌉ steps; the unfinished one is dropped, then one full-batch step is one epoch.
    expect(s.epoch).toBe(Math.floor(50 / Math.ceil(s.trainCount / 32)) + 1);
    expect(s.apply({ ...DEFAULT, lr: 0.3, batch: "all", hidden: [3] })).toBe(true);
    expect(s.step).toBe(0);
  });

  it("PlaygroundSession.addPoint adds a training example without resetting the weights", () => {
    const s = session();
    s.run(20);
    s.addPoint(5, 5, 1);
    expect(s.pointCount).toBe(201);
    expect(s.step).toBe(20);
    expect(s.domain.x1).toBeGreaterThanOrEqual(5);
    s.run(5);
    expect(s.step).toBe(25);
  });

  it("PlaygroundSession with no points reports 'empty' and takes no step", () => {
    const s = new PlaygroundSession({ x: [], y: [], label: [] }, DEFAULT);
    expect(s.status).toBe("empty");
    expect(s.run(10)).toBe(0);
    s.addPoint(0, 0, 1);
    expect(s.status).toBe("ok");
    expect(s.run(1)).toBe(1);
  });

  it("PlaygroundSession.gridProbabilities is σ of the network's output at each grid point", () => {
    const s = session();
    const p = s.gridProbabilities();
    expect(p.length).toBe(GRID * GRID);
    const { x0, x1, y0, y1 } = s.domain,
      r = 3,
      c = 17;
    const point = new Tensor([2, 1], [x0 + ((c + 0.5) * (x1 - x0)) / GRID, y0 + ((r + 0.5) * (y1 - y0)) / GRID]);
    const z = buildNetwork(2, DEFAULT.hidden, DEFAULT.activation, 1).forward(point).data[0];
    expect(p[r * GRID + c]).toBeCloseTo(sigmoid.f(z), 12);
  });

  it("PlaygroundSession.runFor stops when the time budget is spent", () => {
    const s = session();
    let clock = 0;
    const done = s.runFor(8, () => (clock += 1), 10);
    expect(done).toBe(80);
    expect(s.curve.step.at(-1)).toBe(80);
  });

  it("PlaygroundSession.run keeps the loss curve bounded, with its first and newest samples", () => {
    const s = session({ lr: 0.01 });
    for (let i = 0; i < 3 * CURVE_MAX; i++) s.run(1);
    expect(s.curve.step.length).toBeLessThanOrEqual(CURVE_MAX);
    expect(s.curve.step[0]).toBe(0);
    expect(s.curve.step.at(-1)).toBe(3 * CURVE_MAX);
  });
});

describe("FrameBudget", () => {
  it("FrameBudget.next shrinks the training budget when frames come late and grows it back to 8 ms", () => {
    const b = new FrameBudget();
    expect(b.next(0)).toBe(8);
    expect(b.next(40)).toBe(7);
    expect(b.next(80)).toBe(6);
    for (let i = 1; i <= 6; i++) b.next(80 + i * 16.7);
    expect(b.ms).toBe(7.5);
    for (let i = 0; i < 50; i++) b.next(200 + i * 16.7);
    expect(b.ms).toBe(8);
    b.restart();
    expect(b.next(10_000)).toBe(8);
  });
});

describe("StepRate", () => {
  it("StepRate.perSecond divides steps by elapsed time over the last second", () => {
    const r = new StepRate();
    for (let ms = 0; ms <= 3000; ms += 100) r.record(ms, ms * 5);
    expect(r.perSecond).toBeCloseTo(5000, 6);
  });
});

describe("parseCsv", () => {
  it("parseCsv reads x,y,label lines and skips a header and blank lines", () => {
    expect(parseCsv("x,y,label\n0.5, 1 ,1\n\n-1,0,0\n")).toEqual({ points: { x: [0.5, -1], y: [1, 0], label: [1, 0] } });
  });

  it("parseCsv names the line with too few values", () => {
    expect(parseCsv("1,2,0\n\n1,2")).toEqual({ problem: { kind: "fields", line: 3, text: "1,2" } });
  });

  it("parseCsv refuses a non-numeric or empty coordinate", () => {
    expect(parseCsv("1,abc,0").problem).toEqual({ kind: "number", line: 1, text: "1,abc,0" });
    expect(parseCsv("0,0,1\n,2,1").problem).toEqual({ kind: "number", line: 2, text: ",2,1" });
  });

  it("parseCsv refuses a label other than 0 or 1", () => {
    expect(parseCsv("1,2,2").problem).toEqual({ kind: "label", line: 1, text: "1,2,2" });
    expect(parseCsv("1,2,0.5").problem?.kind).toBe("label");
  });

  it("parseCsv refuses empty text and too many points", () => {
    expect(parseCsv(" \n").problem).toEqual({ kind: "empty" });
    const many = Array.from({ length: MAX_POINTS + 1 }, () => "0,0,1").join("\n");
    expect(parseCsv(many).problem).toEqual({ kind: "tooMany", count: MAX_POINTS + 1 });
  });

  it("parseCsv reads back what toCsv writes", () => {
    const p = datasetPoints("xor");
    expect(parseCsv(toCsv(p)).points).toEqual(p);
  });
});
