import { describe, expect, it } from "vitest";
import { defaults } from "../../../src/widgets/state";
import {
  backwardSchema,
  backwardSteps,
  checkGradients,
  BACKWARD_STEPS,
  type BackwardState,
} from "../../../src/widgets/backward-stepper-model";
import { M } from "../../../src/widgets/house-net-model";

const base = (over: Partial<BackwardState> = {}): BackwardState => ({ ...defaults(backwardSchema), ...over });
const byId = (s: BackwardState) => Object.fromEntries(backwardSteps(s).map((st) => [st.id, st]));

describe("backward stepper model", () => {
  it("backwardSteps lists the eight gradients in backpropagation order with their parameters' shapes", () => {
    const steps = backwardSteps(base());
    expect(steps.map((s) => s.id)).toEqual([...BACKWARD_STEPS]);
    const shapes = steps.map((s) => [s.result.rows.length, s.result.rows[0].length]);
    expect(shapes).toEqual([
      [1, M],
      [1, M],
      [1, 4],
      [1, 1],
      [4, M],
      [4, M],
      [4, 3],
      [4, 1],
    ]);
  });

  it("backwardSteps gives dZ2 = A2 − Y for both presets", () => {
    for (const preset of ["classification", "regression"]) {
      const s = byId(base({ preset }));
      const A2 = s.dZ2.operands[1].rows[0],
        Y = s.dZ2.operands[2].rows[0];
      s.dZ2.result.rows[0].forEach((dz: number, j: number) => expect(dz).toBeCloseTo(A2[j] - Y[j], 10));
    }
  });

  it("backwardSteps gives dW2 = (1/m) dZ2 A1ᵀ and db2 = mean of dZ2, computed here by hand", () => {
    const s = byId(base());
    const dZ2 = s.dW2.operands[0].rows[0],
      A1T = s.dW2.operands[1].rows;
    for (let k = 0; k < 4; k++) {
      const sum = dZ2.reduce((acc: number, dz: number, i: number) => acc + dz * A1T[i][k], 0);
      expect(s.dW2.result.rows[0][k]).toBeCloseTo(sum / M, 12);
    }
    expect(s.db2.result.rows[0][0]).toBeCloseTo(dZ2.reduce((a: number, b: number) => a + b, 0) / M, 12);
  });

  it("backwardSteps gives dZ1 = dA1 ⊙ g1′(Z1), zero where a ReLU unit is off", () => {
    const s = byId(base());
    const [dA1, gPrime] = s.dZ1.operands.map((o: { rows: number[][] }) => o.rows);
    s.dZ1.result.rows.forEach((r: number[], i: number) => r.forEach((v, j) => expect(v).toBeCloseTo(dA1[i][j] * gPrime[i][j], 14)));
    expect(gPrime.flat().every((g: number) => g === 0 || g === 1)).toBe(true);
  });

  it("checkGradients reports a relative error below 1e-6 for every preset and hidden activation", () => {
    for (const preset of ["classification", "regression"])
      for (const hidden of ["relu", "tanh", "sigmoid"])
        for (const seed of [1, 3, 7]) {
          const results = checkGradients(base({ preset, hidden, seed }));
          expect(results.map((r) => r.step)).toEqual(["dW2", "db2", "dW1", "db1"]);
          for (const r of results) {
            expect(r.relativeError, `${preset} ${hidden} seed ${seed} ${r.step}`).toBeLessThan(1e-6);
            expect(r.ok).toBe(true);
          }
        }
  });

  it("checkGradients' estimates have the gradients' shapes and values", () => {
    const s = byId(base({ hidden: "tanh" }));
    for (const r of checkGradients(base({ hidden: "tanh" }))) {
      const analytic = s[r.step].result.rows as number[][];
      expect(r.numeric.length).toBe(analytic.length);
      r.numeric.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(analytic[i][j], 7)));
    }
  });
});
