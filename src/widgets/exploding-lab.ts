// <dl-exploding-lab>: a deep linear chain trained with and without gradient clipping (chapter 7). Both runs start
// from the same weights and advance a slice of steps per animation frame, so the page stays responsive; a run whose
// loss or gradient stops being finite is marked "diverged" on the charts and in the table.
import { WidgetBase } from "./base";
import { runAfterPaint } from "./frame-slices";
import { drawChart, Plot, themeColors } from "../charts/chart";
import { formatNumber } from "../charts/format";
import { tableCell, tableRow } from "../charts/data-table";
import { chartBlock, chartWidth, legend, logDomain, powerOfTen, seriesColor, stepAxis, thin } from "../charts/parts";
import {
  CHART_CEILING,
  explodingLabSchema,
  labRuns,
  runLabel,
  seriesPoints,
  statusText,
  summaryRows,
  type LabRun,
  type RunKind,
} from "./exploding-lab-model";
import { t } from "../i18n";

/** Steps per run per animation frame: 200 steps take about ten frames. */
const CHUNK = 20;

class ExplodingLabWidget extends WidgetBase<typeof explodingLabSchema> {
  readonly schema = explodingLabSchema;
  private runs: [LabRun, LabRun] | null = null;
  private stopFrames = () => {};
  private width = 420;
  private parts: {
    status: HTMLElement;
    factor: HTMLElement;
    table: HTMLTableElement;
    legend: HTMLElement;
    loss: HTMLElement;
    norm: HTMLElement;
  } | null = null;

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopFrames();
  }

  protected buildControls(panel: HTMLElement): void {
    panel.append(
      this.fieldGroup(t("explodingLab.group.network"), ["depth", "weightScale"]),
      this.fieldGroup(t("explodingLab.group.training"), ["lr", "mode", "threshold", "steps"]),
    );
  }

  protected optionLabel(_name: string, option: string): string {
    return t(`explodingLab.mode.${option}`);
  }

  /** A new state: fresh runs from the same seed, trained a slice per frame. */
  protected render(): void {
    if (!this.parts) this.build();
    this.stopFrames();
    const runs = (this.runs = labRuns({ ...this.state }));
    const job = {
      advance: (steps: number) => {
        for (const r of runs) r.advance(steps);
        return runs.every((r) => r.done);
      },
    };
    // The first slice is drawn at once, so the figure answers the change in the same frame; the rest starts once that
    // frame is painted.
    const done = job.advance(CHUNK);
    this.draw();
    if (!done) this.stopFrames = runAfterPaint(job, () => this.draw(), { unit: CHUNK, budgetMs: 8, redrawMs: 100, pauseOutside: this });
  }

  private build(): void {
    const el = (tag: string, className: string) => Object.assign(document.createElement(tag), { className });
    const status = el("p", "dl-explode-status");
    status.setAttribute("aria-live", "polite");
    const loss = chartBlock(t("explodingLab.lossTitle")),
      norm = chartBlock(t("explodingLab.normTitle"));
    const charts = el("div", "dl-internals-charts");
    charts.append(loss.block, norm.block);
    this.parts = {
      status,
      factor: el("p", "dl-note"),
      table: el("table", "dl-internals-table") as HTMLTableElement,
      legend: el("div", ""),
      loss: loss.host,
      norm: norm.host,
    };
    this.figure.append(status, this.parts.factor, this.parts.table, this.parts.legend, charts);
  }

  private runLabel(kind: RunKind): string {
    return runLabel(this.state, kind);
  }

  private color(kind: RunKind): string {
    return seriesColor(kind === "plain" ? 1 : 0);
  }

  private draw(): void {
    // Both charts share one width, read before anything changes, so measuring does not force a layout of the page.
    this.width = chartWidth(this.parts!.loss, 420);
    const p = this.parts!,
      s = this.state,
      runs = this.runs!;
    const summaries = runs.map((r) => r.summary());
    const busy = runs.some((r) => !r.done);
    const shown = Math.max(...runs.map((r) => r.step));
    p.status.textContent = busy ? t("explodingLab.progress", { step: shown, steps: s.steps }) : t("explodingLab.finished");
    p.factor.textContent = t("explodingLab.factor", { s: s.weightScale, L: s.depth, sL: formatNumber(s.weightScale ** s.depth, 3) });
    this.toggleAttribute("data-diverged", summaries[0].status === "diverged");

    const thead = document.createElement("thead"),
      tbody = document.createElement("tbody");
    thead.append(
      tableRow([
        tableCell("th", t("explodingLab.table.quantity"), "col"),
        ...runs.map((r) => tableCell("th", this.runLabel(r.kind), "col")),
      ]),
    );
    for (const line of summaryRows(summaries, formatNumber)) {
      const values = line.values.map((v, k) => {
        const td = tableCell("td", v);
        if (line.status) td.dataset.status = summaries[k].status;
        return td;
      });
      tbody.append(tableRow([tableCell("th", line.label, "row"), ...values]));
    }
    p.table.replaceChildren(thead, tbody);
    p.legend.replaceChildren(legend(runs.map((r) => ({ label: this.runLabel(r.kind), color: this.color(r.kind) }))));

    const hist = runs.map((r) => r.history());
    const desc = (m: (typeof summaries)[number]) => statusText(m, formatNumber);
    this.chart(
      p.loss,
      hist.map((h) => h.loss),
      t("explodingLab.axisLoss"),
      t("explodingLab.lossDesc", { steps: s.steps, L: s.depth, s: s.weightScale, plain: desc(summaries[0]), clipped: desc(summaries[1]) }),
      "loss",
    );
    this.chart(
      p.norm,
      hist.map((h) => h.gradNorm),
      t("explodingLab.axisNorm"),
      t("explodingLab.normDesc", {
        plainMax: formatNumber(summaries[0].maxNorm),
        clippedMax: formatNumber(summaries[1].maxNorm),
        c: s.threshold,
      }),
      "norm",
    );
  }

  private chart(host: HTMLElement, series: Float64Array[], yLabel: string, description: string, which: "loss" | "norm"): void {
    const s = this.state,
      runs = this.runs!,
      c = themeColors();
    const [lo, hi] = logDomain(
      series.flatMap((s) => [...s]),
      { pad: 1.5, ceiling: CHART_CEILING },
    );
    const top = which === "norm" && s.mode === "globalNorm" ? Math.max(hi, s.threshold * 2) : hi;
    const bottom = which === "norm" && s.mode === "globalNorm" ? Math.min(lo, s.threshold / 2) : lo;
    const marks: Plot.Markish[] = [];
    runs.forEach((r, k) => {
      const pts = seriesPoints(series[k]);
      marks.push(
        Plot.line(pts, { x: "step", y: "value", stroke: this.color(r.kind), strokeWidth: r.kind === "clipped" ? 1.5 : 2, clip: true }),
      );
      if (r.status === "diverged") {
        const at = r.trainer.divergedAt ?? r.step;
        marks.push(Plot.ruleX([at], { stroke: this.color(r.kind), strokeDasharray: "2 3" }));
        marks.push(
          Plot.text([{ step: at, value: Math.min(top, CHART_CEILING) / 1.6 }], {
            x: "step",
            y: "value",
            text: () => t("explodingLab.divergedMark"),
            fill: this.color(r.kind),
            fontWeight: 700,
            textAnchor: "start",
            dx: 4,
          }),
        );
      }
    });
    if (which === "norm" && s.mode === "globalNorm") {
      marks.unshift(Plot.ruleY([s.threshold], { stroke: c.muted, strokeDasharray: "4 3" }));
      marks.push(
        Plot.text([{ step: s.steps, value: s.threshold }], {
          x: "step",
          y: "value",
          text: () => `${t("explodingLab.cLabel")} = ${s.threshold}`,
          fill: c.text,
          textAnchor: "end",
          dy: -7,
        }),
      );
    }
    const rows = thin(
      Array.from({ length: Math.max(...runs.map((r) => r.step)) }, (_, i) => i),
      25,
    ).map((i) => [i + 1, ...series.map((v) => (i < v.length ? v[i] : "–"))]);
    const label = which === "loss" ? "explodingLab.table.loss" : "explodingLab.table.norm";
    drawChart(
      host,
      {
        width: this.width,
        height: 240,
        marginLeft: 52,
        marginBottom: 44,
        x: { domain: [1, s.steps], ...stepAxis(t("explodingLab.axisStep")) },
        y: { type: "log", domain: [bottom, top], label: yLabel, grid: true, tickFormat: powerOfTen },
        marks,
      },
      description,
      { columns: [t("explodingLab.table.step"), ...runs.map((r) => t(label, { run: this.runLabel(r.kind) }))], rows },
    );
  }
}

if (!customElements.get("dl-exploding-lab")) customElements.define("dl-exploding-lab", ExplodingLabWidget);
