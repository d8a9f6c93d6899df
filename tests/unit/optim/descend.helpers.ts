import type { Surface } from "../../../lib/data/surfaces";
import type { Optimizer } from "../../../lib/optim/optimizer";

/** Runs `steps` optimizer steps on a 2-D surface from (x0, y0); returns the final point. */
export function descend(opt: Optimizer, surface: Surface, steps: number, [x0, y0] = surface.start): Float64Array {
  const p = Float64Array.from([x0, y0]),
    g = new Float64Array(2);
  for (let t = 0; t < steps; t++) {
    g.set(surface.grad(p[0], p[1]));
    opt.step([p], [g]);
  }
  return p;
}
