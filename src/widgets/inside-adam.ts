// <dl-inside-adam>: Adam's moments m, v, their corrected values m̂, v̂, and the step each parameter
// takes, over a chosen gradient stream (chapter 4). The model (inside-adam-model.ts) runs the
// engine's Adam; this element draws its recorded state.
import { ThrottledWidget } from "./throttled-widget";
import { ChartQueue } from "./chart-queue";
import { dotsMark } from "../charts/dots-mark";
import { dropPlotStyle, trackWidth } from "./optimizer-charts";
import { drawChart, Plot, themeColors } from "../charts/chart";
import { formatNumber } from "../charts/format";
import { chartBlock, fitWidth, legend, seriesColor, thin, powerOfTen, stepAxis } from "../charts/parts";
import { insideAdamSchema, insideAdam, paramNames, paramSymbols, largestStepGap, TABLE_STEPS, type AdamRecord } from "./inside-adam-model";
import { t } from "../i18n";

type Part = "first" | "second" | "steps";

class InsideAdamWidget extends ThrottledWidget<typeof insideAdamSchema> {
  readonly schema = insideAdamSchema;
  /** The runs the charts show, computed once per change and drawn one chart per frame. */
  private runs!: ReturnType<typeof insideAdam>;
  private width!: () => number;
  private readonly charts = new ChartQueue<Part>(["first", "second", "steps"], (part) => this.drawPart(part));
  private readouts!: HTMLElement;
  private firstHost!: ReturnType<typeof chartBlock>;
  private secondHost!: ReturnType<typeof chartBlock>;
  private stepHost!: ReturnType<typeof chartBlock>;
  private legends!: HTMLElement[];
  private table!: HTMLTableElement;
  private note!: HTMLElement;

  protected buildControls(panel: HTMLElement): void {
    // Nine controls fill a phone's screen: there the two groups start folded, so the charts they move stay in view;
    // a wider screen shows them side by side.
    const group = matchMedia("(min-width: 50rem)").matches ? this.fieldGroup.bind(this) : this.settingsGroup.bind(this);
    panel.append(
      group(t("insideAdam.groupStream"), ["stream", "seed", "steps", "param"]),
      group(t("insideAdam.groupAdam"), ["biasCorrection", "beta1", "beta2", "lr", "epsExp"]),
    );
  }

  protected optionLabel(name: string, option: string): string {
    if (name === "param") return paramNames(this.state?.stream ?? "constant")[Number(option)];
    return t(`insideAdam.stream.${option}`);
  }

  /** The seed only draws the noisy stream's noise: elsewhere it is off, and says so. */
  private syncSeed(): void {
    this.enable("seed", this.state.stream === "noisy", t("insideAdam.seedOff"));
    const select = this.querySelector<HTMLSelectElement>(`[id="${this.id || this.localName}-param"]`);
    if (select) [...select.options].forEach((o) => (o.textContent = this.optionLabel("param", o.value)));
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.charts.cancel();
  }

  protected render(): void {
    if (!this.table) {
      this.readouts = Object.assign(document.createElement("dl"), { className: "dl-readouts" });
      const charts = Object.assign(document.createElement("div"), { className: "dl-internals-charts" });
      this.firstHost = chartBlock("");
      this.secondHost = chartBlock("");
      this.stepHost = chartBlock("");
      this.legends = [this.firstHost, this.secondHost, this.stepHost].map((b) =>
        b.block.insertBefore(document.createElement("div"), b.host),
      );
      charts.append(this.firstHost.block, this.secondHost.block, this.stepHost.block);
      this.note = Object.assign(document.createElement("p"), { className: "dl-note" });
      const caption = Object.assign(document.createElement("p"), {
        className: "dl-internals-chart-title",
        textContent: t("insideAdam.tableTitle"),
      });
      this.table = Object.assign(document.createElement("table"), { className: "dl-fallback dl-internals-table", tabIndex: 0 });
      this.table.setAttribute("data-step-table", "");
      // The charts come first, right under the controls that move them; the numbers follow.
      this.figure.append(charts, this.readouts, this.note, caption, this.table);
      this.width = trackWidth(this.figure, () => this.update());
    }
    this.syncSeed();
    const s = this.state;
    this.runs = insideAdam(s);
    const { shown, other } = this.runs;
    const k = Number(s.param);

    const numbers = this.readouts.textContent + this.table.textContent;
    this.fillReadouts(shown, other);
    this.note.textContent = s.biasCorrection ? t("insideAdam.noteOn") : t("insideAdam.noteOff");
    this.fillTable(shown[k], paramNames(s.stream)[k]);
    // The readouts and the table change in this frame, the charts follow one per frame.
    // The step chart shows both parameters, so picking the other one leaves it alone.
    const look = `${document.documentElement.dataset.theme}:${this.chartWidth()}`;
    const run = [s.stream, s.stream === "noisy" ? s.seed : "", s.biasCorrection, s.beta1, s.beta2, s.lr, s.epsExp, s.steps, look].join();
    this.charts.want("first", `${run}:${k}`);
    this.charts.want("second", `${run}:${k}`);
    this.charts.want("steps", run);
    // When the numbers changed, they are this frame's news and every chart waits for the following frames.
    this.charts.flush(undefined, numbers === this.readouts.textContent + this.table.textContent);
  }

