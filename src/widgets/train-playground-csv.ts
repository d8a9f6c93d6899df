// The reader's own points as text: one "x,y,label" line per point. Parsing refuses the whole paste at the
// first bad line and names it, so the reader can fix it; nothing half-loaded reaches the network.
import type { Points } from "./train-playground-model";

/** Most points a paste may hold: enough for any hand-made set, few enough that training stays smooth. */
export const MAX_POINTS = 1000;

export type CsvProblem =
  | { kind: "fields"; line: number; text: string }
  | { kind: "number"; line: number; text: string }
  | { kind: "label"; line: number; text: string }
  | { kind: "empty" }
  | { kind: "tooMany"; count: number };

const HEADER = /^[a-z_ ]+(,[a-z_ ]+){2}$/i;

/**
 * Reads "x,y,label" lines (label 0 or 1). Blank lines are skipped, and a first line of words
 * ("x,y,label") is taken as a header.
 * @example
 *   parseCsv("x,y,label\n0.5,1,1\n-1,0,0");   // { points: { x: [0.5, -1], y: [1, 0], label: [1, 0] } }
 *   parseCsv("1,2");                          // { problem: { kind: "fields", line: 1, text: "1,2" } }
 */
export function parseCsv(text: string): { points: Points; problem?: undefined } | { problem: CsvProblem; points?: undefined } {
  const points: Points = { x: [], y: [], label: [] };
  const lines = text.split(/\r?\n/);
  let sawContent = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (raw === "") continue;
    const first = !sawContent;
    sawContent = true;
    if (first && HEADER.test(raw)) continue;
    const line = i + 1;
    const fields = raw.split(",").map((f) => f.trim());
    if (fields.length !== 3) return { problem: { kind: "fields", line, text: raw } };
    // NOTE: Number("") is 0, so an empty field must be refused before converting.
    const [x, y, label] = fields.map((f) => (f === "" ? NaN : Number(f)));
    if (!Number.isFinite(x) || !Number.isFinite(y)) return { problem: { kind: "number", line, text: raw } };
    if (label !== 0 && label !== 1) return { problem: { kind: "label", line, text: raw } };
    points.x.push(x);
    points.y.push(y);
    points.label.push(label);
  }
  if (points.x.length === 0) return { problem: { kind: "empty" } };
  if (points.x.length > MAX_POINTS) return { problem: { kind: "tooMany", count: points.x.length } };
  return { points };
}

/** The points as CSV text with a header line, the inverse of parseCsv. */
export function toCsv(p: Points): string {
  return ["x,y,label", ...p.x.map((x, i) => `${x},${p.y[i]},${p.label[i]}`)].join("\n");
}
