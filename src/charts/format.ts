import { t } from "../i18n";

/** The minus sign U+2212, which typesetting uses for negative numbers (a hyphen is too short). */
export const MINUS = "\u2212";

/** Numbers as a reader wants them: `digits` significant digits, and "diverged" for NaN or ±∞. */
export function formatNumber(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return t("widget.diverged");
  if (x !== 0 && (Math.abs(x) >= 1e6 || Math.abs(x) < 1e-4)) return x.toExponential(digits - 1);
  return String(Number(x.toPrecision(digits)));
}

/**
 * Like formatNumber, for a value computed in one go rather than by training: ±∞ is an "overflow" (the
 * result passed the largest double, about 1.8 × 10³⁰⁸) and NaN is "not a number". Example:
 * formatValue(Math.exp(1000)) === "overflow"; formatValue(2.5) === "2.5".
 */
export function formatValue(x: number, digits = 4): string {
  if (Number.isNaN(x)) return t("widget.notANumber");
  if (!Number.isFinite(x)) return t("widget.overflow");
  return formatNumber(x, digits);
}

/**
 * A price in dollars from a model output in units of $100,000; a negative price reads "−$1,850" (minus sign
 * before the dollar sign), and a non-finite one as formatValue says.
 */
export function formatPrice(units: number): string {
  if (!Number.isFinite(units)) return formatValue(units);
  const dollars = Math.round(units * 100000);
  // NOTE: Math.round(−0.000001·100000) is −0, which must not print as "−$0".
  return `${dollars < 0 ? MINUS : ""}$${Math.abs(dollars).toLocaleString("en-US")}`;
}

/**
 * An axis tick label that stays short enough for a chart's margin: thousands grouped up to 10⁵, a power of
 * ten beyond ("2.5e+12" rather than "2,500,000,000,000", whose start a margin would clip), and a minus sign.
 * Example: formatTick(-1500) === "−1,500"; formatTick(3e175) === "3e+175".
 */
export function formatTick(x: number): string {
  if (!Number.isFinite(x)) return formatValue(x);
  const a = Math.abs(x);
  // NOTE: toPrecision(3) first, so a tick of 2.9999999999999998e+175 reads 3e+175.
  const body =
    a >= 1e5 || (a !== 0 && a < 1e-4)
      ? Number(a.toPrecision(3)).toExponential()
      : Number(a.toPrecision(6)).toLocaleString("en-US", { maximumFractionDigits: 6 });
  return x < 0 && body !== "0" ? MINUS + body : body;
}
