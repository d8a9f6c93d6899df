// Grids of square cells drawn as one SVG string, shared by chapter 9's widgets (an image, a kernel, a feature map,
// a pooled map): every cell gets a fill from its value, and rectangles outline a window or a cursor. A string, not
// DOM nodes, so a redraw of a few hundred cells is one innerHTML assignment.
import { formatNumber, MINUS } from "../charts/format";

/** An outlined rectangle over the grid, in cell units: a window (kind "window"), a cursor ("cursor") or a mark ("mark"). */
export interface GridBox {
  row: number;
  col: number;
  rows: number;
  cols: number;
  kind: "window" | "cursor" | "mark";
}

/** A grid of rows × cols cells; `fill(i, j)` gives a cell's CSS fill and opacity, or null for an empty cell. */
export interface GridSpec {
  rows: number;
  cols: number;
  cell: number;
  fill: (i: number, j: number) => { color: string; opacity: number } | null;
  /** Text in a cell (numbers of a small grid); none when absent. */
  text?: (i: number, j: number) => string;
  boxes?: readonly GridBox[];
  label: string;
  className?: string;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/** The grid as an `<svg role="img">` string with `label` as its accessible name. */
export function gridSvg(g: GridSpec): string {
  const w = g.cols * g.cell,
    h = g.rows * g.cell;
  const parts: string[] = [];
  parts.push(`<rect width="${w}" height="${h}" class="dl-grid-bg"/>`);
  for (let i = 0; i < g.rows; i++)
    for (let j = 0; j < g.cols; j++) {
      const f = g.fill(i, j);
      if (f && f.opacity > 0)
        parts.push(
          `<rect x="${j * g.cell}" y="${i * g.cell}" width="${g.cell}" height="${g.cell}" style="fill:${f.color}" fill-opacity="${f.opacity.toFixed(3)}"/>`,
        );
    }
  // Hairlines between cells: one path for all of them.
  let d = "";
  for (let i = 1; i < g.rows; i++) d += `M0 ${i * g.cell}H${w}`;
  for (let j = 1; j < g.cols; j++) d += `M${j * g.cell} 0V${h}`;
  parts.push(`<path d="${d}" class="dl-grid-lines"/>`);
  if (g.text)
    for (let i = 0; i < g.rows; i++)
      for (let j = 0; j < g.cols; j++) {
        const s = g.text(i, j);
        if (s)
          parts.push(
            `<text x="${(j + 0.5) * g.cell}" y="${(i + 0.5) * g.cell}" class="dl-grid-text" style="font-size:${Math.round(g.cell * 0.36)}px">${esc(s)}</text>`,
          );
      }
  for (const b of g.boxes ?? [])
    parts.push(
      `<rect x="${b.col * g.cell}" y="${b.row * g.cell}" width="${b.cols * g.cell}" height="${b.rows * g.cell}" class="dl-grid-${b.kind}"/>`,
    );
  return `<svg viewBox="-2 -2 ${w + 4} ${h + 4}" width="${w + 4}" height="${h + 4}" role="img" aria-label="${esc(g.label)}" class="dl-grid ${g.className ?? ""}">${parts.join("")}</svg>`;
}

/** A diverging fill for a signed value: orange for positive, blue for negative, opacity |v| / scale. */
export function signedFill(v: number, scale: number): { color: string; opacity: number } | null {
  if (!Number.isFinite(v) || v === 0 || scale <= 0) return null;
  return { color: v > 0 ? "var(--sl-color-orange)" : "var(--sl-color-blue)", opacity: Math.min(1, Math.abs(v) / scale) };
}

/** A number short enough for a cell: at most two decimals, a true minus sign. */
export function cellNumber(v: number): string {
  return formatNumber(Math.round(v * 100) / 100 || 0, 3).replace("-", MINUS);
}
