// How much output one run may show (LIMITS in protocol.ts). The worker keeps one budget per run and
// stops posting once it is spent; the page keeps its own and drops whatever goes past it, so a
// worker that misbehaved still could not flood the page.
import { LIMITS, type CutReason, type OutputMessage } from "./protocol";

/** `text` cut to `max` characters, saying how many were cut. @example clipText("abcdef", 40) // "abcdef" */
export function clipText(text: string, max: number = LIMITS.textChars): string {
  if (text.length <= max) return text;
  const cut = text.length - max + 48;
  return `${text.slice(0, max - 48)}… (${cut.toLocaleString("en")} more characters not shown)`;
}

/** Characters a message puts on the page (numbers count a few characters each). */
export function sizeOf(m: OutputMessage): number {
  if (m.kind === "log" || m.kind === "value") return m.text.length;
  if (m.kind === "table") return [m.table.columns, ...m.table.rows].reduce((n, row) => row.reduce((k, c) => k + c.length + 1, n), 0);
  return JSON.stringify(m.spec).length;
}

/** The output budget of one run. */
export class RunBudget {
  private messages = 0;
  private chars = 0;
  /** Why output was cut, once it was. */
  cut: CutReason | null = null;

  /** True when `m` may be shown; false once the run's budget is spent (and from then on). */
  admit(m: OutputMessage): boolean {
    if (this.cut) return false;
    const size = sizeOf(m);
    if (this.messages + 1 > LIMITS.messages) this.cut = "messages";
    else if (this.chars + size > LIMITS.chars) this.cut = "chars";
    if (this.cut) return false;
    this.messages++;
    this.chars += size;
    return true;
  }
}
