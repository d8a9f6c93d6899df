// <dl-neuron>: one artificial neuron on the house-price example (chapter 1).
import { WidgetBase } from "./base";
import { drawChart, Plot, themeColors } from "../charts/chart";
import { formatNumber, formatPrice, formatTick, formatValue } from "../charts/format";
import { chartPoints, neuronSchema, predict, FEATURES, type Feature } from "./neuron-model";
import { t } from "../i18n";

class NeuronWidget extends WidgetBase<typeof neuronSchema> {
  readonly schema = neuronSchema;
  private readouts!: HTMLElement;
  private chart!: HTMLElement;
  private note!: HTMLElement;

  protected buildControls(panel: HTMLElement): void {
    panel.append(
      this.fieldGroup(t("neuron.inputs"), [...FEATURES]),
      this.fieldGroup(t("neuron.weights"), ["wBedrooms", "wAge", "wDistance", "wPool", "bias"]),
      this.fieldGroup(t("neuron.chartGroup"), ["activation", "vary"]),
    );
  }

  protected optionLabel(name: string, option: string): string {
    if (name === "activation") return t(`activation.${option}` as string);
    return t(`neuron.feature.${option as Feature}`);
  }

  protected render(): void {
    if (!this.readouts) {
      this.readouts = document.createElement("dl");
      this.readouts.className = "dl-readouts";
      this.chart = document.createElement("div");
      this.note = document.createElement("p");
      this.note.className = "dl-note";
      this.figure.append(this.readouts, this.chart, this.note);
    }
    const s = this.state;
    const { z, a, price } = predict(s);
    this.readouts.replaceChildren(
      ...[
        [t("neuron.z"), formatValue(z)],
        [t("neuron.a", { g: t(`activation.${s.activation}` as string) }), formatValue(a)],
        [t("neuron.price"), formatPrice(price)],
      ].flatMap(([k, v]) => [
        Object.assign(document.createElement("dt"), { textContent: k }),
        Object.assign(document.createElement("dd"), { textContent: v }),
      ]),
    );
    this.note.textContent = s.activation === "sigmoid" ? t("neuron.capNote") : "";

    const feature = s.vary as Feature;
    const name = t(`neuron.feature.${feature}`);
    const points = chartPoints(s);
    const current = { x: s[feature] as number, price: price * 100 };
    const c = themeColors();
    const prices = points.map((p) => p.price);
    drawChart(
      this.chart,
      {
        width: Math.min(640, this.figure.clientWidth || 640),
        height: 260,
        marginLeft: 56,
        x: { label: name },
        y: { label: t("neuron.axisPrice"), grid: true, tickFormat: formatTick },
        marks: [
          Plot.ruleY([0], { stroke: c.muted }),
          Plot.line(points, { x: "x", y: "price", stroke: c.accent, strokeWidth: 2 }),
          Plot.dot(Number.isFinite(current.price) ? [current] : [], { x: "x", y: "price", fill: c.second, r: 5 }),
        ],
      },
      t("neuron.chartDesc", {
        feature: name,
        min: formatPrice(Math.min(...prices) / 100),
        max: formatPrice(Math.max(...prices) / 100),
        from: neuronSchema[feature].min,
        to: neuronSchema[feature].max,
        current: formatPrice(price),
      }),
      { columns: [name, t("neuron.table.price")], rows: points.map((p) => [formatNumber(p.x), formatPrice(p.price / 100)]) },
    );
  }
}

if (!customElements.get("dl-neuron")) customElements.define("dl-neuron", NeuronWidget);
