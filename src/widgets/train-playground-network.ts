// The playground's network figure: one column per layer (the chosen input features, each hidden layer, the output),
// every weight an edge whose thickness is |w| and whose colour is its sign (as in chapter 2's network diagram), and
// every unit a small map of what it computes over the input plane. Pointing at or focusing a hidden unit (or the
// output) tells the widget, which then shows that unit's map in the big heatmap.
import { themeColors } from "../charts/chart";
import { formatNumber } from "../charts/format";
import type { Dense } from "../../lib";
import { featureValue, type FeatureName } from "./train-playground-model";
import { GRID, type PlaygroundSession } from "./train-playground-session";
import { t } from "../i18n";

/** A unit of the figure: hidden layer index (0-based) and unit index, or the output (layer = hidden count). */
export interface UnitRef {
  layer: number;
  unit: number;
}

const SVG = "http://www.w3.org/2000/svg";
const NODE = 22;
const GAP = 6;
const LABEL = 34;

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** A CSS colour as [r, g, b], read back from a 1-pixel canvas so any colour syntax works. */
function rgb(ctx: CanvasRenderingContext2D, color: string): [number, number, number] {
  ctx.clearRect(0, 0, 1, 1);
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, 1, 1);
  const d = ctx.getImageData(0, 0, 1, 1).data;
  return [d[0], d[1], d[2]];
}

export class NetworkFigure {
  readonly root = Object.assign(document.createElement("div"), { className: "dl-tp-network" });
  private svg = el("svg");
  private shape = "";
  private edges: { path: SVGLineElement; layer: number; from: number; to: number }[] = [];
  private images: SVGImageElement[][] = [];
  private canvas = Object.assign(document.createElement("canvas"), { width: GRID, height: GRID });
  private ctx = this.canvas.getContext("2d", { willReadFrequently: true })!;
  private description = Object.assign(document.createElement("p"), { className: "dl-chart-description" });
  private active?: UnitRef;
  private colors?: { theme: string; lo3: number[]; hi3: number[]; mid: number[] };

  constructor(private readonly onFocus: (unit: UnitRef | undefined) => void) {
    this.root.append(this.svg, this.description);
  }

  /** Highlights the unit whose map the heatmap shows (none: the output's p). */
  setActive(unit: UnitRef | undefined): void {
    this.active = unit;
    for (const g of this.svg.querySelectorAll<SVGGElement>(".dl-tp-unit")) {
      g.classList.toggle("dl-tp-unit-active", !!unit && g.dataset.layer === String(unit.layer) && g.dataset.unit === String(unit.unit));
    }
  }

  /** Redraws weights and maps from the session's last `gridProbabilities` (call that first). */
  draw(session: PlaygroundSession, features: readonly FeatureName[], maxWidth: number): void {
    const hidden = session.currentSettings.hidden;
    const shape = `${features.join()}|${hidden.join()}|${Math.round(maxWidth / 20)}`;
    if (shape !== this.shape) this.build(features, hidden, maxWidth);
    this.shape = shape;
    const layers = session.model.layers as Dense[];
    let maxAbs = 1e-9;
    for (const layer of layers) for (const w of layer.W.data) maxAbs = Math.max(maxAbs, Math.abs(w));
    const c = themeColors();
    for (const e of this.edges) {
      const W = layers[e.layer].W,
        w = W.data[e.to * W.cols + e.from];
      e.path.setAttribute("stroke", w >= 0 ? c.accent : c.second);
      e.path.setAttribute("stroke-dasharray", w >= 0 ? "" : "4,2");
      e.path.setAttribute("stroke-width", (0.4 + (4 * Math.abs(w)) / maxAbs).toFixed(2));
    }
    const n = GRID * GRID;
    const inputs = features.map((f) => {
      const m = new Float64Array(n);
      for (let j = 0; j < n; j++) m[j] = featureValue(f, session.gridX1[j], session.gridX2[j]);
      return m;
    });
    const maps = [inputs, ...session.unitMaps, [session.probabilities]];
    maps.forEach((column, l) => column.forEach((map, u) => this.images[l]?.[u]?.setAttribute("href", this.picture(map))));
    this.description.textContent = t("trainPlayground.networkDesc", {
      shape: [features.length, ...hidden, 1].join(" → "),
      count: layers.reduce((s, layer) => s + layer.W.size + layer.b.size, 0),
      max: formatNumber(maxAbs, 3),
      norm: formatNumber(session.weightNorm(), 3),
    });
  }