  /** The charts' width, from the figure's tracked width (no forced layout). */
  private chartWidth(): number {
    return fitWidth(this.width(), 420);
  }

  /** What the three charts share: the step t along x, with room below it for stepAxis's label. */
  private stepFrame(width: number, height: number, marginLeft: number) {
    return { width, height, marginLeft, marginBottom: 44, x: stepAxis(t("insideAdam.axisStep")) };
  }

  private drawPart(part: Part): void {
    const { shown, other } = this.runs;
    const names = paramNames(this.state.stream);
    const k = Number(this.state.param);
    const width = this.chartWidth();
    if (part === "first") this.drawFirst(shown[k], names[k], width);
    else if (part === "second") this.drawSecond(shown[k], names[k], width);
    else this.drawSteps(shown, other, names, width);
    dropPlotStyle(this.figure);
  }

  private fillReadouts(shown: ReturnType<typeof insideAdam>["shown"], other: ReturnType<typeof insideAdam>["other"]): void {
    const s = this.state;
    const symbols = paramSymbols(s.stream);
    const k = Number(s.param);
    const first = shown[k][0];
    const ratio = (x: number) => formatNumber(x, 3);
    const rows: [string, string][] = [
      [
        t("insideAdam.readout.m1", { p: symbols[k] }),
        t("insideAdam.readout.pair", { a: ratio(first.m / first.g), b: ratio(first.mHat / first.g) }),
      ],
      [
        t("insideAdam.readout.v1", { p: symbols[k] }),
        t("insideAdam.readout.pair", { a: ratio(first.v / first.g ** 2), b: ratio(first.vHat / first.g ** 2) }),
      ],
    ];
    symbols.forEach((p, j) => {
      const run = shown[j],
        last = run[run.length - 1];
      rows.push([
        t("insideAdam.readout.step", { p, last: last.t }),
        t("insideAdam.readout.pair", { a: ratio(run[0].step / s.lr), b: ratio(last.step / s.lr) }),
      ]);
    });
    // Only for the made-up streams: there both runs see the same gradients, so their steps compare
    // one to one; on the house data the two runs leave the start on different paths.
    if (!s.biasCorrection && s.stream !== "house") {
      const gap = largestStepGap(shown[0], other[0]);
      rows.push([t("insideAdam.readout.gap", { p: symbols[0] }), t("insideAdam.readout.atStep", { ratio: ratio(gap.ratio), t: gap.t })]);
    }
    this.readouts.replaceChildren(
      ...rows.flatMap(([a, b]) => [
        Object.assign(document.createElement("dt"), { textContent: a }),
        Object.assign(document.createElement("dd"), { textContent: b }),
      ]),
    );
  }

  private drawFirst(records: AdamRecord[], name: string, width: number): void {
    const c = themeColors();
    this.firstHost.heading.textContent = t("insideAdam.firstTitle", { name });
    this.legends[0].replaceChildren(
      legend([
        { label: t("insideAdam.series.g"), color: seriesColor(4), dot: true },
        { label: t("insideAdam.series.m"), color: seriesColor(1), dash: true },
        { label: t("insideAdam.series.mHat"), color: seriesColor(0) },
      ]),
    );
    drawChart(
      this.firstHost.host,
      {
        ...this.stepFrame(width, 230, 56),
        y: { label: t("insideAdam.axisFirst"), grid: true },
        marks: [
          Plot.ruleY([0], { stroke: c.muted }),
          dotsMark(records, "t", "g", 1.8, { fill: seriesColor(4) }),
          Plot.line(records, { x: "t", y: "m", stroke: seriesColor(1), strokeWidth: 2, strokeDasharray: "6 3" }),
          Plot.line(records, { x: "t", y: "mHat", stroke: seriesColor(0), strokeWidth: 2 }),
        ],
      },
      t("insideAdam.firstDesc", {
        name,
        steps: records.length,
        m1: formatNumber(records[0].m),
        mHat1: formatNumber(records[0].mHat),
        g1: formatNumber(records[0].g),
        mLast: formatNumber(records[records.length - 1].mHat),
      }),
      { columns: ["t", "g", "m", "m̂"], rows: thin(records).map((r) => [r.t, r.g, r.m, r.mHat]) },
    );
  }

