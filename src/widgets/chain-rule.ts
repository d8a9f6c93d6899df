// <dl-chain-rule>: y = f₃(f₂(f₁(x))) as a tape of three steps, each with its local derivative; their
// product next to the engine's finite-difference estimate, and the curve with its tangent (chapter 0).
import { WidgetBase } from "./base";
import { drawChart, Plot, themeColors } from "./chart";
import { formatNumber } from "./format";
import { chain, chainSchema, curve, formula, localText, piecesOf, H } from "./chain-rule-model";
import { t } from "../i18n";

const fmt = (x: number) => formatNumber(x, 4);

class ChainRuleWidget extends WidgetBase<typeof chainSchema> {
  readonly schema = chainSchema;
  private tape!: HTMLTableElement;
  private readouts!: HTMLElement;
  private chart!: HTMLElement;

  protected buildControls(panel: HTMLElement): void {
    const fs = document.createElement("fieldset");
    fs.append(Object.assign(document.createElement("legend"), { textContent: t("chainRule.functions") }), this.control("f1"), this.control("f2"), this.control("f3"));
    panel.append(fs, this.control("x"));
  }

  protected optionLabel(_name: string, option: string): string {
    return t(`chainRule.fn.${option}`);
  }

  protected render(): void {
    if (!this.tape) {
      this.tape = Object.assign(document.createElement("table"), { className: "dl-fallback dl-chain-tape", tabIndex: 0 });
      this.readouts = Object.assign(document.createElement("dl"), { className: "dl-readouts" });
      this.chart = document.createElement("div");
      this.figure.append(this.tape, this.readouts, this.chart);
    }
    const s = this.state, c = chain(s), names = piecesOf(s);
    this.tape.replaceChildren();
    this.tape.createCaption().textContent = `y = ${formula(names)}`;
    const head = this.tape.createTHead().insertRow();
    for (const key of ["step", "fn", "in", "out", "df"]) head.append(Object.assign(document.createElement("th"), { scope: "col", textContent: t(`chainRule.col.${key}`) }));
    const body = this.tape.createTBody();
    c.steps.forEach((st, k) => {
      const row = body.insertRow();
      row.append(Object.assign(document.createElement("th"), { scope: "row", textContent: `f${"₁₂₃"[k]}` }));
      for (const text of [t(`chainRule.fn.${st.name}`), fmt(st.u), fmt(st.out), localText(st.name, st.local, fmt)]) row.insertCell().textContent = text;
    });

    const pair = (k: string, v: string) => [Object.assign(document.createElement("dt"), { textContent: k }), Object.assign(document.createElement("dd"), { textContent: v })];
    if ("problem" in c && c.problem) {
      this.readouts.replaceChildren(...pair(t("chainRule.product"), t("chainRule.domain", { stage: c.problem.stage, u: fmt(c.problem.u) })));
    } else {
      const ok = c.error! < 1e-6;
      this.readouts.replaceChildren(
        ...pair(t("chainRule.product"), `${c.steps.map((st) => (st.local < 0 ? `(${fmt(st.local)})` : fmt(st.local))).join(" × ")} = ${fmt(c.slope!)}`),
        ...pair(t("chainRule.numeric", { h: String(H) }), formatNumber(c.numeric!, 10)),
        ...pair(t("chainRule.relError"), t(ok ? "chainRule.agree" : "chainRule.disagree", { error: formatNumber(c.error!, 2) })),
      );
      this.readouts.setAttribute("data-rel-error", String(c.error));
    }
    this.drawCurve(names, c);
  }

  private drawCurve(names: ReturnType<typeof piecesOf>, c: ReturnType<typeof chain>): void {
    const s = this.state, col = themeColors(), points = curve(names);
    const ok = !("problem" in c && c.problem) && Number.isFinite(c.y) && Number.isFinite(c.slope);
    const y0 = c.y ?? NaN, slope = c.slope ?? NaN;
    const tangent = ok ? [-0.6, 0.6].map((d) => ({ x: s.x + d, y: y0 + slope * d })) : [];
    drawChart(
      this.chart,
      {
        width: Math.min(640, this.figure.clientWidth || 640),
        height: 240,
        marginLeft: 52,
        marginBottom: 40,
        x: { label: t("chainRule.axisX"), labelAnchor: "center", labelArrow: "none", domain: [chainSchema.x.min, chainSchema.x.max] },
        y: { label: t("chainRule.axisY"), grid: true, domain: yDomain(points.map((p) => p.y), ok ? y0 : undefined) },
        clip: true,
        marks: [
          Plot.ruleY([0], { stroke: col.muted }),
          Plot.line(points, { x: "x", y: "y", stroke: col.accent, strokeWidth: 2 }),
          Plot.line(tangent, { x: "x", y: "y", stroke: col.second, strokeWidth: 2, strokeDasharray: "6,3" }),
          Plot.dot(ok ? [{ x: s.x, y: y0 }] : [], { x: "x", y: "y", fill: col.second, r: 5 }),
        ],
      },
      t("chainRule.chartDesc", { formula: formula(names), from: chainSchema.x.min, to: chainSchema.x.max, x: s.x, slope: ok ? fmt(slope) : "—" }),
      { columns: [t("chainRule.tableX"), t("chainRule.tableY")], rows: points.filter((_, k) => k % 10 === 0).map((p) => [p.x, p.y]) },
    );
  }
}

/** A y range that shows the curve near the current point even when the composition grows huge elsewhere. */
function yDomain(ys: number[], y0?: number): [number, number] {
  const sorted = [...ys].sort((a, b) => a - b);
  if (sorted.length === 0) return [-1, 1];
  // NOTE: exp∘exp reaches 1e200 at the edge; the 5th–95th percentiles keep the interesting part in view.
  let lo = sorted[Math.floor(0.05 * (sorted.length - 1))], hi = sorted[Math.ceil(0.95 * (sorted.length - 1))];
  if (y0 !== undefined) [lo, hi] = [Math.min(lo, y0), Math.max(hi, y0)];
  const pad = (hi - lo) * 0.1 || 1;
  return [lo - pad, hi + pad];
}

if (!customElements.get("dl-chain-rule")) customElements.define("dl-chain-rule", ChainRuleWidget);
