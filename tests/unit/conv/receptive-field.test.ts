import { describe, expect, it } from "vitest";
import { receptiveField } from "../../../lib";

describe("receptiveField", () => {
  it("receptiveField grows by k − 1 per stride-1 layer: three 3×3 layers see 7 pixels", () => {
    expect(receptiveField([{ kernel: 3 }, { kernel: 3 }, { kernel: 3 }])).toEqual([
      { size: 3, jump: 1 },
      { size: 5, jump: 1 },
      { size: 7, jump: 1 },
    ]);
  });
  it("receptiveField multiplies later growth by the strides before it (ResNet stem: 7×7/2 then 3×3/2 pool)", () => {
    // Worked by hand: r = 1 + 6·1 = 7, j = 2; then r = 7 + 2·2 = 11, j = 4; then a 3×3 conv: r = 11 + 2·4 = 19.
    expect(receptiveField([{ kernel: 7, stride: 2 }, { kernel: 3, stride: 2 }, { kernel: 3 }]).map((l) => l.size)).toEqual([7, 11, 19]);
  });
  it("receptiveField counts the span d(k − 1) + 1 of a dilated kernel", () => {
    expect(
      receptiveField([
        { kernel: 3, dilation: 2 },
        { kernel: 3, dilation: 4 },
      ]).map((l) => l.size),
    ).toEqual([5, 13]);
  });
  it("receptiveField rejects a kernel, stride or dilation below 1", () => {
    expect(() => receptiveField([{ kernel: 0 }])).toThrow(/kernel/);
    expect(() => receptiveField([{ kernel: 3, stride: 1.5 }])).toThrow(/stride/);
  });
});
