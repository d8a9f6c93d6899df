// <dl-house-explorer>: the engine's generated houses as a table sortable from its header buttons,
// raw or standardised, and a scatter of the price against one feature (chapter 0).
import { WidgetBase } from "./base";
import { afterPaint } from "./after-paint";
import { drawChart, Plot, themeColors } from "../charts/chart";
import { formatNumber } from "../charts/format";
import {
  COLUMNS,
  featureStats,
  houseSchema,
  nextSort,
  scatter,
  tableRows,
  HOUSES,
  DATA_SEED,
  type Column,
  type HouseRow,
} from "./house-explorer-model";
import { t } from "../i18n";

class HouseExplorerWidget extends WidgetBase<typeof houseSchema> {
  readonly schema = houseSchema;
  private tableBox!: HTMLElement;
  private stats!: HTMLElement;
  private chart!: HTMLElement;
  /** What the scatter last showed (feature, scaling, width, theme). */
  private scatterShown = "";
  /** What the table last showed (rows, order, scaling, theme). */
  private tableShown = "";
  private stopLater = () => {};

  protected buildControls(panel: HTMLElement): void {
    panel.append(this.control("rows"), this.control("feature"), this.control("standardize"));
  }

  protected optionLabel(_name: string, option: string): string {
    return t(`houseExplorer.col.${option}`);
  }

  protected render(): void {
    if (!this.tableBox) {
      this.tableBox = Object.assign(document.createElement("div"), { className: "dl-house-scroll" });
      this.stats = Object.assign(document.createElement("dl"), { className: "dl-readouts" });
      this.chart = document.createElement("div");
      this.figure.append(this.tableBox, this.stats, this.chart);
      this.drawStats();
    }
    // Measured before the table changes, so reading the width does not force a layout of the page.
    const width = Math.min(640, this.figure.clientWidth || 640),
      s = this.state;
    // The table does not show the scatter's feature: choosing another leaves it as it is.
    const tableKey = `${s.rows}:${s.sortBy}:${s.order}:${s.standardize}:${document.documentElement.dataset.theme}`;
    const tableChanged = tableKey !== this.tableShown;
    if (tableChanged) this.drawTable(tableRows(s));
    this.tableShown = tableKey;
    // The scatter shows every house whatever the table's rows and order: sorting leaves it as it is. When the table
    // changed too (scaling), the scatter is drawn once that frame is painted, so no frame holds both.
    const key = `${s.feature}:${s.standardize}:${width}:${document.documentElement.dataset.theme}`;
    if (key !== this.scatterShown) {
      this.scatterShown = key;
      this.stopLater();
      if (tableChanged) this.stopLater = afterPaint([() => this.drawScatter(width)]);
      else this.drawScatter(width);
    }
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopLater();
  }

  private cell(row: HouseRow, column: Column): string {
    const v = row[column];
    if (column === "index") return String(v);
    if (this.state.standardize && column !== "price") return formatNumber(v, 3);
    if (column === "pool") return t(v ? "houseExplorer.pool.yes" : "houseExplorer.pool.no");
    return column === "price" ? v.toFixed(0) : column === "distance" ? v.toFixed(1) : String(v);
  }

  private drawTable(rows: HouseRow[]): void {
    const s = this.state;
    const table = Object.assign(document.createElement("table"), { className: "dl-fallback dl-house-table" });
    table.createCaption().textContent = t("houseExplorer.caption", {
      shown: rows.length,
      m: HOUSES,
      seed: DATA_SEED,
      column: t(`houseExplorer.col.${s.sortBy}`),
      order: t(`houseExplorer.order.${s.order}`),
      scale: t(s.standardize ? "houseExplorer.scaleStd" : "houseExplorer.scaleRaw"),
    });
    const head = table.createTHead().insertRow();
    for (const column of COLUMNS) {
      const th = Object.assign(document.createElement("th"), { scope: "col" });
      const on = s.sortBy === column;
      if (on) th.setAttribute("aria-sort", s.order === "asc" ? "ascending" : "descending");
      const button = Object.assign(document.createElement("button"), { type: "button", className: "dl-house-sort" });
      // The arrow is for the eye; aria-sort on the header says the same to a screen reader.
      const arrow = Object.assign(document.createElement("span"), { textContent: on ? (s.order === "asc" ? " ▲" : " ▼") : "" });
      arrow.setAttribute("aria-hidden", "true");
      button.append(t(`houseExplorer.col.${column}`), arrow);
      button.title = t("houseExplorer.sortHint", { column: t(`houseExplorer.col.${column}`) });
      button.setAttribute("data-control", `sort-${column}`);
      button.setAttribute("data-sort", column);
      button.addEventListener("click", () => this.sortBy(column));
      th.append(button);
      head.append(th);
    }
    const body = table.createTBody();
    for (const row of rows) {
      const tr = body.insertRow();
      for (const column of COLUMNS) tr.insertCell().textContent = this.cell(row, column);
    }
    this.tableBox.replaceChildren(table);
  }

  /** Sorts, redraws, and keeps keyboard focus on the header button that was pressed. */
  private sortBy(column: Column): void {
    const { sortBy, order } = nextSort(this.state, column);
    (this.state as Record<string, unknown>).sortBy = sortBy;
    this.set("order", order);
    this.tableBox.querySelector<HTMLButtonElement>(`button[data-sort="${column}"]`)?.focus();
  }

  /** The statistics standardising uses; they do not depend on the state, so they are drawn once. */
  private drawStats(): void {
    const title = Object.assign(document.createElement("p"), {
      className: "dl-note",
      textContent: t("houseExplorer.stats", { m: HOUSES }),
    });
    this.stats.before(title);
    this.stats.replaceChildren(
      ...featureStats().flatMap(({ feature, mean, std }) => [
        Object.assign(document.createElement("dt"), { textContent: t(`houseExplorer.col.${feature}`) }),
        Object.assign(document.createElement("dd"), {
          textContent: t("houseExplorer.statsValue", { mean: formatNumber(mean, 3), std: formatNumber(std, 3) }),
        }),
      ]),
    );
  }

  private drawScatter(width: number): void {
    const s = this.state,
      c = themeColors(),
      points = scatter(s);
    const name = t(`houseExplorer.col.${s.feature}`);
    const prices = points.map((p) => p.price);
    drawChart(
      this.chart,
      {
        width,
        height: 260,
        marginLeft: 52,
        marginBottom: 40,
        x: {
          label: s.standardize ? t("houseExplorer.axisStd", { feature: name }) : name,
          labelAnchor: "center",
          labelArrow: "none",
          grid: true,
        },
        y: { label: t("houseExplorer.axisPrice"), grid: true },
        marks: [Plot.dot(points, { x: "x", y: "price", stroke: c.accent, r: 3.5, strokeWidth: 1.5 })],
      },
      t("houseExplorer.chartDesc", {
        m: HOUSES,
        feature: name,
        min: Math.round(Math.min(...prices)),
        max: Math.round(Math.max(...prices)),
      }),
      {
        columns: [t("houseExplorer.col.index"), name, t("houseExplorer.col.price")],
        rows: points.map((p) => [p.index, p.x, Math.round(p.price)]),
      },
    );
  }
}

if (!customElements.get("dl-house-explorer")) customElements.define("dl-house-explorer", HouseExplorerWidget);
