// <dl-attention-scaling>: the 1/√d scale on the scores (chapter 10). Curves of the rows' mean entropy and of the
// softmax Jacobian's size against width, scaled and unscaled, with the chosen width marked; one query's weights at
// that width, both ways; a table of the averages there. Every number comes from the engine's attention.
import { WidgetBase } from "./base";
import { afterPaint } from "./after-paint";
import { Plot, drawChart, themeColors } from "../charts/chart";
import { chartBlock, chartWidth } from "../charts/parts";
import { formatNumber } from "../charts/format";
import { dataTable } from "../charts/data-table";
import { CurveBuild, QUERIES, WIDTHS, attentionScalingSchema, cachedCurves, runWidth, type WidthRun } from "./attention-scaling-model";
import { runAfterPaint } from "./frame-slices";
import { t } from "../i18n";

type Way = "scaled" | "unscaled";
const WAYS: Way[] = ["scaled", "unscaled"];

class AttentionScalingWidget extends WidgetBase<typeof attentionScalingSchema> {
  readonly schema = attentionScalingSchema;
  private parts: {
    table: HTMLElement;
    example: ReturnType<typeof chartBlock>;
    entropy: ReturnType<typeof chartBlock>;
    jacobian: ReturnType<typeof chartBlock>;
  } | null = null;
  private stopLater = () => {};
  private stopCurves = () => {};
  private building: CurveBuild | undefined;

  protected render(): void {
    if (!this.parts) {
      this.parts = {
        table: Object.assign(document.createElement("div"), { className: "dl-attention-row" }),
        example: chartBlock(""),
        entropy: chartBlock(t("attentionScaling.entropyTitle")),
        jacobian: chartBlock(t("attentionScaling.jacobianTitle")),
      };
      const about = Object.assign(document.createElement("p"), { className: "dl-note", textContent: t("attentionScaling.note") });
      const top = Object.assign(document.createElement("div"), { className: "dl-attention-main" });
      top.append(this.parts.example.block, this.parts.table);
      this.figure.append(this.parts.entropy.block, top, this.parts.jacobian.block, about);
    }
    const T = Math.round(this.state.keys),
      d = Math.round(this.state.d);
    const width = chartWidth(this.figure, 640);
    this.stopLater();
    this.stopCurves();
    const runs = cachedCurves(T);
    if (runs) {
      // A width on the curves' grid (1, 2, 4 … 512) is already computed there.
      const here = runs.find((r) => r.d === d) ?? runWidth(d, T);
      this.drawTable(here);
      this.drawCurve("entropy", runs, here, T, width);
      // The other charts once the change's frame is painted: one chart drawing per frame.
      this.showLater(here, runs, T, width);
      return;
    }
    // New number of keys: the curves, then the chosen width, are computed a width at a time between frames (at T = 16
    // the widest takes most of a frame by itself), the entropy curve drawn as it grows.
    // A build under way for the same T goes on where it was (a change of d during it does not start again). The first
    // slice waits for the change's frame to be painted with the progress note: a slice and a chart in that frame took
    // it to 113 ms.
    const build = this.building?.T === T ? this.building : (this.building = new CurveBuild(T));
    let here: WidthRun | undefined;
    const progress = () => t("attentionScaling.computing", { done: build.runs.length, total: WIDTHS.length });
    this.parts!.table.textContent = progress();
    this.stopCurves = runAfterPaint(
      {
        advance: () => {
          if (!build.advance()) return false;
          here ??= build.runs.find((r) => r.d === d) ?? runWidth(d, T);
          return true;
        },
      },
      (done) => {
        if (!done || !here) {
          this.parts!.table.textContent = progress();
          this.drawCurve("entropy", build.runs, undefined, T, width, progress());
          return;
        }
        this.drawTable(here);
        this.drawCurve("entropy", build.runs, here, T, width);
        this.showLater(here, build.runs, T, width);
      },
      { unit: 1, budgetMs: 10, redrawMs: 0, pauseOutside: this },
    );
  }

  /** The example bars and the Jacobian curve, each in a frame of its own after the change's. */
  private showLater(here: WidthRun, runs: WidthRun[], T: number, width: number): void {
    this.stopLater();
    this.stopLater = afterPaint([
      () => this.drawExample(here, T, Math.min(width, 360)),
      () => this.drawCurve("jacobian", runs, here, T, width),
    ]);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopLater();
    this.stopCurves();
  }

