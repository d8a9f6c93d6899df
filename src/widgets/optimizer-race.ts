// <dl-optimizer-race>: several engine optimizers raced over one 2-D loss surface (chapter 4).
// The model (optimizer-race-model.ts) runs the race; this element draws it and drives Play/Step.
import { ThrottledWidget } from "./throttled-widget";
import { drawChart, Plot, themeColors } from "../charts/chart";
import { powerOfTen, thin } from "../charts/parts";
import { formatNumber } from "../charts/format";
import { assignFields, controlButton, PlayLoop } from "./controls";
import { tableHead } from "../charts/data-table";
import { ChartQueue } from "./chart-queue";
import { watchVisibility } from "./visibility";
import { optimizerColor, dashOf, drawSurfaceChart, dropPlotStyle, surfaceBackground, trackWidth } from "./optimizer-charts";
import {
  raceSchema,
  race,
  surfaceOf,
  usesKappa,
  lossSeries,
  presetFor,
  settingsText,
  quadraticRate,
  SETTINGS,
  OPTIMIZERS,
  SURFACES,
  MAX_STEPS,
  type OptimizerId,
  type RaceState,
  type Run,
  type SurfaceId,
} from "./optimizer-race-model";
import { t } from "../i18n";

type PlotSvg = SVGSVGElement & { scale(name: "x" | "y"): { invert?: (v: number) => number } };

