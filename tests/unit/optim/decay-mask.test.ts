import { describe, expect, it } from "vitest";
import { decayMask } from "../../../lib/optim/decay-mask";

describe("decayMask", () => {
  it("decayMask decays weight matrices only", () => {
    expect(decayMask(["W1", "b1", "gamma1", "beta1", "W2", "b2"])).toEqual([true, false, false, false, true, false]);
  });

  it("decayMask reads RNN/LSTM and dotted names", () => {
    expect(decayMask(["W_xh", "W_hh", "b_h", "U_f", "fc1.weight", "fc1.bias", "bn1.weight", "ln.bias", "bias"])).toEqual([
      true,
      true,
      false,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});
