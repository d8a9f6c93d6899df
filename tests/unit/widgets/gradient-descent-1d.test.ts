import { describe, expect, it } from "vitest";
import { defaults } from "../../../src/widgets/state";
import {
  gd1dSchema,
  descend,
  regime,
  presetLr,
  tangent,
  J,
  dJ,
  window,
  type Gd1dState,
} from "../../../src/widgets/gradient-descent-1d-model";

const base = (over: Partial<Gd1dState> = {}): Gd1dState => ({ ...defaults(gd1dSchema), ...over });

describe("gradient descent 1-D model", () => {
  it("J and dJ are ½λw² and λw", () => {
    expect(J(4, 1.5)).toBeCloseTo(0.5 * 4 * 2.25, 14);
    expect(dJ(4, -0.5)).toBeCloseTo(-2, 14);
  });

  it("descend multiplies w by 1 − ηλ each step (0.6 at η = 0.1, λ = 4)", () => {
    const { path, status } = descend(base({ steps: 5 }));
    path.forEach((p, k) => expect(p.w).toBeCloseTo(0.6 ** k, 12));
    expect(status).toBe("running");
  });

  it("descend lands on the minimum in one step at η = 1/λ", () => {
    const { path, status } = descend(base({ lr: 0.25, steps: 3 }));
    expect(path[1].w).toBe(0);
    expect(status).toBe("converged");
  });

  it("descend follows the chapter's diverging sequence at η = 0.6 and stops with 'diverged'", () => {
    const { path, status, divergedAt } = descend(base({ lr: 0.6, steps: 40 }));
    expect(path.slice(1, 4).map((p) => p.w)).toEqual([-1.4, 1.96, -2.744].map((v) => expect.closeTo(v, 10)));
    expect(status).toBe("diverged");
    expect(divergedAt).toBe(7); // 1.4^7 ≈ 10.5 is the first to pass 10 × |w0|
    expect(path).toHaveLength(8);
  });

  it("descend bounces between ±w0 at η = 2/λ without diverging", () => {
    const { path, status } = descend(base({ lr: 0.5, steps: 20 }));
    path.forEach((p, k) => expect(p.w).toBeCloseTo(k % 2 ? -1 : 1, 12));
    expect(status).toBe("running");
  });

  it("regime names each preset's behaviour and gives the limit 2/λ", () => {
    const kinds = (["tooSmall", "good", "overshoots", "diverges"] as const).map((id) => regime(base({ lr: presetLr(id, 4) })).kind);
    expect(kinds).toEqual(["slides", "slides", "overshoots", "diverges"]);
    expect(regime(base({ lambda: 8 })).limit).toBe(0.25);
    expect(presetLr("diverges", 4)).toBe(0.6);
  });

  it("tangent touches J at w with slope λw", () => {
    const [a, b] = tangent(4, 0.5, 0.25);
    expect((a.J + b.J) / 2).toBeCloseTo(J(4, 0.5), 12);
    expect((b.J - a.J) / 0.5).toBeCloseTo(2, 12);
  });

  it("window covers the path but never more than 3× the start", () => {
    const s = base({ lr: 0.6, steps: 40 });
    expect(window(s, descend(s).path)).toBe(3);
    expect(window(base(), descend(base()).path)).toBeCloseTo(1.2, 12);
  });
});
