import { describe, expect, it } from "vitest";
import { counts } from "../../../src/widgets/conv-params-model";

describe("conv-params model", () => {
  it("counts: 8 filters of 3×3 on a 28×28 grey image have 80 parameters; a dense layer to 8×26×26 has 4,245,280", () => {
    const c = counts({ size: 28, cIn: 1, cOut: 8, k: 3 });
    expect(c.error).toBeUndefined();
    expect(c.out).toBe(26);
    expect(c.conv).toBe(80);
    expect(c.dense).toBe(784 * 5408 + 5408);
    expect(c.convMults).toBe(5408 * 9);
  });
  it("counts says why when the kernel is larger than the image", () => {
    expect(counts({ size: 4, cIn: 1, cOut: 1, k: 7 }).error).toMatch(/does not fit/);
  });
});
