// <dl-train-playground>: a one-hidden-layer network learning a 2-D classification set (chapter 3).
// Training runs in slices between animation frames (a time budget per frame) so the page stays smooth;
// the expensive heatmap is redrawn at most every HEATMAP_MS. It pauses when scrolled out of view.
import { WidgetBase } from "./base";
import { watchVisibility } from "./visibility";
import { formatNumber } from "../charts/format";
import { drawHeatmap, drawLossCurve, type Scales } from "./train-playground-charts";
import { buildDataControls } from "./train-playground-data";
import { datasetPoints, sessionSettings, trainPlaygroundSchema, type DatasetName } from "./train-playground-model";
import { FrameBudget, LOSS_CEILING, PlaygroundSession, StepRate } from "./train-playground-session";
import { t } from "../i18n";

const HEATMAP_MS = 50;
const LOSS_MS = 100;
const READOUTS = ["step", "epoch", "loss", "fullLoss", "accuracy", "rate", "status"] as const;

class TrainPlaygroundWidget extends WidgetBase<typeof trainPlaygroundSchema> {
  readonly schema = trainPlaygroundSchema;
  private session!: PlaygroundSession;
  private seed = 1;
  /** The dataset choice whose points were last loaded, and whether the reader has edited them since. */
  private loaded = "";
  private custom = false;
  private playing = false;
  private visible = true;
  private unwatch = () => {};
  private raf = 0;
  private lastHeatmap = -Infinity;
  private lastLossCurve = -Infinity;
  private width = 560;
  private readonly rate = new StepRate();
  private readonly budget = new FrameBudget();
  private scales?: Scales;
  private playButton!: HTMLButtonElement;
  private dd = new Map<(typeof READOUTS)[number], HTMLElement>();
  private heatHost!: HTMLElement;
  private lossHost!: HTMLElement;
  private note!: HTMLElement;
  private clickLabel: "off" | "0" | "1" = "off";

  connectedCallback(): void {
    super.connectedCallback();
    this.unwatch = watchVisibility(this, (visible) => {
      this.visible = visible;
      if (this.visible) this.schedule();
      else this.cancel();
      this.drawReadouts();
    });
  }

  disconnectedCallback(): void {
    this.unwatch();
    this.cancel();
  }

  protected buildControls(panel: HTMLElement): void {
    const group = (title: string, ...children: HTMLElement[]) => {
      const fs = document.createElement("fieldset");
      fs.append(Object.assign(document.createElement("legend"), { textContent: title }), ...children);
      return fs;
    };
    const button = (label: string, onClick: () => void) => {
      const b = Object.assign(document.createElement("button"), { type: "button", textContent: label, className: "dl-tp-button" });
      b.setAttribute("data-control", "");
      b.addEventListener("click", onClick);
      return b;
    };
    this.playButton = button(t("trainPlayground.play"), () => (this.playing ? this.pause() : this.play()));
    const buttons = Object.assign(document.createElement("div"), { className: "dl-tp-buttons" });
    buttons.append(
      this.playButton,
      button(t("trainPlayground.step"), () => this.stepOnce()),
      button(t("trainPlayground.reset"), () => this.resetWeights()),
    );
    // Speed changes how fast the figure changes, not the figure itself.
    const speed = this.control("speed");
    speed.querySelector("[data-control]")?.removeAttribute("data-control");
    panel.append(
      group(t("trainPlayground.group.run"), buttons, speed),
      group(t("trainPlayground.group.network"), this.control("width"), this.control("activation")),
      group(
        t("trainPlayground.group.training"),
        this.control("optimizer"),
        this.control("lr"),
        this.control("batch"),
        this.control("logScale"),
      ),
      group(
        t("trainPlayground.group.data"),
        this.control("dataset"),
        buildDataControls({
          add: (x, y, label) => this.editPoints(() => this.session.addPoint(x, y, label)),
          load: (points) =>
            this.editPoints(() => {
              this.session.setPoints(points);
              this.session.reset();
            }),
          clear: () => this.editPoints(() => this.session.setPoints({ x: [], y: [], label: [] })),
          clickMode: (mode) => {
            this.clickLabel = mode;
            this.heatHost.style.cursor = mode === "off" ? "" : "crosshair";
          },
        }),
      ),
    );
  }

