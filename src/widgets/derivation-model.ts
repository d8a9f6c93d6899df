// The derivations revealed line by line (chapter 3): the sigmoid's derivative and the gradient of
// cross-entropy through a sigmoid, each line with its reason; and a numeric check of the result
// against the engine's central differences. Lines are HTML (no KaTeX in the browser).
import { bce, gradCheckFn, sigmoid, Tensor } from "../../lib";
import { t } from "../i18n";
import type { Schema, StateOf } from "./state";

export const DERIVATIONS = ["sigmoid", "bce-sigmoid"] as const;
export type DerivationId = (typeof DERIVATIONS)[number];

export const derivationSchema = {
  which: { kind: "choice", label: t("derivation.which"), options: DERIVATIONS, default: "sigmoid" },
  z: { kind: "number", label: t("derivation.z"), min: -8, max: 8, step: 0.1, default: 1 },
  y: { kind: "choice", label: t("derivation.y"), options: ["1", "0"], default: "1" },
} satisfies Schema;
export type DerivationState = StateOf<typeof derivationSchema>;

/** One line: the math (HTML) and why it follows from the line before. */
export interface DerivationLine {
  math: string;
  reason: string;
}

const E = "e<sup>−z</sup>";
const U = `(1 + ${E})`;
const frac = (num: string, den: string) => `<span class="dl-frac"><span>${num}</span><span>${den}</span></span>`;

const SIGMOID_LINES: [string, string][] = [
  [`σ(z) = ${frac("1", `1 + ${E}`)} = ${U}<sup>−1</sup>`, "derivation.reason.power"],
  [`σ′(z) = −${U}<sup>−2</sup> · ${frac("d", "dz")}${U}`, "derivation.reason.chainPower"],
  [`σ′(z) = −${U}<sup>−2</sup> · (−${E})`, "derivation.reason.expDerivative"],
  [`σ′(z) = ${frac(E, `${U}<sup>2</sup>`)}`, "derivation.reason.signs"],
  [`σ′(z) = ${frac("1", `1 + ${E}`)} · ${frac(E, `1 + ${E}`)}`, "derivation.reason.split"],
  [`σ′(z) = σ(z) · ${frac(`${U} − 1`, `1 + ${E}`)}`, "derivation.reason.addSubtract"],
  [`σ′(z) = σ(z) (1 − σ(z))`, "derivation.reason.simplify"],
];

const BCE_LINES: [string, string][] = [
  ["ℒ(a, y) = −y log a − (1 − y) log(1 − a),&nbsp;&nbsp; a = σ(z)", "derivation.reason.bceDefinition"],
  [`${frac("∂ℒ", "∂z")} = ${frac("∂ℒ", "∂a")} · ${frac("∂a", "∂z")}`, "derivation.reason.chainThroughA"],
  [`${frac("∂ℒ", "∂a")} = −${frac("y", "a")} + ${frac("1 − y", "1 − a")}`, "derivation.reason.logDerivative"],
  [`${frac("∂a", "∂z")} = a (1 − a)`, "derivation.reason.sigmoidPrime"],
  [`${frac("∂ℒ", "∂z")} = (−${frac("y", "a")} + ${frac("1 − y", "1 − a")}) · a (1 − a)`, "derivation.reason.multiply"],
  [`${frac("∂ℒ", "∂z")} = −y (1 − a) + (1 − y) a`, "derivation.reason.cancelDenominators"],
  [`${frac("∂ℒ", "∂z")} = −y + ya + a − ya`, "derivation.reason.expand"],
  [`${frac("∂ℒ", "∂z")} = a − y`, "derivation.reason.cancelYa"],
];

/** The lines of a derivation, in order. */
export function derivationLines(which: string): DerivationLine[] {
  return (which === "bce-sigmoid" ? BCE_LINES : SIGMOID_LINES).map(([math, reason]) => ({ math, reason: t(reason) }));
}

/** The derived formula at z vs the engine's central difference, and their relative error. */
export interface NumericCheck {
  z: number;
  a: number;
  derived: number;
  numeric: number;
  relativeError: number;
}

/**
 * sigmoid: σ(z)(1 − σ(z)) against the central difference of the engine's sigmoid;
 * bce-sigmoid: a − y against the central difference of the engine's bce(σ(z), y) with respect to z.
 */
export function numericCheck(s: DerivationState): NumericCheck {
  const z = s.z,
    y = Number(s.y),
    a = sigmoid.f(z);
  const derived = s.which === "bce-sigmoid" ? a - y : a * (1 - a);
  const f =
    s.which === "bce-sigmoid"
      ? (x: Float64Array) => bce(new Tensor([1, 1], [sigmoid.f(x[0])]), new Tensor([1, 1], [y])).loss
      : (x: Float64Array) => sigmoid.f(x[0]);
  const { numeric, relativeError } = gradCheckFn(f, Float64Array.from([z]), [derived]);
  return { z, a, derived, numeric: numeric[0], relativeError };
}

/** The formula being checked, as shown beside its value. */
export const derivedFormula = (which: string) => (which === "bce-sigmoid" ? "a − y" : "σ(z) (1 − σ(z))");
