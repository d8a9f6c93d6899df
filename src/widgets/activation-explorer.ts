// <dl-activation-explorer>: one or two activations, g(z) above g′(z), with the saturated part of the
// axis shaded and a value table from the engine (chapter 2).
import { WidgetBase } from "./base";
import { drawChart, Plot, themeColors } from "../charts/chart";
import { formatNumber } from "../charts/format";
import {
  activationLabel,
  activationOf,
  activationSchema,
  curve,
  picked,
  saturatedIntervals,
  saturatedShare,
  tablePoints,
  usesSlope,
  SATURATION,
  type ActivationKey,
} from "./activation-explorer-model";
import { t } from "../i18n";

const fmt = (x: number) => formatNumber(x, 3);

class ActivationExplorerWidget extends WidgetBase<typeof activationSchema> {
  readonly schema = activationSchema;
  private gChart!: HTMLElement;
  private dgChart!: HTMLElement;
  private notes!: HTMLElement;
  private legend!: HTMLElement;
  private table!: HTMLTableElement;

  protected buildControls(panel: HTMLElement): void {
    panel.append(this.control("first"), this.control("second"), this.control("zmax"), this.control("slope"));
  }

  protected optionLabel(_name: string, option: string): string {
    return option === "none" ? t("activationExplorer.none") : activationLabel(option);
  }

  protected render(): void {
    if (!this.gChart) {
      const title = (text: string) => Object.assign(document.createElement("p"), { className: "dl-widget-title", textContent: text });
      this.gChart = document.createElement("div");
      this.dgChart = document.createElement("div");
      this.notes = Object.assign(document.createElement("p"), { className: "dl-note" });
      this.table = document.createElement("table");
      this.table.className = "dl-fallback dl-activation-table";
      this.table.tabIndex = 0; // it may scroll sideways on a phone, so the keyboard must reach it
      this.legend = Object.assign(document.createElement("p"), { className: "dl-activation-legend" });
      this.figure.append(
        this.legend,
        title(t("activationExplorer.gTitle")),
        this.gChart,
        title(t("activationExplorer.dgTitle")),
        this.dgChart,
        this.notes,
        this.table,
      );
    }
    const s = this.state,
      c = themeColors();
    // The slope means nothing unless leaky ReLU is shown.
    this.enable("slope", usesSlope(s), t("activationExplorer.slopeOff"));

    const colours = [c.accent, c.second];
    const series = picked(s).map((name, k) => {
      const g = activationOf(name, s.slope);
      const intervals = saturatedIntervals(g, s.zmax);
      return {
        name,
        label: activationLabel(name),
        g,
        points: curve(g, s.zmax),
        intervals,
        share: saturatedShare(intervals, s.zmax),
        colour: colours[k],
        dash: k ? "6,3" : undefined,
      };
    });
    // Which line is which: a short sample of each line's colour and dash, then its name.
    this.legend.replaceChildren(
      ...series.map((x) => {
        const item = document.createElement("span");
        const swatch = document.createElement("span");
        swatch.setAttribute("aria-hidden", "true");
        swatch.style.cssText = `display:inline-block;width:1.6rem;margin-inline-end:0.35rem;vertical-align:middle;border-top:2px ${x.dash ? "dashed" : "solid"} ${x.colour}`;
        item.style.marginInlineEnd = "1.25rem";
        item.append(swatch, x.label);
        return item;
      }),
    );
    const names = series.map((x) => x.label).join(t("activationExplorer.and"));
    const saturation = series
      .map((x) =>
        x.intervals.length === 0
          ? t("activationExplorer.neverSaturated", { name: x.label })
          : t("activationExplorer.saturated", {
              name: x.label,
              share: Math.round(100 * x.share),
              intervals: x.intervals.map((r) => t("activationExplorer.interval", { from: fmt(r.from), to: fmt(r.to) })).join(", "),
            }),
      )
      .join(" ");
    // Comparing an activation with itself draws nothing new; say so rather than change nothing.
    this.notes.textContent = s.second === s.first ? `${saturation} ${t("activationExplorer.same", { name: series[0].label })}` : saturation;

    const width = Math.min(640, this.figure.clientWidth || 640);
    const bands = series.map((x) => Plot.rect(x.intervals, { x1: "from", x2: "to", fill: x.colour, fillOpacity: 0.12 }));
    const lines = (key: "g" | "dg") =>
      series.map((x) =>
        Plot.line(
          x.points.filter((p) => Number.isFinite(p[key])),
          { x: "z", y: key, stroke: x.colour, strokeWidth: 2, strokeDasharray: x.dash },
        ),
      );
    const base = { width, height: 220, marginLeft: 48, x: { label: t("activationExplorer.axisZ"), domain: [-s.zmax, s.zmax] } };
    const tableOf = (key: "g" | "dg") => ({
      columns: ["z", ...series.map((x) => t(key === "g" ? "activationExplorer.tableG" : "activationExplorer.tableDg", { name: x.label }))],
      rows: series[0].points.filter((_, k) => k % 20 === 0).map((p, k) => [fmt(p.z), ...series.map((x) => x.points[k * 20][key])]),
    });
    drawChart(
      this.gChart,
      {
        ...base,
        y: { label: t("activationExplorer.axisG"), grid: true },
        marks: [...bands, Plot.ruleY([0], { stroke: c.muted }), Plot.ruleX([0], { stroke: c.muted }), ...lines("g")],
      },
      t("activationExplorer.gDesc", { names, zmax: s.zmax }),
      tableOf("g"),
    );
    drawChart(
      this.dgChart,
      {
        ...base,
        y: { label: t("activationExplorer.axisDg"), grid: true },
        marks: [
          ...bands,
          Plot.ruleY([0], { stroke: c.muted }),
          Plot.ruleY([SATURATION, -SATURATION], { stroke: c.muted, strokeDasharray: "3,3" }),
          ...lines("dg"),
        ],
      },
      t("activationExplorer.dgDesc", { names, zmax: s.zmax }),
      tableOf("dg"),
    );
    this.drawTable(series.map((x) => ({ name: x.name, label: x.label, g: x.g })));
  }

  /** The value table under the charts: z at a few points, then g and g′ of each activation. */
  private drawTable(series: { name: ActivationKey; label: string; g: { f(z: number): number; df(z: number): number } }[]): void {
    this.table.replaceChildren();
    this.table.createCaption().textContent = t("activationExplorer.tableCaption");
    // Two header rows (name over g and g′) keep the table narrow enough for a phone.
    const thead = this.table.createTHead(),
      top = thead.insertRow(),
      head = thead.insertRow();
    top.append(document.createElement("td"));
    for (const x of series)
      top.append(Object.assign(document.createElement("th"), { scope: "colgroup", colSpan: 2, textContent: x.label }));
    for (const text of ["z", ...series.flatMap(() => ["g(z)", "g′(z)"])])
      head.append(Object.assign(document.createElement("th"), { scope: "col", textContent: text }));
    const body = this.table.createTBody();
    for (const z of tablePoints(this.state.zmax)) {
      const row = body.insertRow();
      row.append(Object.assign(document.createElement("th"), { scope: "row", textContent: fmt(z) }));
      for (const x of series) for (const v of [x.g.f(z), x.g.df(z)]) row.insertCell().textContent = fmt(v);
    }
  }
}

if (!customElements.get("dl-activation-explorer")) customElements.define("dl-activation-explorer", ActivationExplorerWidget);
