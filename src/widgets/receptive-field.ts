// <dl-receptive-field>: for a stack of convolutions, one bar per layer as wide as the input area one of its outputs
// sees, with dots where that layer's kernel taps fall, and the engine's field and jump per layer in a table (chapter 9).
import { WidgetBase } from "./base";
import { fieldRows, receptiveFieldSchema, type FieldRow } from "./receptive-field-model";
import { t } from "../i18n";

const WIDTH = 420,
  ROW = 30,
  LABEL = 96;

class ReceptiveFieldWidget extends WidgetBase<typeof receptiveFieldSchema> {
  readonly schema = receptiveFieldSchema;

  protected render(): void {
    const rows = fieldRows(this.state);
    const top = rows[rows.length - 1];
    const unit = Math.min(28, (WIDTH - LABEL - 10) / top.size),
      mid = LABEL + (WIDTH - LABEL) / 2;
    const parts: string[] = [];
    // Input pixels along the bottom, as far as the widest field reaches.
    const yIn = rows.length * ROW + 8;
    if (unit >= 3)
      for (let q = 0, x = -(top.size - 1) / 2; q < top.size; q++, x++)
        parts.push(`<rect x="${mid + (x - 0.5) * unit}" y="${yIn}" width="${unit}" height="${Math.max(6, unit)}" class="dl-rf-pixel"/>`);
    else parts.push(`<rect x="${mid - (top.size / 2) * unit}" y="${yIn}" width="${top.size * unit}" height="8" class="dl-rf-pixel"/>`);
    parts.push(`<text x="4" y="${yIn + 8}" class="dl-rf-label">${t("receptiveField.input")}</text>`);
    rows.forEach((r: FieldRow, l) => {
      const y = (rows.length - 1 - l) * ROW + 6;
      parts.push(
        `<rect x="${mid - (r.size / 2) * unit}" y="${y}" width="${r.size * unit}" height="${ROW - 14}" rx="3" class="dl-rf-bar"/>`,
        `<text x="4" y="${y + (ROW - 14) / 2}" class="dl-rf-label">${t("receptiveField.rowLabel", { l: r.layer, size: r.size })}</text>`,
        ...r.taps.map(
          (x) => `<circle cx="${mid + x * unit}" cy="${y + (ROW - 14) / 2}" r="${Math.max(2, Math.min(5, unit / 2))}" class="dl-rf-tap"/>`,
        ),
      );
    });
    const svg = `<svg viewBox="0 0 ${WIDTH} ${yIn + 24}" role="img" aria-label="${t("receptiveField.chart")}" class="dl-rf-chart">${parts.join("")}</svg>`;
    const table = document.createElement("table");
    table.className = "dl-data-table dl-rf-table";
    table.innerHTML =
      `<thead><tr>${["layer", "size", "jump", "growth"].map((k) => `<th scope="col">${t(`receptiveField.${k}`)}</th>`).join("")}</tr></thead>` +
      `<tbody>${rows.map((r) => `<tr><th scope="row">${r.layer}</th><td>${r.size}</td><td>${r.jump}</td><td>${r.growth}</td></tr>`).join("")}</tbody>`;
    const note = (text: string) => Object.assign(document.createElement("p"), { textContent: text });
    const k = this.state.kernel;
    this.figure.replaceChildren(
      Object.assign(document.createElement("div"), { innerHTML: svg }),
      note(t("receptiveField.summary", { l: top.layer, size: top.size })),
      note(
        t("receptiveField.weights", {
          weights: rows.length * k * k,
          layers: rows.length,
          k,
          single: top.size,
          singleWeights: top.size * top.size,
        }),
      ),
      table,
    );
  }
}

if (!customElements.get("dl-receptive-field")) customElements.define("dl-receptive-field", ReceptiveFieldWidget);
