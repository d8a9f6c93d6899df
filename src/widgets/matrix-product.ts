// <dl-matrix-product>: C = A·B with one entry lit up as row i of A dotted with column j of B; the
// reader steps through the entries, and a shape mismatch shows the engine's error (chapter 0).
import { WidgetBase } from "./base";
import { dotTerms, matrixSchema, product, stepEntry } from "./matrix-product-model";
import { formatNumber } from "../charts/format";
import type { Tensor } from "../../lib";
import { controlButton } from "./controls";
import { t } from "../i18n";

class MatrixProductWidget extends WidgetBase<typeof matrixSchema> {
  readonly schema = matrixSchema;
  private buttons: HTMLButtonElement[] = [];

  protected buildControls(panel: HTMLElement): void {
    const buttons = Object.assign(document.createElement("div"), { className: "dl-mp-buttons" });
    this.buttons = (
      [
        ["matrixProduct.previous", -1],
        ["matrixProduct.next", 1],
      ] as const
    ).map(([key, by]) =>
      controlButton(t(key), by > 0 ? "next" : "previous", () =>
        this.set("entry", stepEntry(this.state.entry, by, this.state.aRows, this.state.bCols)),
      ),
    );
    buttons.append(...this.buttons);
    panel.append(
      this.fieldGroup(t("matrixProduct.shapeA"), ["aRows", "aCols"]),
      this.fieldGroup(t("matrixProduct.shapeB"), ["bRows", "bCols"]),
      buttons,
    );
  }

  protected render(): void {
    const s = this.state,
      p = product(s);
    const row = Object.assign(document.createElement("div"), { className: "dl-mp-row" });
    // The symbol is drawn; a screen reader hears the word instead.
    const sign = (text: string, label: string) => {
      const el = Object.assign(document.createElement("span"), { className: "dl-mp-sign" });
      const shown = Object.assign(document.createElement("span"), { textContent: text });
      shown.setAttribute("aria-hidden", "true");
      el.append(shown, Object.assign(document.createElement("span"), { className: "sr-only", textContent: label }));
      return el;
    };
    const lit = p.C ? { i: p.i!, j: p.j! } : undefined;
    row.append(
      this.matrix("A", p.A, (i) => lit?.i === i),
      sign("·", t("matrixProduct.times")),
      this.matrix("B", p.B, (_, j) => lit?.j === j),
    );
    if (p.C)
      row.append(
        sign("=", t("matrixProduct.equals")),
        this.matrix("C", p.C, (i, j) => lit?.i === i && lit?.j === j),
      );
    const lines: HTMLElement[] = [];
    const line = (text: string, className = "dl-mp-line") =>
      lines.push(Object.assign(document.createElement("p"), { className, textContent: text }));
    if (p.C) {
      line(t("matrixProduct.shapes", { p: s.aRows, q: s.aCols, r: s.bCols }));
      line(t("matrixProduct.step", { k: p.k! + 1, count: p.count!, i: p.i! + 1, j: p.j! + 1 }));
      line(
        t("matrixProduct.dot", { i: p.i! + 1, j: p.j! + 1, terms: dotTerms(p.terms!), value: formatNumber(p.value!) }),
        "dl-mp-line dl-mp-dot",
      );
    } else {
      line(
        t("matrixProduct.mismatch", { aRows: s.aRows, aCols: s.aCols, bRows: s.bRows, bCols: s.bCols, message: p.error! }),
        "dl-mp-error",
      );
      line(t("matrixProduct.mismatchFix"));
    }
    // Stepping means nothing while the product is undefined.
    this.buttons.forEach((b) => (b.disabled = !p.C));
    this.figure.replaceChildren(row, ...lines);
  }

  /** One matrix as a table; `on` marks the cells that take part in the highlighted entry. */
  private matrix(name: string, M: Tensor, on: (i: number, j: number) => boolean): HTMLTableElement {
    const table = Object.assign(document.createElement("table"), { className: "dl-mp-matrix" });
    table.createCaption().textContent = t("matrixProduct.matrixCaption", { name, rows: M.rows, cols: M.cols });
    const body = table.createTBody();
    for (let i = 0; i < M.rows; i++) {
      const tr = body.insertRow();
      for (let j = 0; j < M.cols; j++) {
        const td = tr.insertCell();
        td.textContent = formatNumber(M.get(i, j));
        if (on(i, j)) td.className = "dl-mp-on";
      }
    }
    return table;
  }
}

if (!customElements.get("dl-matrix-product")) customElements.define("dl-matrix-product", MatrixProductWidget);
