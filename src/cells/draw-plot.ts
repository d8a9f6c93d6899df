// Draws a chart a cell described (plot-spec.ts) with Observable Plot, through the widgets' drawChart
// so it gets the same accessible description, theme colours and data table. Loaded on first chart.
// The spec was checked (plot-spec.ts) and the drawing is stripped of links all the same.
import { Plot, drawChart, type TableData } from "../charts/chart";
import type { PlotSpec } from "./plot-spec";

/** Renders `spec` into `host`; `description` is used when the spec has no title. */
export function drawPlotSpec(host: HTMLElement, spec: PlotSpec, description: string): void {
  const { marks, title, ...options } = spec;
  const built = marks.map(({ mark, data, ...opts }) => (Plot[mark] as (d: unknown, o: object) => Plot.Markish)(data, opts));
  const first = marks.find((m) => Array.isArray(m.data))?.data ?? [];
  drawChart(host, { ...options, marks: built } as Plot.PlotOptions, typeof title === "string" ? title : description, tableOf(first));
  stripLinks(host);
}

/** Removes every link, href and event-handler attribute from a drawn chart: a cell's chart is a picture, never a link. */
export function stripLinks(root: Element): void {
  for (const a of root.querySelectorAll("a")) a.replaceWith(...a.childNodes);
  for (const el of root.querySelectorAll("*")) {
    for (const { name } of [...el.attributes]) if (/^on|(^|:)href$/i.test(name)) el.removeAttribute(name);
  }
}

function tableOf(data: unknown[]): TableData {
  const rows = data.slice(0, 500);
  if (rows.every((r) => typeof r === "number")) return { columns: ["index", "value"], rows: rows.map((v, i) => [i, v as number]) };
  if (rows.every((r) => Array.isArray(r))) {
    const width = Math.max(0, ...rows.map((r) => (r as unknown[]).length));
    return { columns: Array.from({ length: width }, (_, j) => String(j)), rows: rows.map((r) => (r as (string | number)[]).map((v) => v)) };
  }
  const keys = [...new Set(rows.flatMap((r) => (typeof r === "object" && r ? Object.keys(r) : [])))];
  return {
    columns: keys,
    rows: rows.map((r) =>
      keys.map((k) => {
        const v = (r as Record<string, unknown>)[k];
        return typeof v === "number" ? v : String(v ?? "");
      }),
    ),
  };
}
