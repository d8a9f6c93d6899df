import { describe, expect, it } from "vitest";
import { houseData, mlp, paramCount, relu, forward } from "../../../lib";
import { defaults } from "../../../src/widgets/state";
import {
  countTerms,
  houseColumn,
  layerSizes,
  network,
  networkSchema,
  position,
  zTerms,
  type NetworkState,
} from "../../../src/widgets/network-diagram-model";

const base = (over: Partial<NetworkState> = {}): NetworkState => ({ ...defaults(networkSchema), ...over });

describe("network diagram model", () => {
  it("layerSizes defaults to the chapter's house network 4-3-1 and skips an empty second hidden layer", () => {
    expect(layerSizes(base())).toEqual([4, 3, 1]);
    expect(layerSizes(base({ hidden1: 16, hidden2: 8 }))).toEqual([4, 16, 8, 1]);
  });

  it("network counts n_{l-1}·n_l + n_l per layer: 19 for 4-3-1 and 225 for 4-16-8-1, as the chapter says", () => {
    const small = network(base());
    expect(small.counts.map((c) => c.weights + c.biases)).toEqual([15, 4]);
    expect(small.total).toBe(19);
    expect(countTerms(small.counts)).toBe("4·3 + 3 + 3·1 + 1");
    const wide = network(base({ hidden1: 8, hidden2: 8, outputs: 1 }));
    expect(wide.total).toBe(4 * 8 + 8 + 8 * 8 + 8 + 8 + 1);
    expect(wide.total).toBe(paramCount(mlp([4, 8, 8, 1])));
    expect(wide.edges).toHaveLength(4 * 8 + 8 * 8 + 8);
  });

  it("houseColumn standardises house n with the engine's houseData statistics", () => {
    const d = houseData({ m: 100, seed: 1 });
    const { raw, x, price } = houseColumn(5);
    expect(raw).toEqual([0, 1, 2, 3].map((f) => d.X.get(f, 4)));
    raw.forEach((r, f) => expect(x.get(f, 0)).toBeCloseTo((r - d.mean[f]) / d.std[f], 12));
    expect(price).toBe(d.Y.get(0, 4));
  });

  it("network reads each unit's Z and A from the engine's forward pass of the same seeded mlp", () => {
    const s = base({ seed: 7, house: 3 });
    const net = network(s);
    const model = mlp([4, 3, 1], { hidden: "relu", output: "linear", seed: 7 });
    const Yhat = forward(model, houseColumn(3).x);
    const out = net.units.find((u) => u.l === 2)!;
    expect(out.a).toBe(Yhat.get(0, 0));
    const hidden = net.units.filter((u) => u.l === 1);
    expect(hidden).toHaveLength(3);
    for (const u of hidden) expect(u.a).toBe(relu.f(u.z!));
  });

  it("zTerms rebuilds z = Σ w_ij·a_i + b_j from the edges, matching the layer's Z", () => {
    const net = network(base({ seed: 3, house: 10, hidden: "tanh" }));
    for (const u of net.units.filter((v) => v.l > 0)) {
      const { terms, b } = zTerms(net, u.l, u.j);
      expect(terms).toHaveLength(net.sizes[u.l - 1]);
      expect(terms.reduce((sum, p) => sum + p.w * p.a, b)).toBeCloseTo(u.z!, 12);
    }
    expect(Math.tanh(net.units.find((u) => u.l === 1)!.z!)).toBeCloseTo(net.units.find((u) => u.l === 1)!.a, 12);
  });

  it("network gives different weights for a new seed and the same weights for the same seed", () => {
    const a = network(base({ seed: 1 })).edges.map((e) => e.w);
    expect(network(base({ seed: 1 })).edges.map((e) => e.w)).toEqual(a);
    expect(network(base({ seed: 2 })).edges.map((e) => e.w)).not.toEqual(a);
  });

  it("position centres a layer's units vertically", () => {
    expect([0, 1, 2].map((j) => position(1, j, 3).y)).toEqual([-1, 0, 1]);
    expect(position(2, 0, 1)).toEqual({ x: 2, y: 0 });
  });
});
