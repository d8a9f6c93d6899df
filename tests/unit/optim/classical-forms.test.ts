// Chapter 4 writes momentum and Nesterov in their classical textbook forms and says the engine's
// PyTorch forms are the same methods: these tests check both claims on a 2-D quadratic.
import { describe, expect, it } from "vitest";
import { Momentum } from "../../../lib/optim/momentum";
import { Nesterov } from "../../../lib/optim/nesterov";
import { quadraticBowl } from "../../../lib/data/surfaces";

const bowl = quadraticBowl({ kappa: 10, angle: 0.3 });
const grad = (p: ArrayLike<number>) => Float64Array.from(bowl.grad(p[0], p[1]));
const START = [1.5, -2] as const;

describe("classical forms of momentum", () => {
  it("Momentum.step equals the classical form u ← βu + lr·g, θ ← θ − u (u = lr·v)", () => {
    const lr = 0.05,
      beta = 0.9,
      opt = new Momentum({ lr, beta });
    const theta = Float64Array.from(START),
      classical = Float64Array.from(START),
      u = new Float64Array(2);
    for (let t = 1; t <= 40; t++) {
      const gc = grad(classical);
      for (let i = 0; i < 2; i++) {
        u[i] = beta * u[i] + lr * gc[i];
        classical[i] -= u[i];
      }
      opt.step([theta], [grad(theta)]);
      for (let i = 0; i < 2; i++) {
        expect(theta[i]).toBeCloseTo(classical[i], 12);
        expect(lr * opt.velocity[0][i]).toBeCloseTo(u[i], 12);
      }
    }
  });

  it("Nesterov.step equals Sutskever's look-ahead form, its parameters being the look-ahead point θ − βu", () => {
    const lr = 0.05,
      beta = 0.9,
      opt = new Nesterov({ lr, beta });
    const p = Float64Array.from(START),
      theta = Float64Array.from(START),
      u = new Float64Array(2);
    for (let t = 1; t <= 40; t++) {
      // u ← βu + lr·∇J(θ − βu),  θ ← θ − u
      const g = grad([theta[0] - beta * u[0], theta[1] - beta * u[1]]);
      for (let i = 0; i < 2; i++) {
        u[i] = beta * u[i] + lr * g[i];
        theta[i] -= u[i];
      }
      opt.step([p], [grad(p)]);
      for (let i = 0; i < 2; i++) expect(p[i]).toBeCloseTo(theta[i] - beta * u[i], 12);
    }
  });
});
