// Reading a typed number the way a learner writes it: 0.001, 1e-3, 1/8, 12.5%, −2, 1 792, 3×10^-4.
import { t } from "../i18n";

/** The outcome of reading a reply: the number, or why it is not one (with a message for the learner). */
export type ParsedNumber =
  | { ok: true; value: number }
  | { ok: false; reason: "empty" | "not-a-number" | "decimal-comma" | "division-by-zero"; message: string };

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function plain(s: string): number | null {
  if (DECIMAL.test(s)) return Number(s);
  // a × 10^b, a·10^b, a*10^b, 10^b
  const sci = /^(?:([+-]?(?:\d+\.?\d*|\.\d+))\s*[×x*·]\s*)?10\^\(?([+-]?\d+)\)?$/i.exec(s);
  if (sci) return (sci[1] === undefined ? 1 : Number(sci[1])) * 10 ** Number(sci[2]);
  return null;
}

/**
 * Reads a number typed by a learner. Accepts decimals, exponents (1e-3, 3×10^-4), fractions (1/8, −3/4),
 * percentages (12.5% = 0.125), a Unicode minus, and spaces or commas grouping thousands (1 792, 1,792).
 * Anything else is refused with a message saying how to write it.
 *
 * @example
 *   parseNumber("1/8");     // { ok: true, value: 0.125 }
 *   parseNumber("abc");     // { ok: false, reason: "not-a-number", message: "…" }
 */
export function parseNumber(text: string): ParsedNumber {
  const raw = text.trim();
  if (raw === "") return { ok: false, reason: "empty", message: t("quizCore.empty") };
  let s = raw.replace(/[−–]/g, "-").replace(/(\d)[\s\u202f\u00a0]+(?=\d{3}\b)/g, "$1");
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?%?$/.test(s)) s = s.replace(/,/g, "");
  else if (/\d,\d/.test(s)) return { ok: false, reason: "decimal-comma", message: t("quizCore.decimalComma", { text: raw }) };
  let scale = 1;
  if (s.endsWith("%")) {
    scale = 0.01;
    s = s.slice(0, -1).trim();
  }
  let value: number | null;
  const frac = /^([^/]+)\/([^/]+)$/.exec(s);
  if (frac) {
    const a = plain(frac[1].trim()),
      b = plain(frac[2].trim());
    if (a === null || b === null) value = null;
    else if (b === 0) return { ok: false, reason: "division-by-zero", message: t("quizCore.divisionByZero", { text: raw }) };
    else value = a / b;
  } else value = plain(s);
  if (value === null || !Number.isFinite(value))
    return { ok: false, reason: "not-a-number", message: t("quizCore.notANumber", { text: raw }) };
  return { ok: true, value: value * scale };
}
