// <dl-batch-size>: full-batch, mini-batch and single-example SGD on the house prices (chapter 4):
// loss against examples processed (or steps), and the cloud of per-batch gradients around the
// full-batch gradient. The model (batch-size-model.ts) trains with the engine; this draws.
import { RetrainedWidget } from "./retrained-widget";
import { drawChart, Plot, themeColors } from "../charts/chart";
import { formatNumber } from "../charts/format";
import { tableHead } from "../charts/data-table";
import { chartBlock, legend, seriesColor, thin, plainTick, stepAxis } from "../charts/parts";
import { ChartQueue } from "./chart-queue";
import { dotsMark } from "../charts/dots-mark";
import { dropPlotStyle } from "./optimizer-charts";
import {
  batchSizeSchema,
  BatchTraining,
  gradientCloud,
  cloudSummary,
  stepsPerEpoch,
  BATCHES,
  type BatchChoice,
  type BatchRun,
  type BatchSizeState,
} from "./batch-size-model";
import { t } from "../i18n";

type Part = "loss" | "cloud";
/** Training steps per slice, and the milliseconds of training a change's own frame may spend: the default
 * settings' four runs (about 700 steps) fit in it, the largest (20 epochs of 200 examples) take several frames. */
const SLICE_STEPS = 50;
const FIRST_FRAME_MS = 8;
/** The settings the runs depend on; the axis and the point of the gradient cloud do not retrain them. */
const trainKey = (s: BatchSizeState) => [s.lr, s.epochs, s.m, s.seed].join();
const cloudKey = (s: BatchSizeState) => [s.m, s.seed, s.where].join();

class BatchSizeWidget extends RetrainedWidget<typeof batchSizeSchema, BatchRun, BatchTraining, Part> {
  readonly schema = batchSizeSchema;
  protected readonly slices = { firstMs: FIRST_FRAME_MS, unit: SLICE_STEPS };
  private readonly lossHost = chartBlock("");
  private readonly cloudHost = chartBlock(t("batchSize.cloudTitle"));
  /** The settings the figure shows, and its gradient cloud. */
  private shown!: BatchSizeState;
  private cloud?: { key: string; value: ReturnType<typeof gradientCloud> };
  protected readonly queue = new ChartQueue<Part>(["loss", "cloud"], (part) => this.drawPart(part));

  protected buildControls(panel: HTMLElement): void {
    panel.append(
      this.fieldGroup(t("batchSize.groupTraining"), ["lr", "epochs", "xAxis"]),
      this.fieldGroup(t("batchSize.groupData"), ["m", "seed", "where"]),
    );
  }

  protected optionLabel(name: string, option: string): string {
    return t(`batchSize.${name}.${option}`);
  }

  private label = (b: BatchChoice) =>
    b === 0 ? t("batchSize.full", { m: this.shown.m }) : b === 1 ? t("batchSize.single") : t("batchSize.mini", { b });
  private color = (b: BatchChoice) => seriesColor(BATCHES.indexOf(b));

  protected chartBlocks(): HTMLElement[] {
    return [this.lossHost.block, this.cloudHost.block];
  }

  protected trainKey(): string {
    return trainKey(this.state);
  }

  protected makeJob(): BatchTraining {
    return new BatchTraining({ ...this.state });
  }

  protected trainingText(percent: number): string {
    return t("batchSize.training", { percent });
  }

  /** The finished runs with the current axis and cloud point (the axis moves only the loss chart, the cloud point
   * only the cloud). */
  protected showRuns(): void {
    // The runs were trained with these settings; the axis and the cloud point are the reader's current ones.
    const { lr, epochs, m, seed } = this.trained;
    const s = (this.shown = { ...this.state, lr, epochs, m, seed });
    const runs = this.runs;
    if (this.cloud?.key !== cloudKey(s)) this.cloud = { key: cloudKey(s), value: gradientCloud(s) };
    const cloud = this.cloud.value;
    const theme = document.documentElement.dataset.theme ?? "";
    // "full batch (m = …)" follows m, and the colours follow the theme.
    if (this.legendHost.dataset.look !== `${theme}:${s.m}`) {
      this.legendHost.replaceChildren(legend(BATCHES.map((b) => ({ label: this.label(b), color: this.color(b) }))));
      this.legendHost.dataset.look = `${theme}:${s.m}`;
    }
    this.fillTable(runs, cloud);
    const diverged = runs.filter((r) => r.diverged !== null);
    this.note.textContent = [
      ...diverged.map((r) => t("batchSize.diverged", { name: this.label(r.batch), step: r.diverged! })),
      s.where === "minimum" ? t("batchSize.noteMinimum") : t("batchSize.noteStart"),
    ].join(" ");
    const look = `${theme}:${this.chartWidth()}`;
    this.queue.want("loss", `${this.retrainer?.trainedKey}:${s.xAxis}:${look}`);
    this.queue.want("cloud", `${cloudKey(s)}:${look}`);
  }

  private drawPart(part: Part): void {
    if (part === "loss") this.drawLoss(this.runs, this.chartWidth());
    else this.drawCloud(this.cloud!.value, this.chartWidth());
    dropPlotStyle(this.figure);
  }

