// The page's notebook: its cells in page order and the one worker they share. Runs go one at a
// time through a queue; Stop or the time limit ends the worker (the only way to interrupt code
// that never yields), and the next run starts a fresh worker with an empty context.
// The worker lives in a sandboxed frame (sandbox-frame.mjs) with a process of its own, so a cell that
// fills memory ends that frame, not the tab: the page pings the frame, and a frame that stops answering
// is taken as out of memory and replaced. Frame and worker inherit the page's Content-Security-Policy;
// the worker answers only on a private MessagePort; every message is checked (checkMessage) and budgeted.
import "../i18n/ready"; // this page's language has its strings before any t() here
import { catalogSubset, t } from "../i18n";
import { CellView } from "./cell-view";
import { RunBudget } from "./budget";
import { checkMessage, type ToWorker } from "./protocol";
import { FRAME_DOCUMENT } from "./sandbox-frame.mjs";
import workerUrl from "./cell-worker.ts?worker&url";

/** How often the page pings the frame, and how long an unanswered ping may wait before the frame counts as gone. */
const PING_MS = 500;
const LOST_MS = 2500;

// The worker's code, fetched once by the page (same origin, so the service worker serves it offline).
let workerCode: Promise<Blob> | null = null;
const loadWorkerCode = () =>
  (workerCode ??= fetch(workerUrl)
    .then(async (r) => {
      if (!r.ok) throw new Error(`${r.status}`);
      return new Blob([await r.arrayBuffer()], { type: "text/javascript" });
    })
    .catch((error: unknown) => {
      workerCode = null; // offline before it was ever loaded: a later run retries
      throw error;
    }));

interface Job {
  view: CellView;
  run: number;
  started: number;
  budget: RunBudget;
  cutShown: boolean;
  /** Run was pressed on this cell again while it ran: it runs once more, with its code as it is then. */
  again: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

export class Notebook {
  private readonly views: CellView[];
  private frame: HTMLIFrameElement | null = null;
  private port: MessagePort | null = null;
  private ready = false;
  private pinger?: ReturnType<typeof setInterval>;
  /** When the frame's unanswered ping was sent; 0 when none is pending (or the frame has not loaded yet). */
  private pingSent = 0;
  private frameLoaded = false;
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
    addEventListener("message", (e) => this.fromFrame(e));
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
    // A press while the cell's run is under way (its output shown, its end not yet) is kept, not dropped.
    if (this.job?.view === view) {
      if (pressed) this.job.again = true;
      return;
    }
    if (this.queue.includes(view)) return;
    this.queue.push(view);
    view.begin(t("cell.running"));
    this.next();
  }

  private ensureWorker(): void {
    if (this.frame) return;
    const frame = document.createElement("iframe");
    // No allow-same-origin: an opaque origin, which Chromium gives a process of its own.
    frame.setAttribute("sandbox", "allow-scripts");
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    frame.title = "cell runner";
    frame.hidden = true;
    frame.srcdoc = FRAME_DOCUMENT;
    const channel = new MessageChannel();
    channel.port1.onmessage = (e) => this.receive(frame, e.data);
    frame.addEventListener("load", () => void this.start(frame, channel.port2), { once: true });
    document.body.append(frame);
    this.frame = frame;
    this.port = channel.port1;
    this.ready = false;
    this.frameLoaded = false;
    this.pingSent = 0;
    clearInterval(this.pinger);
    this.pinger = setInterval(() => this.ping(), PING_MS);
  }

  /** Hands the loaded frame the worker's code and the worker's end of the private channel. */
  private async start(frame: HTMLIFrameElement, port: MessagePort): Promise<void> {
    let code: Blob;
    try {
      code = await loadWorkerCode();
    } catch {
      if (this.frame === frame) this.kill(t("cell.workerFailed"));
      return;
    }
    if (this.frame !== frame) return;
    this.frameLoaded = true;
    frame.contentWindow?.postMessage(code, "*", [port]);
  }

  /**
   * Pings the frame, unless a ping is still unanswered: after LOST_MS its process is gone (a cell
   * filled its memory). Answers come as messages, which background tabs do not throttle.
   */
  private ping(): void {
    if (!this.frame || !this.frameLoaded) return;
    if (this.pingSent === 0) {
      this.pingSent = performance.now();
      this.frame.contentWindow?.postMessage("ping", "*");
    } else if (performance.now() - this.pingSent > LOST_MS) this.kill(t("cell.outOfMemory"));
  }

  /** A message from the frame itself: a pong, or "failed" when its worker could not start. */
  private fromFrame(e: MessageEvent): void {
    if (!this.frame || e.source !== this.frame.contentWindow) return;
    if (e.data === "pong") this.pingSent = 0;
    else if (e.data === "failed" && !this.ready) this.kill(t("cell.workerFailed"));
  }

  private next(): void {
    if (this.job) return;
    const view = this.queue.shift();
    if (!view) return;
    this.ensureWorker();
    const job: Job = { view, run: ++this.runs, started: performance.now(), budget: new RunBudget(), cutShown: false, again: false };
    this.job = job;
    view.setRunning(true);
    // The grader's words in the page's language (exercise cells print them from the worker).
    this.port!.postMessage({ run: job.run, code: view.source, strings: catalogSubset(["exercise."]) } satisfies ToWorker);
    if (this.ready) this.startClock(job);
  }

  /** The time limit counts from when the worker is ready: starting a fresh worker is not the cell's time. */
  private startClock(job: Job): void {
    const seconds = job.view.timeoutSeconds;
    job.started = performance.now();
    job.timer = setTimeout(() => this.kill(t("cell.timedOut", { seconds })), seconds * 1000);
  }

  /** One message from the worker of `frame`: checked, matched to the running job, budgeted, shown. */
  private receive(frame: HTMLIFrameElement, raw: unknown): void {
    if (frame !== this.frame) return;
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
      if (job.again) this.run(job.view, true);
      this.next();
    } else if (m.kind === "error" || m.kind === "ready") {
      if (m.kind === "error") job.view.show1(m);
    } else if (m.kind === "truncated" || !job.budget.admit(m)) {
      if (!job.cutShown) job.view.show1({ run: m.run, kind: "truncated", reason: m.kind === "truncated" ? m.reason : job.budget.cut! });
      job.cutShown = true;
    } else job.view.show1(m);
  }

  /** Removes the frame (its worker ends with it): the running cell shows `message`, queued cells and earlier results go stale. */
  private kill(message: string): void {
    this.frame?.remove();
    this.frame = null;
    clearInterval(this.pinger);
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