  protected optionLabel(name: string, option: string): string {
    if (name === "dataset") return t(`trainPlayground.dataset.${option}`);
    if (name === "activation") return t(`activation.${option}`);
    if (name === "optimizer") return t(`trainPlayground.optimizer.${option}`);
    if (option === "all") return t("trainPlayground.batch.all");
    if (option === "max") return t("trainPlayground.speed.max");
    return option;
  }

  /** Applies the state (new data, network or settings) and redraws everything. */
  protected render(): void {
    if (!this.heatHost) this.buildFigure();
    const s = this.state;
    if (!this.session) {
      this.session = new PlaygroundSession(datasetPoints(s.dataset as DatasetName), sessionSettings(s), this.seed);
      this.loaded = s.dataset;
    } else if (s.dataset !== this.loaded) {
      this.loaded = s.dataset;
      this.custom = false;
      this.session.apply(sessionSettings(s));
      this.session.setPoints(datasetPoints(s.dataset as DatasetName));
      this.session.reset();
    } else {
      this.session.apply(sessionSettings(s));
    }
    this.drawAll();
  }

  private buildFigure(): void {
    const readouts = Object.assign(document.createElement("dl"), { className: "dl-readouts dl-tp-readouts" });
    for (const key of READOUTS) {
      const dd = document.createElement("dd");
      readouts.append(Object.assign(document.createElement("dt"), { textContent: t(`trainPlayground.readout.${key}`) }), dd);
      this.dd.set(key, dd);
    }
    this.heatHost = Object.assign(document.createElement("div"), { className: "dl-tp-chart dl-tp-heatmap" });
    this.heatHost.addEventListener("click", (e) => this.clickToAdd(e));
    this.lossHost = Object.assign(document.createElement("div"), { className: "dl-tp-chart" });
    this.note = Object.assign(document.createElement("p"), { className: "dl-note" });
    const legend = Object.assign(document.createElement("p"), {
      className: "dl-chart-description",
      textContent: t("trainPlayground.legend"),
    });
    this.figure.append(readouts, this.note, this.heatHost, legend, this.lossHost);
    // The figure's width, read on resize only: reading clientWidth after each redraw would force a layout per frame.
    this.width = this.figure.clientWidth || 560;
    new ResizeObserver(([entry]) => {
      const width = Math.round(entry.contentRect.width);
      if (width === 0 || Math.abs(width - this.width) < 8) return;
      this.width = width;
      if (!this.playing) this.drawAll();
    }).observe(this.figure);
  }

  private drawAll(now = performance.now()): void {
    this.drawReadouts();
    this.drawHeat();
    drawLossCurve(this.lossHost, this.session, this.state.logScale, this.width);
    this.lastHeatmap = this.lastLossCurve = now;
    this.note.textContent =
      this.session.status === "diverged"
        ? t("trainPlayground.divergedNote", { step: this.session.divergedAt ?? this.session.step, ceiling: formatNumber(LOSS_CEILING, 3) })
        : "";
  }

  private drawHeat(live = false): void {
    const s = this.state,
      session = this.session,
      { loss, accuracy, p } = session.evaluate();
    const labels = session.currentPoints.label,
      n1 = labels.filter((l) => l === 1).length;
    this.dd.get("fullLoss")!.textContent = labels.length ? formatNumber(loss) : "–";
    this.dd.get("accuracy")!.textContent = Number.isFinite(accuracy) ? `${formatNumber(accuracy * 100, 3)} %` : "–";
    this.scales = drawHeatmap(
      this.heatHost,
      session,
      {
        p,
        description: t("trainPlayground.heatmapDesc", {
          data: this.custom ? t("trainPlayground.yourData") : t(`trainPlayground.dataset.${this.loaded}`),
          count: labels.length,
          n0: labels.length - n1,
          n1,
          width: s.width,
          activation: t(`activation.${s.activation}`),
          optimizer: t(`trainPlayground.optimizer.${s.optimizer}`),
          lr: s.lr,
          batch: this.optionLabel("batch", s.batch),
          step: session.step.toLocaleString("en-US"),
          right: Number.isFinite(accuracy) ? `${formatNumber(accuracy * 100, 3)} %` : "–",
        }),
      },
      this.width,
      live,
    );
  }

