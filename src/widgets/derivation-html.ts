// HTML for a derivation and its numeric check, as strings: the server fallback shows every line,
// the element the lines revealed so far.
import { formatNumber } from "../charts/format";
import { esc } from "./stepper-html";
import { derivedFormula, type DerivationLine, type NumericCheck } from "./derivation-model";
import { t } from "../i18n";

/** The first `shown` lines, each with its reason. */
export function linesHtml(lines: DerivationLine[], shown: number): string {
  const items = lines
    .slice(0, shown)
    .map(
      (l) =>
        `<li><span class="dl-derivation-math">${l.math}</span><span class="dl-derivation-reason"><span>${esc(t("derivation.because"))}</span> ${esc(l.reason)}</span></li>`,
    );
  return `<ol class="dl-derivation" aria-label="${esc(t("derivation.lines"))}">${items.join("")}</ol>`;
}

/** The derived value next to the engine's central difference. */
export function checkHtml(which: string, c: NumericCheck): string {
  const row = (k: string, v: string) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`;
  return (
    `<p class="dl-derivation-check-title">${esc(t("derivation.checkTitle"))}</p>` +
    `<p class="dl-note">${esc(t("derivation.atZ", { z: formatNumber(c.z), a: formatNumber(c.a, 6) }))}</p>` +
    `<dl class="dl-readouts" data-relative-error="${c.relativeError}">` +
    row(t("derivation.derived", { formula: derivedFormula(which) }), c.derived.toPrecision(10)) +
    row(t("derivation.numeric"), c.numeric.toPrecision(10)) +
    row(t("derivation.relError"), c.relativeError === 0 ? "0" : c.relativeError.toExponential(2)) +
    `</dl>`
  );
}
