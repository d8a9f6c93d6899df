// <dl-conv-geometry>: one axis of a convolution's input with its zero padding, and one row per output showing the
// positions that placement reads; the output-size formula with the reader's numbers, the engine's size, and the
// input pixels the floor leaves unread (chapter 9).
import { WidgetBase } from "./base";
import { gridSvg } from "./cell-grid-svg";
import { convGeometrySchema, geometry } from "./conv-geometry-model";
import { t } from "../i18n";

class ConvGeometryWidget extends WidgetBase<typeof convGeometrySchema> {
  readonly schema = convGeometrySchema;

  protected render(): void {
    const s = this.state,
      g = geometry(s);
    const line = (text: string, className = "") => Object.assign(document.createElement("p"), { textContent: text, className });
    if (g.error !== undefined) {
      this.figure.replaceChildren(line(t("convGeometry.error", { message: g.error }), "dl-conv-error"));
      return;
    }
    const taps = g.placements.map((p) => new Set(p));
    const unread = new Set(g.unread);
    const svg = gridSvg({
      rows: g.out + 1,
      cols: g.padded,
      cell: 32,
      fill: (i, j) => {
        const padding = j < s.p || j >= s.p + s.n;
        if (i === 0) return padding ? { color: "var(--sl-color-gray-4)", opacity: 0.6 } : { color: "var(--sl-color-white)", opacity: 0.18 };
        return taps[i - 1].has(j) ? { color: "var(--sl-color-text-accent)", opacity: 0.9 } : null;
      },
      text: (i, j) => (i === 0 ? (j < s.p || j >= s.p + s.n ? "0" : String(j - s.p + 1)) : ""),
      boxes: g.unread.map((j) => ({ row: 0, col: j, rows: 1, cols: 1, kind: "mark" as const })),
      label: t("convGeometry.grid", { padded: g.padded, p: s.p, k: s.k }),
    });
    const host = Object.assign(document.createElement("div"), { className: "dl-conv-geometry-grid", innerHTML: svg });
    const lines = Object.assign(document.createElement("div"), { className: "dl-conv-lines" });
    lines.append(
      line(t("convGeometry.span", { span: g.span, lastStart: g.lastStart })),
      line(
        t("convGeometry.formula", {
          n: s.n,
          twoP: 2 * s.p,
          dk: s.d * (s.k - 1),
          s: s.s,
          lastStart: g.lastStart,
          steps: g.steps,
          out: g.out,
        }),
        "dl-cs-sum",
      ),
      line(t("convGeometry.engine", { out: g.out, h: g.shape[2], w: g.shape[3] })),
      line(
        unread.size > 0
          ? t("convGeometry.unread", { leftover: g.leftover, pixels: g.unread.map((j) => j - s.p + 1).join(", ") })
          : t("convGeometry.allRead"),
      ),
    );
    this.figure.replaceChildren(host, lines);
  }
}

if (!customElements.get("dl-conv-geometry")) customElements.define("dl-conv-geometry", ConvGeometryWidget);
