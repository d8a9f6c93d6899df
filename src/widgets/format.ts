import { t } from "../i18n";

/** Numbers as a reader wants them: `digits` significant digits, and "diverged" for NaN or ±∞. */
export function formatNumber(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return t("widget.diverged");
  if (x !== 0 && (Math.abs(x) >= 1e6 || Math.abs(x) < 1e-4)) return x.toExponential(digits - 1);
  return String(Number(x.toPrecision(digits)));
}

/** A price in dollars from a model output in units of $100,000. */
export function formatPrice(units: number): string {
  if (!Number.isFinite(units)) return t("widget.diverged");
  return `$${Math.round(units * 100000).toLocaleString("en-US")}`;
}
