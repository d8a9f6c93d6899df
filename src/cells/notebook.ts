// The page's notebook: its cells in page order and the one worker they share. Runs go one at a
// time through a queue; Stop or the time limit terminates the worker (the only way to interrupt
// code that never yields), and the next run starts a fresh worker with an empty context.
// The worker starts from a blob: URL so the page's Content-Security-Policy covers it, and answers
// only on a private MessagePort; every message is checked (checkMessage) and budgeted (RunBudget).
import { t } from "../i18n";
import { CellView } from "./cell-view";
import { RunBudget } from "./budget";
import { checkMessage, type ToWorker } from "./protocol";
import workerUrl from "./cell-worker.ts?worker&url";

interface Job {
  view: CellView;
  run: number;
  started: number;
  budget: RunBudget;
  cutShown: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

export class Notebook {
  private readonly views: CellView[];
  private worker: Worker | null = null;
  private port: MessagePort | null = null;
  private ready = false;
  private runs = 0;
  private queue: CellView[] = [];
  private job: Job | null = null;

  constructor(cells: HTMLElement[]) {
    this.views = cells.map(
      (el) =>
        new CellView(
          el,
          (v) => this.edited(v),
          (v) => this.run(v, true),
        ),
    );
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
    if (action === "run") this.run(view, true);
    else if (action === "stop") this.kill(t("cell.stopped"));
    else if (action === "edit") void view.openEditor(true);
    else if (action === "reset") view.reset();
    else if (action === "share") void view.share();
    else if (action === "above") this.views.slice(0, this.views.indexOf(view)).forEach((v) => this.run(v, false));
  }

  /**
   * Queues a run of `view` (runs happen in the order asked). `pressed` is the reader's own Run on
   * this cell; code that came from a link runs only after one (Run all above passes it by).
   */
  run(view: CellView, pressed: boolean): void {
    if (pressed) view.fromLink = false;
    else if (view.fromLink) return view.notice(t("cell.linkNotRun"));
    if (this.queue.includes(view) || this.job?.view === view) return;
    this.queue.push(view);
    view.begin(t("cell.running"));
    this.next();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // A blob: worker inherits the page's policy (a worker loaded from a URL would get none on a static host).
    const bootstrap = `import ${JSON.stringify(new URL(workerUrl, location.href).href)};`;
    const url = URL.createObjectURL(new Blob([bootstrap], { type: "text/javascript" }));
    const worker = new Worker(url, { type: "module" });
    const channel = new MessageChannel();
    worker.postMessage(null, [channel.port2]);
    channel.port1.onmessage = (e) => this.receive(worker, e.data);
    worker.addEventListener("error", (e) => {
      e.preventDefault();
      URL.revokeObjectURL(url);
      // After "ready" the worker reports its own errors; an error event before it means it never started.
      if (this.worker === worker && !this.ready) this.kill(t("cell.workerFailed"));
    });
    this.ready = false;
    this.port = channel.port1;
    return (this.worker = worker);
  }

  private next(): void {
    if (this.job) return;
    const view = this.queue.shift();
    if (!view) return;
    this.ensureWorker();
    const job: Job = { view, run: ++this.runs, started: performance.now(), budget: new RunBudget(), cutShown: false };
    this.job = job;
    view.setRunning(true);
    this.port!.postMessage({ run: job.run, code: view.source } satisfies ToWorker);
    if (this.ready) this.startClock(job);
  }

  /** The time limit counts from when the worker is ready: starting a fresh worker is not the cell's time. */
  private startClock(job: Job): void {
    const seconds = job.view.timeoutSeconds;
    job.started = performance.now();
    job.timer = setTimeout(() => this.kill(t("cell.timedOut", { seconds })), seconds * 1000);
  }

  /** One message from `worker`'s port: checked, matched to the running job, budgeted, shown. */
  private receive(worker: Worker, raw: unknown): void {
    if (worker !== this.worker) return;
    const m = checkMessage(raw);
    const job = this.job;
    if (m?.kind === "ready" && !this.ready) {
      this.ready = true;
      if (job) this.startClock(job);
    }
    if (!m || !job || m.run !== job.run) return;
    if (m.kind === "done") {
      clearTimeout(job.timer);
      job.view.setRunning(false);
      job.view.finish(m.ok, performance.now() - job.started);
      this.job = null;
      this.next();
    } else if (m.kind === "error" || m.kind === "ready") {
      if (m.kind === "error") job.view.show1(m);
    } else if (m.kind === "truncated" || !job.budget.admit(m)) {
      if (!job.cutShown) job.view.show1({ run: m.run, kind: "truncated", reason: m.kind === "truncated" ? m.reason : job.budget.cut! });
      job.cutShown = true;
    } else job.view.show1(m);
  }

  /** Terminates the worker: the running cell shows `message`, queued cells and earlier results go stale. */
  private kill(message: string): void {
    this.worker?.terminate();
    this.worker = null;
    this.port?.close();
    this.port = null;
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
