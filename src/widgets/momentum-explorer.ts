// <dl-momentum-explorer>: the velocity as a weighted sum of past gradients, and momentum against
// plain gradient descent in a narrow valley, in both conventions (chapter 4).
import { ThrottledWidget } from "./throttled-widget";
import { drawChart, Plot, themeColors } from "../charts/chart";
import { pairWidth } from "../charts/parts";
import { trackWidth } from "./optimizer-charts";
import { ChartQueue } from "./chart-queue";
import { formatNumber } from "../charts/format";
import { assignFields, controlButton } from "./controls";
import { optimizerColor, dashOf, drawSurfaceChart, dropPlotStyle } from "./optimizer-charts";
import {
  momentumSchema,
  velocityWeights,
  effectiveStep,
  valley,
  valleyPaths,
  sharedLr,
  matchedLrPytorch,
  isMatched,
  acrossTravel,
  VALLEY_KAPPA,
  type MomentumState,
} from "./momentum-explorer-model";
import type { Path } from "./optimizer-path";
import type { MomentumForm } from "../../lib";
import { t } from "../i18n";

type PathKey = "gd" | "pytorch" | "ema";
type Part = "weights" | "valley";
const KEYS: PathKey[] = ["gd", "ema", "pytorch"];

class MomentumExplorerWidget extends ThrottledWidget<typeof momentumSchema> {
  readonly schema = momentumSchema;
  private readouts!: HTMLElement;
  private weightsHost!: HTMLElement;
  private valleyHost!: HTMLElement;
  private notes!: HTMLElement;
  private matchNote!: HTMLElement;
  private table!: HTMLTableElement;
  private width!: () => number;
  /** What the charts show, computed once per change; the two charts are drawn in successive frames. */
  private drawn!: { form: MomentumForm; weights: number[]; paths: Record<PathKey, Path>; lrOf: Record<PathKey, number>; size: number };
  private readonly charts = new ChartQueue<Part>(["valley", "weights"], (part) => this.drawPart(part));
  /** The form last drawn: a new form draws its weights first, the chart the toggle is about. */
  private lastForm = "";

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.charts.cancel();
  }

  protected buildControls(panel: HTMLElement): void {
    const match = controlButton(t("momentumExplorer.match"), "match", () => this.assign({ lrPytorch: matchedLrPytorch(this.state) }));
    match.setAttribute("aria-describedby", `${this.inputId("match")}-hint`);
    const hint = Object.assign(document.createElement("p"), {
      className: "dl-note",
      id: `${this.inputId("match")}-hint`,
      textContent: t("momentumExplorer.matchHint"),
    });
    panel.append(
      this.fieldGroup(t("momentumExplorer.groupMomentum"), ["beta", "form", "steps"]),
      this.fieldGroup(t("momentumExplorer.groupRates"), ["lrEma", "lrPytorch", match, hint]),
    );
  }

  protected optionLabel(_name: string, option: string): string {
    return t(`momentumExplorer.form.${option}`);
  }

  private inputId = (name: string) => `${this.id || this.localName}-${name}`;

  /** Sets several fields, keeps their controls in step, and redraws once. */
  private assign(values: Partial<MomentumState>): void {
    assignFields(this, values);
    this.update();
  }

  protected render(): void {
    if (!this.table) {
      this.readouts = Object.assign(document.createElement("dl"), { className: "dl-readouts" });
      const charts = Object.assign(document.createElement("div"), { className: "dl-race-charts" });
      this.weightsHost = Object.assign(document.createElement("div"), { className: "dl-race-chart" });
      this.valleyHost = Object.assign(document.createElement("div"), { className: "dl-race-chart" });
      const titled = (host: HTMLElement, text: string) => {
        const box = document.createElement("div");
        box.append(Object.assign(document.createElement("p"), { className: "dl-race-chart-title", textContent: text }), host);
        return box;
      };
      charts.append(
        titled(this.weightsHost, t("momentumExplorer.weightsTitle")),
        titled(this.valleyHost, t("momentumExplorer.valleyTitle", { kappa: VALLEY_KAPPA })),
      );
      this.notes = Object.assign(document.createElement("ul"), { className: "dl-race-notes" });
      this.matchNote = Object.assign(document.createElement("p"), { className: "dl-note" });
      // tabIndex: the table scrolls sideways on a phone, so the keyboard must be able to reach it.
      this.table = Object.assign(document.createElement("table"), { className: "dl-fallback dl-race-table", tabIndex: 0 });
      this.figure.append(this.readouts, charts, this.notes, this.matchNote, this.table);
      this.width = trackWidth(this.figure, () => this.update());
    }
    const s = this.state;
    const form = s.form as MomentumForm;
    const weights = velocityWeights(form, s.beta);
    const paths = valleyPaths(s);
    // NOTE: the custom element itself is inline (clientWidth 0); its figure <div> is a block.
    const size = pairWidth(this.width(), 420);
    const numbers = this.readouts.textContent + this.table.textContent;
    this.fillReadouts(form, weights, paths.distance);
    const lrOf: Record<PathKey, number> = { gd: sharedLr(s), pytorch: s.lrPytorch, ema: s.lrEma };
    this.fillNotes(paths);
    this.fillTable(paths, lrOf);
    // The readouts and the table change in this frame, the charts in the next ones; the weights
    // depend on the form and β only, so a learning rate or the steps leave them alone.
    this.drawn = { form, weights, paths, lrOf, size };
    const look = `${document.documentElement.dataset.theme}:${size}`;
    this.charts.want("weights", `${form}:${s.beta}:${look}`);
    this.charts.want("valley", `${form}:${s.beta}:${s.steps}:${s.lrEma}:${s.lrPytorch}:${look}`);
    // When the numbers changed they are this frame's news, and the charts wait for the following frames.
    this.charts.flush(s.form !== this.lastForm ? "weights" : undefined, numbers === this.readouts.textContent + this.table.textContent);
    this.lastForm = s.form;
  }

  private drawPart(part: Part): void {
    const { form, weights, paths, lrOf, size } = this.drawn;
    if (part === "weights") this.drawWeights(form, weights, size);
    else this.drawValley(paths, lrOf, size);
    dropPlotStyle(this.figure);
  }

  private fillReadouts(form: MomentumForm, weights: number[], distance: number): void {
    const s = this.state;
    const step = effectiveStep(form, s.beta);
    const pairs: [string, string][] = [
      [t("momentumExplorer.sumShown", { count: weights.length }), formatNumber(weights.reduce((a, b) => a + b, 0))],
      [t(form === "ema" ? "momentumExplorer.effectiveEma" : "momentumExplorer.effectivePytorch"), formatNumber(step)],
      [t("momentumExplorer.distance"), formatNumber(distance, 3)],
    ];
    this.readouts.replaceChildren(
      ...pairs.flatMap(([k, v]) => [
        Object.assign(document.createElement("dt"), { textContent: k }),
        Object.assign(document.createElement("dd"), { textContent: v }),
      ]),
    );
    this.readouts.querySelectorAll("dd")[2].setAttribute("data-distance", String(distance));
  }

  private drawWeights(form: MomentumForm, weights: number[], size: number): void {
    const c = themeColors();
    const data = weights.map((weight, k) => ({ k, weight }));
    const at = (k: number) => formatNumber(weights[Math.min(k, weights.length - 1)]);
    drawChart(
      this.weightsHost,
      {
        width: size,
        height: Math.round(size * 0.75),
        marginLeft: 48,
        marginBottom: 36,
        x: { label: t("momentumExplorer.axisAgo"), tickFormat: (k: number) => (k % 5 === 0 ? String(k) : "") },
        y: { label: t("momentumExplorer.axisWeight"), grid: true, domain: [0, Math.max(1e-9, weights[0])] },
        marks: [Plot.barY(data, { x: "k", y: "weight", fill: optimizerColor(form) }), Plot.ruleY([0], { stroke: c.muted })],
      },
      t("momentumExplorer.weightsDesc", {
        form: t(`momentumExplorer.form.${form}`),
        beta: this.state.beta,
        first: at(0),
        tenth: at(10),
        last: at(weights.length - 1),
        lastK: weights.length - 1,
      }),
      { columns: [t("momentumExplorer.col.k"), t("momentumExplorer.col.weight")], rows: data.map((d) => [d.k, d.weight]) },
    );
  }

  private drawValley(paths: Record<PathKey, Path>, lrOf: Record<PathKey, number>, size: number): void {
    const surface = valley();
    const s = this.state;
    const travel = (k: PathKey) => formatNumber(acrossTravel(paths[k]), 3);
    drawSurfaceChart(
      this.valleyHost,
      surface,
      size,
      [t("momentumExplorer.axisX"), t("momentumExplorer.axisY")],
      KEYS.flatMap((k) => [
        Plot.line(paths[k].points, { x: "x", y: "y", stroke: optimizerColor(k), strokeWidth: 2, strokeDasharray: dashOf(k), clip: true }),
        Plot.dot(paths[k].points.slice(-1), {
          x: "x",
          y: "y",
          r: paths[k].stop ? 8 : 3.5,
          symbol: paths[k].stop ? "times" : "circle",
          stroke: optimizerColor(k),
          fill: paths[k].stop ? "none" : optimizerColor(k),
          strokeWidth: paths[k].stop ? 3 : 1,
          clip: true,
        }),
      ]),
      t("momentumExplorer.valleyDesc", {
        steps: s.steps,
        x0: surface.start[0],
        y0: surface.start[1],
        lrGd: lrOf.gd,
        lrPytorch: lrOf.pytorch,
        lrEma: lrOf.ema,
        gdTravel: travel("gd"),
        pytorchTravel: travel("pytorch"),
        emaTravel: travel("ema"),
      }),
      {
        columns: [t("momentumExplorer.col.path"), t("momentumExplorer.col.step"), t("momentumExplorer.col.x"), t("momentumExplorer.col.y")],
        rows: KEYS.flatMap((k) =>
          paths[k].points.filter((_, i) => i % 5 === 0).map((p) => [t(`momentumExplorer.name.${k}`), p.t, p.x, p.y]),
        ),
      },
    );
  }

  private fillNotes(paths: Record<PathKey, Path>): void {
    const s = this.state;
    this.notes.replaceChildren(
      ...KEYS.filter((k) => paths[k].stop).map((k) =>
        Object.assign(document.createElement("li"), {
          textContent: t("momentumExplorer.stopped", { name: t(`momentumExplorer.name.${k}`), step: paths[k].stop!.step }),
        }),
      ),
    );
    this.matchNote.textContent = isMatched(s) ? t("momentumExplorer.matched", { lr: formatNumber(s.lrPytorch) }) : "";
  }

  private fillTable(paths: Record<PathKey, Path>, lrOf: Record<PathKey, number>): void {
    const surface = valley();
    const head = this.table.createTHead();
    head.replaceChildren();
    const hr = head.insertRow();
    for (const col of ["path", "lr", "travel", "f"])
      hr.append(Object.assign(document.createElement("th"), { scope: "col", textContent: t(`momentumExplorer.col.${col}`) }));
    const body = document.createElement("tbody");
    for (const k of KEYS) {
      const row = body.insertRow();
      row.dataset.path = k;
      const th = Object.assign(document.createElement("th"), { scope: "row" });
      const swatch = Object.assign(document.createElement("span"), { className: "dl-race-swatch" });
      swatch.style.borderTop = `3px ${dashOf(k) ? "dashed" : "solid"} ${optimizerColor(k)}`;
      th.append(swatch, t(`momentumExplorer.name.${k}`));
      row.append(th);
      const last = paths[k].points[paths[k].points.length - 1];
      const f = paths[k].stop ? NaN : surface.f(last.x, last.y);
      for (const text of [formatNumber(lrOf[k]), formatNumber(acrossTravel(paths[k]), 3), formatNumber(f)])
        row.insertCell().textContent = text;
    }
    this.table.tBodies[0]?.remove();
    this.table.append(body);
  }
}

if (!customElements.get("dl-momentum-explorer")) customElements.define("dl-momentum-explorer", MomentumExplorerWidget);
