// <dl-overfitting-lab>: six networks of growing width trained on the same noisy sample (chapter 5):
// final training and validation cost against capacity, both costs over training for one width,
// and that width's fitted curve. The model (overfitting-lab-model.ts) trains with the engine, a
// slice per frame (frame-slices.ts); this draws.
import { ThrottledWidget } from "./throttled-widget";
import { drawChart, Plot } from "../charts/chart";
import { formatNumber } from "../charts/format";
import { runInFrames } from "./frame-slices";
import { afterPaint } from "./after-paint";
import { chartBlock, chartWidth, legend, seriesColor, solidAndDashed, stepAxis, thin } from "../charts/parts";
import { CapacitySweep, WIDTHS, bestWidth, finalCosts, overfittingSchema, type WidthRun } from "./overfitting-lab-model";
import { t } from "../i18n";

const fmt = (x: number) => formatNumber(x, 3);

class OverfittingLabWidget extends ThrottledWidget<typeof overfittingSchema> {
  readonly schema = overfittingSchema;
  private job?: CapacitySweep;
  private jobKey = "";
  private cancel?: () => void;
  private stopLater = () => {};
  /** The charts' width, read once per change. */
  private width = 420;
  private progress!: HTMLElement;
  private note!: HTMLElement;
  private hosts!: { capacity: ReturnType<typeof chartBlock>; curves: ReturnType<typeof chartBlock>; fit: ReturnType<typeof chartBlock> };

  protected buildControls(panel: HTMLElement): void {
    panel.append(
      this.fieldGroup(t("overfittingLab.groupModel"), ["width", "steps"]),
      this.fieldGroup(t("overfittingLab.groupData"), ["trainSize", "noise", "augment", "seed"]),
    );
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cancel?.();
    this.stopLater();
  }

  protected render(): void {
    if (!this.progress) {
      this.progress = Object.assign(document.createElement("p"), { className: "dl-note dl-progress" });
      this.progress.setAttribute("aria-live", "polite");
      this.note = Object.assign(document.createElement("p"), { className: "dl-note" });
      const charts = Object.assign(document.createElement("div"), { className: "dl-internals-charts" });
      this.hosts = { capacity: chartBlock(t("overfittingLab.capacityTitle")), curves: chartBlock(""), fit: chartBlock("") };
      charts.append(this.hosts.capacity.block, this.hosts.curves.block, this.hosts.fit.block);
      const key = legend([
        { label: t("overfittingLab.train"), color: seriesColor(0) },
        { label: t("overfittingLab.val"), color: seriesColor(1), dash: true },
      ]);
      this.figure.append(this.progress, key, charts, this.note);
    }
    // A new sweep only when something other than the inspected width changed.
    const key = JSON.stringify({ ...this.state, width: "" });
    if (key !== this.jobKey || !this.job) {
      this.jobKey = key;
      this.cancel?.();
      const job = (this.job = new CapacitySweep(this.state));
      // Training starts once the change's frame is painted, 10 ms a frame (14 ms slices, with a chart, made frames late
      // enough to delay the next click's).
      let stopSlices = () => {};
      const stopStart = afterPaint([
        () => (stopSlices = runInFrames(job, () => this.job === job && this.draw(), { budgetMs: 10, pauseOutside: this })),
      ]);
      this.cancel = () => {
        stopStart();
        stopSlices();
      };
    }
    // Read before the text changes: a read after it forces a layout of the page.
    this.width = chartWidth(this.figure, 420);
    this.draw();
  }

  /** Progress, note and the fitted curve now; the capacity and cost charts in the next two frames (one chart a frame). */
  private draw(): void {
    const job = this.job!,
      s = this.state;
    const finished = job.runs.filter((r) => r.trainer.step >= s.steps);
    const pct = Math.round((100 * job.done) / job.total);
    this.progress.textContent = job.finished
      ? t("overfittingLab.done", { steps: s.steps.toLocaleString("en-US"), widths: WIDTHS.length })
      : t("overfittingLab.training", { pct, width: job.runs.find((r) => r.trainer.step < s.steps)?.width ?? "" });
    this.progress.dataset.done = String(job.finished);
    const width = this.width,
      selected = Number(s.width);
    const run = job.run(selected);
    this.hosts.fit.heading.textContent = t("overfittingLab.fitTitle", { width: selected });
    this.drawFit(job, selected, width);
    this.stopLater();
    this.stopLater = afterPaint([
      () => this.drawCapacity(finished, width, selected),
      () => {
        this.hosts.curves.heading.textContent = t("overfittingLab.curvesTitle", { width: selected });
        this.drawCurves(run, width);
      },
    ]);
    if (job.finished) {
      const f = finalCosts(run),
        best = bestWidth(job);
      this.note.textContent = t("overfittingLab.note", { width: selected, train: fmt(f.train), val: fmt(f.val), gap: fmt(f.gap), best });
    } else this.note.textContent = "";
  }

