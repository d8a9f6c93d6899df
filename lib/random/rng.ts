/**
 * The interface of the seeded random-number generator (mulberry32): the same seed gives the same numbers in
 * Node and in every browser, and its whole state is one 32-bit integer, so it fits in a URL.
 * The engine never calls Math.random.
 *
 * @example
 *   const rng = createRng(42);
 *   rng.uniform(); rng.normal(0, 1); rng.state;   // state can be saved and restored
 */
export interface Rng {
  /** The current state, an unsigned 32-bit integer; `createRng(rng.state)` continues the same stream. */
  readonly state: number;
  /** A number in [0, 1). */
  next(): number;
  /** A number in [low, high). */
  uniform(low?: number, high?: number): number;
  /** A draw from N(mean, std²) (Box–Muller). */
  normal(mean?: number, std?: number): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** 1 with probability p, else 0. */
  bernoulli(p: number): number;
  /** Shuffles an array in place (Fisher–Yates) and returns it. */
  shuffle<T extends { length: number; [i: number]: unknown }>(items: T): T;
  /**
   * Fills an array with the next numbers of [0, 1), the same ones successive `next()` calls would give.
   * Allocates nothing (a loop of `next()` calls boxes each number), so layers use it in training.
   */
  fill(out: Float64Array): Float64Array;
}

/**
 * A seeded generator; `createRng(seed)` with the same seed repeats the same numbers everywhere.
 * @example
 *   const a = createRng(7).uniform(), b = createRng(7).uniform();   // a === b
 */
export function createRng(seed = 1): Rng {
  // NOTE: the state lives in a Uint32Array rather than a `let`: a captured variable above 2³⁰ is stored boxed,
  // which would allocate on every draw (and dropout draws one number per unit per step).
  const st = new Uint32Array(1);
  st[0] = seed >>> 0;
  const next = () => {
    // NOTE: mulberry32; all arithmetic in 32-bit integers so every JS engine agrees.
    st[0] = st[0] + 0x6d2b79f5; // the store wraps modulo 2³²
    let t = st[0];
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    get state() {
      return st[0];
    },
    next,
    uniform: (low = 0, high = 1) => low + (high - low) * next(),
    normal(mean = 0, std = 1) {
      // NOTE: the second Box–Muller value is dropped so that `state` alone restores the stream.
      let u = 0;
      while (u === 0) u = next(); // log(0) would be -Infinity
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      return mean + std * r * Math.cos(2 * Math.PI * v);
    },
    int: (n) => Math.floor(next() * n),
    bernoulli: (p) => (next() < p ? 1 : 0),
    fill(out) {
      for (let i = 0; i < out.length; i++) out[i] = next();
      return out;
    },
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = items[i];
        items[i] = items[j];
        items[j] = tmp;
      }
      return items;
    },
  };
  return rng;
}
