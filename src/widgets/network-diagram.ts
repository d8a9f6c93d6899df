// <dl-network-diagram>: the chapter 2 house network drawn unit by unit. Edges are the engine's
// weights (colour = sign, thickness = size); focusing a unit shows its Z and A for the chosen house.
import { WidgetBase } from "./base";
import { controlButton } from "./controls";
import { drawChart, Plot, themeColors } from "../charts/chart";
import { formatNumber } from "../charts/format";
import { countTerms, layerName, network, networkSchema, position, zTerms, type Network, type Unit } from "./network-diagram-model";
import { houseFeatures } from "../../lib";
import { t } from "../i18n";

const fmt = (x: number) => formatNumber(x, 3);
const paren = (x: number) => (x < 0 ? `(${fmt(x)})` : fmt(x));

class NetworkDiagramWidget extends WidgetBase<typeof networkSchema> {
  readonly schema = networkSchema;
  private readouts!: HTMLElement;
  private chart!: HTMLElement;
  /** The focused unit; kept across redraws and pulled back inside the network when layers shrink. */
  private selected = { l: 1, j: 0 };

  protected buildControls(panel: HTMLElement): void {
    const reseed = controlButton(t("networkDiagram.newWeights"), "new-weights", () =>
      this.set("seed", (this.state.seed % networkSchema.seed.max) + 1),
    );
    panel.append(
      this.fieldGroup(t("networkDiagram.sizes"), ["hidden1", "hidden2", "outputs"]),
      this.fieldGroup(t("networkDiagram.activations"), ["hidden", "output"]),
      this.fieldGroup(t("networkDiagram.houseGroup"), ["house", "seed", reseed]),
    );
  }

  protected optionLabel(_name: string, option: string): string {
    return t(`networkDiagram.g.${option}`);
  }

  protected render(): void {
    if (!this.readouts) {
      this.readouts = Object.assign(document.createElement("dl"), { className: "dl-readouts" });
      this.chart = document.createElement("div");
      const hint = Object.assign(document.createElement("p"), { className: "dl-note", textContent: t("networkDiagram.focusHint") });
      this.figure.append(hint, this.chart, this.readouts);
    }
    const net = network(this.state);
    const L = net.sizes.length;
    const l = Math.min(this.selected.l, L - 1);
    this.selected = { l, j: Math.min(this.selected.j, net.sizes[l] - 1) };
    this.drawNetwork(net);
    this.showReadouts(net);
  }

  private unitName(u: Unit, L: number): string {
    return u.l === 0
      ? t("networkDiagram.selectedInput", { i: u.j + 1, feature: t(`networkDiagram.feature.${houseFeatures[u.j]}`) })
      : t("networkDiagram.selectedUnit", { layer: layerName(u.l, L), j: u.j + 1 });
  }

  private gName(l: number, L: number): string {
    return t(`networkDiagram.g.${l === L - 1 ? this.state.output : this.state.hidden}`);
  }

  private showReadouts(net: Network): void {
    const L = net.sizes.length,
      { l, j } = this.selected;
    const u = net.units.find((v) => v.l === l && v.j === j)!;
    const [bedrooms, age, distance, pool] = net.house.raw;
    const rows: [string, string][] = [
      [
        t("networkDiagram.house.readout"),
        t("networkDiagram.houseLine", {
          n: this.state.house,
          bedrooms,
          age,
          distance,
          pool: t(pool ? "networkDiagram.yes" : "networkDiagram.no"),
          price: Math.round(net.house.price),
        }),
      ],
      [t("networkDiagram.params"), t("networkDiagram.paramsValue", { terms: countTerms(net.counts), total: net.total })],
      [t("networkDiagram.selected"), this.unitName(u, L)],
    ];
    if (l === 0) rows.push(["x", t("networkDiagram.inputValue", { raw: u.raw!, x: fmt(u.a) })]);
    else {
      const { terms, b } = zTerms(net, l, j);
      const sum = terms.map((p) => `${paren(p.w)}·${paren(p.a)}`).join(" + ");
      rows.push([t("networkDiagram.z"), `${sum} + ${paren(b)} = ${fmt(u.z!)}`], [t("networkDiagram.a", { g: this.gName(l, L) }), fmt(u.a)]);
    }
    this.readouts.replaceChildren(
      ...rows.flatMap(([k, v]) => [
        Object.assign(document.createElement("dt"), { textContent: k }),
        Object.assign(document.createElement("dd"), { textContent: v }),
      ]),
    );
  }