  private drawCapacity(runs: WidthRun[], width: number, selected: number): void {
    const rows = runs.map((r) => ({ width: r.width, ...finalCosts(r) }));
    const long = rows
      .flatMap((r) => [
        { width: r.width, kind: "train", J: r.train },
        { width: r.width, kind: "val", J: r.val },
      ])
      .filter((p) => Number.isFinite(p.J) && p.J > 0);
    drawChart(
      this.hosts.capacity.host,
      {
        width,
        height: 230,
        marginLeft: 52,
        marginBottom: 44,
        x: {
          type: "log",
          base: 2,
          domain: [1, 32],
          ticks: [...WIDTHS],
          tickFormat: (d: number) => String(d),
          ...stepAxis(t("overfittingLab.axisWidth")),
        },
        y: { type: "log", label: t("overfittingLab.axisCost"), grid: true, ticks: 4, tickFormat: (d: number) => formatNumber(d, 2) },
        marks: [
          Plot.ruleX([selected], { stroke: seriesColor(4), strokeDasharray: "2 3" }),
          ...solidAndDashed(
            "width",
            { data: long.filter((p) => p.kind === "train"), y: "J" },
            { data: long.filter((p) => p.kind === "val"), y: "J" },
          ),
          Plot.dot(long, {
            x: "width",
            y: "J",
            fill: (d: { kind: string }) => (d.kind === "train" ? seriesColor(0) : seriesColor(1)),
            r: 3,
          }),
        ],
      },
      t("overfittingLab.capacityDesc", {
        rows:
          rows.map((r) => t("overfittingLab.capacityRow", { width: r.width, train: fmt(r.train), val: fmt(r.val) })).join("; ") ||
          t("overfittingLab.none"),
      }),
      {
        columns: [t("overfittingLab.axisWidth"), t("overfittingLab.train"), t("overfittingLab.val"), t("overfittingLab.gap")],
        rows: rows.map((r) => [r.width, r.train, r.val, r.gap]),
      },
    );
  }

  private drawCurves(run: WidthRun, width: number): void {
    const pts = run.points.filter((p) => p.train > 0 && p.val > 0 && Number.isFinite(p.val));
    const last = pts[pts.length - 1];
    drawChart(
      this.hosts.curves.host,
      {
        width,
        height: 230,
        marginLeft: 52,
        marginBottom: 44,
        x: stepAxis(t("overfittingLab.axisStep")),
        y: { type: "log", label: t("overfittingLab.axisCost"), grid: true, ticks: 4, tickFormat: (d: number) => formatNumber(d, 2) },
        marks: [...solidAndDashed("step", { data: pts, y: "train" }, { data: pts, y: "val" })],
      },
      t("overfittingLab.curvesDesc", {
        width: run.width,
        step: last?.step ?? 0,
        train: fmt(last?.train ?? NaN),
        val: fmt(last?.val ?? NaN),
      }),
      {
        columns: [t("overfittingLab.axisStep"), t("overfittingLab.train"), t("overfittingLab.val")],
        rows: thin(pts).map((p) => [p.step, p.train, p.val]),
      },
    );
  }

  private drawFit(job: CapacitySweep, selected: number, width: number): void {
    const pts = (set: { X: { data: Float64Array }; Y: { data: Float64Array } }) =>
      Array.from(set.X.data, (x, i) => ({ x, y: set.Y.data[i] }));
    const train = pts(job.data.train),
      val = pts(job.data.val),
      copies = job.state.augment ? pts(job.data.fit).slice(train.length) : [];
    const curve = job.curve(selected);
    drawChart(
      this.hosts.fit.host,
      {
        width,
        height: 240,
        marginLeft: 44,
        marginBottom: 44,
        x: { ...stepAxis("x"), domain: [-Math.PI, Math.PI] },
        y: { label: "y", domain: [-2.2, 2.2], grid: true },
        clip: true,
        marks: [
          Plot.dot(val, { x: "x", y: "y", r: 1.5, fill: seriesColor(4), fillOpacity: 0.6 }),
          Plot.dot(copies, { x: "x", y: "y", r: 2, stroke: seriesColor(3), strokeOpacity: 0.7 }),
          Plot.dot(train, { x: "x", y: "y", r: 4, stroke: seriesColor(0), strokeWidth: 2 }),
          Plot.line(curve, { x: "x", y: "y", stroke: seriesColor(1), strokeWidth: 2 }),
        ],
      },
      t("overfittingLab.fitDesc", { width: selected, train: train.length, copies: copies.length, val: val.length }),
      { columns: ["x", t("overfittingLab.prediction")], rows: thin(curve, 16).map((p) => [p.x, p.y]) },
    );
  }
}

if (!customElements.get("dl-overfitting-lab")) customElements.define("dl-overfitting-lab", OverfittingLabWidget);