  /** The pictures' three colours as RGB, read once per theme: reading the page's style after a redraw forces a style
   * pass over the whole page, and each read-back is a canvas round trip (it was done three times per unit). */
  private palette(): { theme: string; lo3: number[]; hi3: number[]; mid: number[] } {
    const theme = document.documentElement.dataset.theme ?? "";
    if (this.colors?.theme !== theme) {
      const c = themeColors(),
        ctx = this.ctx;
      const mid = getComputedStyle(document.documentElement).getPropertyValue("--sl-color-black").trim() || "#fff";
      this.colors = { theme, lo3: rgb(ctx, c.second), hi3: rgb(ctx, c.accent), mid: rgb(ctx, mid) };
    }
    return this.colors;
  }

  /** The map as a GRID × GRID picture, lowest value in the second colour, highest in the accent. */
  private picture(map: Float64Array): string {
    const ctx = this.ctx,
      { lo3, hi3, mid } = this.palette();
    let lo = Infinity,
      hi = -Infinity;
    for (const v of map) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
    const img = ctx.createImageData(GRID, GRID);
    for (let r = 0; r < GRID; r++) {
      for (let col = 0; col < GRID; col++) {
        const v = map[r * GRID + col],
          s = hi > lo ? (v - lo) / (hi - lo) : 0.5;
        const [a, b, k] = s < 0.5 ? [lo3, mid, s * 2] : [mid, hi3, (s - 0.5) * 2];
        const o = ((GRID - 1 - r) * GRID + col) * 4; // row 0 of the map is the bottom of the picture
        for (let ch = 0; ch < 3; ch++) img.data[o + ch] = a[ch] + (b[ch] - a[ch]) * k;
        img.data[o + 3] = 255;
      }
    }
    ctx.putImageData(img, 0, 0);
    return this.canvas.toDataURL();
  }

  private build(features: readonly FeatureName[], hidden: readonly number[], maxWidth: number): void {
    const columns = [features.length, ...hidden, 1];
    const tall = Math.max(...columns);
    const height = tall * (NODE + GAP) + GAP;
    const width = Math.max(200, Math.min(340, maxWidth));
    const step = (width - LABEL - NODE - 4) / (columns.length - 1);
    const pos = (l: number, u: number) => ({
      x: LABEL + l * step,
      y: GAP + ((tall - columns[l]) * (NODE + GAP)) / 2 + u * (NODE + GAP),
    });
    const svg = el("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "group" });
    svg.setAttribute("aria-label", t("trainPlayground.networkLabel", { shape: columns.join(" → ") }));
    const edgeGroup = el("g", { "aria-hidden": "true" });
    svg.append(edgeGroup);
    this.edges = [];
    for (let l = 0; l + 1 < columns.length; l++) {
      for (let to = 0; to < columns[l + 1]; to++) {
        for (let from = 0; from < columns[l]; from++) {
          const a = pos(l, from),
            b = pos(l + 1, to);
          const path = el("line", { x1: a.x + NODE, y1: a.y + NODE / 2, x2: b.x, y2: b.y + NODE / 2, "stroke-opacity": 0.7 });
          edgeGroup.append(path);
          this.edges.push({ path, layer: l, from, to });
        }
      }
    }
    this.images = columns.map((count, l) =>
      Array.from({ length: count }, (_, u) => {
        const { x, y } = pos(l, u);
        const image = el("image", { x, y, width: NODE, height: NODE, preserveAspectRatio: "none" });
        image.style.imageRendering = "pixelated";
        const frame = el("rect", { x, y, width: NODE, height: NODE, class: "dl-tp-node" });
        if (l === 0) {
          const g = el("g", { "aria-hidden": "true" });
          const label = el("text", {
            x: x - 4,
            y: y + NODE / 2,
            "text-anchor": "end",
            "dominant-baseline": "central",
            class: "dl-tp-node-label",
          });
          label.textContent = t(`trainPlayground.featureShort.${features[u]}`);
          g.append(image, frame, label);
          svg.append(g);
          return image;
        }
        // Hidden units and the output can be pointed at or focused: the heatmap then shows their map.
        const ref = { layer: l - 1, unit: u },
          output = l === columns.length - 1;
        const g = el("g", { tabindex: 0, role: "button", class: "dl-tp-unit", "data-layer": ref.layer, "data-unit": u });
        g.setAttribute("aria-label", output ? t("trainPlayground.outputUnit") : t("trainPlayground.hiddenUnit", { layer: l, unit: u + 1 }));
        const show = () => this.onFocus(output ? undefined : ref);
        const hide = () => this.onFocus(undefined);
        g.addEventListener("mouseenter", show);
        g.addEventListener("focus", show);
        g.addEventListener("mouseleave", () => g !== document.activeElement && hide());
        g.addEventListener("blur", hide);
        g.append(image, frame);
        svg.append(g);
        return image;
      }),
    );
    this.svg.replaceWith(svg);
    this.svg = svg;
    this.setActive(this.active);
  }
}
