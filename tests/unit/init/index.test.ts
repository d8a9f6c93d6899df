import { describe, expect, it } from "vitest";
import { initializers } from "../../../lib/init";
import { createRng } from "../../../lib/random/rng";

describe("initializers", () => {
  it("initializers builds [fanOut, fanIn] tensors by name, reproducibly from the seed", () => {
    for (const [name, init] of Object.entries(initializers)) {
      const a = init(createRng(5), 4, 3),
        b = init(createRng(5), 4, 3);
      expect(a.shape, name).toEqual([4, 3]);
      expect(Array.from(a.data)).toEqual(Array.from(b.data));
    }
  });
});
