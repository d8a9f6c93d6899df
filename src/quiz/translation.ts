// A question's translation (content/<lang>/questions/<topic>/<slug>.yaml): only the text a reader sees. Numbers,
// topics, links, correct flags and generators stay in the English file, so the languages never disagree on them.
import { z } from "astro/zod";
import type { Question } from "./schema";

const text = z.string().trim().min(1);

export const questionTranslationSchema = z
  .object({
    /** The hash of the English file it was made from (src/build/translation-tracker.mjs). */
    translatedFrom: z.string().regex(/^[0-9a-f]{12}$/),
    prompt: text.optional(),
    answer: text.optional(),
    /** The options in the English file's order: each one's text and, when the English has one, its `why`. */
    options: z.array(z.object({ text, why: text.optional() })).optional(),
    unit: text.optional(),
  })
  .strict();
export type QuestionTranslation = z.infer<typeof questionTranslationSchema>;

/**
 * The question with its reader-facing text taken from `tr`. Throws, naming `file`, when the translation leaves out
 * text the English has or has options the English has not: a half-translated question must not reach a reader.
 */
export function translateQuestion(q: Question, tr: QuestionTranslation, file: string): Question {
  const need = (field: string, has: boolean, wanted: boolean) => {
    if (has !== wanted) throw new Error(`${file}: ${wanted ? `needs "${field}"` : `has "${field}", which its English source has not`}`);
  };
  need("prompt", tr.prompt !== undefined, q.prompt !== undefined);
  if (q.type === "generated") {
    need("answer", tr.answer !== undefined, false);
    need("options", tr.options !== undefined, false);
    return { ...q, ...(tr.prompt ? { prompt: tr.prompt } : {}) };
  }
  need("answer", tr.answer !== undefined, true);
  need("unit", tr.unit !== undefined, q.type === "numeric" && q.unit !== undefined);
  need("options", tr.options !== undefined, q.type === "choice");
  const out = { ...q, prompt: tr.prompt!, answer: tr.answer! };
  if (out.type === "numeric" && tr.unit) out.unit = tr.unit;
  if (out.type === "choice") {
    const options = tr.options!;
    if (options.length !== out.options.length)
      throw new Error(`${file}: ${options.length} options; its English source has ${out.options.length}`);
    out.options = out.options.map((o, k) => {
      need(`options[${k}].why`, options[k].why !== undefined, o.why !== undefined);
      return { ...o, text: options[k].text, ...(o.why ? { why: options[k].why } : {}) };
    });
  }
  return out;
}
