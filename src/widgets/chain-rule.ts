// <dl-chain-rule>: y = f₃(f₂(f₁(x))) as a tape of three steps, each with its local derivative; their
// product next to the engine's finite-difference estimate, and the curve with its tangent (chapter 0).
import { WidgetBase } from "./base";
import { drawChart, Plot, themeColors } from "../charts/chart";
import { formatTick, formatValue } from "../charts/format";
import { chain, chainSchema, clampToWindow, curve, formula, localText, piecesOf, yDomain, H } from "./chain-rule-model";
import { t } from "../i18n";

// NOTE: formatValue, not formatNumber: an infinite value here is an overflow (exp∘exp∘exp), not a training run that diverged.
const fmt = (x: number) => formatValue(x, 4);

class ChainRuleWidget extends WidgetBase<typeof chainSchema> {
  readonly schema = chainSchema;
  private tape!: HTMLTableElement;
  private readouts!: HTMLElement;
  private chart!: HTMLElement;

  protected buildControls(panel: HTMLElement): void {
    panel.append(this.fieldGroup(t("chainRule.functions"), ["f1", "f2", "f3"]), this.control("x"));
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
    const s = this.state,
      c = chain(s),
      names = piecesOf(s);
    this.tape.replaceChildren();
    this.tape.createCaption().textContent = `y = ${formula(names)}`;
    const head = this.tape.createTHead().insertRow();
    for (const key of ["step", "fn", "in", "out", "df"])
      head.append(Object.assign(document.createElement("th"), { scope: "col", textContent: t(`chainRule.col.${key}`) }));
    const body = this.tape.createTBody();
    c.steps.forEach((st, k) => {
      const row = body.insertRow();
      row.append(Object.assign(document.createElement("th"), { scope: "row", textContent: `f${"₁₂₃"[k]}` }));
      for (const text of [t(`chainRule.fn.${st.name}`), fmt(st.u), fmt(st.out), localText(st.name, st.local, fmt)])
        row.insertCell().textContent = text;
    });

    const pair = (k: string, v: string) => [
      Object.assign(document.createElement("dt"), { textContent: k }),
      Object.assign(document.createElement("dd"), { textContent: v }),
    ];
    if ("problem" in c && c.problem) {
      this.readouts.replaceChildren(
        ...pair(t("chainRule.product"), t("chainRule.domain", { stage: c.problem.stage, u: fmt(c.problem.u) })),
      );
    } else {
      const ok = c.error! < 1e-6,
        finite = Number.isFinite(c.slope) && Number.isFinite(c.numeric);
      this.readouts.replaceChildren(
        ...pair(
          t("chainRule.product"),
          `${c.steps.map((st) => (st.local < 0 ? `(${fmt(st.local)})` : fmt(st.local))).join(" × ")} = ${fmt(c.slope!)}`,
        ),
        ...pair(t("chainRule.numeric", { h: String(H) }), formatValue(c.numeric!, 10)),
        ...pair(
          t("chainRule.relError"),
          finite ? t(ok ? "chainRule.agree" : "chainRule.disagree", { error: formatValue(c.error!, 2) }) : t("chainRule.overflow"),
        ),
      );
      this.readouts.setAttribute("data-rel-error", String(c.error));
    }
    this.drawCurve(names, c);
  }

  private drawCurve(names: ReturnType<typeof piecesOf>, c: ReturnType<typeof chain>): void {
    const s = this.state,
      col = themeColors(),
      all = curve(names);
    const ok = !("problem" in c && c.problem) && Number.isFinite(c.y) && Number.isFinite(c.slope);
    const y0 = c.y ?? NaN,
      slope = c.slope ?? NaN;
    const domain = yDomain(
        all.map((p) => p.y),
        ok ? y0 : undefined,
      ),
      points = clampToWindow(all, domain);
    const tangent = ok
      ? clampToWindow(
          [-0.6, 0.6].map((d) => ({ x: s.x + d, y: y0 + slope * d })),
          domain,
        )
      : [];
    drawChart(
      this.chart,
      {
        width: Math.min(640, this.figure.clientWidth || 640),
        height: 240,
        // NOTE: room for the longest tick formatTick writes ("−1.5e+79").
        marginLeft: 64,
        marginBottom: 40,
        x: { label: t("chainRule.axisX"), labelAnchor: "center", labelArrow: "none", domain: [chainSchema.x.min, chainSchema.x.max] },
        y: { label: t("chainRule.axisY"), grid: true, domain, tickFormat: formatTick },
        clip: true,
        marks: [
          Plot.ruleY([0], { stroke: col.muted }),
          Plot.line(points, { x: "x", y: "y", stroke: col.accent, strokeWidth: 2 }),
          Plot.line(tangent, { x: "x", y: "y", stroke: col.second, strokeWidth: 2, strokeDasharray: "6,3" }),
          Plot.dot(ok ? [{ x: s.x, y: y0 }] : [], { x: "x", y: "y", fill: col.second, r: 5 }),
        ],
      },
      t(ok ? "chainRule.chartDesc" : "chainRule.chartDescNoTangent", {
        formula: formula(names),
        from: chainSchema.x.min,
        to: chainSchema.x.max,
        x: s.x,
        slope: fmt(slope),
      }),
      { columns: [t("chainRule.tableX"), t("chainRule.tableY")], rows: all.filter((_, k) => k % 10 === 0).map((p) => [p.x, fmt(p.y)]) },
    );
  }
}

if (!customElements.get("dl-chain-rule")) customElements.define("dl-chain-rule", ChainRuleWidget);
