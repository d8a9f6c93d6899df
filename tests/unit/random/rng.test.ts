import { describe, expect, it } from "vitest";
import { createRng } from "../../../lib/random/rng";

/** mulberry32 written out with a plain variable, as a reference for the stream. */
function reference(seed: number, count: number): number[] {
  let s = seed >>> 0;
  const out: number[] = [];
  for (let k = 0; k < count; k++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out.push(((t ^ (t >>> 14)) >>> 0) / 4294967296);
  }
  return out;
}

describe("createRng", () => {
  it("createRng(seed).next follows the mulberry32 stream", () => {
    const rng = createRng(42);
    expect(Array.from({ length: 50 }, () => rng.next())).toEqual(reference(42, 50));
  });
  it("rng.state restores the stream", () => {
    const rng = createRng(3);
    rng.next();
    const copy = createRng(rng.state);
    expect(copy.next()).toBe(rng.next());
  });
  it("rng.fill gives the numbers successive next() calls would give", () => {
    const a = createRng(9),
      b = createRng(9),
      out = new Float64Array(20);
    a.fill(out);
    expect(Array.from(out)).toEqual(Array.from({ length: 20 }, () => b.next()));
    expect(a.state).toBe(b.state);
  });
});