  private fillTable(runs: BatchRun[], cloud: ReturnType<typeof gradientCloud>): void {
    const s = this.shown;
    const cols = ["batch", "perEpoch", "steps", "loss", "cosine", "spread"].map((c) => t(`batchSize.col.${c}`));
    const body = document.createElement("tbody");
    for (const run of runs) {
      const row = body.insertRow();
      row.dataset.batch = String(run.batch);
      const th = Object.assign(document.createElement("th"), { scope: "row", textContent: this.label(run.batch) });
      row.append(th);
      const last = run.points[run.points.length - 1];
      const summary = cloudSummary(cloud.clouds, cloud.full, run.batch);
      const cells = [
        String(stepsPerEpoch(run.batch, s.m)),
        String(last.step),
        run.diverged !== null ? formatNumber(NaN) : formatNumber(last.J),
        Number.isNaN(summary.meanCos) ? "–" : formatNumber(summary.meanCos, 3),
        formatNumber(summary.spread, 3),
      ];
      for (const text of cells) row.insertCell().textContent = text;
      row.cells[1].setAttribute("data-steps-per-epoch", "");
    }
    this.table.replaceChildren(tableHead(cols), body);
  }

  private drawLoss(runs: BatchRun[], width: number): void {
    const s = this.shown;
    const x = s.xAxis === "steps" ? "step" : "examples";
    this.lossHost.heading.textContent = t("batchSize.lossTitle", { x: t(`batchSize.xAxis.${s.xAxis}`) });
    const finite = runs.map((r) => ({ run: r, points: r.points.filter((p) => Number.isFinite(p.J) && p.J > 0) }));
    drawChart(
      this.lossHost.host,
      {
        width,
        height: 270,
        marginLeft: 52,
        marginBottom: 44,
        x: stepAxis(t(`batchSize.axis.${s.xAxis}`)),
        y: { type: "log", label: t("batchSize.axisLoss"), grid: true, tickFormat: plainTick },
        marks: finite.flatMap(({ run, points }) => [
          Plot.line(points, { x, y: "J", stroke: this.color(run.batch), strokeWidth: run.batch === 1 ? 1.2 : 2 }),
          run.diverged !== null
            ? Plot.dot(points.slice(-1), { x, y: "J", symbol: "times", r: 7, stroke: this.color(run.batch), strokeWidth: 2.5 })
            : null,
        ]),
      },
      t("batchSize.lossDesc", {
        x: t(`batchSize.xAxis.${s.xAxis}`),
        epochs: s.epochs,
        finals: runs
          .map((r) => `${this.label(r.batch)} ${r.diverged !== null ? formatNumber(NaN) : formatNumber(r.points[r.points.length - 1].J)}`)
          .join(", "),
      }),
      {
        columns: [t("batchSize.col.batch"), t("batchSize.axis.steps"), t("batchSize.axis.examples"), t("batchSize.axisLoss")],
        rows: runs.flatMap((r) => thin(r.points, 12).map((p) => [this.label(r.batch), p.step, p.examples, p.J])),
      },
    );
  }

  private drawCloud({ at, full, clouds }: ReturnType<typeof gradientCloud>, width: number): void {
    const c = themeColors();
    const zero = full[0] === 0 && full[1] === 0;
    const tip = [{ dw: full[0], db: full[1] }];
    drawChart(
      this.cloudHost.host,
      {
        width,
        height: 270,
        marginLeft: 52,
        marginBottom: 44,
        x: { ...stepAxis(t("batchSize.axisDw")), grid: true },
        y: { label: t("batchSize.axisDb"), grid: true },
        marks: [
          Plot.ruleX([0], { stroke: c.muted }),
          Plot.ruleY([0], { stroke: c.muted }),
          ...BATCHES.filter((b) => b !== 0).map((b) =>
            dotsMark(
              clouds.filter((g) => g.batch === b),
              "dw",
              "db",
              b === 1 ? 2 : 3.5,
              { fill: this.color(b), "fill-opacity": b === 1 ? 0.6 : 0.9 },
            ),
          ),
          zero
            ? Plot.dot(tip, { x: "dw", y: "db", symbol: "plus", r: 8, stroke: this.color(0), strokeWidth: 2.5 })
            : Plot.arrow(tip, { x1: 0, y1: 0, x2: "dw", y2: "db", stroke: this.color(0), strokeWidth: 2.5 }),
        ],
      },
      t("batchSize.cloudDesc", {
        w: formatNumber(at[0], 3),
        b: formatNumber(at[1], 3),
        dw: formatNumber(full[0], 3),
        db: formatNumber(full[1], 3),
        count: clouds.length,
      }),
      {
        columns: [t("batchSize.col.batch"), t("batchSize.axisDw"), t("batchSize.axisDb"), t("batchSize.col.cosine")],
        rows: BATCHES.flatMap((b) =>
          thin(
            clouds.filter((g) => g.batch === b),
            10,
          ).map((g) => [this.label(b), g.dw, g.db, Number.isNaN(g.cosine) ? "–" : g.cosine]),
        ),
      },
    );
  }
}

if (!customElements.get("dl-batch-size")) customElements.define("dl-batch-size", BatchSizeWidget);