  private drawNetwork(net: Network): void {
    const c = themeColors(),
      L = net.sizes.length,
      sel = this.selected;
    const maxN = Math.max(...net.sizes),
      maxW = Math.max(1e-9, ...net.edges.map((e) => Math.abs(e.w)));
    const units = net.units.map((u) => ({ ...u, ...position(u.l, u.j, net.sizes[u.l]) }));
    const touches = (e: { l: number; i: number; j: number }) => (sel.l === 0 ? e.l === 1 && e.i === sel.j : e.l === sel.l && e.j === sel.j);
    const links = net.edges.map((e) => {
      const from = position(e.l - 1, e.i, net.sizes[e.l - 1]),
        to = position(e.l, e.j, net.sizes[e.l]);
      return {
        x1: from.x,
        y1: from.y,
        x2: to.x,
        y2: to.y,
        w: e.w,
        width: 0.75 + 4.5 * (Math.abs(e.w) / maxW),
        opacity: touches(e) ? 1 : 0.4,
        title: `w = ${fmt(e.w)}`,
      };
    });
    const top = -(maxN - 1) / 2 - 1.1;
    const labels = net.sizes.map((n, l) => ({ x: l, y: top, text: `${layerName(l, L)}\n(${n})` }));
    const inputs = units.filter((u) => u.l === 0).map((u) => ({ ...u, text: t(`networkDiagram.feature.${houseFeatures[u.j]}`) }));
    const outputs = units.filter((u) => u.l === L - 1).map((u) => ({ ...u, text: net.sizes[L - 1] > 1 ? `ŷ${u.j + 1}` : "ŷ" }));
    const link = (sign: 1 | -1) =>
      Plot.link(
        links.filter((e) => Math.sign(e.w) === sign || (sign === 1 && e.w === 0)),
        {
          x1: "x1",
          y1: "y1",
          x2: "x2",
          y2: "y2",
          stroke: sign > 0 ? c.accent : c.second,
          strokeWidth: "width",
          strokeOpacity: "opacity",
          title: "title",
          strokeDasharray: sign > 0 ? undefined : "5,3",
        },
      );
    const width = Math.min(640, this.figure.clientWidth || 640);
    drawChart(
      this.chart,
      {
        width,
        height: Math.max(220, maxN * 40 + 60),
        marginLeft: 74,
        marginRight: 30,
        marginTop: 10,
        x: { axis: null, domain: [-0.15, L - 1 + 0.15] },
        y: { axis: null, reverse: true, domain: [top - 0.3, (maxN - 1) / 2 + 0.5] },
        opacity: { domain: [0, 1], range: [0, 1] },
        marks: [
          link(1),
          link(-1),
          Plot.dot(units, { x: "x", y: "y", r: 11, stroke: c.text, strokeWidth: 1.5, fill: c.text, className: "dl-net-units" }),
          Plot.text(labels, { x: "x", y: "y", text: "text", fill: c.text, fontWeight: 600, lineHeight: 1.2 }),
          Plot.text(inputs, { x: "x", y: "y", text: "text", fill: c.text, textAnchor: "end", dx: -16 }),
          Plot.text(outputs, { x: "x", y: "y", text: "text", fill: c.text, textAnchor: "start", dx: 16 }),
        ],
      },
      t("networkDiagram.desc", {
        sizes: net.sizes.join("-"),
        edges: net.edges.length,
        params: net.total,
        selected: this.unitName(net.units.find((u) => u.l === sel.l && u.j === sel.j)!, L),
      }),
      {
        columns: [t("networkDiagram.table.from"), t("networkDiagram.table.to"), t("networkDiagram.table.weight")],
        rows: net.edges.map((e) => [this.unitName({ l: e.l - 1, j: e.i, a: 0 }, L), this.unitName({ l: e.l, j: e.j, a: 0 }, L), e.w]),
      },
    );
    this.makeUnitsFocusable(net, units);
  }

  /** The circles become keyboard stops: a group of buttons instead of one flat picture. */
  private makeUnitsFocusable(net: Network, units: Unit[]): void {
    const svg = this.chart.querySelector("svg");
    if (!svg) return;
    // NOTE: role="img" hides its children from assistive technology; the units must stay reachable.
    svg.setAttribute("role", "group");
    const L = net.sizes.length;
    svg.querySelectorAll<SVGCircleElement>(".dl-net-units circle").forEach((circle, k) => {
      const u = units[k];
      const on = u.l === this.selected.l && u.j === this.selected.j;
      const label =
        u.l === 0
          ? t("networkDiagram.unitLabel.input", { i: u.j + 1, feature: t(`networkDiagram.feature.${houseFeatures[u.j]}`), x: fmt(u.a) })
          : t("networkDiagram.unitLabel.unit", { layer: layerName(u.l, L), j: u.j + 1, z: fmt(u.z!), a: fmt(u.a) });
      circle.setAttribute("tabindex", "0");
      circle.setAttribute("role", "button");
      circle.setAttribute("aria-label", label);
      circle.setAttribute("aria-pressed", String(on));
      circle.setAttribute("data-unit", `${u.l}-${u.j}`);
      circle.style.fill = on ? "var(--sl-color-text-accent)" : "var(--sl-color-bg)";
      circle.style.cursor = "pointer";
      const pick = () => this.pick(u.l, u.j);
      circle.addEventListener("focus", pick);
      circle.addEventListener("click", pick);
      circle.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          pick();
        }
      });
    });
  }

  /** Selects a unit, redraws, and puts focus back on the (new) circle of that unit. */
  private pick(l: number, j: number): void {
    if (this.selected.l === l && this.selected.j === j) return;
    this.selected = { l, j };
    this.update();
    this.chart.querySelector<SVGCircleElement>(`circle[data-unit="${l}-${j}"]`)?.focus();
  }
}

if (!customElements.get("dl-network-diagram")) customElements.define("dl-network-diagram", NetworkDiagramWidget);
