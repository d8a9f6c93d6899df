// The page's notebook: its cells in page order and the one worker they share. Runs go one at a
// time through a queue; Stop or the time limit terminates the worker (the only way to interrupt
// code that never yields), and the next run starts a fresh worker with an empty context.
import { t } from "../i18n";
import { CellView } from "./cell-view";
import type { FromWorker, ToWorker } from "./protocol";

interface Job { view: CellView; run: number; started: number; timer?: ReturnType<typeof setTimeout> }

export class Notebook {
  private readonly views: CellView[];
  private worker: Worker | null = null;
  private runs = 0;
  private queue: CellView[] = [];
  private job: Job | null = null;

  constructor(cells: HTMLElement[]) {
    this.views = cells.map((el) => new CellView(el, (v) => this.edited(v), (v) => this.run(v)));
  }

  private view(el: HTMLElement): CellView {
    return this.views.find((v) => v.el === el)!;
  }

  /** Starts the worker ahead of the first Run (on hover or focus), so Run answers sooner. */
  warm(): void {
    this.ensureWorker();
  }

  /** Handles a toolbar button of cell `el`. */
  act(el: HTMLElement, action: string): void {
    const view = this.view(el);
    if (action === "run") this.run(view);
    else if (action === "stop") this.kill(t("cell.stopped"));
    else if (action === "edit") void view.openEditor(true);
    else if (action === "reset") view.reset();
    else if (action === "share") void view.share();
    else if (action === "above") this.views.slice(0, this.views.indexOf(view)).forEach((v) => this.run(v));
  }

  /** Queues a run of `view` (runs happen in the order asked). */
  run(view: CellView): void {
    if (this.queue.includes(view) || this.job?.view === view) return;
    this.queue.push(view);
    view.begin(t("cell.running"));
    this.next();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./cell-worker.ts", import.meta.url), { type: "module" });
    worker.addEventListener("message", (e: MessageEvent<FromWorker>) => this.receive(e.data));
    worker.addEventListener("error", (e) => {
      e.preventDefault();
      const view = this.job?.view;
      this.kill(t("cell.workerFailed", { message: e.message || "error" }));
      view?.status("");
    });
    return (this.worker = worker);
  }

  private next(): void {
    if (this.job) return;
    const view = this.queue.shift();
    if (!view) return;
    const worker = this.ensureWorker();
    const job: Job = { view, run: ++this.runs, started: performance.now() };
    const seconds = view.timeoutSeconds;
    job.timer = setTimeout(() => this.kill(t("cell.timedOut", { seconds })), seconds * 1000);
    this.job = job;
    view.setRunning(true);
    worker.postMessage({ run: job.run, code: view.source } satisfies ToWorker);
  }

  private receive(m: FromWorker): void {
    const job = this.job;
    if (!job || m.run !== job.run) return;
    if (m.kind === "done") {
      clearTimeout(job.timer);
      job.view.setRunning(false);
      job.view.finish(m.ok, performance.now() - job.started);
      this.job = null;
      this.next();
    } else job.view.show1(m);
  }

  /** Terminates the worker: the running cell shows `message`, queued cells and earlier results go stale. */
  private kill(message: string): void {
    this.worker?.terminate();
    this.worker = null;
    const job = this.job;
    this.job = null;
    if (job) {
      clearTimeout(job.timer);
      job.view.setRunning(false);
      job.view.killed(message);
    }
    for (const v of this.queue) v.killed(t("cell.restarted"));
    this.queue = [];
    for (const v of this.views) if (v.hasRun && v !== job?.view) v.setStale(true);
  }

  /** Editing a cell makes the results of every later cell out of date. */
  private edited(view: CellView): void {
    for (const v of this.views.slice(this.views.indexOf(view) + 1)) if (v.hasRun) v.setStale(true);
  }
}

let instance: Notebook | null = null;

/** The page's one notebook over `cells` (in page order). */
export function notebook(cells: HTMLElement[]): Notebook {
  return (instance ??= new Notebook(cells));
}
