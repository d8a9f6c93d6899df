// The optimizer race's state and numbers, shared by the server-rendered fallback and the custom
// element: which surface, where to start, which optimizers with which hyper-parameters, and how
// many steps. Every step is taken by the engine's optimizers on the engine's surfaces.
import {
  SGD,
  Momentum,
  Nesterov,
  RMSProp,
  Adam,
  AdamW,
  quadraticBowl,
  ravine,
  rosenbrock,
  beale,
  saddle,
  measureIterationMatrix,
  spectralRadius,
  type Optimizer,
  type Surface,
} from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";
import { tracePath, clampToView, type Path } from "./optimizer-path";

export const SURFACES = ["bowl", "ravine", "rosenbrock", "beale", "saddle"] as const;
export type SurfaceId = (typeof SURFACES)[number];
export const OPTIMIZERS = ["gd", "momentum", "nesterov", "rmsprop", "adam", "adamw"] as const;
export type OptimizerId = (typeof OPTIMIZERS)[number];

/** A run ends "at the minimum" when it is this close to it (in the plane). */
export const TOLERANCE = 1e-2;
export const MAX_STEPS = 500;

const lr = (value: number) =>
  ({ kind: "number", label: t("optimizerRace.lr"), min: 0.0001, max: 1, step: 0.0001, default: value }) as const;
const beta = (label: string, min: number, max: number, step: number, value: number) =>
  ({ kind: "number", label, min, max, step, default: value }) as const;
// ε spans ten orders of magnitude, so the control is its base-10 exponent.
const eps = { kind: "number", label: t("optimizerRace.logEps"), min: -12, max: 0, step: 1, default: -8 } as const;
const on = (id: OptimizerId) => ({ kind: "boolean", label: t(`optimizerRace.name.${id}`), default: true }) as const;

export const raceSchema = {
  surface: { kind: "choice", label: t("optimizerRace.surface"), options: SURFACES, default: "bowl" },
  kappa: { kind: "number", label: t("optimizerRace.kappa"), min: 1, max: 100, step: 1, default: 5 },
  x0: { kind: "number", label: t("optimizerRace.x0"), min: -4.5, max: 4.5, step: 0.01, default: -2.5 },
  y0: { kind: "number", label: t("optimizerRace.y0"), min: -4.5, max: 4.5, step: 0.01, default: 1.5 },
  steps: { kind: "number", label: t("optimizerRace.steps"), min: 0, max: MAX_STEPS, step: 1, default: 150 },
  gd: on("gd"),
  gdLr: lr(0.1),
  momentum: on("momentum"),
  momentumLr: lr(0.05),
  momentumBeta: beta(t("optimizerRace.beta"), 0, 0.99, 0.01, 0.9),
  nesterov: on("nesterov"),
  nesterovLr: lr(0.05),
  nesterovBeta: beta(t("optimizerRace.beta"), 0, 0.99, 0.01, 0.9),
  rmsprop: on("rmsprop"),
  rmspropLr: lr(0.05),
  rmspropBeta: beta(t("optimizerRace.rmsBeta"), 0.5, 0.999, 0.001, 0.99),
  rmspropEps: eps,
  adam: on("adam"),
  adamLr: lr(0.1),
  adamBeta1: beta(t("optimizerRace.beta1"), 0, 0.99, 0.01, 0.9),
  adamBeta2: beta(t("optimizerRace.beta2"), 0.9, 0.9999, 0.0001, 0.999),
  adamEps: eps,
  adamw: on("adamw"),
  adamwLr: lr(0.1),
  adamwBeta1: beta(t("optimizerRace.beta1"), 0, 0.99, 0.01, 0.9),
  adamwBeta2: beta(t("optimizerRace.beta2"), 0.9, 0.9999, 0.0001, 0.999),
  adamwEps: eps,
  adamwDecay: beta(t("optimizerRace.decay"), 0, 0.5, 0.01, 0.01),
} satisfies Schema;
export type RaceState = StateOf<typeof raceSchema>;
type Field = keyof RaceState & string;

/** Each optimizer's hyper-parameter fields, in the order its settings panel shows them. */
export const SETTINGS: Record<OptimizerId, Field[]> = {
  gd: ["gdLr"],
  momentum: ["momentumLr", "momentumBeta"],
  nesterov: ["nesterovLr", "nesterovBeta"],
  rmsprop: ["rmspropLr", "rmspropBeta", "rmspropEps"],
  adam: ["adamLr", "adamBeta1", "adamBeta2", "adamEps"],
  adamw: ["adamwLr", "adamwBeta1", "adamwBeta2", "adamwEps", "adamwDecay"],
};

/** The engine optimizer for `id` with the state's hyper-parameters. */
export function buildOptimizer(id: OptimizerId, s: RaceState): Optimizer {
  switch (id) {
    case "gd":
      return new SGD({ lr: s.gdLr });
    case "momentum":
      return new Momentum({ lr: s.momentumLr, beta: s.momentumBeta });
    case "nesterov":
      return new Nesterov({ lr: s.nesterovLr, beta: s.nesterovBeta });
    case "rmsprop":
      return new RMSProp({ lr: s.rmspropLr, alpha: s.rmspropBeta, eps: 10 ** s.rmspropEps });
    case "adam":
      return new Adam({ lr: s.adamLr, beta1: s.adamBeta1, beta2: s.adamBeta2, eps: 10 ** s.adamEps });
    case "adamw":
      return new AdamW({ lr: s.adamwLr, beta1: s.adamwBeta1, beta2: s.adamwBeta2, eps: 10 ** s.adamwEps, weightDecay: s.adamwDecay });
  }
}

