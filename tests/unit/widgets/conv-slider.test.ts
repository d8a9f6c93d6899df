import { describe, expect, it } from "vitest";
import { KERNELS, moveCursor, OUT, paint, picture, PICTURE_NAMES, placeAt, SIZE, slide } from "../../../src/widgets/conv-slider-model";
import { KernelLearner, strokePictures } from "../../../src/widgets/conv-slider-learned";

describe("conv-slider model", () => {
  it("slide: the sum of products written out equals the engine's conv2d entry at every position", () => {
    for (const kernel of KERNELS.filter((k) => k !== "learned"))
      for (const name of PICTURE_NAMES)
        for (let position = 1; position <= OUT * OUT; position += 7) {
          const s = slide(picture(name), kernel, position)!;
          expect(s.byHand).toBeCloseTo(s.value, 12);
        }
  });
  it("slide: the vertical-edge kernel gives +4 left of a flat vertical stroke and 0 on blank paper", () => {
    const img = new Float64Array(SIZE * SIZE);
    for (let r = 0; r < SIZE; r++) img[r * SIZE + 5] = 1;
    // Window at columns 3-5 has the stroke in its right column: 1 + 2 + 1 = 4.
    expect(slide(img, "edgeX", 3 * OUT + 4)!.value).toBe(4);
    expect(slide(new Float64Array(SIZE * SIZE), "edgeX", 1)!.value).toBe(0);
  });
  it("placeAt: positions run in reading order over the 12 × 12 map and are held to it", () => {
    expect(placeAt(1)).toEqual({ i: 0, j: 0 });
    expect(placeAt(OUT + 2)).toEqual({ i: 1, j: 1 });
    expect(placeAt(10_000)).toEqual({ i: OUT - 1, j: OUT - 1 });
  });
  it("paint toggles a pixel without changing the grid it was given", () => {
    const a = picture("blank"),
      b = paint(a, 2, 3);
    expect(a[2 * SIZE + 3]).toBe(0);
    expect(b[2 * SIZE + 3]).toBe(1);
    expect(paint(b, 2, 3)[2 * SIZE + 3]).toBe(0);
    expect(paint(b, 2, 3, 1)[2 * SIZE + 3]).toBe(1);
  });
  it("moveCursor moves one cell per arrow key and stops at the edges", () => {
    expect(moveCursor({ r: 0, c: 0 }, "ArrowLeft")).toEqual({ r: 0, c: 0 });
    expect(moveCursor({ r: 0, c: 0 }, "ArrowDown")).toEqual({ r: 1, c: 0 });
    expect(moveCursor({ r: 5, c: SIZE - 1 }, "ArrowRight")).toEqual({ r: 5, c: SIZE - 1 });
    expect(moveCursor({ r: 5, c: 5 }, "a")).toBeNull();
  });
  it("slide returns null for the learned kernel until the learner has finished", () => {
    expect(slide(picture("seven"), "learned", 1)).toBeNull();
  });
  it("KernelLearner learns, in slices, a kernel that separates vertical from horizontal strokes; same seed, same kernel", () => {
    const a = new KernelLearner(),
      b = new KernelLearner();
    expect(a.run(10)).toBe(false);
    expect(a.done).toBe(10);
    while (!a.run(10));
    b.run(a.steps);
    expect(a.result!.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(a.result!.weights).toEqual(b.result!.weights);
    expect(a.result!.weights).toHaveLength(9);
  });
  it("strokePictures alternates vertical (label 1) and horizontal (label 0) strokes", () => {
    const { X, Y } = strokePictures();
    expect(X.shape).toEqual([SIZE * SIZE, 32]);
    expect(Array.from(Y.data.slice(0, 4))).toEqual([1, 0, 1, 0]);
  });
});
