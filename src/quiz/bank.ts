// Build time only (it loads the Markdown pipeline): turns the `questions` collection into the serialisable bank
// the interface receives, with every Markdown field rendered to HTML by the same remark-math + rehype-katex
// pipeline as the chapters (astro.config.mjs). Do not import this from browser code.
import { createMarkdownProcessor } from "@astrojs/markdown-remark";
import remarkMath from "remark-math";
import { pathToFileURL } from "node:url";
import { mathRehypePlugins } from "../build/rehype-math.mjs";
import type { Question } from "./schema";
import type { BankQuestion } from "./bank-types";
import { generators } from "./generators";

type Renderer = Awaited<ReturnType<typeof createMarkdownProcessor>>;
let renderer: Promise<Renderer> | undefined;

function markdownRenderer(): Promise<Renderer> {
  // NOTE: the chapters' math plugins (src/build/rehype-math.mjs), so a formula renders (or fails) the same way.
  renderer ??= createMarkdownProcessor({
    syntaxHighlight: false,
    remarkPlugins: [remarkMath],
    rehypePlugins: mathRehypePlugins,
  } as Parameters<typeof createMarkdownProcessor>[0]);
  return renderer;
}

/**
 * Renders Markdown with `$…$` math to HTML; `inline` strips the single paragraph around a short text (an option).
 * A formula KaTeX cannot parse throws, naming `file`.
 *
 * @example
 *   await renderMarkdown("The step is $\\eta g$.");            // "<p>The step is <span class=\"katex\">…</span>.</p>"
 *   await renderMarkdown("$v_t$", { inline: true });
 */
export function renderMarkdown(markdown: string, options: { inline?: boolean; file?: string } = {}): Promise<string> {
  // NOTE: rendering costs ~20 ms per field with math; pages that each emit part of the bank share one cache.
  const key = `${options.inline ? 1 : 0}\u0000${options.file ?? ""}\u0000${markdown}`;
  let html = cache.get(key);
  if (!html) {
    html = render(markdown, options);
    cache.set(key, html);
    html.catch(() => cache.delete(key));
  }
  return html;
}

const cache = new Map<string, Promise<string>>();

async function render(markdown: string, options: { inline?: boolean; file?: string }): Promise<string> {
  const { code } = await (await markdownRenderer()).render(markdown, options.file ? { fileURL: pathToFileURL(options.file) } : undefined);
  const html = code.trim();
  if (!options.inline) return html;
  const m = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return m && !m[1].includes("<p>") ? m[1] : html;
}

/** Markdown reduced to searchable plain text (math kept as its TeX source, markup dropped). */
function plainText(markdown: string): string {
  return markdown
    .replace(/\$+/g, "")
    .replace(/[*_`#>]/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/** One entry of the collection as `getCollection("questions")` returns it. */
export interface QuestionEntry {
  id: string;
  data: Question;
  filePath?: string;
}

/**
 * The question bank for the interface: every entry with its Markdown rendered, sorted by id. Throws (failing the
 * build) when a question's folder is not one of its topics, naming the file.
 *
 * @example
 *   const bank = await buildBank(await getCollection("questions"));
 *   // emit JSON.stringify(bank.filter((q) => q.chapter === slug)) into the page
 */
export async function buildBank(entries: readonly QuestionEntry[]): Promise<BankQuestion[]> {
  const out: BankQuestion[] = [];
  for (const { id, data: q, filePath } of [...entries].sort((a, b) => a.id.localeCompare(b.id))) {
    const file = filePath ?? `questions/${id}.yaml`;
    const folder = id.split("/")[0];
    if (!(q.topics as string[]).includes(folder))
      throw new Error(`${file}: topics must include the folder's topic "${folder}" (the folder is the main topic)`);
    const md = (s: string, inline = false) => renderMarkdown(s, { inline, file });
    const base = {
      id,
      topics: q.topics,
      difficulty: q.difficulty,
      link: q.link,
      chapter: q.link.split("#")[0],
      promptHtml: q.prompt ? await md(q.prompt) : "",
    };
    switch (q.type) {
      case "choice":
        out.push({
          ...base,
          type: "choice",
          answerHtml: await md(q.answer),
          multiple: q.options.filter((o) => o.correct).length > 1,
          options: await Promise.all(
            q.options.map(async (o) => ({
              html: await md(o.text, true),
              correct: o.correct,
              ...(o.why ? { whyHtml: await md(o.why, true) } : {}),
            })),
          ),
          text: plainText([q.prompt, ...q.options.map((o) => o.text), q.answer].join(" ")),
        });
        break;
      case "numeric":
        out.push({
          ...base,
          type: "numeric",
          value: q.value,
          tolerance: q.tolerance,
          ...(q.unit ? { unit: q.unit } : {}),
          answerHtml: await md(q.answer),
          text: plainText(`${q.prompt} ${q.answer}`),
        });
        break;
      case "flashcard":
        out.push({ ...base, type: "flashcard", answerHtml: await md(q.answer), text: plainText(`${q.prompt} ${q.answer}`) });
        break;
      case "generated": {
        const g = generators.get(q.generator);
        if (!g) throw new Error(`${file}: generator "${q.generator}" is not in src/quiz/generators`);
        out.push({ ...base, type: "generated", generator: q.generator, title: g.title, text: plainText(`${g.title} ${q.prompt ?? ""}`) });
        break;
      }
    }
  }
  return out;
}