  private drawTable(r: WidthRun): void {
    const row = (key: string, f: (s: WidthRun["scaled"]) => number, digits: number) => [
      t(key),
      formatNumber(f(r.scaled), digits),
      formatNumber(f(r.unscaled), digits),
    ];
    this.parts!.table.replaceChildren(
      dataTable(
        [t("attentionScaling.table.measure"), t("attentionScaling.table.scaled"), t("attentionScaling.table.unscaled")],
        [
          row("attentionScaling.row.entropy", (s) => s.entropy, 3),
          row("attentionScaling.row.largest", (s) => s.largest, 3),
          row("attentionScaling.row.jacobian", (s) => s.jacobian, 3),
        ],
        true,
      ),
    );
  }

  private drawExample(r: WidthRun, T: number, width: number): void {
    const c = themeColors(),
      { heading, host } = this.parts!.example;
    heading.textContent = t("attentionScaling.exampleTitle", { d: r.d });
    const label = (w: Way) => t(`attentionScaling.series.${w}`);
    const bars = WAYS.flatMap((w) =>
      (w === "scaled" ? r.exampleScaled : r.exampleUnscaled).map((a, j) => ({ j: j + 1, a, way: label(w) })),
    );
    drawChart(
      host,
      {
        width,
        height: 200,
        marginLeft: 40,
        x: {
          label: t("attentionScaling.axisKey"),
          tickFormat: (j: number) => (T > 16 ? (j % 4 === 1 ? String(j) : "") : T > 8 && j % 2 === 0 ? "" : String(j)),
        },
        y: { domain: [0, 1], label: t("attentionScaling.axisWeight"), grid: true },
        fx: { label: null, domain: WAYS.map(label) },
        color: { domain: WAYS.map(label), range: [c.accent, c.second], legend: true },
        marks: [Plot.barY(bars, { x: "j", y: "a", fill: "way", fx: "way" }), Plot.ruleY([0], { stroke: c.muted })],
      },
      t("attentionScaling.exampleDesc", {
        T,
        d: r.d,
        s: formatNumber(Math.max(...r.exampleScaled), 3),
        u: formatNumber(Math.max(...r.exampleUnscaled), 3),
      }),
      {
        columns: [t("attentionScaling.table.key"), label("scaled"), label("unscaled")],
        rows: r.exampleScaled.map((a, j) => [j + 1, formatNumber(a, 4), formatNumber(r.exampleUnscaled[j], 4)]),
      },
    );
  }

  private drawCurve(
    measure: "entropy" | "jacobian",
    runs: WidthRun[],
    here: WidthRun | undefined,
    T: number,
    width: number,
    progress = "",
  ): void {
    const c = themeColors(),
      label = (w: Way) => t(`attentionScaling.series.${w}`);
    const points = WAYS.flatMap((w) => runs.map((r) => ({ d: r.d, v: r[w][measure], way: label(w) })));
    const mark = here ? WAYS.map((w) => ({ d: here.d, v: here[w][measure], way: label(w) })) : [];
    const last = runs[runs.length - 1],
      first = runs[0];
    const f = (x: number) => formatNumber(x, 3);
    const desc =
      progress ||
      (measure === "entropy"
        ? t("attentionScaling.entropyDesc", {
            n: QUERIES,
            T,
            s1: f(first.scaled.entropy),
            u512: f(last.unscaled.entropy),
            lnT: f(Math.log(T)),
          })
        : t("attentionScaling.jacobianDesc", { s512: f(last.scaled.jacobian), u512: f(last.unscaled.jacobian) }));
    drawChart(
      this.parts![measure].host,
      {
        width,
        height: 180,
        marginLeft: 48,
        x: {
          type: "log",
          base: 2,
          domain: [1, 512],
          label: t("attentionScaling.axisD"),
          ticks: WIDTHS,
          tickFormat: (x: number) => String(x),
        },
        y: {
          label: t(measure === "entropy" ? "attentionScaling.axisEntropy" : "attentionScaling.axisJacobian"),
          grid: true,
          domain: [0, measure === "entropy" ? Math.log(T) * 1.05 : Math.max(...points.map((p) => p.v)) * 1.1],
        },
        color: { domain: WAYS.map(label), range: [c.accent, c.second], legend: true },
        marks: [
          measure === "entropy" ? Plot.ruleY([Math.log(T)], { stroke: c.muted, strokeDasharray: "4 3" }) : null,
          here ? Plot.ruleX([here.d], { stroke: c.muted }) : null,
          Plot.line(points, { x: "d", y: "v", stroke: "way", strokeWidth: 2 }),
          Plot.dot(mark, { x: "d", y: "v", fill: "way", r: 4.5 }),
        ],
      },
      desc,
      {
        columns: [t("attentionScaling.table.d"), label("scaled"), label("unscaled")],
        rows: runs.map((r) => [r.d, formatNumber(r.scaled[measure], 4), formatNumber(r.unscaled[measure], 4)]),
      },
    );
  }
}

if (!customElements.get("dl-attention-scaling")) customElements.define("dl-attention-scaling", AttentionScalingWidget);
