// <dl-adamw-vs-l2>: one overfitting-prone polynomial model trained with Adam + L2 (coupled decay),
// AdamW (decoupled decay, same λ) and plain Adam (chapter 4): weight norm and validation cost over
// time, and the fitted curves. The model (adamw-vs-l2-model.ts) trains with the engine; this draws.
import { RetrainedWidget } from "./retrained-widget";
import { drawChart, Plot } from "../charts/chart";
import { formatNumber } from "../charts/format";
import { tableHead } from "../charts/data-table";
import { chartBlock, legend, seriesColor, thin, plainTick, stepAxis } from "../charts/parts";
import { adamwSchema, CompareTraining, splits, fitCurve, bestVal, RUNS, type Run, type RunId } from "./adamw-vs-l2-model";
import { ChartQueue } from "./chart-queue";
import { dropPlotStyle } from "./optimizer-charts";
import { t } from "../i18n";

const COLOR: Record<RunId, number> = { l2: 1, adamw: 0, none: 4 };
type Part = "norm" | "val" | "fit";
/** Training steps per slice, and the milliseconds of training a change's own frame may spend (a little under
 * half of the default settings' 3 × 1200 steps here; the rest, and every larger setting, runs in later frames). */
const SLICE_STEPS = 40;
const FIRST_FRAME_MS = 8;

class AdamwVsL2Widget extends RetrainedWidget<typeof adamwSchema, Run, CompareTraining, Part> {
  readonly schema = adamwSchema;
  protected readonly slices = { firstMs: FIRST_FRAME_MS, unit: SLICE_STEPS };
  private readonly normHost = chartBlock(t("adamwVsL2.normTitle"));
  private readonly valHost = chartBlock(t("adamwVsL2.valTitle"));
  private readonly fitHost = chartBlock(t("adamwVsL2.fitTitle"));
  protected readonly queue = new ChartQueue<Part>(["norm", "val", "fit"], (part) => this.drawPart(part));

  protected buildControls(panel: HTMLElement): void {
    panel.append(
      this.fieldGroup(t("adamwVsL2.groupDecay"), ["lambda", "decayBiases", "lr", "steps"]),
      this.fieldGroup(t("adamwVsL2.groupData"), ["noise", "seed"]),
    );
  }

  private name = (id: RunId) => t(`adamwVsL2.short.${id}`);
  private color = (id: RunId) => seriesColor(COLOR[id]);
  private dash = (id: RunId) => (id === "none" ? "2 3" : id === "l2" ? "6 3" : undefined);

  protected chartBlocks(): HTMLElement[] {
    return [this.normHost.block, this.valHost.block, this.fitHost.block];
  }

  protected trainKey(): string {
    return JSON.stringify(this.state);
  }

  protected makeJob(): CompareTraining {
    return new CompareTraining({ ...this.state });
  }

  protected trainingText(percent: number): string {
    return t("adamwVsL2.training", { percent });
  }

  protected showRuns(): void {
    const s = this.trained,
      runs = this.runs;
    const theme = document.documentElement.dataset.theme ?? "";
    if (this.legendHost.dataset.theme !== theme) {
      this.legendHost.replaceChildren(
        legend(RUNS.map((id) => ({ label: t(`adamwVsL2.run.${id}`), color: this.color(id), dash: !!this.dash(id) }))),
      );
      this.legendHost.dataset.theme = theme;
    }
    this.fillTable(runs);
    const [l2, adamw] = runs;
    const lastNorm = (r: Run) => r.points[r.points.length - 1].norm;
    this.note.textContent =
      s.lambda === 0
        ? t("adamwVsL2.noteZero")
        : t("adamwVsL2.note", {
            l2: formatNumber(lastNorm(l2), 3),
            adamw: formatNumber(lastNorm(adamw), 3),
            bias: s.decayBiases ? t("adamwVsL2.biasOn") : t("adamwVsL2.biasOff"),
          });
    const look = `${this.retrainer?.trainedKey}:${theme}:${this.chartWidth()}`;
    for (const part of ["norm", "val", "fit"] as const) this.queue.want(part, look);
  }

  private drawPart(part: Part): void {
    const width = this.chartWidth();
    if (part === "norm") this.drawSeries(this.normHost.host, this.runs, "norm", width, t("adamwVsL2.axisNorm"), false);
    else if (part === "val") this.drawSeries(this.valHost.host, this.runs, "val", width, t("adamwVsL2.axisVal"), true);
    else this.drawFits(this.runs, width);
    dropPlotStyle(this.figure);
  }

