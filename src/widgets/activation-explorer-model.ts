// The activation explorer's state and numbers: curves of g and g′ from the engine's activations
// record, where each one saturates (|g′| < 0.1), and a small value table. No DOM here.
import { activations, createLeakyRelu, type Activation } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

export const ACTIVATION_NAMES = ["linear", "sigmoid", "tanh", "relu", "leakyRelu", "elu", "gelu", "softplus"] as const;
export type ActivationKey = (typeof ACTIVATION_NAMES)[number];
/** Below this |g′| a unit passes back almost no gradient: the chapter's saturation threshold. */
export const SATURATION = 0.1;

export const activationSchema = {
  first: { kind: "choice", label: t("activationExplorer.first"), options: ACTIVATION_NAMES, default: "sigmoid" },
  second: { kind: "choice", label: t("activationExplorer.second"), options: ["none", ...ACTIVATION_NAMES], default: "none" },
  zmax: { kind: "number", label: t("activationExplorer.zmax"), min: 1, max: 20, step: 0.5, default: 6 },
  slope: { kind: "number", label: t("activationExplorer.slope"), min: 0, max: 0.3, step: 0.01, default: 0.01 },
} satisfies Schema;
export type ActivationState = StateOf<typeof activationSchema>;

/** The engine's activation by name; leaky ReLU is rebuilt with the slider's slope α. */
export function activationOf(name: ActivationKey, slope: number): Activation {
  return name === "leakyRelu" ? createLeakyRelu(slope) : activations[name];
}

/** The activations the state shows: the first, and the second unless it is "none". */
export function picked(s: ActivationState): ActivationKey[] {
  const names = [s.first as ActivationKey];
  if (s.second !== "none" && s.second !== s.first) names.push(s.second as ActivationKey);
  return names;
}

/** True when the slope slider changes anything. */
export const usesSlope = (s: ActivationState) => picked(s).includes("leakyRelu");

/** n evenly spaced samples of g and g′ on [−zmax, zmax]. */
export function curve(g: Activation, zmax: number, n = 401) {
  return Array.from({ length: n }, (_, k) => {
    const z = -zmax + (2 * zmax * k) / (n - 1);
    return { z, g: g.f(z), dg: g.df(z) };
  });
}

const saturated = (g: Activation, z: number) => Math.abs(g.df(z)) < SATURATION;

/** Bisects between a saturated and an unsaturated point for where |g′| crosses the threshold. */
function edge(g: Activation, a: number, b: number): number {
  const sa = saturated(g, a);
  for (let k = 0; k < 50; k++) {
    const mid = (a + b) / 2;
    if (saturated(g, mid) === sa) a = mid;
    else b = mid;
  }
  // NOTE: at a kink in g′ (ReLU at 0) bisection stops ~1e-17 away; call that 0 rather than print it.
  const z = (a + b) / 2;
  return Math.abs(z) < 1e-12 ? 0 : z;
}

/** The intervals of [−zmax, zmax] where |g′(z)| < 0.1, with edges found by bisection between samples. */
export function saturatedIntervals(g: Activation, zmax: number, n = 401): { from: number; to: number }[] {
  const zs = curve(g, zmax, n).map((p) => p.z);
  const out: { from: number; to: number }[] = [];
  let start: number | undefined;
  zs.forEach((z, k) => {
    const s = saturated(g, z);
    if (s && start === undefined) start = k === 0 ? z : edge(g, zs[k - 1], z);
    if (!s && start !== undefined) {
      out.push({ from: start, to: edge(g, zs[k - 1], z) });
      start = undefined;
    }
  });
  if (start !== undefined) out.push({ from: start, to: zmax });
  return out;
}

/** The share of the range [−zmax, zmax] covered by the intervals, between 0 and 1. */
export function saturatedShare(intervals: { from: number; to: number }[], zmax: number): number {
  return intervals.reduce((sum, r) => sum + (r.to - r.from), 0) / (2 * zmax);
}

/** Where the value table samples z: a few familiar points inside the range, and both ends. */
export function tablePoints(zmax: number): number[] {
  const points = [-zmax, -5, -2, -1, 0, 1, 2, 5, zmax].filter((z) => Math.abs(z) <= zmax);
  return [...new Set(points)].sort((a, b) => a - b);
}

/** The display name of an activation. */
export const activationLabel = (name: string) => t(`activationExplorer.name.${name}`);