  private drawReadouts(): void {
    const session = this.session;
    if (!session) return;
    const status =
      session.status === "diverged"
        ? t("widget.diverged")
        : session.status === "empty"
          ? t("trainPlayground.status.empty")
          : !this.playing
            ? t("trainPlayground.status.paused")
            : !this.visible
              ? t("trainPlayground.status.offscreen")
              : t("trainPlayground.status.ok");
    const values = {
      step: session.step.toLocaleString("en-US"),
      epoch: session.epoch.toLocaleString("en-US"),
      loss: session.step === 0 ? "–" : formatNumber(session.lastLoss),
      rate: this.playing ? Math.round(this.rate.perSecond).toLocaleString("en-US") : "–",
      status,
    };
    for (const [key, value] of Object.entries(values)) this.dd.get(key as (typeof READOUTS)[number])!.textContent = value;
    this.toggleAttribute("data-diverged", session.status === "diverged");
  }

  private frame = (now: number): void => {
    this.raf = 0;
    if (!this.playing || !this.visible) return;
    const speed = this.state.speed,
      session = this.session;
    if (speed === "max") session.runFor(this.budget.next(now));
    else session.run(Number(speed));
    this.rate.record(now, session.step);
    if (session.status !== "ok") {
      this.pause();
      return;
    }
    // Readouts and heatmap together, the loss curve on another frame: no frame pays for every redraw. When even
    // the smallest training budget leaves frames late, drawing is the cost, so redraw less often.
    const slow = this.budget.ms <= FrameBudget.MIN_MS ? 3 : 1;
    if (now - this.lastHeatmap >= slow * HEATMAP_MS) {
      this.drawReadouts();
      this.drawHeat(true);
      this.lastHeatmap = now;
    } else if (now - this.lastLossCurve >= slow * LOSS_MS) {
      drawLossCurve(this.lossHost, session, this.state.logScale, this.width, true);
      this.lastLossCurve = now;
    }
    this.schedule();
  };

  private schedule(): void {
    if (this.playing && this.visible && this.raf === 0) this.raf = requestAnimationFrame(this.frame);
  }

  private cancel(): void {
    if (this.raf !== 0) cancelAnimationFrame(this.raf);
    this.raf = 0;
  }

  private play(): void {
    this.playing = true;
    this.playButton.textContent = t("trainPlayground.pause");
    this.rate.clear();
    this.budget.restart();
    this.schedule();
    this.drawReadouts();
  }

  private pause(): void {
    this.playing = false;
    this.playButton.textContent = t("trainPlayground.play");
    this.cancel();
    this.drawAll();
  }

  private stepOnce(): void {
    this.pause();
    this.session.run(1);
    this.drawAll();
  }

  private resetWeights(): void {
    this.seed++;
    this.session.reset(this.seed);
    this.pause();
  }

  /** Runs a change to the points, then redraws; training goes on if it was running. */
  private editPoints(change: () => void): void {
    change();
    this.custom = true;
    this.drawAll();
  }

  private clickToAdd(e: MouseEvent): void {
    if (this.clickLabel === "off" || !this.scales) return;
    const svg = this.heatHost.querySelector("svg");
    if (!svg || !this.scales.x.invert || !this.scales.y.invert) return;
    const box = svg.getBoundingClientRect(),
      k = Number(svg.getAttribute("width")) / box.width;
    const x = Number(this.scales.x.invert((e.clientX - box.left) * k)),
      y = Number(this.scales.y.invert((e.clientY - box.top) * k));
    const { x0, x1, y0, y1 } = this.session.domain;
    if (!(x >= x0 && x <= x1 && y >= y0 && y <= y1)) return;
    const label = this.clickLabel === "1" ? 1 : 0;
    this.editPoints(() => this.session.addPoint(x, y, label));
  }
}

if (!customElements.get("dl-train-playground")) customElements.define("dl-train-playground", TrainPlaygroundWidget);
