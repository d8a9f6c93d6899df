import { describe, expect, it } from "vitest";
import { BatchNorm, Tensor } from "../../../lib";

describe("BatchNorm statistics", () => {
  it("BatchNorm.forward exposes the biased and unbiased batch variance, worked by hand", () => {
    // x = [1, 2, 3, 6]: μ = 3, Σ(x − μ)² = 4 + 1 + 0 + 9 = 14, var = 14/4 = 3.5, varUnbiased = 14/3;
    // running_var = 0.9·1 + 0.1·14/3 = 1.3666…, running_mean = 0.1·3 = 0.3.
    const bn = new BatchNorm(1);
    bn.forward(Tensor.from([[1, 2, 3, 6]]));
    expect(bn.cache.var.data[0]).toBe(3.5);
    expect(bn.cache.varUnbiased.data[0]).toBe(14 / 3);
    expect(bn.runningVar.data[0]).toBeCloseTo(0.9 + 1.4 / 3, 15);
    expect(bn.runningMean.data[0]).toBeCloseTo(0.3, 15);
  });

  it("BatchNorm.numBatchesTracked counts training batches only, as PyTorch's num_batches_tracked", () => {
    const bn = new BatchNorm(2);
    const X = Tensor.from([
      [1, 2, 4],
      [0, 1, 0],
    ]);
    expect(bn.numBatchesTracked).toBe(0);
    bn.forward(X);
    bn.forward(X);
    expect(bn.numBatchesTracked).toBe(2);
    bn.eval().forward(X);
    expect(bn.numBatchesTracked).toBe(2);
    expect(bn.cache.varUnbiased.data[0]).toBe(bn.runningVar.data[0]); // eval: the running statistics
    bn.train().freeze().forward(X);
    expect(bn.numBatchesTracked).toBe(2);
    bn.freeze(false).forward(X);
    expect(bn.numBatchesTracked).toBe(3);
  });
});
