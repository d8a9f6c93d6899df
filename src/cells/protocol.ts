// The messages between the page and the cell worker, and the check the page applies to every one
// it receives. The worker posts only on a private MessagePort (cell code cannot reach it), and the
// page still trusts nothing: a message that does not match its schema or exceeds a limit is dropped.
import type { Lang } from "../i18n/lang";
import { checkPlotSpec, type PlotSpec } from "./plot-spec";

/** What one run may show; the worker cuts to these before posting and the page enforces them again. */
export const LIMITS = {
  /** Output messages (log lines, values, tables, charts) per run. */
  messages: 500,
  /** Characters of output per run, all messages together. */
  chars: 200_000,
  /** Characters of one log line or value. */
  textChars: 10_000,
  /** Rows and columns of one table, and characters of one of its cells. */
  tableRows: 100,
  tableColumns: 20,
  cellChars: 80,
  /** Characters of an error message. */
  errorChars: 2_000,
} as const;

/** A table of plain strings: what the page draws for `table(x)`; `more`/`moreColumns` were cut. */
export interface CellTable {
  columns: string[];
  rows: string[][];
  more: number;
  moreColumns: number;
}

/** Page → worker: run this code as run number `run`. */
export interface ToWorker {
  run: number;
  code: string;
  /** The strings the worker may print in the page's language (the exercise grader's), from the page's table. */
  strings?: { lang: Lang; messages: Record<string, string> };
}

/** Why output was cut: too many messages, or too many characters. */
export type CutReason = "messages" | "chars";

/** Worker → page, each tagged with the run it belongs to. */
export type FromWorker =
  | { run: number; kind: "ready" }
  | { run: number; kind: "log"; level: "log" | "warn" | "error"; text: string }
  | { run: number; kind: "value"; text: string }
  | { run: number; kind: "table"; table: CellTable }
  | { run: number; kind: "plot"; spec: PlotSpec }
  | { run: number; kind: "truncated"; reason: CutReason }
  | { run: number; kind: "error"; name: string; message: string; line: number | null }
  | { run: number; kind: "done"; ok: boolean; ms: number };

/** A message that shows output (the ones the per-run budget counts). */
export type OutputMessage = Extract<FromWorker, { kind: "log" | "value" | "table" | "plot" }>;

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
const isText = (v: unknown, max: number): v is string => typeof v === "string" && v.length <= max;
const isCount = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
const isRow = (r: unknown, width: number, max: number): r is string[] =>
  Array.isArray(r) && r.length <= width && r.every((c) => isText(c, max));

function checkTable(t: unknown): CellTable | null {
  if (!isPlain(t) || !isCount(t.more) || !isCount(t.moreColumns)) return null;
  const width = LIMITS.tableColumns + 1; // + the row-number column
  if (!isRow(t.columns, width, LIMITS.cellChars)) return null;
  if (!Array.isArray(t.rows) || t.rows.length > LIMITS.tableRows || !t.rows.every((r) => isRow(r, width, LIMITS.cellChars))) return null;
  return { columns: [...t.columns], rows: t.rows.map((r: string[]) => [...r]), more: t.more, moreColumns: t.moreColumns };
}

/**
 * `raw` as a message of the protocol, copied field by field, or null when it is not one
 * (unknown kind, wrong types, over a limit, a chart that fails its check).
 * @example
 *   checkMessage({ run: 1, kind: "log", level: "log", text: "hi" });   // the same message
 *   checkMessage({ run: 1, kind: "log", level: "log", text: "x".repeat(1e6) });   // null
 */
export function checkMessage(raw: unknown): FromWorker | null {
  if (!isPlain(raw) || !isCount(raw.run)) return null;
  const run = raw.run;
  switch (raw.kind) {
    case "ready":
      return { run, kind: "ready" };
    case "log":
      if (!["log", "warn", "error"].includes(raw.level as string) || !isText(raw.text, LIMITS.textChars)) return null;
      return { run, kind: "log", level: raw.level as "log" | "warn" | "error", text: raw.text };
    case "value":
      return isText(raw.text, LIMITS.textChars) ? { run, kind: "value", text: raw.text } : null;
    case "table": {
      const table = checkTable(raw.table);
      return table ? { run, kind: "table", table } : null;
    }
    case "plot":
      try {
        return { run, kind: "plot", spec: checkPlotSpec(raw.spec) };
      } catch {
        return null;
      }
    case "truncated":
      return raw.reason === "messages" || raw.reason === "chars" ? { run, kind: "truncated", reason: raw.reason } : null;
    case "error":
      if (!isText(raw.name, 100) || !isText(raw.message, LIMITS.errorChars)) return null;
      if (raw.line !== null && !isCount(raw.line)) return null;
      return { run, kind: "error", name: raw.name, message: raw.message, line: raw.line as number | null };
    case "done":
      if (typeof raw.ok !== "boolean" || typeof raw.ms !== "number" || !Number.isFinite(raw.ms)) return null;
      return { run, kind: "done", ok: raw.ok, ms: raw.ms };
    default:
      return null;
  }
}
