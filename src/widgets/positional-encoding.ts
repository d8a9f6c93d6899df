// <dl-positional-encoding>: the sinusoidal positional encoding table (chapter 10) as a raster, the chosen position's
// row outlined, and that position's dot products with all positions, which depend only on the offset between them.
import { WidgetBase } from "./base";
import { afterPaint } from "./after-paint";
import { Plot, drawChart, themeColors } from "../charts/chart";
import { chartBlock, chartWidth } from "../charts/parts";
import { formatNumber } from "../charts/format";
import { positionalEncodingSchema, runPositional, type PositionalRun } from "./positional-encoding-model";
import { t } from "../i18n";

class PositionalEncodingWidget extends WidgetBase<typeof positionalEncodingSchema> {
  readonly schema = positionalEncodingSchema;
  private parts: { readouts: HTMLElement; table: ReturnType<typeof chartBlock>; dots: ReturnType<typeof chartBlock> } | null = null;
  private stopLater = () => {};

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopLater();
  }

  protected render(): void {
    if (!this.parts) {
      this.parts = {
        readouts: Object.assign(document.createElement("dl"), { className: "dl-readouts" }),
        table: chartBlock(t("positional.tableTitle")),
        dots: chartBlock(""),
      };
      const about = Object.assign(document.createElement("p"), { className: "dl-note", textContent: t("positional.note") });
      this.figure.append(this.parts.dots.block, this.parts.readouts, this.parts.table.block, about);
    }
    const T = Math.round(this.state.positions);
    const slider = this.querySelector<HTMLInputElement>('input[type="range"][data-control="pos"]');
    if (slider && slider.max !== String(T - 1)) slider.max = String(T - 1);
    const run = runPositional(this.state),
      width = chartWidth(this.figure, 640);
    this.readouts(run);
    this.drawDots(run, width);
    this.stopLater();
    this.stopLater = afterPaint([() => this.drawTable(run, width)]);
  }

  private readouts(run: PositionalRun): void {
    const pairs: [string, string][] = [
      [t("positional.readout.self"), formatNumber(run.dots[run.pos], 4)],
      [t("positional.readout.next"), formatNumber(run.pos + 1 < run.dots.length ? run.dots[run.pos + 1] : run.dots[run.pos - 1], 4)],
      [t("positional.readout.offset"), run.offsetError.toExponential(1)],
      [t("positional.readout.shortest"), formatNumber(run.shortest, 3)],
      [t("positional.readout.longest"), formatNumber(run.longest, 3)],
    ];
    this.parts!.readouts.replaceChildren(
      ...pairs.flatMap(([k, v]) => [
        Object.assign(document.createElement("dt"), { textContent: k }),
        Object.assign(document.createElement("dd"), { textContent: v }),
      ]),
    );
  }

  private drawDots(run: PositionalRun, width: number): void {
    const c = themeColors(),
      { heading, host } = this.parts!.dots,
      T = run.dots.length,
      d = run.pe[0].length;
    heading.textContent = t("positional.dotsTitle", { pos: run.pos });
    const points = run.dots.map((v, q) => ({ q, v }));
    const next = run.pos + 1 < T ? run.dots[run.pos + 1] : run.dots[run.pos - 1];
    drawChart(
      host,
      {
        width,
        height: 200,
        marginLeft: 44,
        x: { domain: [0, T - 1], label: t("positional.axisPos") },
        y: { domain: [Math.min(0, ...run.dots), d / 2], label: t("positional.axisDot"), grid: true },
        marks: [
          Plot.ruleX([run.pos], { stroke: c.second, strokeWidth: 1.5 }),
          Plot.ruleY([0], { stroke: c.muted }),
          Plot.line(points, { x: "q", y: "v", stroke: c.accent, strokeWidth: 2 }),
          Plot.dot(points, { x: "q", y: "v", fill: c.accent, r: 2.5 }),
        ],
      },
      t("positional.dotsDesc", { pos: run.pos, T, self: formatNumber(run.dots[run.pos], 3), next: formatNumber(next, 3) }),
      { columns: [t("positional.table.pos"), t("positional.table.dot")], rows: points.map((p) => [p.q, formatNumber(p.v, 4)]) },
    );
  }

  private drawTable(run: PositionalRun, width: number): void {
    const c = themeColors(),
      T = run.pe.length,
      d = run.pe[0].length;
    const cells = run.pe.flatMap((row, pos) => row.map((v, col) => ({ pos, col, v })));
    drawChart(
      this.parts!.table.host,
      {
        width,
        height: Math.min(420, 60 + T * 7),
        marginLeft: 44,
        x: { domain: [0, d], label: t("positional.axisColumn") },
        y: { domain: [0, T], reverse: true, label: t("positional.axisPos") },
        color: { type: "linear", domain: [-1, 1], range: ["#b2182b", "#f7f7f7", "#2166ac"], legend: true, label: "PE" },
        marks: [
          Plot.raster(cells, {
            x: (e: { col: number }) => e.col + 0.5,
            y: (e: { pos: number }) => e.pos + 0.5,
            fill: "v",
            width: d,
            height: T,
            x1: 0,
            x2: d,
            y1: 0,
            y2: T,
            interpolate: "none",
          }),
          Plot.rect([run.pos], {
            x1: 0,
            x2: d,
            y1: (p: number) => p,
            y2: (p: number) => p + 1,
            stroke: c.second,
            strokeWidth: 2,
            fill: "none",
          }),
        ],
      },
      t("positional.tableDesc", { T, d }),
      {
        columns: [t("positional.table.pos"), ...Array.from({ length: d }, (_, col) => `c${col}`)],
        rows: run.pe.map((row, pos) => [pos, ...row.map((v) => formatNumber(v, 3))]),
      },
    );
  }
}

if (!customElements.get("dl-positional-encoding")) customElements.define("dl-positional-encoding", PositionalEncodingWidget);
