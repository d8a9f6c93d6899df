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
 *   chapterNumber("09-interview-preparation");   // 9
 */
export function chapterNumber(slug: string): number {
  return Number.parseInt(slug.slice(0, 2), 10);
}
