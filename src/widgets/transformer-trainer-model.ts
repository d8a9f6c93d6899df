// A tiny transformer block and an LSTM of about the same size learning the next character of the course's text side
// by side (chapter 10). Both train on chapter 8's split, batches, loss, clipping and Adam: the LSTM is chapter 8's own
// SequenceTrainer, the block a SequenceRun (the code path that trainer runs on) over the engine's TransformerBlock.
// No DOM: the element calls `runFor` between animation frames.
import {
  Adam,
  ClippedOptimizer,
  SequenceDense,
  TransformerBlock,
  createRng,
  encodeChars,
  losses,
  oneHotSequence,
  softmax,
} from "../../lib";
import { t } from "../i18n";
import { SequenceRun } from "./sequence-run";
import {
  BATCH,
  CHAR_SPLIT,
  CLIP,
  LOG_LR,
  LOSS_CEILING,
  PROMPT,
  SAMPLE_LENGTH,
  SequenceTrainer,
  WINDOW,
  buildLayer,
  drawIndex,
  type SequenceTrainerState,
} from "./sequence-trainer-model";
import { rateOf } from "./rate-slider";
import type { Schema, StateOf } from "./state";

/** Width of the block's stream (embedding) E, and of its feed-forward layer F. */
export const EMBED = 16;
export const FF = 32;
export const HEADS = ["1", "2", "4"] as const;
/** The input whose attention weights are drawn (the first characters of the sample's prompt). */
export const ATTENTION_INPUT = "a recurrent net";

export const transformerTrainerSchema = {
  heads: { kind: "choice", label: t("transformerTrainer.heads"), options: HEADS, default: "2" },
  logLr: { kind: "number", label: t("transformerTrainer.lr"), ...LOG_LR, default: -2.5 },
  seed: { kind: "number", label: t("transformerTrainer.seed"), min: 1, max: 99, step: 1, default: 1 },
} satisfies Schema;
export type TransformerTrainerState = StateOf<typeof transformerTrainerSchema>;

const VOCAB = CHAR_SPLIT.vocab;

/** The block the widget trains: E = 16, F = 32, the given heads, weights from the seed, a context of one window. */
export function buildBlock(heads: number, seed: number): TransformerBlock {
  return new TransformerBlock(VOCAB.length, EMBED, heads, { ffDim: FF, context: WINDOW, rng: createRng(seed) });
}

let matched: { hidden: number; params: number } | undefined;

/**
 * The LSTM hidden size whose parameters (LSTM and read-out, counted by the engine) come nearest the block's: the
 * block's count does not depend on the number of heads, so one size serves every setting.
 */
export function matchedHidden(): { hidden: number; params: number } {
  if (matched) return matched;
  const target = count(buildBlock(1, 1).params()),
    K = VOCAB.length;
  let best = { hidden: 1, params: 0, gap: Infinity };
  for (let H = 1; H <= 64; H++) {
    const rng = createRng(1),
      layer = buildLayer("lstm", H, rng, K),
      params = count(layer.params()) + count(new SequenceDense(H, K, { rng }).params());
    if (Math.abs(params - target) < best.gap) best = { hidden: H, params, gap: Math.abs(params - target) };
    if (params > target) break; // the count grows with H: every larger size is further away
  }
  matched = { hidden: best.hidden, params: best.params };
  return matched;
}

function count(params: { value: Float64Array }[]): number {
  return params.reduce((n, p) => n + p.value.length, 0);
}

export class TransformerTrainer {
  block!: TransformerBlock;
  /** The block's run, and chapter 8's trainer running the LSTM. */
  transformer!: SequenceRun;
  lstm!: SequenceTrainer;
  private optimizer!: ClippedOptimizer;

  /** With `lazyStart`, the untrained losses (the curves' first points) are left to `advance`. */
  constructor(
    private settings: TransformerTrainerState,
    private readonly lazyStart = false,
  ) {
    this.reset();
  }

  get lr(): number {
    return rateOf(this.settings.logLr);
  }

  /** Fresh weights for both networks from the seed; both draw the same mini-batches (the seed shuffles them). */
  reset(): void {
    const s = this.settings,
      seed = Math.round(s.seed);
    this.block = buildBlock(Number(s.heads), seed);
    this.optimizer = new ClippedOptimizer(new Adam({ lr: this.lr }), CLIP);
    this.transformer = new SequenceRun({
      model: this.block,
      loss: losses.softmaxCe,
      optimizer: this.optimizer,
      train: CHAR_SPLIT.train,
      heldOut: CHAR_SPLIT.heldOut,
      batchSize: BATCH,
      seed,
      ceiling: LOSS_CEILING,
      lazyStart: this.lazyStart,
    });
    this.lstm = new SequenceTrainer(this.lstmSettings(), seed, this.lazyStart);
  }

