// The page's one copy of the quiz progress: loaded from localStorage once, saved after every answer, shared by
// every quiz element on the page (they listen for "dl-quiz-progress"), kept in step with other tabs.
import { loadQuizProgress, saveQuizProgress, recordAnswer, QUIZ_KEY, type Answer, type LoadResult, type QuizProgress, type SaveResult } from "..";

/** Fired on window whenever the progress changes (an answer, an import, another tab). */
export const PROGRESS_EVENT = "dl-quiz-progress";

let state: LoadResult | undefined;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: the quiz still works for this page
  }
}

const memory = new Map<string, string>();
const fallbackStore = { getItem: (k: string) => memory.get(k) ?? null, setItem: (k: string, v: string) => void memory.set(k, v) };

/** The progress and what loading it found (a migration or recovery message, shown to the reader). */
export function currentProgress(): LoadResult {
  if (!state) {
    state = loadQuizProgress(storage() ?? fallbackStore);
    // NOTE: once the unreadable raw text is safely backed up (or an old format migrated), write the repaired record
    // back, so the next visit reads it cleanly instead of backing the same text up again.
    if (state.status === "migrated" || ((state.status === "recovered" || state.status === "unreadable") && state.backupKey)) {
      saveQuizProgress(storage() ?? fallbackStore, state.progress);
    }
    window.addEventListener("storage", (e) => {
      if (e.key !== QUIZ_KEY || !state) return;
      state = { ...loadQuizProgress(storage() ?? fallbackStore), message: state.message };
      window.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
    });
  }
  return state;
}

function save(progress: QuizProgress): SaveResult {
  const result = saveQuizProgress(storage() ?? fallbackStore, progress);
  window.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
  return result;
}

/** Records one answer (and its FSRS review) and saves; a full storage comes back as `ok: false` with a message. */
export function record(answer: Answer): SaveResult {
  return save(recordAnswer(currentProgress().progress, answer));
}

/** Replaces the progress (after an import) and saves it. */
export function replaceProgress(progress: QuizProgress): SaveResult {
  currentProgress().progress = progress;
  return save(progress);
}
