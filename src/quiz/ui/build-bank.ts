// Build time only: the rendered question bank (the core's buildBank over the `questions` collection) and the
// chapter titles, computed once per build and language and shared by the bank JSON endpoint, the quiz components'
// fallbacks and the question pages. A translated bank has the same questions, ids and numbers; only the text differs.
import { getCollection } from "astro:content";
import { buildBank } from "../bank";
import type { BankFlashcard, BankQuestion } from "../bank-types";
import { EXERCISES } from "../../exercises";
import { exerciseCards } from "./exercise-bank";
import { currentLang, langOfPath, LANG_PREFIX, type Lang } from "../../i18n/lang";
import { chapterSlugOf } from "../../content/chapter-id";
import { translateQuestion } from "../translation";
import { TOPICS, type Topic } from "../schema";

export interface SiteBank {
  questions: BankQuestion[];
  /** Chapter titles by slug ("04-optimization-algorithms" → "Optimization algorithms"), for chapters in this build. */
  chapters: Record<string, string>;
  /** Every coding exercise as a review card (all.json only): the review shows those the learner has solved. */
  exercises?: BankFlashcard[];
}

const cached = new Map<Lang, Promise<SiteBank>>();

/** The bank and chapter titles in the language of the page being built (memoized for the build). */
export function siteBank(lang: Lang = currentLang()): Promise<SiteBank> {
  let bank = cached.get(lang);
  if (!bank) {
    bank = build(lang);
    cached.set(lang, bank);
  }
  return bank;
}

async function build(lang: Lang): Promise<SiteBank> {
  const [entries, chapters, translations] = await Promise.all([
    getCollection("questions"),
    getCollection("chapters"),
    lang === "en" ? Promise.resolve([]) : getCollection("questionTranslations"),
  ]);
  const prefix = LANG_PREFIX[lang];
  const titles = Object.fromEntries(
    chapters.filter((c) => langOfPath(c.id) === lang).map((c) => [chapterSlugOf(c.id)!, String(c.data.title)]),
  );
  const translated = new Map(translations.map((e) => [e.id.replace(`${prefix}questions/`, ""), e]));
  // The glob loader's ids keep the folder ("questions/adam/bias"); the bank's ids are "<topic>/<slug>".
  const bankEntries = entries.map((e) => {
    const id = e.id.replace(/^questions\//, "");
    if (lang === "en") return { id, data: e.data, filePath: e.filePath };
    const tr = translated.get(id);
    if (!tr) {
      // A draft build (COURSE_TRANSLATION_DRAFT, src/build/translation-tracker.mjs) shows an untranslated question in English.
      if (process.env.COURSE_TRANSLATION_DRAFT) return { id, data: e.data, filePath: e.filePath };
      throw new Error(`${prefix}questions/${id}.yaml: missing (translation of ${e.filePath})`);
    }
    return { id, data: translateQuestion(e.data, tr.data, tr.filePath ?? id), filePath: tr.filePath };
  });
  return { questions: await buildBank(bankEntries), chapters: titles, exercises: exerciseCards(EXERCISES) };
}

/** The part of the bank a chapter's check draws from: its questions, and the titles. */
export function chapterBank(bank: SiteBank, chapter: string): SiteBank {
  return { questions: bank.questions.filter((q) => q.chapter === chapter), chapters: bank.chapters };
}

/** One page per topic that has questions: /questions/<topic>/ (and its translations). */
export async function topicPaths(): Promise<{ params: { topic: Topic } }[]> {
  const bank = await siteBank("en");
  return TOPICS.filter((topic) => bank.questions.some((q) => q.id.split("/")[0] === topic)).map((topic) => ({ params: { topic } }));
}
