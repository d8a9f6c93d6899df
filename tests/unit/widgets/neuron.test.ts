import { describe, expect, it } from "vitest";
import { defaults } from "../../../src/widgets/state";
import { formatPrice } from "../../../src/charts/format";
import { ACTIVATIONS, FEATURES, chartPoints, neuronSchema, predict, sweep, type NeuronState } from "../../../src/widgets/neuron-model";

const base = (over: Partial<NeuronState> = {}): NeuronState => ({ ...defaults(neuronSchema), ...over });

/** Every slider at its minimum or its maximum. */
const extreme = (end: "min" | "max", over: Partial<NeuronState> = {}): NeuronState => {
  const s = base(over) as Record<string, unknown>;
  for (const [name, f] of Object.entries(neuronSchema)) if (f.kind === "number") s[name] = f[end];
  return { ...(s as NeuronState), ...over };
};

describe("neuron model", () => {
  it("predict computes z = w·x + b by hand for the default house", () => {
    // 0.5·3 − 0.01·20 − 0.03·5 + 0.4·0 + 0.5 = 1.65, and ReLU keeps it.
    const { z, a, price } = predict(base());
    expect(z).toBeCloseTo(1.65, 12);
    expect(a).toBeCloseTo(1.65, 12);
    expect(price).toBe(a);
  });

  it("predict with a linear neuron at the weights' minimum gives a negative price, formatted −$…", () => {
    const { price } = predict(extreme("max", { activation: "linear", wBedrooms: -1, wAge: -0.05, wDistance: -0.1, wPool: -1, bias: -3 }));
    expect(price).toBeCloseTo(-20, 12);
    expect(formatPrice(price)).toBe("\u2212$2,000,000");
  });

  it("predict with a sigmoid keeps the price between 0 and $100,000", () => {
    for (const end of ["min", "max"] as const) {
      const { a } = predict(extreme(end, { activation: "sigmoid" }));
      expect(a).toBeGreaterThan(0);
      expect(a).toBeLessThan(1);
    }
  });

  it("sweep covers the varied slider's whole range, one point per value for bedrooms and pool", () => {
    const age = sweep(base({ vary: "age" }));
    expect(age[0].x).toBe(neuronSchema.age.min);
    expect(age[age.length - 1].x).toBe(neuronSchema.age.max);
    expect(sweep(base({ vary: "bedrooms" })).map((p) => p.x)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(sweep(base({ vary: "pool" })).map((p) => p.x)).toEqual([0, 1]);
  });

  it("chartPoints are finite and in $1000s for every activation, feature and slider end", () => {
    for (const activation of ACTIVATIONS)
      for (const vary of FEATURES)
        for (const end of ["min", "max"] as const) {
          const s = extreme(end, { activation, vary }),
            pts = chartPoints(s);
          expect(pts.length).toBe(sweep(s).length);
          pts.forEach((p, i) => {
            expect(Number.isFinite(p.x) && Number.isFinite(p.price)).toBe(true);
            expect(p.price).toBeCloseTo(sweep(s)[i].price * 100, 9);
          });
        }
  });

  it("predict backs chapter 1's things to try: sigmoid about $83,900, leaky ReLU at bias −3 leaks −$1,850", () => {
    expect(formatPrice(predict(base({ activation: "sigmoid" })).price)).toBe("$83,889");
    expect(predict(base({ bias: -3 })).price).toBe(0);
    expect(formatPrice(predict(base({ activation: "leakyRelu", bias: -3 })).price)).toBe("\u2212$1,850");
  });
});
