// <dl-clip-vectors>: a 2-D gradient clipped by its norm and by value (chapter 7). g is set with the sliders and
// number boxes, or by clicking or dragging on the plot; the circle ‖v‖ = c and the box |vᵢ| ≤ c show where each
// rule sends a long gradient.
import { WidgetBase } from "./base";
import { drawChart, Plot, themeColors } from "../charts/chart";
import { formatNumber } from "../charts/format";
import { tableCell, tableRow } from "../charts/data-table";
import { legend, seriesColor } from "../charts/parts";
import {
  box,
  circle,
  clipVectors,
  directionText,
  clipVectorsSchema,
  extent,
  pointToG,
  type Clipped,
  type Frame,
} from "./clip-vectors-model";
import { t } from "../i18n";

// NOTE: left margin wide enough that the rotated "g₂" label clears tick labels such as "−2.5".
const MARGIN = { left: 48, right: 12, top: 12, bottom: 36 };

class ClipVectorsWidget extends WidgetBase<typeof clipVectorsSchema> {
  readonly schema = clipVectorsSchema;
  private parts: { table: HTMLTableElement; note: HTMLElement; legend: HTMLElement; chart: HTMLElement } | null = null;
  private frame: Frame = { left: MARGIN.left, top: MARGIN.top, side: 300 };
  private E = 2;
  private dragging = false;

  protected buildControls(panel: HTMLElement): void {
    panel.append(this.fieldGroup(t("clipVectors.group.g"), ["gx", "gy"]), this.fieldGroup(t("clipVectors.group.c"), ["threshold"]));
  }

  protected render(): void {
    if (!this.parts) this.build();
    const p = this.parts!,
      s = this.state,
      r = clipVectors(s),
      c = themeColors();
    const colors = { g: c.text, byNorm: seriesColor(0), byValue: seriesColor(1) };

    const rows: [string, Clipped][] = [
      [t("clipVectors.g"), r.g],
      [t("clipVectors.byNorm"), r.byNorm],
      [t("clipVectors.byValue"), r.byValue],
    ];
    const thead = document.createElement("thead"),
      tbody = document.createElement("tbody");
    thead.append(
      tableRow(["col.vector", "col.entries", "col.norm", "col.angle"].map((k) => tableCell("th", t(`clipVectors.${k}`), "col"))),
    );
    rows.forEach(([name, v], i) =>
      tbody.append(
        tableRow([
          tableCell("th", name, "row"),
          tableCell(
            "td",
            `(${formatNumber(v.v[0])}, ${formatNumber(v.v[1])})${i > 0 && !v.changed ? ` ${t("clipVectors.unchanged")}` : ""}`,
          ),
          tableCell("td", formatNumber(v.norm)),
          tableCell("td", direction(v)),
        ]),
      ),
    );
    p.table.replaceChildren(thead, tbody);

    const vars = { turn: formatNumber(r.turn, 3), norm: formatNumber(r.byValue.norm) };
    p.note.textContent = t(
      r.byNorm.changed && r.byValue.changed
        ? "clipVectors.noteBoth"
        : r.byNorm.changed
          ? "clipVectors.noteNormOnly"
          : r.byValue.changed
            ? "clipVectors.noteValueOnly"
            : "clipVectors.noteNone",
      vars,
    );
    p.legend.replaceChildren(
      legend([
        { label: t("clipVectors.g"), color: colors.g },
        { label: t("clipVectors.byNorm"), color: colors.byNorm },
        { label: t("clipVectors.byValue"), color: colors.byValue },
        { label: t("clipVectors.circle"), color: colors.byNorm, dash: true },
        { label: t("clipVectors.box"), color: colors.byValue, dash: true },
      ]),
    );

    const E = (this.E = extent(s));
    const width = Math.max(240, Math.min(420, this.figure.clientWidth || 420));
    const side = width - MARGIN.left - MARGIN.right;
    this.frame = { left: MARGIN.left, top: MARGIN.top, side };
    const arrow = (v: Clipped, stroke: string, dash?: string) =>
      Plot.arrow([{ x1: 0, y1: 0, x2: v.v[0], y2: v.v[1] }], {
        x1: "x1",
        y1: "y1",
        x2: "x2",
        y2: "y2",
        stroke,
        strokeWidth: 2.5,
        headLength: 10,
        strokeDasharray: dash,
      });
    drawChart(
      p.chart,
      {
        width,
        height: side + MARGIN.top + MARGIN.bottom,
        marginLeft: MARGIN.left,
        marginRight: MARGIN.right,
        marginTop: MARGIN.top,
        marginBottom: MARGIN.bottom,
        x: { domain: [-E, E], label: "g₁", labelAnchor: "center", grid: true },
        y: { domain: [-E, E], label: "g₂", labelAnchor: "center", grid: true },
        marks: [
          Plot.ruleX([0], { stroke: c.muted }),
          Plot.ruleY([0], { stroke: c.muted }),
          Plot.line(circle(s.threshold), { x: "x", y: "y", stroke: colors.byNorm, strokeDasharray: "4 3", strokeOpacity: 0.8 }),
          Plot.line(box(s.threshold), { x: "x", y: "y", stroke: colors.byValue, strokeDasharray: "4 3", strokeOpacity: 0.8 }),
          norm0(r.g) ? arrow(r.g, colors.g) : Plot.dot([{ x: 0, y: 0 }], { x: "x", y: "y", fill: colors.g }),
          norm0(r.byNorm) ? arrow(r.byNorm, colors.byNorm) : null,
          norm0(r.byValue) ? arrow(r.byValue, colors.byValue) : null,
        ],
      },
      t("clipVectors.desc", {
        gx: s.gx,
        gy: s.gy,
        norm: formatNumber(r.g.norm),
        c: s.threshold,
        nx: formatNumber(r.byNorm.v[0]),
        ny: formatNumber(r.byNorm.v[1]),
        na: direction(r.byNorm),
        vx: formatNumber(r.byValue.v[0]),
        vy: formatNumber(r.byValue.v[1]),
        va: direction(r.byValue),
      }),
      {
        columns: [t("clipVectors.col.vector"), "g₁", "g₂", t("clipVectors.col.norm")],
        rows: rows.map(([name, v]) => [name, v.v[0], v.v[1], v.norm]),
      },
    );
  }

