import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { activations } from "../../../lib/activations";

const central = (f: (z: number) => number, z: number, h = 1e-6) => (f(z + h) - f(z - h)) / (2 * h);

describe("activations", () => {
  it("activations lists every scalar activation under its own name", () => {
    expect(Object.keys(activations).sort()).toEqual([
      "elu",
      "gelu",
      "geluTanh",
      "leakyRelu",
      "linear",
      "relu",
      "sigmoid",
      "softplus",
      "tanh",
    ]);
    for (const [key, act] of Object.entries(activations)) expect(act.name).toBe(key);
  });

  for (const act of Object.values(activations)) {
    it(`${act.name}.df matches central differences of ${act.name}.f`, () => {
      fc.assert(
        fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (z) => {
          fc.pre(Math.abs(z) > 1e-3); // away from the kinks of relu / leakyRelu
          const num = central(act.f, z);
          expect(Math.abs(act.df(z) - num)).toBeLessThan(1e-7 * Math.max(1, Math.abs(num)));
        }),
        { seed: 42, numRuns: 60 },
      );
    });

    it(`${act.name}.f and ${act.name}.df are finite at ±1000`, () => {
      for (const z of [-1000, 1000, -1e6, 1e6]) {
        expect(Number.isFinite(act.f(z))).toBe(true);
        expect(Number.isFinite(act.df(z))).toBe(true);
      }
    });
  }
});
