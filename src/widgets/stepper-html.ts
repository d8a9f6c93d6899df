// HTML for the steppers' matrices, formula lists and network diagram, as strings and with no DOM:
// the same markup is server-rendered as the no-JavaScript fallback and set by the custom elements.
// KaTeX does not run in the browser, so formulas are plain HTML with <sup>/<sub>.
import { formatNumber } from "../charts/format";
import { t } from "../i18n";

/** A matrix to show: its name (HTML), rows of numbers, and an optional per-entry mark. */
export interface MatrixView {
  name: string;
  rows: number[][];
  /** Entries to flag, e.g. a finite-difference estimate that disagrees. */
  note?: string;
}

export const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** X with a layer superscript: sup("W", 1) → W<sup>[1]</sup>. */
export const sup = (base: string, l: number | string) => `${base}<sup>[${l}]</sup>`;

/** Plain text of a formula's HTML, for aria-labels and table headers. */
export const plain = (html: string) =>
  html
    .replace(/<sup>\[(\w+)\]<\/sup>/g, "[$1]")
    .replace(/<sup>(.*?)<\/sup>/g, "^$1")
    .replace(/<[^>]+>/g, "");

export const shapeOf = (rows: number[][]) => `${rows.length} × ${rows[0]?.length ?? 0}`;

/** A matrix as a captioned table: "Z[1] (4 × 4)" above its entries, 4 significant digits. */
export function matrixHtml(m: MatrixView, kind: "operand" | "result" = "operand"): string {
  const body = m.rows.map((r) => `<tr>${r.map((x) => `<td>${esc(formatNumber(x, 4))}</td>`).join("")}</tr>`).join("");
  const note = m.note ? `<span class="dl-matrix-note">${esc(m.note)}</span>` : "";
  return (
    `<div class="dl-matrix dl-matrix-${kind}" tabindex="0" role="group" aria-label="${esc(plain(m.name))}, ${shapeOf(m.rows)}">` +
    `<div class="dl-matrix-name">${m.name} <span class="dl-matrix-shape">(${shapeOf(m.rows)})</span>${note}</div>` +
    `<table class="dl-matrix-table"><tbody>${body}</tbody></table></div>`
  );
}

/** The list of steps, each as its formula, with the current one marked (aria-current="step"). */
export function formulaListHtml(formulas: string[], current: number): string {
  const items = formulas.map((f, k) => (k === current ? `<li class="dl-step-current" aria-current="step">${f}</li>` : `<li>${f}</li>`));
  return `<ol class="dl-step-list">${items.join("")}</ol>`;
}

/** "step k of n", the indicator under the buttons. */
export const stepIndicator = (k: number, n: number) => t("stepper.indicator", { k: k + 1, n });

/**
 * The 3-4-1 network as columns of dots, with one layer (0, 1, 2) or the loss node ("J") highlighted.
 * Colours come from CSS (currentColor and classes), so the diagram follows light and dark mode.
 */
export function networkSvg(highlight: number | "J", description: string): string {
  const sizes = [3, 4, 1];
  const width = 260,
    height = 120,
    xs = [30, 110, 190],
    jx = 240;
  const ys = (n: number) => Array.from({ length: n }, (_, i) => height / 2 + (i - (n - 1) / 2) * 26);
  const lines: string[] = [];
  for (let l = 1; l < sizes.length; l++) {
    for (const y0 of ys(sizes[l - 1]))
      for (const y1 of ys(sizes[l])) {
        const on = highlight === l ? " dl-net-on" : "";
        lines.push(`<line class="dl-net-edge${on}" x1="${xs[l - 1]}" y1="${y0}" x2="${xs[l]}" y2="${y1}"/>`);
      }
  }
  lines.push(
    `<line class="dl-net-edge${highlight === "J" ? " dl-net-on" : ""}" x1="${xs[2]}" y1="${height / 2}" x2="${jx - 12}" y2="${height / 2}"/>`,
  );
  const dots = sizes.flatMap((n, l) =>
    ys(n).map((y) => `<circle class="dl-net-unit${highlight === l ? " dl-net-on" : ""}" cx="${xs[l]}" cy="${y}" r="8"/>`),
  );
  const labels = [t("stepper.layer.input"), t("stepper.layer.hidden"), t("stepper.layer.output")].map(
    (s, l) => `<text class="dl-net-label" x="${xs[l]}" y="${height - 2}" text-anchor="middle">${esc(s)}</text>`,
  );
  const jOn = highlight === "J" ? " dl-net-on" : "";
  const loss =
    `<rect class="dl-net-unit${jOn}" x="${jx - 12}" y="${height / 2 - 11}" width="24" height="22" rx="4"/>` +
    `<text class="dl-net-j" x="${jx}" y="${height / 2 + 5}" text-anchor="middle">J</text>`;
  return (
    `<svg class="dl-net" viewBox="0 0 ${width} ${height + 4}" width="${width}" role="img" aria-label="${esc(description)}">` +
    `${lines.join("")}${dots.join("")}${loss}${labels.join("")}</svg>`
  );
}

/** One step's body: the formula, optionally the chain-rule line, then the matrices it uses and gives. */
export function stepBodyHtml(step: {
  formula: string;
  chain?: string;
  operands: MatrixView[];
  results: MatrixView[];
  extra?: string;
}): string {
  const chain = step.chain ? `<p class="dl-step-chain"><span>${esc(t("backwardStepper.chain"))}</span> ${step.chain}</p>` : "";
  const row = (label: string, ms: MatrixView[], kind: "operand" | "result") =>
    ms.length
      ? `<div class="dl-matrix-row"><span class="dl-matrix-row-label">${esc(label)}</span>${ms.map((m) => matrixHtml(m, kind)).join("")}</div>`
      : "";
  return (
    `<p class="dl-step-formula">${step.formula}</p>${chain}` +
    row(t("stepper.uses"), step.operands, "operand") +
    row(t("stepper.gives"), step.results, "result") +
    (step.extra ?? "")
  );
}
