// <dl-train-playground>: a network of 1–4 hidden layers learning a 2-D classification set from chosen input
// features (chapter 3). Play, Step, Reset, the data set and the learning rate sit above the figure; the rest is in
// folded groups. Training runs in slices between animation frames (a time budget per frame) so the page stays
// smooth; the expensive heatmap and network maps are redrawn at most every HEATMAP_MS. It pauses out of view.
import { WidgetBase } from "./base";
import { afterPaint } from "./after-paint";
import { controlButton } from "./controls";
import { watchVisibility } from "./visibility";
import { formatNumber } from "../charts/format";
import { drawHeatmap, drawLossCurve, onTableOpen, type Scales } from "./train-playground-charts";
import { buildDataControls } from "./train-playground-data";
import { NetworkFigure, type UnitRef } from "./train-playground-network";
import {
  FEATURES,
  LR_LADDER,
  MAX_LAYERS,
  chosenFeatures,
  datasetPoints,
  lrToSlider,
  sessionSettings,
  sliderToLr,
  trainPlaygroundSchema,
  type DatasetName,
} from "./train-playground-model";
import { FrameBudget, LOSS_CEILING, PlaygroundSession, StepRate } from "./train-playground-session";
import { t } from "../i18n";

const HEATMAP_MS = 50;
const LOSS_MS = 100;
/** The network's maps are the costliest redraw (a picture per unit), so they refresh less often while training. */
const NETWORK_MS = 200;
const READOUTS = [
  "step",
  "epoch",
  "trainLoss",
  "testLoss",
  "accuracy",
  "testAccuracy",
  "loss",
  "weights",
  "penalty",
  "rate",
  "status",
] as const;
/** Below this figure width the heatmap, network and loss chart stack; above it the network and loss chart stand
 * in a column beside the heatmap, so all three fit on a laptop screen with the controls. */
const SIDE_BY_SIDE = 540;