/** The engine surface the state names; κ shapes the two quadratics (bowl and ravine) only. */
export function surfaceOf(s: Pick<RaceState, "surface" | "kappa">): Surface {
  switch (s.surface as SurfaceId) {
    case "ravine":
      return ravine({ kappa: s.kappa });
    case "rosenbrock":
      return rosenbrock();
    case "beale":
      return beale();
    case "saddle":
      return saddle();
    default:
      return quadraticBowl({ kappa: s.kappa });
  }
}

/** Whether the κ control means anything on this surface. */
export const usesKappa = (surface: string) => surface === "bowl" || surface === "ravine";

/**
 * Learning rates that show each surface's character within a few hundred steps (found by running
 * the race): the bowl's defaults all arrive; on the ravine (κ = 100) GD creeps along the floor; on Rosenbrock
 * only a tiny GD rate survives the steep walls. Switching surface loads these and its start point.
 */
export const PRESETS: Record<SurfaceId, Record<OptimizerId, number>> = {
  bowl: { gd: 0.1, momentum: 0.05, nesterov: 0.05, rmsprop: 0.05, adam: 0.1, adamw: 0.1 },
  ravine: { gd: 0.018, momentum: 0.004, nesterov: 0.004, rmsprop: 0.03, adam: 0.1, adamw: 0.1 },
  rosenbrock: { gd: 0.001, momentum: 0.0005, nesterov: 0.0005, rmsprop: 0.01, adam: 0.05, adamw: 0.05 },
  beale: { gd: 0.01, momentum: 0.002, nesterov: 0.002, rmsprop: 0.01, adam: 0.05, adamw: 0.05 },
  saddle: { gd: 0.05, momentum: 0.01, nesterov: 0.01, rmsprop: 0.01, adam: 0.02, adamw: 0.02 },
};

/** κ each quadratic starts with: a well-conditioned bowl, a ravine a hundred times steeper across. */
const KAPPA: Partial<Record<SurfaceId, number>> = { bowl: 5, ravine: 100 };

/** The fields to change when the reader picks `surface`: its start point, κ and preset learning rates. */
export function presetFor(surface: SurfaceId): Partial<RaceState> {
  const kappa = KAPPA[surface];
  const [x0, y0] = surfaceOf({ surface, kappa: kappa ?? 1 }).start;
  const out: Record<string, number> = kappa === undefined ? { x0, y0 } : { x0, y0, kappa };
  for (const id of OPTIMIZERS) out[`${id}Lr`] = PRESETS[surface][id];
  return out as Partial<RaceState>;
}

/** The start point, pulled into the surface's view window. */
export function startOf(s: RaceState, surface = surfaceOf(s)): [number, number] {
  const p = clampToView({ x: s.x0, y: s.y0 }, surface.xRange, surface.yRange);
  return [p.x, p.y];
}

export type Status = "reached" | "running" | "diverged" | "unbounded" | "noMinimum";

export interface Run extends Path {
  id: OptimizerId;
  /** Distance from the last point to the minimum (to the saddle point when there is none). */
  distance: number;
  status: Status;
  /** Where to draw the end marker of a stopped run: its last point, pulled into the view. */
  marker: { x: number; y: number } | null;
}

/** Every enabled optimizer raced for `s.steps` steps from the same start on the same surface. */
export function race(s: RaceState): { surface: Surface; start: [number, number]; runs: Run[] } {
  const surface = surfaceOf(s);
  const start = startOf(s, surface);
  const target = surface.minimum ?? surface.stationary;
  const runs = OPTIMIZERS.filter((id) => s[id]).map((id): Run => {
    const path = tracePath(buildOptimizer(id, s), surface, start, s.steps);
    const last = path.points[path.points.length - 1];
    const distance = Math.hypot(last.x - target.x, last.y - target.y);
    const status: Status = path.stop ? path.stop.kind : !surface.minimum ? "noMinimum" : distance < TOLERANCE ? "reached" : "running";
    return { id, ...path, distance, status, marker: path.stop ? clampToView(last, surface.xRange, surface.yRange) : null };
  });
  return { surface, start, runs };
}

/** The loss to plot against step: f − f* on a log scale, or f itself where there is no minimum. */
export function lossSeries(run: Run, surface: Surface): { t: number; loss: number }[] {
  const fMin = surface.minimum?.f;
  // NOTE: a run can land exactly on the minimum (f − f* = 0), which a log scale cannot show.
  return run.points.map((p) => ({ t: p.t, loss: fMin === undefined ? p.f : Math.max(p.f - fMin, 1e-16) }));
}

/** The hyper-parameters of one optimizer as short text, e.g. "lr 0.1 · β 0.9". */
export function settingsText(id: OptimizerId, s: RaceState): string {
  return SETTINGS[id]
    .map((name) => {
      const value = s[name] as number;
      const short = t(`optimizerRace.short.${name.replace(id, "")}`);
      return name.endsWith("Eps") ? `${short} 1e${value}` : `${short} ${value}`;
    })
    .join(" · ");
}

/** The optimizers whose update is linear on a quadratic, so one spectral radius says it all. */
export const LINEAR: readonly OptimizerId[] = ["gd", "momentum", "nesterov"];

/**
 * The rate ρ of a linear optimizer on the bowl or the ravine (curvatures 1 and κ): the largest
 * spectral radius of its iteration matrix, read off the very optimizer the race builds. ρ < 1
 * shrinks the error by ρ per step in the long run; ρ > 1 means divergence. Null elsewhere.
 */
export function quadraticRate(id: OptimizerId, s: RaceState): number | null {
  if (!usesKappa(s.surface) || !LINEAR.includes(id)) return null;
  return Math.max(...[1, s.kappa].map((lambda) => spectralRadius(measureIterationMatrix(() => buildOptimizer(id, s), lambda))));
}
