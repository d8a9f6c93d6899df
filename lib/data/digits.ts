import { createRng, type Rng } from "../random/rng";
import { Tensor } from "../tensor/tensor";
import type { Dataset } from "./dataset";

/** A stroke: a polyline through points (u, v) of the unit box, u to the right, v downwards. */
type Stroke = readonly (readonly [number, number])[];

/** Points of an elliptic arc from angle a0 to a1 (degrees; 0 is to the right, 90 downwards). */
function arc(cx: number, cy: number, rx: number, ry: number, a0: number, a1: number, n = 10): Stroke {
  return Array.from({ length: n + 1 }, (_, i) => {
    const a = ((a0 + ((a1 - a0) * i) / n) * Math.PI) / 180;
    return [cx + rx * Math.cos(a), cy + ry * Math.sin(a)] as const;
  });
}

/** The pen strokes of each digit 0-9, drawn once by hand in the unit box; every image is a distorted copy. */
const TEMPLATES: readonly (readonly Stroke[])[] = [
  [arc(0.5, 0.5, 0.27, 0.4, 0, 360, 16)],
  [
    [
      [0.34, 0.24],
      [0.52, 0.1],
      [0.52, 0.9],
    ],
  ],
  [[...arc(0.5, 0.32, 0.25, 0.21, 190, 380), [0.25, 0.9], [0.78, 0.9]]],
  [arc(0.48, 0.3, 0.22, 0.2, 200, 450), arc(0.48, 0.7, 0.26, 0.2, -90, 160)],
  [
    [
      [0.64, 0.9],
      [0.64, 0.1],
      [0.2, 0.64],
      [0.8, 0.64],
    ],
  ],
  [[[0.76, 0.1], [0.32, 0.1], [0.3, 0.46], ...arc(0.5, 0.66, 0.26, 0.23, -125, 160)]],
  [
    [
      [0.7, 0.1],
      [0.44, 0.26],
      [0.29, 0.48],
      [0.25, 0.68],
    ],
    arc(0.5, 0.68, 0.25, 0.22, 0, 360, 14),
  ],
  [
    [
      [0.22, 0.1],
      [0.78, 0.1],
      [0.42, 0.9],
    ],
  ],
  [arc(0.5, 0.29, 0.21, 0.19, 0, 360, 12), arc(0.5, 0.7, 0.26, 0.21, 0, 360, 14)],
  [
    arc(0.5, 0.32, 0.24, 0.22, 0, 360, 14),
    [
      [0.74, 0.32],
      [0.7, 0.9],
    ],
  ],
];

/** Options of the generated digit set. */
export interface DigitOptions {
  /** Training images per class (default 60) and test images per class (default 20). */
  trainPerClass?: number;
  testPerClass?: number;
  /** Side of the square images in pixels (default 14). */
  size?: number;
  /** Standard deviation of the pixel noise (default 0.08), before clipping to [0, 1]. */
  noise?: number;
  seed?: number;
}

/** A labelled image set: X [size², m] (one flattened image per column, row by row), Y [1, m] class indices 0-9. */
export interface DigitSet extends Dataset {
  /** The class of each example (the same numbers as Y). */
  labels: Int32Array;
}

/**
 * A small handwritten-looking digit set made by the course (no download): each image is one of ten stroke
 * templates, its points jittered and the whole figure randomly scaled, rotated, shifted and drawn with a random pen
 * width, then Gaussian pixel noise, clipped to [0, 1]. Classes are balanced (the same count of each digit, in shuffled
 * order); the train and test images are different draws from the same generator. Same seed, same images.
 *
 *   pixel = clip(clip(w/2 + ½ − d, 0, 1) + N(0, noise²), 0, 1),  d = distance from the pixel centre to the strokes
 *
 * In the spirit of MNIST (28×28 scans), at 14×14 so a network trains in a page in seconds.
 * @example
 *   const { train, test, size } = digits({ seed: 1 });
 *   train.X.shape;          // [196, 600]: images as columns, for Dense or Conv2d with inputSize [14, 14]
 *   test.labels[0];         // the class of the first test image
 */
export function digits({ trainPerClass = 60, testPerClass = 20, size = 14, noise = 0.08, seed = 1 }: DigitOptions = {}): {
  train: DigitSet;
  test: DigitSet;
  size: number;
} {
  if (!Number.isInteger(size) || size < 8) throw new RangeError(`digits: size must be an integer of at least 8, got ${size}`);
  const rng = createRng(seed);
  return { train: digitSet(trainPerClass, size, noise, rng), test: digitSet(testPerClass, size, noise, rng), size };
}

function digitSet(perClass: number, size: number, noise: number, rng: Rng): DigitSet {
  const m = perClass * 10,
    labels = new Int32Array(m);
  for (let j = 0; j < m; j++) labels[j] = j % 10;
  rng.shuffle(labels);
  const X = new Tensor([size * size, m]),
    Y = new Tensor([1, m]),
    image = new Float64Array(size * size);
  for (let j = 0; j < m; j++) {
    drawDigit(image, labels[j], size, noise, rng);
    for (let p = 0; p < image.length; p++) X.data[p * m + j] = image[p];
    Y.data[j] = labels[j];
  }
  return { X, Y, labels };
}

/** Draws one distorted copy of digit c into `out` (size × size, row by row). */
function drawDigit(out: Float64Array, c: number, size: number, noise: number, rng: Rng): void {
  const scale = size * 0.72 * rng.uniform(0.85, 1.08),
    angle = rng.uniform(-0.26, 0.26), // about ±15°
    slant = rng.uniform(-0.2, 0.2),
    cx = size / 2 + rng.uniform(-1.5, 1.5),
    cy = size / 2 + rng.uniform(-1.5, 1.5),
    half = (rng.uniform(0.9, 1.7) * size) / 28 + 0.25,
    cos = Math.cos(angle),
    sin = Math.sin(angle);
  // The strokes as segments (ax, ay, bx, by) in pixel coordinates: jittered points, slanted, scaled, rotated about the
  // centre, shifted.
  const segments: number[] = [];
  for (const stroke of TEMPLATES[c]) {
    let last: [number, number] | null = null;
    for (const [u, v] of stroke) {
      const du = u - 0.5 + rng.normal(0, 0.025),
        dv = v - 0.5 + rng.normal(0, 0.025);
      const x = (du - slant * dv) * scale,
        y = dv * scale;
      const point: [number, number] = [cx + cos * x - sin * y, cy + sin * x + cos * y];
      if (last) segments.push(last[0], last[1], point[0], point[1]);
      last = point;
    }
  }
  for (let i = 0; i < size; i++)
    for (let k = 0; k < size; k++) {
      const d = distanceToSegments(k + 0.5, i + 0.5, segments);
      const ink = Math.min(1, Math.max(0, half + 0.5 - d)) + rng.normal(0, noise);
      out[i * size + k] = Math.min(1, Math.max(0, ink));
    }
}

/** The distance from (px, py) to the nearest of the segments, given as (ax, ay, bx, by) in a row. */
function distanceToSegments(px: number, py: number, s: readonly number[]): number {
  let best = Infinity;
  for (let q = 0; q < s.length; q += 4) {
    const ax = s[q],
      ay = s[q + 1],
      ex = s[q + 2] - ax,
      ey = s[q + 3] - ay,
      len2 = ex * ex + ey * ey;
    const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((px - ax) * ex + (py - ay) * ey) / len2));
    const dx = px - ax - t * ex,
      dy = py - ay - t * ey;
    best = Math.min(best, dx * dx + dy * dy);
  }
  return Math.sqrt(best);
}