  private build(): void {
    const el = (tag: string, className: string) => Object.assign(document.createElement(tag), { className });
    this.parts = {
      table: el("table", "dl-internals-table") as HTMLTableElement,
      note: el("p", "dl-note"),
      legend: el("div", ""),
      chart: el("div", "dl-clip-chart"),
    };
    this.figure.append(this.parts.legend, this.parts.chart, this.parts.note, this.parts.table);
    const chart = this.parts.chart;
    chart.addEventListener("pointerdown", (e) => {
      if (!this.setFromPointer(e)) return;
      this.dragging = true;
      chart.setPointerCapture(e.pointerId);
      e.preventDefault();
    });
    chart.addEventListener("pointermove", (e) => this.dragging && this.setFromPointer(e));
    const stop = () => (this.dragging = false);
    chart.addEventListener("pointerup", stop);
    chart.addEventListener("pointercancel", stop);
  }

  /** Sets g from a pointer position over the plot; false when the pointer is outside the drawing area. */
  private setFromPointer(e: PointerEvent): boolean {
    const svg = this.parts!.chart.querySelector("svg");
    if (!svg) return false;
    const rect = svg.getBoundingClientRect(),
      k = Number(svg.getAttribute("width")) / rect.width;
    const px = (e.clientX - rect.left) * k,
      py = (e.clientY - rect.top) * k,
      f = this.frame;
    if (px < f.left || px > f.left + f.side || py < f.top || py > f.top + f.side) return false;
    const { gx, gy } = pointToG(px, py, f, this.E);
    this.set("gx", gx);
    this.set("gy", gy);
    this.syncBoxes();
    return true;
  }

  /** Keeps the number boxes beside the sliders in step after a click (set() updates the sliders only). */
  private syncBoxes(): void {
    for (const name of ["gx", "gy"] as const) {
      const slider = this.querySelector<HTMLInputElement>(`[id="${this.id || this.localName}-${name}"]`);
      const box = slider?.nextElementSibling;
      if (box instanceof HTMLInputElement) box.value = String(this.state[name]);
    }
  }
}

const norm0 = (v: Clipped) => v.norm > 0;
const direction = (v: Clipped) => directionText(v, formatNumber);

if (!customElements.get("dl-clip-vectors")) customElements.define("dl-clip-vectors", ClipVectorsWidget);
