// Many points as one SVG path. Plot's dot mark makes an element per point: hundreds of circles to create, style and
// paint on every drawing, most of the time a chart of a few hundred points took to draw while a widget trained.
import { Plot } from "./chart";

/**
 * Circles of radius `r` (or squares of the same area, side r·√π, as Plot's symbols) at the data's points, as one path
 * on the same scales as Plot's dot mark; points with a missing coordinate are left out. `paint`: the path's attributes.
 * @example
 *   dotsMark(records, "t", "g", 1.8, { fill: "steelblue" });
 *   dotsMark(points, "x", "y", 3.5, { fill: "white", stroke: "orange" }, "square");
 */
export function dotsMark(
  data: readonly object[],
  x: string,
  y: string,
  r: number,
  paint: Record<string, string | number>,
  symbol: "circle" | "square" = "circle",
): Plot.Markish {
  return Plot.dot(data, {
    x,
    y,
    render: (index, _scales, values) => {
      const d = dotsPath(values.x as ArrayLike<number>, values.y as ArrayLike<number>, index, r, symbol);
      const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
      path.setAttribute("d", d);
      for (const [k, v] of Object.entries(paint)) path.setAttribute(k, String(v));
      return path;
    },
  });
}

/**
 * The path data of `dotsMark`: one closed circle (two arcs) or square per point of `index` with finite pixel coordinates.
 * @example
 *   dotsPath([10], [20], [0], 2, "circle");   // "M8.0,20.0a2,2 0 1,0 4,0a2,2 0 1,0 -4,0"
 */
export function dotsPath(
  X: ArrayLike<number>,
  Y: ArrayLike<number>,
  index: Iterable<number>,
  r: number,
  symbol: "circle" | "square",
): string {
  const side = r * Math.sqrt(Math.PI);
  const f = (v: number) => v.toFixed(1);
  let d = "";
  for (const i of index) {
    if (!Number.isFinite(X[i]) || !Number.isFinite(Y[i])) continue;
    d +=
      symbol === "circle"
        ? `M${f(X[i] - r)},${f(Y[i])}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`
        : `M${f(X[i] - side / 2)},${f(Y[i] - side / 2)}h${f(side)}v${f(side)}h${f(-side)}z`;
  }
  return d;
}
