// The worker every cell of a page runs in: the engine's names are globals (and importable as "dl"
// or "@course/engine"), console output and the helpers table() and plot() become messages, and the
// names cells declare persist in one CellRunner context until the page terminates this worker.
// A sandboxed frame (sandbox-frame.mjs) starts it from a blob: URL, so it inherits the page's
// Content-Security-Policy: no eval, no script or connection to another origin. It talks to the page
// only through a MessagePort the page transfers in its first message; that port lives in this
// module's closure, out of cell code's reach.
import * as dl from "../../lib";
import { CellRunner } from "./runtime";
import { moduleLoader } from "./module-loader";
import { formatArgs, formatValue, toTable } from "./format";
import { checkPlotSpec, isPlotSpec } from "./plot-spec";
import { RunBudget, clipText } from "./budget";
import { LIMITS, type FromWorker, type OutputMessage, type ToWorker } from "./protocol";
import { checkExercise } from "../exercises/grade";
import { addCatalog } from "../i18n/catalogs";
import { setLangSource } from "../i18n/lang";

// Typed with the DOM's event maps: error, unhandledrejection and message carry the same events in a worker.
const scope = self as unknown as Window;
let post: ((m: FromWorker) => void) | null = null;
let current = 0;
let budget = new RunBudget();

const send = (m: OutputMessage) => {
  // NOTE: `.length` of a primitive string cannot be faked by cell code patching prototypes; the page checks again anyway.
  if ((m.kind === "log" || m.kind === "value") && m.text.length > LIMITS.textChars) return;
  const wasCut = budget.cut;
  if (budget.admit(m)) post?.(m);
  else if (!wasCut && budget.cut) post?.({ run: current, kind: "truncated", reason: budget.cut });
};

const log =
  (level: "log" | "warn" | "error") =>
  (...args: unknown[]) =>
    send({ run: current, kind: "log", level, text: clipText(formatArgs(args)) });
const cellConsole = {
  log: log("log"),
  info: log("log"),
  debug: log("log"),
  warn: log("warn"),
  error: log("error"),
  table: (x: unknown) => table(x),
};
function table(x: unknown): void {
  send({ run: current, kind: "table", table: toTable(x) });
}
function plot(spec: unknown): void {
  send({ run: current, kind: "plot", spec: checkPlotSpec(spec) });
}

const runner = new CellRunner(dl, moduleLoader);

async function runCell(event: MessageEvent<ToWorker>): Promise<void> {
  const { run, code, strings } = event.data;
  if (strings) {
    addCatalog(strings.lang, strings.messages);
    setLangSource(() => strings.lang);
  }
  current = run;
  budget = new RunBudget();
  const result = await runner.run(String(code));
  if (result.ok && result.value !== undefined) {
    if (isPlotSpec(result.value)) {
      try {
        plot(result.value);
      } catch (e) {
        post?.({ run, kind: "error", name: "TypeError", message: clipText((e as Error).message, LIMITS.errorChars), line: null });
      }
    } else send({ run, kind: "value", text: clipText(formatValue(result.value)) });
  }
  if (!result.ok)
    post?.({
      run,
      kind: "error",
      name: clipText(result.name, 100),
      message: clipText(result.message, LIMITS.errorChars),
      line: result.line,
    });
  post?.({ run, kind: "done", ok: result.ok, ms: result.ms });
}

// An error thrown later by a cell's callback (a timer, a promise) belongs to the run still going.
const uncaught = (error: unknown) =>
  send({
    run: current,
    kind: "log",
    level: "error",
    text: clipText(`Uncaught ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`),
  });
scope.addEventListener("error", (e) => {
  e.preventDefault();
  uncaught(e.error ?? e.message);
});
scope.addEventListener("unhandledrejection", (e) => {
  e.preventDefault();
  uncaught(e.reason);
});

// The first message carries the port; later messages on the worker itself are never read.
scope.addEventListener(
  "message",
  (event: MessageEvent) => {
    const port = event.ports[0];
    if (post || !port) return;
    post = MessagePort.prototype.postMessage.bind(port) as (m: FromWorker) => void;
    port.onmessage = (e: MessageEvent<ToWorker>) => void runCell(e);
    post({ run: 0, kind: "ready" });
  },
  { once: true },
);

// Cell code gets no network, storage, devices, further workers, nor the worker's own channel.
const CLOSED = [
  "fetch",
  "XMLHttpRequest",
  "WebSocket",
  "WebSocketStream",
  "EventSource",
  "importScripts",
  "indexedDB",
  "caches",
  "Worker",
  "SharedWorker",
  "BroadcastChannel",
  "WebTransport",
  "postMessage",
  "onmessage",
  "onmessageerror",
  "close",
  "addEventListener",
  "removeEventListener",
  "dispatchEvent",
];
for (const name of CLOSED) closeDoor(self, name);
for (const name of ["storage", "storageBuckets", "locks", "usb", "serial", "hid", "gpu"]) closeDoor(navigator, name);

/** Removes `name` from `target` and its prototypes (except the shared EventTarget), then pins it to undefined. */
function closeDoor(target: object, name: string): void {
  for (let o: object | null = target; o && o !== EventTarget.prototype; o = Object.getPrototypeOf(o)) {
    try {
      delete (o as Record<string, unknown>)[name];
    } catch {
      /* not configurable */
    }
  }
  try {
    Object.defineProperty(target, name, { value: undefined, configurable: false, writable: false });
  } catch {
    /* already pinned */
  }
}

// checkExercise(id, fn): grades an exercise of /exercises/ here, in the sandbox, and prints the report.
const gradeHere = (id: string, fn: unknown): void => {
  checkExercise(String(id), fn, (line) => cellConsole.log(line));
};
Object.assign(self, dl, { console: cellConsole, table, plot, checkExercise: gradeHere });
