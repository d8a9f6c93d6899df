// Fetches the question bank the build emitted as static JSON (src/pages/quiz/bank/[chapter].json.ts), once per
// file and page, relative to the site's base path so the course works under a sub-path.
import type { BankFlashcard, BankQuestion } from "..";
import { pageBase } from "../../i18n/lang";

/** What a bank file holds: the questions and the titles of the chapters they link to. */
export interface BankFile {
  chapters: Record<string, string>;
  questions: BankQuestion[];
  /** Every coding exercise as a review card (in all.json only). */
  exercises?: BankFlashcard[];
}

const cache = new Map<string, Promise<BankFile>>();

/**
 * The bank of one chapter's questions ("05-regularization") or of all ("all").
 *
 * @example
 *   const { questions } = await loadBank("all");
 */
export function loadBank(which = "all"): Promise<BankFile> {
  let p = cache.get(which);
  if (!p) {
    const url = `${pageBase()}quiz/bank/${which}.json`;
    p = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${r.status} ${r.statusText} for ${url}`);
      return r.json() as Promise<BankFile>;
    });
    p.catch(() => cache.delete(which));
    cache.set(which, p);
  }
  return p;
}
