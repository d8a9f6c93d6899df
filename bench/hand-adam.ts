// The hand-written baselines' Adam update, plain loops over Float64Array (the same rule as lib's Adam).
import { ADAM } from "./workloads";

/** Adam state for `params` and an update that advances it one step in place. */
export function handAdam(params: Float64Array[], grads: Float64Array[]): () => void {
  const mom = params.map((a) => new Float64Array(a.length)),
    vel = params.map((a) => new Float64Array(a.length));
  let t = 0;
  return () => {
    t++;
    const c1 = 1 - ADAM.beta1 ** t,
      c2 = 1 - ADAM.beta2 ** t;
    for (let k = 0; k < params.length; k++) {
      const th = params[k],
        g = grads[k],
        mk = mom[k],
        vk = vel[k];
      for (let i = 0; i < th.length; i++) {
        mk[i] = ADAM.beta1 * mk[i] + (1 - ADAM.beta1) * g[i];
        vk[i] = ADAM.beta2 * vk[i] + (1 - ADAM.beta2) * g[i] * g[i];
        th[i] -= (ADAM.lr * (mk[i] / c1)) / (Math.sqrt(vk[i] / c2) + ADAM.eps);
      }
    }
  };
}