  private drawSecond(records: AdamRecord[], name: string, width: number): void {
    this.secondHost.heading.textContent = t("insideAdam.secondTitle", { name });
    this.legends[1].replaceChildren(
      legend([
        { label: t("insideAdam.series.g2"), color: seriesColor(4), dot: true },
        { label: t("insideAdam.series.v"), color: seriesColor(1), dash: true },
        { label: t("insideAdam.series.vHat"), color: seriesColor(0) },
      ]),
    );
    // NOTE: a log axis, because uncorrected v starts 1/(1 − β₂) = 1000× below g²; zeros are dropped.
    const positive = (key: "v" | "vHat" | "g2") =>
      records.map((r) => ({ t: r.t, y: key === "g2" ? r.g * r.g : r[key] })).filter((p) => p.y > 0);
    drawChart(
      this.secondHost.host,
      {
        ...this.stepFrame(width, 230, 56),
        y: { type: "log", label: t("insideAdam.axisSecond"), grid: true, tickFormat: powerOfTen },
        marks: [
          dotsMark(positive("g2"), "t", "y", 1.8, { fill: seriesColor(4) }),
          Plot.line(positive("v"), { x: "t", y: "y", stroke: seriesColor(1), strokeWidth: 2, strokeDasharray: "6 3" }),
          Plot.line(positive("vHat"), { x: "t", y: "y", stroke: seriesColor(0), strokeWidth: 2 }),
        ],
      },
      t("insideAdam.secondDesc", {
        name,
        v1: formatNumber(records[0].v),
        vHat1: formatNumber(records[0].vHat),
        g21: formatNumber(records[0].g ** 2),
      }),
      { columns: ["t", "g²", "v", "v̂"], rows: thin(records).map((r) => [r.t, r.g * r.g, r.v, r.vHat]) },
    );
  }

  private drawSteps(
    shown: ReturnType<typeof insideAdam>["shown"],
    other: ReturnType<typeof insideAdam>["other"],
    names: [string, string],
    width: number,
  ): void {
    const s = this.state,
      c = themeColors();
    const otherLabel = s.biasCorrection ? t("insideAdam.series.without") : t("insideAdam.series.with");
    this.stepHost.heading.textContent = t("insideAdam.stepTitle");
    this.legends[2].replaceChildren(
      legend([
        ...names.map((name, k) => ({ label: name, color: seriesColor(k === 0 ? 0 : 2) })),
        ...names.map((name, k) => ({ label: `${name}, ${otherLabel}`, color: seriesColor(k === 0 ? 0 : 2), dash: true })),
      ]),
    );
    const series = (run: typeof shown, k: number) => run[k].map((r) => ({ t: r.t, step: r.step }));
    drawChart(
      this.stepHost.host,
      {
        ...this.stepFrame(width, 250, 64),
        y: { label: t("insideAdam.axisStepSize"), grid: true },
        marks: [
          Plot.ruleY([0], { stroke: c.muted }),
          Plot.ruleY([s.lr, -s.lr], { stroke: c.muted, strokeDasharray: "2 3" }),
          ...[0, 1].flatMap((k) => [
            Plot.line(series(other, k), {
              x: "t",
              y: "step",
              stroke: seriesColor(k === 0 ? 0 : 2),
              strokeWidth: 1.5,
              strokeDasharray: "5 4",
              strokeOpacity: 0.8,
            }),
            Plot.line(series(shown, k), { x: "t", y: "step", stroke: seriesColor(k === 0 ? 0 : 2), strokeWidth: 2 }),
          ]),
        ],
      },
      t("insideAdam.stepDesc", {
        a: names[0],
        b: names[1],
        lr: formatNumber(s.lr),
        a1: formatNumber(shown[0][0].step),
        b1: formatNumber(shown[1][0].step),
        aLast: formatNumber(shown[0][shown[0].length - 1].step),
        bLast: formatNumber(shown[1][shown[1].length - 1].step),
      }),
      {
        columns: ["t", names[0], names[1], `${names[0]}, ${otherLabel}`, `${names[1]}, ${otherLabel}`],
        rows: thin(shown[0]).map((r) => [r.t, r.step, shown[1][r.t - 1].step, other[0][r.t - 1].step, other[1][r.t - 1].step]),
      },
    );
  }

  /** The first steps as the engine's public state shows them (opt.m, opt.v, opt.mHat, opt.vHat, opt.t). */
  private fillTable(records: AdamRecord[], name: string): void {
    const cols = ["t", "g", "m", "v", "m̂", "v̂", t("insideAdam.col.step")];
    const head = this.table.createTHead();
    head.replaceChildren();
    const hr = head.insertRow();
    for (const col of cols) hr.append(Object.assign(document.createElement("th"), { scope: "col", textContent: col }));
    const body = document.createElement("tbody");
    for (const r of records.slice(0, TABLE_STEPS)) {
      const row = body.insertRow();
      row.append(Object.assign(document.createElement("th"), { scope: "row", textContent: String(r.t) }));
      for (const x of [r.g, r.m, r.v, r.mHat, r.vHat, r.step]) row.insertCell().textContent = formatNumber(x);
    }
    this.table.querySelector("tbody")?.remove();
    this.table.querySelector("caption")?.remove();
    this.table.createCaption().textContent = t("insideAdam.tableCaption", { name });
    this.table.append(body);
  }
}

if (!customElements.get("dl-inside-adam")) customElements.define("dl-inside-adam", InsideAdamWidget);