class OptimizerRaceWidget extends ThrottledWidget<typeof raceSchema> {
  readonly schema = raceSchema;
  private player!: PlayLoop;
  private summaries = new Map<OptimizerId, HTMLElement>();
  private swatches = new Map<OptimizerId, HTMLElement>();
  private notes!: HTMLElement;
  private pathsHost!: HTMLElement;
  private lossHost!: HTMLElement;
  private table!: HTMLTableElement;
  private pathsWidth!: () => number;
  private figureWidth!: () => number;
  /** The race the charts show, computed once per change; the paths and the loss chart are drawn in successive frames. */
  private result!: ReturnType<typeof race>;
  private readonly charts = new ChartQueue<"paths" | "loss">(["paths", "loss"], (part) => this.drawPart(part));

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.player?.stop();
    this.charts.cancel();
  }

  /** The stage: the main controls (surface, κ, steps, Step/Play/Reset) beside the contour plot on a
   * wide screen, right above it on a phone, so Play and the moving paths are in view together.
   * Start point and per-optimizer settings fold away below. */
  protected buildControls(panel: HTMLElement): void {
    const surface = this.fieldGroup(t("optimizerRace.groupSurface"), ["surface", "kappa"]);
    const hint = Object.assign(document.createElement("p"), { className: "dl-note", textContent: t("optimizerRace.clickHint") });
    surface.querySelector("select")!.addEventListener("change", () => {
      const id = this.state.surface as SurfaceId;
      this.assign(presetFor(id));
      this.fitStartSliders();
      hint.textContent = t("optimizerRace.presetNote", { surface: t(`optimizerRace.surface.${id}`) });
    });

    const run = this.fieldGroup(t("optimizerRace.groupRun"), ["steps"]);
    const buttons = document.createElement("div");
    buttons.className = "dl-race-buttons";
    this.player = new PlayLoop(
      { play: t("optimizerRace.play"), pause: t("optimizerRace.pause") },
      50,
      () => {
        const s = this.state.steps;
        if (s >= MAX_STEPS) return false;
        // Faster later on: the first steps are where the paths differ most.
        this.assign({ steps: Math.min(MAX_STEPS, s + (s < 60 ? 1 : s < 200 ? 2 : 5)) });
        return true;
      },
      () => {
        if (this.state.steps >= MAX_STEPS) this.assign({ steps: 0 });
      },
    );
    buttons.append(
      // At the last step, Step starts the run over (as Play does) rather than doing nothing.
      controlButton(t("optimizerRace.stepButton"), "step", () =>
        this.assign({ steps: this.state.steps >= MAX_STEPS ? 1 : this.state.steps + 1 }),
      ),
      this.player.button,
      controlButton(t("optimizerRace.reset"), "reset", () => {
        this.player.stop();
        this.assign({ steps: 0 });
      }),
    );
    run.append(buttons);

    const main = Object.assign(document.createElement("div"), { className: "dl-race-main" });
    main.append(surface, run);
    this.pathsHost = Object.assign(document.createElement("div"), { className: "dl-race-paths" });
    const stage = Object.assign(document.createElement("div"), { className: "dl-race-stage" });
    stage.append(main, this.pathsHost, hint);

    const start = this.settingsGroup(t("optimizerRace.groupStart"), ["x0", "y0"]);
    const optimizers = document.createElement("div");
    optimizers.className = "dl-race-optimizers";
    optimizers.append(...OPTIMIZERS.map((id) => this.optimizerPanel(id)));
    panel.append(stage, start, optimizers);
    queueMicrotask(() => this.fitStartSliders());
  }

  protected optionLabel(_name: string, option: string): string {
    return t(`optimizerRace.surface.${option}`);
  }

  /** One optimizer: its on/off box, and its hyper-parameters folded in a settings group (closed on
   * every screen: six open panels would push the loss chart and the table far down). */
  private optimizerPanel(id: OptimizerId): HTMLElement {
    const name = t(`optimizerRace.name.${id}`);
    const box = document.createElement("div");
    box.className = "dl-race-optimizer";
    const settings = this.settingsGroup(t("optimizerRace.settingsOf", { name }), SETTINGS[id]);
    const summary = settings.querySelector("summary")!;
    summary.setAttribute("aria-label", t("optimizerRace.settingsOf", { name }));
    this.summaries.set(id, summary);
    // Six panels share the label "Learning rate lr"; say whose it is to a screen reader.
    for (const field of SETTINGS[id]) {
      settings
        .querySelectorAll(`[id="${this.inputId(field)}"], [id="${this.inputId(field)}"] + input`)
        .forEach((input) => input.setAttribute("aria-label", `${name}: ${raceSchema[field].label}`));
    }
    const toggle = this.control(id);
    // The swatch makes each on/off box the legend of the paths (coloured in render, per theme).
    const swatch = Object.assign(document.createElement("span"), { className: "dl-race-swatch" });
    toggle.querySelector("label")!.prepend(swatch);
    this.swatches.set(id, swatch);
    box.append(toggle, settings);
    return box;
  }

  /** Sets several fields, keeps their controls in step, and redraws once. */
  private assign(values: Partial<RaceState>): void {
    assignFields(this, values);
    this.update();
  }

  private inputId = (name: string) => `${this.id || this.localName}-${name}`;

  /** The start sliders span the current surface's view window; κ is off where it means nothing. */
  private fitStartSliders(): void {
    const kappa = this.querySelector<HTMLInputElement>(`[id="${this.inputId("kappa")}"]`);
    const off = !usesKappa(this.state.surface);
    if (kappa) [kappa, kappa.nextElementSibling as HTMLInputElement].forEach((input) => (input.disabled = off));
    const { xRange, yRange } = surfaceOf(this.state);
    for (const [name, [lo, hi]] of [
      ["x0", xRange],
      ["y0", yRange],
    ] as const) {
      const slider = this.querySelector<HTMLInputElement>(`[id="${this.inputId(name)}"]`);
      if (slider) Object.assign(slider, { min: String(lo), max: String(hi), value: String(this.state[name]) });
    }
  }

  protected render(): void {
    if (!this.table) {
      this.notes = Object.assign(document.createElement("ul"), { className: "dl-race-notes" });
      this.lossHost = Object.assign(document.createElement("div"), { className: "dl-race-loss" });
      // tabIndex: the table scrolls sideways on a phone, so the keyboard must be able to reach it.
      this.table = Object.assign(document.createElement("table"), { className: "dl-fallback dl-race-table", tabIndex: 0 });
      this.figure.append(this.notes, this.table, this.lossHost);
      this.pathsWidth = trackWidth(this.pathsHost, () => this.update());
      this.figureWidth = trackWidth(this.figure, () => this.update());
      this.warmBackgrounds();
    }
    const s = this.state;
    for (const id of OPTIMIZERS) {
      this.summaries.get(id)!.textContent = settingsText(id, s);
      this.swatches.get(id)!.style.borderTop = `3px ${dashOf(id) ? "dashed" : "solid"} ${optimizerColor(id)}`;
    }
    const result = (this.result = race(s));
    const name = this.name;
    const numbers = this.table.textContent + this.notes.textContent;
    this.notes.replaceChildren(
      ...result.runs
        .filter((r) => r.stop)
        .map((r) =>
          Object.assign(document.createElement("li"), {
            textContent: t(`optimizerRace.note.${r.stop!.kind}`, { name: name(r.id), step: r.stop!.step }),
          }),
        ),
    );
    this.fillTable(result.runs, !!result.surface.minimum, name);
    // New numbers in the table or notes are this frame's news: the two charts then follow, one per frame.
    const key = `${JSON.stringify(s)}:${document.documentElement.dataset.theme}:${this.pathsWidth()}:${this.figureWidth()}`;
    this.charts.want("paths", key);
    this.charts.want("loss", key);
    this.charts.flush(undefined, numbers === this.table.textContent + this.notes.textContent);
  }

  private readonly name = (id: OptimizerId) => t(`optimizerRace.name.${id}`);

  private drawPart(part: "paths" | "loss"): void {
    // NOTE: the custom element itself is inline (clientWidth 0); the hosts are blocks.
    if (part === "paths") this.drawPaths(this.result, Math.min(480, this.pathsWidth() || 360), this.name);
    else this.drawLoss(this.result, Math.min(640, this.figureWidth() || 640), this.name);
  }

  private drawPaths({ surface, start, runs }: ReturnType<typeof race>, size: number, name: (id: OptimizerId) => string): void {
    const c = themeColors();
    const target = surface.minimum ?? surface.stationary;
    const s = this.state;
    drawSurfaceChart(
      this.pathsHost,
      surface,
      size,
      [t("optimizerRace.axisX"), t("optimizerRace.axisY")],
      [
        Plot.dot([{ x: start[0], y: start[1] }], { x: "x", y: "y", r: 5, stroke: c.text, fill: "none", strokeWidth: 2 }),
        ...runs.flatMap((r) => [
          Plot.line(r.points, { x: "x", y: "y", stroke: optimizerColor(r.id), strokeWidth: 2, strokeDasharray: dashOf(r.id), clip: true }),
          r.marker
            ? Plot.dot([r.marker], { x: "x", y: "y", symbol: "times", r: 8, stroke: optimizerColor(r.id), strokeWidth: 3 })
            : Plot.dot(r.points.slice(-1), { x: "x", y: "y", r: 3.5, fill: optimizerColor(r.id), clip: true }),
        ]),
      ],
      t("optimizerRace.pathsDesc", {
        surface: t(`optimizerRace.surface.${s.surface}`),
        names: runs.map((r) => name(r.id)).join(", ") || "–",
        x0: formatNumber(start[0]),
        y0: formatNumber(start[1]),
        steps: s.steps,
        tx: formatNumber(target.x),
        ty: formatNumber(target.y),
      }),
      {
        columns: [t("optimizerRace.col.optimizer"), t("optimizerRace.col.step"), t("optimizerRace.col.x"), t("optimizerRace.col.y")],
        rows: runs.flatMap((r) => thin(r.points).map((p) => [name(r.id), p.t, p.x, p.y])),
      },
    );
    this.listenForStart();
  }

  /** Draws every surface's contour layer while the race is in view and the page is idle (one layer per idle period
   * of at least 40 ms), so a later switch to a surface only draws its paths. Out of view it waits: tracing a layer
   * takes 30-100 ms here, and the crawl met those tasks when it changed another widget's controls. */
  private warmBackgrounds(): void {
    const idle = window.requestIdleCallback ?? ((f: (d?: IdleDeadline) => void) => setTimeout(f, 200));
    const ids = SURFACES.filter((id) => id !== this.state.surface);
    let visible = false,
      scheduled = false;
    const schedule = () => {
      if (scheduled || !visible || !ids.length) return;
      scheduled = true;
      idle(next);
    };
    const next = (deadline?: IdleDeadline) => {
      scheduled = false;
      if (!visible) return;
      if (deadline && deadline.timeRemaining() < 40) return schedule();
      const id = ids.shift();
      if (!id) return unwatch();
      const kappa = (presetFor(id).kappa as number | undefined) ?? this.state.kappa;
      surfaceBackground(
        surfaceOf({ surface: id, kappa }),
        Math.min(480, this.pathsWidth() || 360),
        t("optimizerRace.axisX"),
        t("optimizerRace.axisY"),
      );
      schedule();
    };
    const unwatch = watchVisibility(this.pathsHost, (on) => {
      visible = on;
      schedule();
    });
  }

  /** Clicking the contour plot moves the start point there. */
  private listenForStart(): void {
    const svg = this.pathsHost.querySelector(".dl-surface-fg > svg") as PlotSvg | null;
    const x = svg?.scale("x"),
      y = svg?.scale("y");
    if (!svg || !x?.invert || !y?.invert) return;
    svg.style.cursor = "crosshair";
    svg.addEventListener("click", (event) => {
      const box = svg.getBoundingClientRect();
      const k = svg.viewBox.baseVal.width / box.width || 1;
      const round = (v: number) => Math.round(v * 100) / 100;
      this.assign({ x0: round(x.invert!((event.clientX - box.left) * k)), y0: round(y.invert!((event.clientY - box.top) * k)) });
    });
  }

  private drawLoss({ surface, runs }: ReturnType<typeof race>, size: number, name: (id: OptimizerId) => string): void {
    const series = runs.map((r) => ({ run: r, data: lossSeries(r, surface) }));
    const log = !!surface.minimum;
    drawChart(
      this.lossHost,
      {
        width: size,
        height: Math.max(200, Math.round(size * 0.45)),
        marginLeft: 56,
        marginBottom: 36,
        x: { domain: [0, Math.max(1, this.state.steps)], label: t("optimizerRace.axisStep") },
        // Without a minimum (the saddle) f falls without bound: a fixed window shows each run leave it.
        y: log
          ? { type: "log", tickFormat: powerOfTen, label: t("optimizerRace.axisGap"), grid: true }
          : { domain: [-10, Math.max(1, ...series.map((d) => d.data[0].loss))], label: t("optimizerRace.axisF"), grid: true },
        clip: !log,
        marks: series.flatMap(({ run, data }) => [
          Plot.line(data, { x: "t", y: "loss", stroke: optimizerColor(run.id), strokeWidth: 2, strokeDasharray: dashOf(run.id) }),
          run.stop
            ? Plot.dot(data.slice(-1), { x: "t", y: "loss", symbol: "times", r: 8, stroke: optimizerColor(run.id), strokeWidth: 3 })
            : null,
        ]),
      },
      t("optimizerRace.lossDesc", {
        names: runs.map((r) => name(r.id)).join(", ") || "–",
        finals: series.map(({ run, data }) => `${name(run.id)} ${formatNumber(data[data.length - 1].loss)}`).join(", ") || "–",
      }),
      {
        columns: [t("optimizerRace.col.optimizer"), t("optimizerRace.col.step"), t("optimizerRace.col.loss")],
        rows: series.flatMap(({ run, data }) => thin(data).map((p) => [name(run.id), p.t, p.loss])),
      },
    );
    dropPlotStyle(this.lossHost);
  }

  /** One row per optimizer, ticked or not, so its settings show even before it races. */
  private fillTable(runs: Run[], hasMinimum: boolean, name: (id: OptimizerId) => string): void {
    const quadratic = usesKappa(this.state.surface);
    const cols = ["optimizer", "settings", "f", hasMinimum ? "distance" : "distanceSaddle", "status", ...(quadratic ? ["rate"] : [])];
    // Rows are built once per set of columns and then only their texts change: a step of Play
    // re-styles a few text nodes instead of a whole new table.
    const key = cols.join();
    if (this.table.dataset.columns !== key) {
      const body = document.createElement("tbody");
      for (const id of OPTIMIZERS) {
        const row = body.insertRow();
        row.dataset.optimizer = id;
        const th = Object.assign(document.createElement("th"), { scope: "row" });
        th.append(Object.assign(document.createElement("span"), { className: "dl-race-swatch" }), name(id));
        row.append(th);
        for (let i = 1; i < cols.length; i++) row.insertCell();
      }
      this.table.replaceChildren(tableHead(cols.map((col) => t(`optimizerRace.col.${col}`))), body);
      this.table.dataset.columns = key;
    }
    for (const row of this.table.tBodies[0].rows) {
      const id = row.dataset.optimizer as OptimizerId;
      const r = runs.find((run) => run.id === id);
      row.dataset.status = r?.status ?? "off";
      row.querySelector<HTMLElement>(".dl-race-swatch")!.style.borderTop =
        `3px ${dashOf(id) ? "dashed" : "solid"} ${r ? optimizerColor(id) : "transparent"}`;
      const last = r?.points[r.points.length - 1];
      const status = r ? t(`optimizerRace.status.${r.status}`, { step: r.stop?.step ?? "" }) : t("optimizerRace.status.off");
      const cells = [settingsText(id, this.state), last ? formatNumber(last.f) : "–", r ? formatNumber(r.distance) : "–", status];
      if (quadratic) {
        const rho = quadraticRate(id, this.state);
        cells.push(
          rho === null
            ? t("optimizerRace.rateNotLinear")
            : t(rho < 1 ? "optimizerRace.rateConverges" : "optimizerRace.rateDiverges", { rho: formatNumber(rho, 4) }),
        );
      }
      cells.forEach((text, i) => {
        const cell = row.cells[i + 1];
        if (cell.textContent !== text) cell.textContent = text;
      });
    }
  }
}

if (!customElements.get("dl-optimizer-race")) customElements.define("dl-optimizer-race", OptimizerRaceWidget);
