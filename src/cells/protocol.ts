// The messages between the page and the cell worker.
import type { CellTable } from "./format";
import type { PlotSpec } from "./plot-spec";

/** Page → worker: run this code as run number `run`. */
export interface ToWorker { run: number; code: string }

/** Worker → page, each tagged with the run it belongs to. */
export type FromWorker =
  | { run: number; kind: "ready" }
  | { run: number; kind: "log"; level: "log" | "warn" | "error"; text: string }
  | { run: number; kind: "value"; text: string }
  | { run: number; kind: "table"; table: CellTable }
  | { run: number; kind: "plot"; spec: PlotSpec }
  | { run: number; kind: "truncated" }
  | { run: number; kind: "error"; name: string; message: string; line: number | null }
  | { run: number; kind: "done"; ok: boolean; ms: number; names: string[] };