  /** New settings: other heads or another seed restart both networks; a new learning rate carries on. True on restart. */
  apply(next: TransformerTrainerState): boolean {
    const s = this.settings;
    this.settings = { ...next };
    if (next.heads !== s.heads || Math.round(next.seed) !== Math.round(s.seed)) {
      this.reset();
      return true;
    }
    this.optimizer.lr = this.lr;
    this.lstm.apply(this.lstmSettings());
    return false;
  }

  /** Chapter 8's settings for an LSTM of the matched size on the text, with this run's Adam rate and clipping. */
  private lstmSettings(): SequenceTrainerState {
    const hidden = matchedHidden().hidden;
    return { task: "chars", model: "lstm", hidden, optimizer: "adam", logLr: this.settings.logLr, clip: true };
  }

  /** Updates done by each network (they take turns, so the counts differ by at most one). */
  get step(): number {
    return Math.min(this.transformer.step, this.lstm.step);
  }

  /** True while either untrained loss (a curve's first point) is being computed. */
  get starting(): boolean {
    return this.transformer.starting || this.lstm.starting;
  }

  /** "diverged" once either network has; training stops then. */
  get status(): "ok" | "diverged" {
    return this.transformer.status === "ok" && this.lstm.status === "ok" ? "ok" : "diverged";
  }

  /** Adds up to `windows` windows to the pending untrained losses, the block's first. True when none is pending. */
  advance(windows: number): boolean {
    return this.transformer.starting ? this.transformer.advance(windows) && !this.lstm.starting : this.lstm.advance(windows);
  }

  /**
   * Updates in turns, one for the block then one for the LSTM, until `budgetMs` has passed on `now` (a zero budget
   * runs one turn). Returns the turns done; adds no curve point (see `record`).
   */
  runFor(budgetMs: number, now: () => number = () => performance.now()): number {
    const start = now();
    let turns = 0;
    do {
      this.transformer.runFor(0);
      this.lstm.runFor(0);
      turns++;
    } while (this.status === "ok" && now() - start < budgetMs);
    return turns;
  }

  /**
   * One update of the network that is behind (the block when they are level): half a turn, the smallest slice of
   * work the element can schedule. Returns 1 when it completed a turn (the LSTM caught up), else 0.
   */
  halfTurn(): number {
    if (this.transformer.step <= this.lstm.step) {
      this.transformer.runFor(0);
      return 0;
    }
    this.lstm.runFor(0);
    return 1;
  }

  /** Up to k turns, then a curve point for each network. Returns the turns done. */
  run(k: number): number {
    let turns = 0;
    while (turns < k && this.status === "ok") turns += this.runFor(0);
    this.record();
    return turns;
  }

  /** A curve point for each network that has updated since its last one. */
  record(): void {
    this.transformer.record();
    this.lstm.record();
  }

  /**
   * Text the block writes: it reads PROMPT, then draws each next character from its softmax over the last WINDOW
   * characters (its context) and appends it. Fixed draws (seed 7), so the text changes only when the weights do.
   */
  sample(length = SAMPLE_LENGTH, seed = 7): string {
    const rng = createRng(seed),
      K = VOCAB.length;
    const tokens = Array.from(encodeChars(PROMPT, VOCAB));
    for (let n = 0; n < length; n++) {
      const window = tokens.slice(-WINDOW),
        T = window.length;
      const Z = this.block.forward(oneHotSequence(window, T, 1, K));
      tokens.push(drawIndex(softmax(Z.data.subarray((T - 1) * K, T * K)), rng.uniform()));
    }
    return tokens
      .slice(-length)
      .map((k) => VOCAB[k])
      .join("");
  }

  /** The LSTM's text from the same prompt and draws (chapter 8's sampler, which carries its state along). */
  sampleLstm(): string {
    return this.lstm.sample();
  }

  /** The block's head-averaged attention weights on ATTENTION_INPUT: row t spreads over characters 0 … t. */
  attention(): { chars: string[]; weights: number[][] } {
    this.block.forward(oneHotSequence(encodeChars(ATTENTION_INPUT, VOCAB), ATTENTION_INPUT.length, 1, VOCAB.length));
    return { chars: [...ATTENTION_INPUT], weights: this.block.attentionWeights(0) };
  }
}
