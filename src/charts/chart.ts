// Draws an Observable Plot chart accessibly: the SVG gets role="img" and a text description, Plot's
// own aria-labels on <g> (which axe flags) are removed, and the data is offered as a table.
import * as Plot from "@observablehq/plot";
import { t } from "../i18n";
import { formatNumber } from "./format";
import { dataTable } from "./data-table";

export { Plot };

let cachedColors: { theme: string; colors: ReturnType<typeof readColors> } | undefined;

/** Theme colours read from Starlight's CSS variables, so charts follow light and dark mode. Read once
 * per theme: getComputedStyle after a redraw forces a style pass over the whole (long) page. */
export function themeColors() {
  const theme = document.documentElement.dataset.theme ?? "";
  if (cachedColors?.theme !== theme) cachedColors = { theme, colors: readColors() };
  return cachedColors.colors;
}

function readColors() {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    text: v("--sl-color-white", "#111"),
    muted: v("--sl-color-gray-3", "#888"),
    accent: v("--sl-color-text-accent", "#3b5bdb"),
    second: v("--dl-color-second", "#c2410c"),
    grid: v("--sl-color-gray-5", "#ddd"),
  };
}

export interface TableData {
  columns: string[];
  rows: (string | number)[][];
}

/** Renders `options` into `host` (replacing what was there) with a description and a data table. */
export function drawChart(host: HTMLElement, options: Plot.PlotOptions, description: string, table: TableData): void {
  const c = themeColors();
  const chart = Plot.plot({
    style: { background: "transparent", color: c.text, fontSize: "13px", overflow: "visible" },
    ...options,
  });
  chart.querySelectorAll("[aria-label]").forEach((el) => el.removeAttribute("aria-label"));
  chart.setAttribute("role", "img");
  chart.setAttribute("aria-label", description);

  const caption = document.createElement("p");
  caption.className = "dl-chart-description";
  caption.textContent = description;

  const details = document.createElement("details");
  details.className = "dl-data-table";
  // A reader who opened the data table keeps it open while moving a slider.
  details.open = host.querySelector<HTMLDetailsElement>(":scope > details.dl-data-table")?.open ?? false;
  const summary = document.createElement("summary");
  summary.textContent = t("widget.showData");
  details.append(summary, tableElement(table));

  host.replaceChildren(chart, caption, details);
}

function tableElement({ columns, rows }: TableData): HTMLTableElement {
  return dataTable(
    columns,
    rows.map((row) => row.map((cell) => (typeof cell === "number" ? formatNumber(cell) : cell))),
  );
}
