import { describe, expect, it } from "vitest";
import { fieldRows, stackOf } from "../../../src/widgets/receptive-field-model";

const base = { layers: 3, kernel: 3, strideFirst: false, dilate: false };

describe("receptive-field model", () => {
  it("fieldRows: three 3×3 layers see 3, 5 and 7 pixels, growing by 2 each", () => {
    expect(fieldRows(base).map((r) => [r.size, r.jump, r.growth])).toEqual([
      [3, 1, 2],
      [5, 1, 2],
      [7, 1, 2],
    ]);
  });
  it("fieldRows: after a stride-2 first layer the next kernel's taps sit 2 pixels apart", () => {
    const rows = fieldRows({ ...base, strideFirst: true });
    expect(rows[1].taps).toEqual([-2, 0, 2]);
    expect(rows.map((r) => r.size)).toEqual([3, 7, 11]);
  });
  it("stackOf doubles the dilation per layer when asked", () => {
    expect(stackOf({ ...base, layers: 4, dilate: true }).map((l) => l.dilation)).toEqual([1, 2, 4, 8]);
    expect(fieldRows({ ...base, layers: 4, dilate: true }).at(-1)!.size).toBe(31);
  });
});
