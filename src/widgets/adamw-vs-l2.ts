// <dl-adamw-vs-l2>: one overfitting-prone polynomial model trained with Adam + L2 (coupled decay),
// AdamW (decoupled decay, same λ) and plain Adam (chapter 4): weight norm and validation cost over
// time, and the fitted curves. The model (adamw-vs-l2-model.ts) trains with the engine; this draws.
import { ThrottledWidget } from "./throttled-widget";
import { drawChart, Plot } from "../charts/chart";
import { formatNumber } from "../charts/format";
import { tableHead } from "../charts/data-table";
import { chartBlock, chartWidth, legend, seriesColor, thin, plainTick, stepAxis } from "../charts/parts";
import { adamwSchema, compare, splits, fitCurve, bestVal, RUNS, type Run, type RunId } from "./adamw-vs-l2-model";
import { t } from "../i18n";

const COLOR: Record<RunId, number> = { l2: 1, adamw: 0, none: 4 };

class AdamwVsL2Widget extends ThrottledWidget<typeof adamwSchema> {
  readonly schema = adamwSchema;
  private table!: HTMLTableElement;
  private note!: HTMLElement;
  private legendHost!: HTMLElement;
  private normHost!: ReturnType<typeof chartBlock>;
  private valHost!: ReturnType<typeof chartBlock>;
  private fitHost!: ReturnType<typeof chartBlock>;

  protected buildControls(panel: HTMLElement): void {
    panel.append(
      this.fieldGroup(t("adamwVsL2.groupDecay"), ["lambda", "decayBiases", "lr", "steps"]),
      this.fieldGroup(t("adamwVsL2.groupData"), ["noise", "seed"]),
    );
  }

  private name = (id: RunId) => t(`adamwVsL2.short.${id}`);
  private color = (id: RunId) => seriesColor(COLOR[id]);
  private dash = (id: RunId) => (id === "none" ? "2 3" : id === "l2" ? "6 3" : undefined);

  protected render(): void {
    if (!this.table) {
      this.table = Object.assign(document.createElement("table"), { className: "dl-fallback dl-internals-table", tabIndex: 0 });
      this.note = Object.assign(document.createElement("p"), { className: "dl-note" });
      this.legendHost = document.createElement("div");
      const charts = Object.assign(document.createElement("div"), { className: "dl-internals-charts" });
      this.normHost = chartBlock(t("adamwVsL2.normTitle"));
      this.valHost = chartBlock(t("adamwVsL2.valTitle"));
      this.fitHost = chartBlock(t("adamwVsL2.fitTitle"));
      charts.append(this.normHost.block, this.valHost.block, this.fitHost.block);
      this.figure.append(this.table, this.note, this.legendHost, charts);
    }
    const s = this.state;
    const runs = compare(s);
    this.legendHost.replaceChildren(
      legend(RUNS.map((id) => ({ label: t(`adamwVsL2.run.${id}`), color: this.color(id), dash: !!this.dash(id) }))),
    );
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
    const width = chartWidth(this.figure, 420);
    this.drawSeries(this.normHost.host, runs, "norm", width, t("adamwVsL2.axisNorm"), false);
    this.drawSeries(this.valHost.host, runs, "val", width, t("adamwVsL2.axisVal"), true);
    this.drawFits(runs, width);
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
        steps: this.state.steps,
        finals: runs.map((r) => `${this.name(r.id)} ${formatNumber(r.points[r.points.length - 1][key], 3)}`).join(", "),
      }),
      {
        columns: [t("adamwVsL2.axisStep"), ...runs.map((r) => this.name(r.id))],
        rows: thin(runs[0].points).map((p) => [p.step, ...runs.map((r) => r.points.find((q) => q.step === p.step)?.[key] ?? NaN)]),
      },
    );
  }

  private drawFits(runs: Run[], width: number): void {
    const { train, val } = splits(this.state);
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
