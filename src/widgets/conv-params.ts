// <dl-conv-params>: the parameter counts of a convolution and of a dense layer with the same input and output sizes,
// as two bars on a logarithmic scale, with each formula filled in by the engine's counts (chapter 9).
import { WidgetBase } from "./base";
import { convParamsSchema, counts } from "./conv-params-model";
import { t } from "../i18n";

const big = (n: number) => Math.round(n).toLocaleString("en-US");

class ConvParamsWidget extends WidgetBase<typeof convParamsSchema> {
  readonly schema = convParamsSchema;

  protected render(): void {
    const s = this.state,
      c = counts(s);
    const line = (text: string, className = "") => Object.assign(document.createElement("p"), { textContent: text, className });
    if (c.error !== undefined) {
      this.figure.replaceChildren(line(c.error, "dl-conv-error"));
      return;
    }
    // Bars on a log scale from 1 to 10^11: a factor of ten is an eleventh of the width.
    const W = 400,
      L = 92,
      x = (n: number) => L + ((W - L - 10) * Math.log10(Math.max(1, n))) / 11;
    const bar = (y: number, n: number, label: string, cls: string) =>
      `<text x="0" y="${y + 11}" class="dl-cp-text">${label}</text><rect x="${L}" y="${y}" width="${x(n) - L}" height="22" class="${cls}"/>` +
      `<text x="${Math.min(x(n) + 6, W - 72)}" y="${y + 11}" class="dl-cp-text">${big(n)}</text>`;
    const ticks = Array.from(
      { length: 12 },
      (_, e) => `<line x1="${x(10 ** e)}" x2="${x(10 ** e)}" y1="0" y2="62" class="dl-grid-lines"/>`,
    );
    const svg =
      `<svg viewBox="0 0 ${W} 64" role="img" aria-label="${t("convParams.chart", { conv: big(c.conv), dense: big(c.dense) })}" class="dl-cp-bars">` +
      `${ticks.join("")}${bar(4, c.conv, t("convParams.conv"), "dl-cp-bar-conv")}${bar(36, c.dense, t("convParams.dense"), "dl-cp-bar-dense")}</svg>`;
    const lines = Object.assign(document.createElement("div"), { className: "dl-conv-lines" });
    lines.append(
      line(t("convParams.shapes", { cIn: s.cIn, size: s.size, nIn: big(c.nIn), cOut: s.cOut, out: c.out, nOut: big(c.nOut) })),
      line(t("convParams.convFormula", { cOut: s.cOut, cIn: s.cIn, k2: s.k * s.k, conv: big(c.conv) }), "dl-cs-sum"),
      line(t("convParams.denseFormula", { nOut: big(c.nOut), nIn: big(c.nIn), dense: big(c.dense) }), "dl-cs-sum"),
      line(t("convParams.ratio", { ratio: big(c.ratio) })),
      line(t("convParams.mults", { convMults: big(c.convMults), denseMults: big(c.denseMults) })),
    );
    this.figure.replaceChildren(Object.assign(document.createElement("div"), { innerHTML: svg }), lines);
  }
}

if (!customElements.get("dl-conv-params")) customElements.define("dl-conv-params", ConvParamsWidget);
