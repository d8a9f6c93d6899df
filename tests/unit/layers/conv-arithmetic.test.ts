import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { convOutputSize, poolOutputSize } from "../../../lib";

// Counts the window positions one by one: the first input of window j is j·s in the padded signal,
// and the window fits while its last input j·s + d(k−1) stays inside n + 2p.
function countWindows(n: number, k: number, p: number, s: number, d: number): number {
  let count = 0;
  for (let start = 0; start + d * (k - 1) < n + 2 * p; start += s) count++;
  return count;
}

describe("convOutputSize", () => {
  it("convOutputSize matches PyTorch's documented examples", () => {
    expect(convOutputSize(32, 3, { padding: 1 })).toBe(32);
    expect(convOutputSize(7, 3, { stride: 2 })).toBe(3);
    expect(convOutputSize(224, 7, { padding: 3, stride: 2 })).toBe(112); // ResNet stem
    expect(convOutputSize(10, 3, { dilation: 2 })).toBe(6);
  });

  it("convOutputSize equals the number of window positions", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        (n, k, p, s, d) => {
          fc.pre(n + 2 * p >= d * (k - 1) + 1);
          expect(convOutputSize(n, k, { padding: p, stride: s, dilation: d })).toBe(countWindows(n, k, p, s, d));
        },
      ),
    );
  });

  it("convOutputSize rejects a kernel larger than the padded input and non-integers", () => {
    expect(() => convOutputSize(2, 5)).toThrow(/spans 5/);
    expect(() => convOutputSize(8, 3, { stride: 0 })).toThrow(/stride/);
  });
});

describe("poolOutputSize", () => {
  it("poolOutputSize defaults the stride to the window", () => {
    expect(poolOutputSize(4, 2)).toBe(2);
    expect(poolOutputSize(7, 3, 2)).toBe(3);
    expect(poolOutputSize(5, 2)).toBe(2);
  });
});
