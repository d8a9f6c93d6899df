import { z } from "astro/zod";

/**
 * The question bank's data format: one YAML file per question in `content/questions/<topic>/<slug>.yaml`.
 * The build validates every file against `questionSchema` and fails naming the file and the field.
 * Text fields are Markdown with `$…$` math, rendered to HTML at build time.
 */

/** Topic tags. Every question has at least one; practice-by-topic and mastery group by them. */
export const TOPICS = [
  "deep-learning",
  "neurons",
  "activations",
  "architecture",
  "forward-pass",
  "losses",
  "backpropagation",
  "gradient-check",
  "gradient-descent",
  "sgd",
  "momentum",
  "rmsprop",
  "adam",
  "adamw",
  "schedules",
  "overfitting",
  "dropout",
  "l1-l2",
  "batch-norm",
  "layer-norm",
  "vanishing-gradients",
  "initialization",
  "residual",
  "exploding-gradients",
  "clipping",
  "rnn",
  "lstm",
  "gru",
  "cnn",
  "gan",
  "autoencoder",
  "vae",
  "embeddings",
  "attention",
  "transformer",
] as const;
export type Topic = (typeof TOPICS)[number];

/** Chapter slugs a question can link to (the `link` field is `<slug>#<heading-anchor>` or just `<slug>`). */
export const CHAPTER_SLUGS = [
  "01-what-is-deep-learning",
  "02-neural-network-foundations",
  "03-training-neural-networks",
  "04-optimization-algorithms",
  "05-regularization",
  "06-vanishing-gradients",
  "07-exploding-gradients",
  "08-rnns-and-lstms",
  "09-convolutional-networks",
  "10-attention-and-transformers",
  "11-interview-preparation",
] as const;

const markdown = z.string().trim().min(1);

const common = {
  /** The question as the reader sees it. */
  prompt: markdown,
  /** Topic tags, at least one. */
  topics: z.array(z.enum(TOPICS)).min(1),
  /** 1 = recall a fact, 2 = apply it, 3 = reason across ideas (interview follow-up level). */
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  /** The chapter section it relates to: "04-optimization-algorithms#adam". */
  link: z
    .string()
    .regex(/^\d\d-[a-z0-9-]+(#[a-z0-9-]+)?$/, "must look like 04-optimization-algorithms#adam")
    .refine((l) => (CHAPTER_SLUGS as readonly string[]).includes(l.split("#")[0]), "names no chapter of the course"),
  /** The worked answer shown after answering. */
  answer: markdown,
};

/** One option of a multiple-choice question; `why` explains it after answering. */
const option = z.object({ text: markdown, correct: z.boolean().default(false), why: markdown.optional() });

export const choiceQuestion = z.object({
  type: z.literal("choice"),
  ...common,
  /** Two to eight options, at least one correct (several correct means "select all that apply"). */
  options: z
    .array(option)
    .min(2)
    .max(8)
    .refine((o) => o.some((x) => x.correct), "needs at least one option with correct: true"),
});

export const numericQuestion = z.object({
  type: z.literal("numeric"),
  ...common,
  /** The exact answer. */
  value: z.number().finite(),
  /** Accepted if |given − value| ≤ max(abs, rel·|value|). */
  tolerance: z
    .object({ abs: z.number().nonnegative().default(0), rel: z.number().nonnegative().default(0) })
    .default({ abs: 0, rel: 1e-3 }),
  unit: z.string().optional(),
});

export const flashcardQuestion = z.object({
  type: z.literal("flashcard"),
  ...common,
});

/** A template: fresh numbers from a seed; the generator computes answer, solution and known mistakes with the engine. */
export const generatedQuestion = z.object({
  type: z.literal("generated"),
  topics: common.topics,
  difficulty: common.difficulty,
  link: common.link,
  /** The id of a generator in src/quiz/generators/ (checked at build time against the registry). */
  generator: z.string().regex(/^[a-z0-9-]+$/),
  /** Optional short lead-in shown above the generated text. */
  prompt: markdown.optional(),
});

export const questionSchema = z.discriminatedUnion("type", [choiceQuestion, numericQuestion, flashcardQuestion, generatedQuestion]);
export type Question = z.infer<typeof questionSchema>;
