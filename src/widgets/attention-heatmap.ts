// <dl-attention-heatmap>: self-attention weights for a sentence the reader types (chapter 10). The heatmap shows
// every weight a_ij; one query row is opened up into its dot products q·k_j, scores and softmax weights, with the
// row's entropy, so the √d scale and the causal mask can be watched acting on real numbers from the engine.
import { WidgetBase } from "./base";
import { drawChart } from "../charts/chart";
import { chartWidth } from "../charts/parts";
import { formatNumber } from "../charts/format";
import { dataTable } from "../charts/data-table";
import { attentionHeatmapSchema, runHeatmap, type HeatmapRun } from "./attention-heatmap-model";
import { heatmapPlot, tokenLabels } from "./attention-cells";
import { sentenceField, sentenceParam, type SentenceField } from "./sentence-field";
import { t } from "../i18n";

class AttentionHeatmapWidget extends WidgetBase<typeof attentionHeatmapSchema> {
  readonly schema = attentionHeatmapSchema;
  private sentence!: SentenceField;
  private parts: { readouts: HTMLElement; chart: HTMLElement; rowTitle: HTMLElement; row: HTMLElement } | null = null;

  protected buildControls(panel: HTMLElement): void {
    this.sentence = sentenceField(this.id || this.localName, () => this.update());
    panel.append(
      this.sentence.element,
      this.fieldGroup(t("attentionHeatmap.groupVectors"), ["d", "projection"]),
      this.fieldGroup(t("attentionHeatmap.groupSoftmax"), ["scaled", "causal", "row"]),
    );
  }

  protected optionLabel(_name: string, option: string): string {
    return t(`attentionHeatmap.projection.${option}`);
  }

  protected extendLink(url: URL, prefix: string): URL {
    const text = this.sentence.shared();
    if (text === null) url.searchParams.delete(sentenceParam(prefix));
    else url.searchParams.set(sentenceParam(prefix), text);
    return url;
  }

  protected render(): void {
    if (!this.parts) {
      const el = (tag: string, className = "") => Object.assign(document.createElement(tag), { className });
      this.parts = {
        readouts: el("dl", "dl-readouts"),
        chart: el("div", "dl-attention-chart"),
        rowTitle: el("p", "dl-attention-row-title"),
        row: el("div", "dl-attention-row"),
      };
      const about = Object.assign(el("p", "dl-note"), { textContent: t("attentionHeatmap.note") });
      // The heatmap and its opened-up row side by side where the figure is wide enough, stacked on a phone.
      const main = el("div", "dl-attention-main"),
        side = el("div", "dl-attention-side");
      side.append(this.parts.rowTitle, this.parts.row, this.parts.readouts);
      main.append(this.parts.chart, side);
      this.figure.append(main, about);
    }
    const tokens = this.sentence.tokens();
    const T = tokens.length;
    // The row slider spans the sentence's words.
    const slider = this.querySelector<HTMLInputElement>('input[type="range"][data-control="row"]');
    if (slider && slider.max !== String(T)) slider.max = String(T);
    const run = runHeatmap(tokens, this.state);
    const width = chartWidth(this.figure, 380);
    this.readouts(run);
    const { i } = run.row;
    drawChart(
      this.parts.chart,
      heatmapPlot(tokens, run.weights, { width, numbers: true, row: i, causal: this.state.causal }),
      t("attentionHeatmap.desc", {
        T,
        word: tokens[i],
        top: tokens[run.row.weights.indexOf(Math.max(...run.row.weights))],
        a: formatNumber(Math.max(...run.row.weights), 3),
        diag: formatNumber(run.weights.reduce((s, r, k) => s + r[k], 0) / T, 3),
      }),
      {
        columns: [t("attentionHeatmap.table.query"), ...tokenLabels(tokens)],
        rows: run.weights.map((r, k) => [tokenLabels(tokens)[k], ...r.map((a) => formatNumber(a, 4))]),
      },
    );
    this.parts.rowTitle.textContent = t("attentionHeatmap.rowTitle", { n: i + 1, word: tokens[i] });
    const labels = tokenLabels(tokens);
    const scoreText = (v: number) => (v === Number.NEGATIVE_INFINITY ? "−∞" : formatNumber(v, 3));
    this.parts.row.replaceChildren(
      dataTable(
        [
          t("attentionHeatmap.table.key"),
          t("attentionHeatmap.table.dot"),
          t(run.scale === 1 ? "attentionHeatmap.table.scoreRaw" : "attentionHeatmap.table.score"),
          t("attentionHeatmap.table.weight"),
        ],
        labels.map((k, j) => [k, formatNumber(run.row.dots[j], 3), scoreText(run.row.scores[j]), formatNumber(run.row.weights[j], 4)]),
        true,
      ),
    );
  }

  private readouts(run: HeatmapRun): void {
    const { i, weights } = run.row,
      T = run.tokens.length;
    const pairs: [string, string][] = [
      [t("attentionHeatmap.readout.scale"), this.state.scaled ? `1/√${Math.round(this.state.d)} = ${formatNumber(run.scale, 4)}` : "1"],
      [t("attentionHeatmap.readout.entropy", { n: i + 1 }), `${formatNumber(run.entropy[i], 3)} ${t("attentionHeatmap.nats")}`],
      [
        t("attentionHeatmap.readout.uniform", { T }),
        `${formatNumber(Math.log(this.state.causal ? i + 1 : T), 3)} ${t("attentionHeatmap.nats")}`,
      ],
      [t("attentionHeatmap.readout.largest"), formatNumber(Math.max(...weights), 4)],
      [
        t("attentionHeatmap.readout.sum"),
        formatNumber(
          weights.reduce((a, b) => a + b, 0),
          6,
        ),
      ],
    ];
    this.parts!.readouts.replaceChildren(
      ...pairs.flatMap(([k, v]) => [
        Object.assign(document.createElement("dt"), { textContent: k }),
        Object.assign(document.createElement("dd"), { textContent: v }),
      ]),
    );
  }
}

if (!customElements.get("dl-attention-heatmap")) customElements.define("dl-attention-heatmap", AttentionHeatmapWidget);
