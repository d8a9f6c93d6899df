// The page's one copy of the quiz progress: loaded from localStorage once, saved after every answer, shared by
// every quiz element on the page (they listen for "dl-quiz-progress"), kept in step with other tabs. What loading
// found is told once per page, by whichever quiz element or dashboard starts first (`claimLoadNotice`).
import {
  loadQuizProgress,
  saveQuizProgress,
  recordAnswer,
  recordUndoable,
  undoAnswer,
  QUIZ_KEY,
  type AnswerUndo,
  type Answer,
  type LoadResult,
  type QuizProgress,
  type SaveResult,
} from "..";
import { t } from "../../i18n";
import { downloadButton } from "../../progress/download";

/** Fired on window whenever the progress changes (an answer, an import, another tab). */
export const PROGRESS_EVENT = "dl-quiz-progress";

let state: LoadResult | undefined;
let noticeClaimed = false;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: the quiz still works for this page
  }
}

const memory = new Map<string, string>();
const fallbackStore = { getItem: (k: string) => memory.get(k) ?? null, setItem: (k: string, v: string) => void memory.set(k, v) };
const store = () => storage() ?? fallbackStore;

/** The progress and what loading it found (a migration or recovery message, shown to the reader). */
export function currentProgress(): LoadResult {
  if (!state) {
    state = loadQuizProgress(store());
    // NOTE: once the unreadable raw text is safely backed up (or an old format migrated), write the repaired record
    // back, so the next visit reads it cleanly. With no backup (memoryOnly) the stored text is the only copy: never.
    if (
      !state.memoryOnly &&
      (state.status === "migrated" || ((state.status === "recovered" || state.status === "unreadable") && state.backupKey))
    ) {
      saveQuizProgress(store(), state.progress);
    }
    window.addEventListener("storage", (e) => {
      if (e.key !== QUIZ_KEY || !state || state.memoryOnly) return;
      state = { ...loadQuizProgress(store()), message: state.message };
      window.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
    });
  }
  return state;
}

/**
 * What loading found, for `el` when it is the page's first quiz or dashboard in document order (the one the
 * reader meets first), null for every other one and when there is nothing to tell: one notice per page, not one
 * per quiz. With `memoryOnly`, it carries a button to download the untouched original.
 *
 * @example
 *   const notice = claimLoadNotice(this); if (notice) this.notice.replaceChildren(...notice);
 */
export function claimLoadNotice(el: HTMLElement): (string | HTMLElement)[] | null {
  const loaded = currentProgress();
  if (noticeClaimed || !loaded.message || document.querySelector("dl-quiz, dl-quiz-dashboard") !== el) return null;
  noticeClaimed = true;
  if (!loaded.memoryOnly || !loaded.raw) return [loaded.message];
  return [loaded.message, " ", downloadButton(t("quiz.store.downloadOriginal"), "dl-quiz-progress-unreadable.json", loaded.raw)];
}

function save(progress: QuizProgress, serialized?: string): SaveResult {
  const loaded = currentProgress();
  const result: SaveResult = loaded.memoryOnly
    ? { ok: false, reason: "blocked", message: t("quiz.store.memoryOnly") }
    : saveQuizProgress(store(), progress, serialized);
  window.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
  return result;
}

/** Records one answer (and its FSRS review) and saves; a full storage (or a kept original) comes back as `ok: false`. */
export function record(answer: Answer): SaveResult {
  return save(recordAnswer(currentProgress().progress, answer));
}

/** Replaces the progress (after an import or a restore) and saves it. */
export function replaceProgress(progress: QuizProgress, serialized?: string): SaveResult {
  currentProgress().progress = progress;
  return save(progress, serialized);
}

/** Records one answer as `record` does and returns what undoes it. */
export function recordWithUndo(answer: Answer): { saved: SaveResult; undo: AnswerUndo } {
  const undo = recordUndoable(currentProgress().progress, answer);
  return { saved: save(currentProgress().progress), undo };
}

/** Undoes an answer recorded by `recordWithUndo` and saves. */
export function undoRecorded(undo: AnswerUndo): SaveResult {
  return save(undoAnswer(currentProgress().progress, undo));
}

/** Changes the progress in place (settings, a suspended or reset card) and saves. */
export function updateProgress(change: (progress: QuizProgress) => void): SaveResult {
  change(currentProgress().progress);
  return save(currentProgress().progress);
}
