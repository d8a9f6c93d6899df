// Build time only: the rendered question bank (the core's buildBank over the `questions` collection) and the
// chapter titles, computed once per build and shared by the bank JSON endpoint, the quiz components'
// fallbacks and the question pages.
import { getCollection } from "astro:content";
import { buildBank } from "../bank";
import type { BankFlashcard, BankQuestion } from "../bank-types";
import { EXERCISES } from "../../exercises";
import { exerciseCards } from "./exercise-bank";

export interface SiteBank {
  questions: BankQuestion[];
  /** Chapter titles by slug ("04-optimization-algorithms" → "Optimization algorithms"), for chapters in this build. */
  chapters: Record<string, string>;
  /** Every coding exercise as a review card (all.json only): the review shows those the learner has solved. */
  exercises?: BankFlashcard[];
}

let cached: Promise<SiteBank> | undefined;

/** The bank and chapter titles (memoized for the build). */
export function siteBank(): Promise<SiteBank> {
  cached ??= (async () => {
    const [entries, chapters] = await Promise.all([getCollection("questions"), getCollection("chapters")]);
    const titles = Object.fromEntries(chapters.map((c) => [c.id.replace(/^chapters\//, ""), String(c.data.title)]));
    // The glob loader's ids keep the folder ("questions/adam/bias"); the bank's ids are "<topic>/<slug>".
    const bankEntries = entries.map((e) => ({ id: e.id.replace(/^questions\//, ""), data: e.data, filePath: e.filePath }));
    return { questions: await buildBank(bankEntries), chapters: titles, exercises: exerciseCards(EXERCISES) };
  })();
  return cached;
}

/** The part of the bank a chapter's check draws from: its questions, and the titles. */
export function chapterBank(bank: SiteBank, chapter: string): SiteBank {
  return { questions: bank.questions.filter((q) => q.chapter === chapter), chapters: bank.chapters };
}
