// The worker every cell of a page runs in: the engine's names are globals (and importable as "dl"
// or "@course/engine"), console output and the helpers table() and plot() become messages, and the
// names cells declare persist in one CellRunner context until the page terminates this worker.
import * as dl from "../../lib";
import { CellRunner } from "./runtime";
import { formatArgs, formatValue, toTable } from "./format";
import { checkPlotSpec, isPlotSpec } from "./plot-spec";
import type { FromWorker, ToWorker } from "./protocol";

const post = self.postMessage.bind(self) as (m: FromWorker) => void;
const MAX_MESSAGES = 500;
let current = 0;
let sent = 0;
const send = (m: FromWorker) => {
  if (++sent <= MAX_MESSAGES) post(m);
  else if (sent === MAX_MESSAGES + 1) post({ run: current, kind: "truncated" });
};

// Cell code gets no network, storage or further workers: the page's policy does not reach a worker
// loaded from a URL, so the doors are closed here too.
for (const name of ["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "importScripts", "indexedDB", "caches", "Worker", "SharedWorker", "BroadcastChannel", "WebTransport"]) {
  for (let o: object | null = self; o; o = Object.getPrototypeOf(o)) {
    try { delete (o as Record<string, unknown>)[name]; } catch { /* not configurable */ }
  }
  try { Object.defineProperty(self, name, { value: undefined, configurable: false, writable: false }); } catch { /* already gone */ }
}

const log = (level: "log" | "warn" | "error") => (...args: unknown[]) => send({ run: current, kind: "log", level, text: formatArgs(args) });
const cellConsole = { log: log("log"), info: log("log"), debug: log("log"), warn: log("warn"), error: log("error"), table: (x: unknown) => table(x) };
function table(x: unknown): void {
  send({ run: current, kind: "table", table: toTable(x) });
}
function plot(spec: unknown): void {
  send({ run: current, kind: "plot", spec: checkPlotSpec(spec) });
}
Object.assign(self, dl, { console: cellConsole, table, plot });

const runner = new CellRunner(dl);

self.addEventListener("message", async (event: MessageEvent<ToWorker>) => {
  const { run, code } = event.data;
  current = run;
  sent = 0;
  const result = await runner.run(code);
  if (result.ok && result.value !== undefined) {
    if (isPlotSpec(result.value)) {
      try { plot(result.value); } catch (e) { send({ run, kind: "error", name: "TypeError", message: (e as Error).message, line: null }); }
    } else send({ run, kind: "value", text: formatValue(result.value) });
  }
  if (!result.ok) post({ run, kind: "error", name: result.name, message: result.message, line: result.line });
  post({ run, kind: "done", ok: result.ok, ms: result.ms, names: Object.keys(runner.context) });
});
post({ run: 0, kind: "ready" });