class TrainPlaygroundWidget extends WidgetBase<typeof trainPlaygroundSchema> {
  readonly schema = trainPlaygroundSchema;
  private session!: PlaygroundSession;
  private seed = 1;
  /** The dataset and noise whose points were last loaded, and whether the reader has edited them since. */
  private loaded = "";
  private custom = false;
  private playing = false;
  private visible = true;
  private unwatch = () => {};
  private raf = 0;
  /** Drops the drawings a change left for later frames. */
  private stopLater = () => {};
  private lastHeatmap = -Infinity;
  private lastLossCurve = -Infinity;
  private lastNetwork = -Infinity;
  private width = 560;
  private readonly rate = new StepRate();
  private readonly budget = new FrameBudget();
  private scales?: Scales;
  private playButton!: HTMLButtonElement;
  private lrSlider!: HTMLInputElement;
  private lrShown!: HTMLOutputElement;
  private dd = new Map<(typeof READOUTS)[number], HTMLElement>();
  private heatHost!: HTMLElement;
  /** The heatmap's column, as wide as the heatmap so the network and loss chart fit beside it. */
  private heatBox!: HTMLElement;
  private sideBox!: HTMLElement;
  private lossHost!: HTMLElement;
  private showing!: HTMLElement;
  private network!: NetworkFigure;
  private focused?: UnitRef;
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
    this.stopLater();
  }

  protected buildControls(panel: HTMLElement): void {
    this.playButton = controlButton(t("trainPlayground.play"), "play", () => (this.playing ? this.pause() : this.play()));
    const buttons = Object.assign(document.createElement("div"), { className: "dl-tp-buttons" });
    buttons.append(
      this.playButton,
      controlButton(t("trainPlayground.step"), "step", () => this.stepOnce()),
      controlButton(t("trainPlayground.reset"), "reset", () => this.resetWeights()),
    );
    // Speed changes how fast the figure changes, not the figure itself.
    const speed = this.control("speed");
    speed.querySelector("[data-control]")?.removeAttribute("data-control");
    const main = this.fieldGroup(t("trainPlayground.group.run"), [buttons, "dataset", this.lrControl()]);
    main.classList.add("dl-tp-main");
    const settings = Object.assign(document.createElement("div"), { className: "dl-tp-settings" });
    settings.append(
      this.settingsGroup(t("trainPlayground.group.network"), [
        Object.assign(this.fieldGroup(t("trainPlayground.group.features"), [...FEATURES]), { className: "dl-tp-features" }),
        "layers",
        "units1",
        "units2",
        "units3",
        "units4",
        "activation",
      ]),
      this.settingsGroup(t("trainPlayground.group.data"), [
        "ratio",
        "noise",
        "batch",
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
      ]),
      this.settingsGroup(t("trainPlayground.group.training"), ["optimizer", "penalty", "lambda", speed, "logScale"]),
    );
    panel.append(main, settings);
  }

  /** The learning rate on a log-spaced slider (1, 2, 3, 5 per decade), with the rate it stands for beside it. */
  private lrControl(): HTMLElement {
    const id = `${this.id || this.localName}-lr`;
    const wrap = Object.assign(document.createElement("div"), { className: "dl-control dl-control-number dl-tp-lr" });
    const label = Object.assign(document.createElement("label"), { htmlFor: id, textContent: t("trainPlayground.lr") });
    this.lrSlider = Object.assign(document.createElement("input"), {
      type: "range",
      id,
      min: "0",
      max: String(LR_LADDER.length - 1),
      step: "1",
      value: String(lrToSlider(this.state.lr)),
    });
    this.lrSlider.setAttribute("data-control", "lr");
    this.lrShown = Object.assign(document.createElement("output"), { htmlFor: id, className: "dl-tp-lr-value" });
    this.lrSlider.addEventListener("input", () => this.set("lr", sliderToLr(Number(this.lrSlider.value))));
    wrap.append(label, this.lrSlider, this.lrShown);
    return wrap;
  }

  protected optionLabel(name: string, option: string): string {
    if (name === "dataset") return t(`trainPlayground.dataset.${option}`);
    if (name === "activation") return t(`activation.${option}`);
    if (name === "optimizer") return t(`trainPlayground.optimizer.${option}`);
    if (name === "penalty") return t(`trainPlayground.penalty.${option}`);
    if (option === "all") return t("trainPlayground.batch.all");
    if (option === "max") return t("trainPlayground.speed.max");
    return option;
  }

  /** Applies the state (new data, network or settings) and redraws everything. */
  protected render(): void {
    if (!this.heatHost) this.buildFigure();
    const s = this.state;
    // The rate the slider stands for: the state's own (it may come from a link), shown exactly.
    this.lrSlider.value = String(lrToSlider(s.lr));
    this.lrShown.value = String(s.lr);
    this.lrSlider.setAttribute("aria-valuetext", String(s.lr));
    const data = `${s.dataset}|${s.noise}`;
    if (!this.session) {
      this.session = new PlaygroundSession(datasetPoints(s.dataset as DatasetName, s.noise), sessionSettings(s), this.seed);
      this.loaded = data;
    } else if (data !== this.loaded && (!this.custom || !this.loaded.startsWith(`${s.dataset}|`))) {
      this.loaded = data;
      this.custom = false;
      this.session.apply(sessionSettings(s));
      this.session.setPoints(datasetPoints(s.dataset as DatasetName, s.noise));
      this.session.reset();
    } else {
      this.session.apply(sessionSettings(s));
    }
    this.enableControls();
    this.drawAll();
  }

  /** Controls that would do nothing in the current state are disabled, each with its reason. */
  private enableControls(): void {
    const s = this.state;
    for (let k = 2; k <= MAX_LAYERS; k++) {
      this.enable(`units${k}` as "units2", k <= s.layers, t("trainPlayground.why.layer", { layer: k, layers: s.layers }));
    }
    this.enable("lambda", s.penalty !== "none", t("trainPlayground.why.lambda"));
    this.enable("noise", !this.custom, t("trainPlayground.why.noise"));
    const chosen = chosenFeatures(s);
    for (const f of FEATURES) this.enable(f, !(chosen.length === 1 && s[f]), t("trainPlayground.why.feature"));
  }

  private buildFigure(): void {
    const readouts = Object.assign(document.createElement("dl"), { className: "dl-readouts dl-tp-readouts" });
    for (const key of READOUTS) {
      const dd = document.createElement("dd");
      const item = Object.assign(document.createElement("div"), { className: "dl-tp-readout" });
      item.append(Object.assign(document.createElement("dt"), { textContent: t(`trainPlayground.readout.${key}`) }), dd);
      readouts.append(item);
      this.dd.set(key, dd);
    }
    this.heatHost = Object.assign(document.createElement("div"), { className: "dl-tp-chart dl-tp-heatmap" });
    this.heatHost.addEventListener("click", (e) => this.clickToAdd(e));
    this.lossHost = Object.assign(document.createElement("div"), { className: "dl-tp-chart dl-tp-loss" });
    this.note = Object.assign(document.createElement("p"), { className: "dl-note" });
    this.showing = Object.assign(document.createElement("p"), { className: "dl-tp-showing" });
    this.showing.setAttribute("aria-live", "polite");
    const legend = Object.assign(document.createElement("p"), {
      className: "dl-chart-description",
      textContent: t("trainPlayground.legend"),
    });
    // The data tables are filled only while open (see wantTable): opening one draws its chart again with its rows.
    onTableOpen(this.heatHost, () => this.drawHeat());
    onTableOpen(this.lossHost, () => drawLossCurve(this.lossHost, this.session, this.state.logScale, this.layout.network));
    this.network = new NetworkFigure((unit) => this.focusUnit(unit));
    const heat = (this.heatBox = Object.assign(document.createElement("div"), { className: "dl-tp-heat" }));
    heat.append(this.showing, this.heatHost);
    const side = (this.sideBox = Object.assign(document.createElement("div"), { className: "dl-tp-side" }));
    side.append(this.network.root, this.lossHost);
    const panels = Object.assign(document.createElement("div"), { className: "dl-tp-panels" });
    panels.append(heat, side);
    this.figure.append(readouts, this.note, panels, legend);
    // The figure's width, read on resize only: reading clientWidth after each redraw would force a layout per frame.
    this.width = this.figure.clientWidth || 560;
    new ResizeObserver(([entry]) => {
      const width = Math.round(entry.contentRect.width);
      if (width === 0 || Math.abs(width - this.width) < 8) return;
      this.width = width;
      if (!this.playing) this.drawAll();
    }).observe(this.figure);
  }

  /** Widths of the heatmap and network figure: side by side when there is room, stacked otherwise. */
  private get layout(): { heat: number; network: number } {
    if (this.width < SIDE_BY_SIDE) return { heat: this.width, network: this.width };
    const side = Math.round(Math.max(240, Math.min(320, this.width * 0.45)));
    return { heat: Math.min(380, this.width - side - 24), network: side };
  }

  /**
   * Redraws after a change: the readouts and the heatmap (whose description names every setting) in the change's own
   * frame, the network after that frame is painted and the loss curve after the next, so no frame pays for all three.
   */
  private drawAll(now = performance.now()): void {
    this.heatBox.style.maxWidth = `${this.layout.heat}px`;
    this.sideBox.style.maxWidth = `${this.layout.network}px`;
    this.drawReadouts();
    this.drawHeat();
    this.lastHeatmap = this.lastLossCurve = this.lastNetwork = now;
    this.note.textContent =
      this.session.status === "diverged"
        ? t("trainPlayground.divergedNote", { step: this.session.divergedAt ?? this.session.step, ceiling: formatNumber(LOSS_CEILING, 3) })
        : "";
    this.stopLater();
    this.stopLater = afterPaint([
      () => this.network.draw(this.session, chosenFeatures(this.state), this.layout.network),
      () => drawLossCurve(this.lossHost, this.session, this.state.logScale, this.layout.network),
    ]);
  }

  /** Shows a hidden unit's map in the heatmap while it is pointed at or focused (none: the output's p). */
  private focusUnit(unit: UnitRef | undefined): void {
    this.focused = unit;
    this.network.setActive(unit);
    this.drawHeat();
  }

  private drawHeat(): void {
    const s = this.state,
      session = this.session,
      { loss, accuracy, p } = session.evaluate(),
      test = session.evaluateTest();
    const labels = session.currentPoints.label,
      n1 = labels.filter((l) => l === 1).length;
    const pct = (a: number) => (Number.isFinite(a) ? `${formatNumber(a * 100, 3)} %` : "–");
    this.dd.get("trainLoss")!.textContent = session.trainCount ? formatNumber(loss) : "–";
    this.dd.get("testLoss")!.textContent = session.testCount ? formatNumber(test.loss) : "–";
    this.dd.get("accuracy")!.textContent = pct(accuracy);
    this.dd.get("testAccuracy")!.textContent = pct(test.accuracy);
    this.dd.get("weights")!.textContent = formatNumber(session.weightNorm(), 3);
    this.dd.get("penalty")!.textContent = s.penalty === "none" ? "–" : formatNumber(session.penaltyValue());
    // The unit must still exist (a smaller network may have replaced the one it was in).
    const f = this.focused,
      unit = f ? session.unitMaps[f.layer]?.[f.unit] : undefined;
    this.scales = drawHeatmap(
      this.heatHost,
      session,
      {
        p,
        description: t("trainPlayground.heatmapDesc", {
          data: this.custom ? t("trainPlayground.yourData") : t(`trainPlayground.dataset.${s.dataset}`),
          count: labels.length,
          n0: labels.length - n1,
          n1,
          train: session.trainCount,
          test: session.testCount,
          shape: [chosenFeatures(s).length, ...session.currentSettings.hidden, 1].join("→"),
          activation: t(`activation.${s.activation}`),
          optimizer: t(`trainPlayground.optimizer.${s.optimizer}`),
          lr: s.lr,
          batch: this.optionLabel("batch", s.batch),
          step: session.step.toLocaleString("en-US"),
          right: pct(accuracy),
        }),
        unit,
      },
      this.layout.heat,
    );
    // NOTE: after the heatmap, which ran the grid forward pass the unit maps come from.
    this.showing.textContent =
      unit && f ? t("trainPlayground.showingUnit", { layer: f.layer + 1, unit: f.unit + 1 }) : t("trainPlayground.showingOutput");
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
    // Readouts and heatmap together, the loss curve or the network on another frame: no frame pays for every
    // redraw. When even the smallest training budget leaves frames late, drawing is the cost, so redraw less often.
    const slow = this.budget.ms <= FrameBudget.MIN_MS ? 3 : 1;
    if (now - this.lastHeatmap >= slow * HEATMAP_MS) {
      this.drawReadouts();
      this.drawHeat();
      this.lastHeatmap = now;
    } else if (now - this.lastNetwork >= slow * NETWORK_MS) {
      // The grid pass the maps come from is the heatmap's, one frame old at most.
      this.network.draw(session, chosenFeatures(this.state), this.layout.network);
      this.lastNetwork = now;
    } else if (now - this.lastLossCurve >= slow * LOSS_MS) {
      drawLossCurve(this.lossHost, session, this.state.logScale, this.layout.network);
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

  private pause(draw = true): void {
    this.playing = false;
    this.playButton.textContent = t("trainPlayground.play");
    this.cancel();
    if (draw) this.drawAll();
  }

  private stepOnce(): void {
    // One drawing, after the step (pausing drew the figure once more before it).
    this.pause(false);
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
    this.enableControls();
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
