// One RNN step's arithmetic as an HTML table string, with no DOM: the same markup is server-rendered as the
// stepper's no-JavaScript fallback and set by the <dl-rnn-stepper> element.
import { formatNumber } from "../charts/format";
import { esc } from "./stepper-html";
import type { RnnStep } from "./rnn-stepper-model";
import { t } from "../i18n";

const ROWS = ["hPrev", "wx", "wh", "b", "a", "h"] as const;

/** One step's numbers as a table: a row per quantity, a column per hidden unit (x_t in its own line above). */
export function stepTableHtml(step: RnnStep): string {
  const head = Array.from({ length: step.h.length }, (_, i) => `<th scope="col">${esc(t("rnnStepper.unit", { k: i + 1 }))}</th>`).join("");
  const rows = ROWS.map((r) => {
    const cls = r === "h" ? ` class="dl-rnn-result"` : "";
    return `<tr${cls}><th scope="row">${esc(t(`rnnStepper.row.${r}`))}</th>${step[r].map((v) => `<td>${esc(formatNumber(v, 4))}</td>`).join("")}</tr>`;
  }).join("");
  const agree = step.h.every((v, i) => Math.abs(v - step.engineH[i]) < 1e-12);
  return (
    `<p class="dl-rnn-input">${esc(t("rnnStepper.row.x"))} = <strong>${esc(formatNumber(step.x, 4))}</strong></p>` +
    `<div class="dl-rnn-table-wrap"><table class="dl-rnn-table"><caption>${esc(t("rnnStepper.tableCaption", { t: step.t }))}</caption>` +
    `<thead><tr><td></td>${head}</tr></thead><tbody>${rows}</tbody></table></div>` +
    `<p class="dl-note" data-agree="${agree}">${esc(agree ? t("rnnStepper.agree") : t("rnnStepper.disagree", { h: step.engineH.map((v) => formatNumber(v)).join(", ") }))}</p>`
  );
}
