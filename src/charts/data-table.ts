// The plain tables the widgets and cells show: the data under a chart's "Show data", a code cell's
// table(x), and the readout tables some widgets build row by row. It imports nothing, so the lazily
// loaded cell bundle can use it without pulling in Plot.

/** A table cell with its text; a header cell names what it heads with `scope`. */
export function tableCell(tag: "th" | "td", text: string, scope?: "col" | "row"): HTMLTableCellElement {
  const c = document.createElement(tag);
  c.textContent = text;
  if (scope) c.scope = scope;
  return c;
}

/** A table row holding `cells`. */
export function tableRow(cells: HTMLElement[]): HTMLTableRowElement {
  const r = document.createElement("tr");
  r.append(...cells);
  return r;
}

/** A <thead> holding one row of column headers (<th scope="col">). */
export function tableHead(columns: string[]): HTMLTableSectionElement {
  const head = document.createElement("thead");
  head.insertRow().append(...columns.map((c) => tableCell("th", c, "col")));
  return head;
}

/** A <table> with a header row of `columns` and one body row per entry of `rows`; with `rowHeader`,
 * each row's first cell is a row header (<th scope="row">). Values are shown as given. */
export function dataTable(columns: string[], rows: string[][], rowHeader = false): HTMLTableElement {
  const table = document.createElement("table");
  table.append(tableHead(columns), document.createElement("tbody"));
  appendRows(table, rows, rowHeader);
  return table;
}

/** Adds one body row per entry of `rows` to `table` (made by dataTable), as dataTable does. */
export function appendRows(table: HTMLTableElement, rows: string[][], rowHeader = false): void {
  const body = table.tBodies[0];
  for (const row of rows) {
    body.insertRow().append(...row.map((value, j) => (rowHeader && j === 0 ? tableCell("th", value, "row") : tableCell("td", value))));
  }
}
