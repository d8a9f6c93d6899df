// <dl-multi-head-attention>: the engine's MultiheadAttention on a typed sentence (chapter 10). The average of the
// heads (what PyTorch returns) is drawn in the change's frame; the heads' own heatmaps follow one per frame, so
// changing the number of heads shows the same parameters cut into more, narrower patterns.
import { WidgetBase } from "./base";
import { afterPaint } from "./after-paint";
import { drawChart } from "../charts/chart";
import { chartBlock, chartWidth } from "../charts/parts";
import { formatNumber } from "../charts/format";
import { multiHeadSchema, runMultiHead, type MultiHeadRun } from "./multi-head-attention-model";
import { heatmapPlot, tokenLabels } from "./attention-cells";
import { sentenceField, sentenceParam, type SentenceField } from "./sentence-field";
import { t } from "../i18n";

class MultiHeadAttentionWidget extends WidgetBase<typeof multiHeadSchema> {
  readonly schema = multiHeadSchema;
  private sentence!: SentenceField;
  private parts: { readouts: HTMLElement; averageTitle: HTMLElement; average: HTMLElement; heads: HTMLElement } | null = null;
  private stopLater = () => {};

  protected buildControls(panel: HTMLElement): void {
    this.sentence = sentenceField(this.id || this.localName, () => this.update());
    panel.append(
      this.sentence.element,
      this.fieldGroup(t("multiHead.group"), ["heads", "sharpness", "seed"]),
      this.fieldGroup(t("multiHead.groupInput"), ["positions", "causal"]),
    );
  }

  protected extendLink(url: URL, prefix: string): URL {
    const text = this.sentence.shared();
    if (text === null) url.searchParams.delete(sentenceParam(prefix));
    else url.searchParams.set(sentenceParam(prefix), text);
    return url;
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopLater();
  }

  protected render(): void {
    if (!this.parts) {
      const el = (tag: string, className = "") => Object.assign(document.createElement(tag), { className });
      const average = chartBlock("");
      average.block.classList.add("dl-attention-chart");
      this.parts = {
        readouts: el("dl", "dl-readouts"),
        averageTitle: average.heading,
        average: average.host,
        heads: el("div", "dl-attention-heads"),
      };
      const about = Object.assign(el("p", "dl-note"), { textContent: t("multiHead.note") });
      const main = el("div", "dl-attention-main"),
        side = el("div", "dl-attention-side");
      side.append(this.parts.readouts);
      main.append(average.block, side);
      this.figure.append(main, this.parts.heads, about);
    }
    const tokens = this.sentence.tokens(),
      run = runMultiHead(tokens, this.state),
      h = run.heads.length,
      T = tokens.length;
    const full = chartWidth(this.figure, 380),
      small = Math.max(150, Math.min(220, Math.floor(((this.figure.clientWidth || 600) - 16) / 2)));
    this.readouts(run);
    const avg = run.average;
    const best = (r: number[]) => r.indexOf(Math.max(...r));
    const last = T - 1;
    drawChart(
      this.parts.average,
      heatmapPlot(tokens, avg, { width: full, numbers: true, causal: this.state.causal }),
      t("multiHead.averageDesc", { h, word: tokens[last], top: tokens[best(avg[last])], a: formatNumber(Math.max(...avg[last]), 3) }),
      this.table(tokens, avg),
    );
    // One host per head, kept while the count stays, so the heads redraw in place.
    const hosts = this.parts.heads;
    while (hosts.children.length > h) hosts.lastElementChild?.remove();
    while (hosts.children.length < h) {
      const { block } = chartBlock("");
      block.className = "dl-attention-head";
      hosts.append(block);
    }
    this.parts.averageTitle.textContent = t("multiHead.average", { h });
    this.stopLater();
    this.stopLater = afterPaint(
      run.heads.map((w, r) => () => {
        const box = hosts.children[r] as HTMLElement;
        (box.firstElementChild as HTMLElement).textContent = t("multiHead.head", { r: r + 1, d: run.headDim });
        drawChart(
          box.lastElementChild as HTMLElement,
          heatmapPlot(tokens, w, { width: small, causal: this.state.causal }),
          t("multiHead.headDesc", { r: r + 1, h, T, H: formatNumber(run.entropy[r], 3) }),
          this.table(tokens, w),
        );
      }),
    );
  }

  private table(tokens: string[], w: number[][]) {
    const labels = tokenLabels(tokens);
    return { columns: [t("multiHead.table.query"), ...labels], rows: w.map((r, i) => [labels[i], ...r.map((a) => formatNumber(a, 4))]) };
  }

  private readouts(run: MultiHeadRun): void {
    const pairs: [string, string][] = [
      [t("multiHead.readout.params"), String(run.params)],
      [t("multiHead.readout.headDim"), String(run.headDim)],
      [t("multiHead.readout.entropy"), run.entropy.map((H) => formatNumber(H, 3)).join(", ")],
      [t("multiHead.readout.averageEntropy"), formatNumber(run.averageEntropy, 3)],
    ];
    this.parts!.readouts.replaceChildren(
      ...pairs.flatMap(([k, v]) => [
        Object.assign(document.createElement("dt"), { textContent: k }),
        Object.assign(document.createElement("dd"), { textContent: v }),
      ]),
    );
  }
}

if (!customElements.get("dl-multi-head-attention")) customElements.define("dl-multi-head-attention", MultiHeadAttentionWidget);
