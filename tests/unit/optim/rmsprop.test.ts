import { describe, expect, it } from "vitest";
import { RMSProp } from "../../../lib/optim/rmsprop";
import { quadraticBowl } from "../../../lib/data/surfaces";
import { descend } from "./descend.helpers";

describe("RMSProp", () => {
  it("RMSProp.step matches three steps worked by hand (ε outside the root)", () => {
    const opt = new RMSProp({ lr: 0.01, alpha: 0.9, eps: 1e-8 }),
      theta = Float64Array.from([1]),
      g = new Float64Array(1);
    // s1 = 0.9·0 + 0.1·1² = 0.1        θ1 = 1 − 0.01·1/(√0.1 + 1e-8)
    // s2 = 0.9·0.1 + 0.1·2² = 0.49     θ2 = θ1 − 0.01·2/(0.7 + 1e-8)
    // s3 = 0.9·0.49 + 0.1·1² = 0.541   θ3 = θ2 + 0.01·1/(√0.541 + 1e-8)
    const θ1 = 1 - 0.01 / (Math.sqrt(0.1) + 1e-8);
    const θ2 = θ1 - 0.02 / (0.7 + 1e-8);
    const θ3 = θ2 + 0.01 / (Math.sqrt(0.541) + 1e-8);
    [1, 2, -1].forEach((gi, t) => {
      g[0] = gi;
      opt.step([theta], [g]);
      expect(opt.s[0][0]).toBeCloseTo([0.1, 0.49, 0.541][t], 14);
      expect(theta[0]).toBeCloseTo([θ1, θ2, θ3][t], 14);
    });
    expect(θ1).toBeCloseTo(0.9683772244, 9); // written out: 1 − 0.0316227756 (ε shaves 1e-9 off the step)
  });

  it("RMSProp.step with epsInside puts ε under the root", () => {
    const opt = new RMSProp({ lr: 0.01, alpha: 0.9, eps: 0.01, epsInside: true }),
      theta = Float64Array.from([1]);
    // s1 = 0.1; θ1 = 1 − 0.01·1/√(0.1 + 0.01) = 1 − 0.01/√0.11
    opt.step([theta], [Float64Array.from([1])]);
    expect(theta[0]).toBeCloseTo(1 - 0.01 / Math.sqrt(0.11), 14);
  });

  it("RMSProp.step ε placement matters only when s is tiny", () => {
    const stepSize = (epsInside: boolean, g: number) => {
      const opt = new RMSProp({ lr: 1, alpha: 0.99, eps: 1e-8, epsInside }),
        theta = new Float64Array(1);
      opt.step([theta], [Float64Array.from([g])]);
      return -theta[0];
    };
    // g = 1e-6: s = 0.01·1e-12 = 1e-14, √s = 1e-7.
    // outside: 1e-6/(1e-7 + 1e-8) = 9.0909…;  inside: 1e-6/√(1e-14 + 1e-8) ≈ 1e-6/1e-4 = 0.01
    expect(stepSize(false, 1e-6)).toBeCloseTo(1e-6 / 1.1e-7, 10);
    expect(stepSize(true, 1e-6)).toBeCloseTo(1e-6 / Math.sqrt(1e-14 + 1e-8), 12);
    expect(stepSize(false, 1e-6) / stepSize(true, 1e-6)).toBeGreaterThan(500);
    // g = 1: s = 0.01, both steps are 1/0.1 = 10 up to ~1e-7 relative
    expect(stepSize(true, 1) / stepSize(false, 1)).toBeCloseTo(1, 6);
  });

  it("RMSProp.effectiveLr reports lr/(√s + ε) per coordinate", () => {
    const opt = new RMSProp({ lr: 0.01, alpha: 0.9, eps: 0 }),
      theta = new Float64Array(2);
    opt.step([theta], [Float64Array.from([1, 10])]);
    // s = [0.1, 10] → lr/√s = [0.01/√0.1, 0.01/√10]
    const eta = opt.effectiveLr(0);
    expect(eta[0]).toBeCloseTo(0.01 / Math.sqrt(0.1), 14);
    expect(eta[1]).toBeCloseTo(0.01 / Math.sqrt(10), 14);
  });

  it("RMSProp.step allocates s once and reuses it", () => {
    const opt = new RMSProp(),
      theta = new Float64Array(2),
      g = Float64Array.from([1, 1]);
    opt.step([theta], [g]);
    const s = opt.s[0];
    opt.step([theta], [g]);
    expect(opt.s[0]).toBe(s);
    expect(opt.t).toBe(2);
  });

  it("RMSProp.step reaches the neighbourhood of the bowl's minimum", () => {
    const p = descend(new RMSProp({ lr: 0.01 }), quadraticBowl({ kappa: 50 }), 2000);
    expect(Math.hypot(p[0], p[1])).toBeLessThan(0.05);
  });
});
