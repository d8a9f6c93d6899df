// HTML for the backward stepper's gradient check: the finite-difference estimate beside a gradient,
// and a summary of all four checked gradients. Strings only, like stepper-html.ts.
import { matrixHtml, esc, sup } from "./stepper-html";
import type { CheckResult } from "./backward-stepper-model";
import { t } from "../i18n";

const verdict = (r: CheckResult) =>
  `<span class="dl-check-${r.ok ? "pass" : "fail"}">${esc(t(r.ok ? "backwardStepper.pass" : "backwardStepper.fail"))}</span>`;

const relError = (r: CheckResult) => r.relativeError.toExponential(2);

/** The estimate as a matrix next to the gradient, with the relative error and a pass/fail word. */
export function checkHtml(name: string, r: CheckResult): string {
  return (
    `<div class="dl-matrix-row"><span class="dl-matrix-row-label">${esc(t("backwardStepper.numeric"))}</span>` +
    matrixHtml({ name: `${name} ≈`, rows: r.numeric }, "result") +
    `</div><p class="dl-check" data-check="${r.step}" data-relative-error="${r.relativeError}">` +
    `${esc(t("backwardStepper.relError"))}: <strong>${relError(r)}</strong> ${verdict(r)}</p>`
  );
}

const NAMES: Record<string, string> = { dW2: `d${sup("W", 2)}`, db2: `d${sup("b", 2)}`, dW1: `d${sup("W", 1)}`, db1: `d${sup("b", 1)}` };

/** All four relative errors in one small table. */
export function checkSummaryHtml(results: CheckResult[]): string {
  const rows = results
    .map(
      (r) =>
        `<tr data-check-row="${r.step}" data-relative-error="${r.relativeError}"><th scope="row">${NAMES[r.step]}</th><td>${relError(r)}</td><td>${verdict(r)}</td></tr>`,
    )
    .join("");
  return (
    `<table class="dl-fallback dl-check-summary"><caption>${esc(t("backwardStepper.summary"))}</caption>` +
    `<thead><tr><th scope="col">${esc(t("backwardStepper.gradient"))}</th><th scope="col">${esc(t("backwardStepper.relErrorShort"))}</th><th scope="col">${esc(t("backwardStepper.verdict"))}</th></tr></thead>` +
    `<tbody>${rows}</tbody></table>`
  );
}