  private fillTable(runs: Run[]): void {
    const cols = ["run", "norm", "train", "val", "best", "b"].map((c) => t(`adamwVsL2.col.${c}`));
    const body = document.createElement("tbody");
    for (const run of runs) {
      const row = body.insertRow();
      row.dataset.run = run.id;
      row.append(Object.assign(document.createElement("th"), { scope: "row", textContent: this.name(run.id) }));
      const last = run.points[run.points.length - 1],
        best = bestVal(run);
      const cells = [
        formatNumber(last.norm, 3),
        formatNumber(last.train, 3),
        formatNumber(last.val, 3),
        t("adamwVsL2.atStep", { val: formatNumber(best.val, 3), step: best.step }),
        formatNumber(run.b, 3),
      ];
      cells.forEach((text, i) => {
        const cell = row.insertCell();
        cell.textContent = text;
        if (i === 0) cell.dataset.norm = String(last.norm);
      });
    }
    this.table.replaceChildren(tableHead(cols), body);
  }

  private drawSeries(host: HTMLElement, runs: Run[], key: "norm" | "val", width: number, label: string, log: boolean): void {
    drawChart(
      host,
      {
        width,
        height: 230,
        marginLeft: 52,
        marginBottom: 44,
        x: stepAxis(t("adamwVsL2.axisStep")),
        y: log ? { type: "log", label, grid: true, tickFormat: plainTick } : { label, grid: true, zero: true },
        marks: runs.map((r) =>
          Plot.line(
            r.points.filter((p) => Number.isFinite(p[key]) && (!log || p[key] > 0)),
            { x: "step", y: key, stroke: this.color(r.id), strokeWidth: 2, strokeDasharray: this.dash(r.id) },
          ),
        ),
      },
      t(key === "norm" ? "adamwVsL2.normDesc" : "adamwVsL2.valDesc", {
        steps: this.trained.steps,
        finals: runs.map((r) => `${this.name(r.id)} ${formatNumber(r.points[r.points.length - 1][key], 3)}`).join(", "),
      }),
      {
        columns: [t("adamwVsL2.axisStep"), ...runs.map((r) => this.name(r.id))],
        rows: thin(runs[0].points).map((p) => [p.step, ...runs.map((r) => r.points.find((q) => q.step === p.step)?.[key] ?? NaN)]),
      },
    );
  }

  private drawFits(runs: Run[], width: number): void {
    const { train, val } = splits(this.trained);
    const points = (set: { x: { data: Float64Array }; Y: { data: Float64Array } }) =>
      Array.from(set.x.data, (x, i) => ({ x, y: set.Y.data[i] }));
    const trainPts = points(train),
      valPts = points(val);
    const curves = runs.map((r) => ({ run: r, curve: fitCurve(r) }));
    // NOTE: a wild fit shoots far past the data; the window stays on the data so the points remain readable.
    const ys = [...trainPts, ...valPts].map((p) => p.y);
    const lo = Math.min(...ys) - 0.5,
      hi = Math.max(...ys) + 0.5;
    drawChart(
      this.fitHost.host,
      {
        width,
        height: 250,
        marginLeft: 44,
        marginBottom: 44,
        x: { ...stepAxis("x"), domain: [-1, 1] },
        y: { label: "y", domain: [lo, hi], grid: true },
        clip: true,
        marks: [
          Plot.dot(valPts, { x: "x", y: "y", r: 2, fill: seriesColor(4), fillOpacity: 0.7 }),
          Plot.dot(trainPts, { x: "x", y: "y", r: 4, stroke: seriesColor(3), strokeWidth: 2 }),
          ...curves.map(({ run, curve }) =>
            Plot.line(curve, { x: "x", y: "y", stroke: this.color(run.id), strokeWidth: 2, strokeDasharray: this.dash(run.id) }),
          ),
        ],
      },
      t("adamwVsL2.fitDesc", { train: trainPts.length, val: valPts.length }),
      {
        columns: ["x", ...runs.map((r) => this.name(r.id))],
        rows: thin(curves[0].curve, 16).map((p) => [p.x, ...curves.map(({ curve }) => curve.find((q) => q.x === p.x)!.y)]),
      },
    );
  }
}

if (!customElements.get("dl-adamw-vs-l2")) customElements.define("dl-adamw-vs-l2", AdamwVsL2Widget);
