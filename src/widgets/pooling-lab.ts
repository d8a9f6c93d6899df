// <dl-pooling-lab>: an 8 × 8 feature map, its max or average pooling from the engine with the max's winners outlined,
// the gradient the backward pass hands back to the map, and how many pooled values survive a one-pixel shift (chapter 9).
import { WidgetBase } from "./base";
import { cellNumber, gridSvg, signedFill } from "./cell-grid-svg";
import { pool, poolingSchema, SIDE } from "./pooling-lab-model";
import { t } from "../i18n";

class PoolingLabWidget extends WidgetBase<typeof poolingSchema> {
  readonly schema = poolingSchema;

  protected optionLabel(name: string, option: string): string {
    return t(`poolingLab.${name}.${option}`);
  }

  protected render(): void {
    const s = this.state,
      p = pool(s);
    const x = p.X.data,
      y = p.output.data,
      g = p.grad.data;
    const top = Math.max(...x);
    const block = (caption: string, svg: string) => {
      const div = document.createElement("div");
      div.append(Object.assign(document.createElement("p"), { className: "dl-conv-caption", textContent: caption }));
      div.insertAdjacentHTML("beforeend", svg);
      return div;
    };
    const list = (a: ArrayLike<number>) => Array.from(a, cellNumber).join(", ");
    const input = gridSvg({
      rows: SIDE,
      cols: SIDE,
      cell: 28,
      fill: (i, j) => signedFill(x[i * SIDE + j], top),
      text: (i, j) => cellNumber(x[i * SIDE + j]),
      boxes: p.winners.map((q) => ({ row: Math.floor(q / SIDE), col: q % SIDE, rows: 1, cols: 1, kind: "mark" as const })),
      label: t("poolingLab.inputLabel", { values: list(x) }),
    });
    const output = gridSvg({
      rows: p.side,
      cols: p.side,
      cell: 34,
      fill: (i, j) => signedFill(y[i * p.side + j], top),
      text: (i, j) => cellNumber(y[i * p.side + j]),
      label: t("poolingLab.outputLabel", { side: p.side, values: list(y) }),
    });
    const gTop = Math.max(...g);
    const grad = gridSvg({
      rows: SIDE,
      cols: SIDE,
      cell: 28,
      fill: (i, j) => signedFill(g[i * SIDE + j], gTop),
      text: (i, j) => (g[i * SIDE + j] === 0 ? "" : cellNumber(g[i * SIDE + j])),
      label: t("poolingLab.gradLabel", { values: list(g) }),
    });
    const grids = Object.assign(document.createElement("div"), { className: "dl-pool-grids" });
    grids.append(
      block(t("poolingLab.input"), input),
      block(t("poolingLab.output", { side: p.side }), output),
      block(t("poolingLab.grad"), grad),
    );
    const lines = Object.assign(document.createElement("div"), { className: "dl-conv-lines" });
    const line = (text: string) => lines.append(Object.assign(document.createElement("p"), { textContent: text }));
    line(t("poolingLab.sizes", { window: s.window, stride: s.stride, side: p.side }));
    line(s.mode === "max" ? t("poolingLab.gradMax") : t("poolingLab.gradAvg", { area: s.window * s.window }));
    line(s.shift ? t("poolingLab.shiftNote", { unchanged: p.unchanged, outputs: p.outputs }) : t("poolingLab.noShift"));
    this.figure.replaceChildren(grids, lines);
  }
}

if (!customElements.get("dl-pooling-lab")) customElements.define("dl-pooling-lab", PoolingLabWidget);
