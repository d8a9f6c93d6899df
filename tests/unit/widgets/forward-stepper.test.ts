import { describe, expect, it } from "vitest";
import { houseData, sigmoid, relu, Tensor, halfMse, bce } from "../../../lib";
import { defaults } from "../../../src/widgets/state";
import { houseBatch, houseNet, M } from "../../../src/widgets/house-net-model";
import { forwardSchema, forwardSteps, forwardFormulas, FORWARD_STEPS, type ForwardState } from "../../../src/widgets/forward-stepper-model";

const base = (over: Partial<ForwardState> = {}): ForwardState => ({ ...defaults(forwardSchema), ...over });

describe("house network model", () => {
  it("houseBatch takes two houses above and two below the median, standardised over the dataset", () => {
    const b = houseBatch("classification");
    const d = houseData({ m: 100, seed: 1, features: ["bedrooms", "age", "distance"] });
    expect(b.X.shape).toEqual([3, M]);
    expect(Array.from(b.Y.data).sort()).toEqual([0, 0, 1, 1]);
    b.columns.forEach((c, j) => {
      for (let r = 0; r < 3; r++) expect(b.X.get(r, j)).toBe(d.Xs.get(r, c));
      expect(b.Y.get(0, j)).toBe(d.labels.get(0, c));
    });
  });

  it("houseBatch gives regression targets as the price in units of $100k", () => {
    const b = houseBatch("regression");
    b.price.forEach((p, j) => expect(b.Y.get(0, j)).toBeCloseTo(p / 100, 12));
    expect(b.Y.get(0, 0)).toBeGreaterThan(1);
  });

  it("houseNet uses bce after a sigmoid for classification and the course's halfMse after a linear output for regression", () => {
    expect(houseNet(base()).loss.name).toBe("bce");
    expect(houseNet(base({ preset: "regression" })).loss.name).toBe("halfMse");
  });
});

describe("forward stepper model", () => {
  it("forwardSteps gives Z1 = W1·X + b1 entry by entry, with the documented shapes", () => {
    const steps = forwardSteps(base());
    expect(steps.map((s) => s.id)).toEqual([...FORWARD_STEPS]);
    const [W1, X, b1] = steps[0].operands.map((o) => o.rows);
    const Z1 = steps[0].result[0].rows;
    expect([W1.length, W1[0].length, X.length, X[0].length, Z1.length, Z1[0].length]).toEqual([4, 3, 3, 4, 4, 4]);
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) {
        const z = W1[i][0] * X[0][j] + W1[i][1] * X[1][j] + W1[i][2] * X[2][j] + b1[i][0];
        expect(Z1[i][j]).toBeCloseTo(z, 12);
      }
  });

  it("forwardSteps applies ReLU to Z1 and the sigmoid to Z2 in the classification preset", () => {
    const steps = forwardSteps(base());
    const Z1 = steps[0].result[0].rows,
      A1 = steps[1].result[0].rows;
    Z1.forEach((r, i) => r.forEach((z, j) => expect(A1[i][j]).toBe(relu.f(z))));
    const Z2 = steps[2].result[0].rows[0],
      A2 = steps[3].result[0].rows[0];
    Z2.forEach((z, j) => expect(A2[j]).toBeCloseTo(sigmoid.f(z), 14));
    expect(A1.flat().some((a) => a > 0)).toBe(true);
  });

  it("forwardSteps' loss step gives per-house losses whose mean is J (bce and the course's halfMse)", () => {
    for (const preset of ["classification", "regression"]) {
      const last = forwardSteps(base({ preset })).at(-1)!;
      const [A2, Y] = last.operands.map((o) => o.rows[0]);
      const per = last.result[0].rows[0],
        J = last.result[1].rows[0][0];
      expect(per.reduce((a, b) => a + b, 0) / M).toBeCloseTo(J, 12);
      const T = (v: number[]) => new Tensor([1, M], v);
      const expected = preset === "classification" ? bce(T(A2), T(Y)).loss : halfMse(T(A2), T(Y)).loss;
      expect(J).toBeCloseTo(expected, 12);
      if (preset === "regression") expect(J).toBeCloseTo(A2.reduce((s, a, j) => s + (a - Y[j]) ** 2, 0) / (2 * M), 12);
    }
  });

  it("forwardFormulas names the hidden activation and the preset's output and cost", () => {
    const f = forwardFormulas(base({ hidden: "tanh", preset: "regression" }));
    expect(f[1]).toContain("tanh");
    expect(f[3]).toContain("linear");
    expect(f[4]).toContain("(1/(2m))");
    expect(forwardFormulas(base())[3]).toContain("σ");
  });
});
