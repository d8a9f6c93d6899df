// Small formatting helpers of the quiz interface (pure, tested in tests/unit/quiz/ui/format.test.ts).
import { t } from "../../i18n";

/**
 * Milliseconds as a clock: "29:59", or "1:02:03" past an hour; negative counts as 0.
 *
 * @example
 *   clock(90_000);   // "1:30"
 */
export function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600),
    m = Math.floor((s % 3600) / 60),
    sec = s % 60;
  const mm = h > 0 ? String(m).padStart(2, "0") : String(m);
  return `${h > 0 ? `${h}:` : ""}${mm}:${String(sec).padStart(2, "0")}`;
}

/**
 * A fraction 0–1 as a whole percentage: "83 %".
 *
 * @example
 *   percent(0.833);   // "83 %"
 */
export function percent(x: number): string {
  return `${Math.round(100 * (Number.isFinite(x) ? x : 0))} %`;
}

/**
 * How far ahead a time is, in words: "now", "in 12 min", "in 3 h", "in 4 days".
 *
 * @example
 *   fromNow(now + 3 * 3_600_000, now);   // "in 3 h"
 */
export function fromNow(at: number, now: number): string {
  const ms = at - now;
  if (ms <= 0) return t("quiz.when.now");
  const min = Math.ceil(ms / 60_000);
  if (min < 60) return t("quiz.when.minutes", { n: min });
  const h = Math.round(ms / 3_600_000);
  if (h < 36) return t("quiz.when.hours", { n: h });
  return t("quiz.when.days", { n: Math.round(ms / 86_400_000) });
}

/**
 * The chapter number of a slug: "04-optimization-algorithms" → 4.
 *
 * @example
 *   chapterNumber("11-interview-preparation");   // 11
 */
export function chapterNumber(slug: string): number {
  return Number.parseInt(slug.slice(0, 2), 10);
}

/**
 * An interval as a grade button shows it, as Anki does: "1 min", "10 min", "3 h", "4 d", "2.5 mo", "1.2 y".
 *
 * @example
 *   interval(10 * 60_000);   // "10 min"
 */
export function interval(ms: number): string {
  const min = ms / 60_000;
  if (min < 1) return t("quiz.interval.minutes", { n: "<1" });
  if (min < 60) return t("quiz.interval.minutes", { n: Math.round(min) });
  const h = min / 60;
  if (h < 24) return t("quiz.interval.hours", { n: Math.round(h) });
  const d = h / 24;
  if (d < 30) return t("quiz.interval.days", { n: Math.round(d) });
  if (d < 365) return t("quiz.interval.months", { n: Math.round((d / 30) * 10) / 10 });
  return t("quiz.interval.years", { n: Math.round((d / 365) * 10) / 10 });
}

/**
 * A section's name from a question's link: its heading anchor in words ("04-optimization-algorithms#bias-correction"
 * → "Bias correction"), or `chapterTitle` for a link to a whole chapter.
 *
 * @example
 *   sectionName("05-regularization#dropout", "Regularization");   // "Dropout"
 */
export function sectionName(link: string, chapterTitle: string): string {
  const anchor = link.split("#")[1];
  if (!anchor) return chapterTitle;
  const words = anchor.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A question's plain text as a short line of words: TeX commands, braces and dollar signs dropped, cut at `max`
 * characters with an ellipsis.
 *
 * @example
 *   shortText("h_t = \\tanh(x)", 90);   // "ht = (x)"
 */
export function shortText(text: string, max: number): string {
  const plain = text
    .replace(/\\([a-zA-Z]+|[,;:! ])/g, " ")
    .replace(/[{}$^_]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 2)}…` : plain;
}
