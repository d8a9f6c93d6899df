// The dashboard's list of backups: copies of saved progress (quiz or reading) that could not be read, kept under
// "<key>.unreadable.<hash>". Each can be downloaded, or restored: whatever of it still validates is merged into the
// current progress (the copy itself stays, so a restore never loses anything).
import { t } from "../../i18n";
import { loadQuizProgress, mergeQuizProgress, QUIZ_KEY, QUIZ_KEY_V0 } from "../store";
import { BACKUP_INFIX } from "../../progress/recover";
import { PROGRESS_KEY, readProgress } from "../../progress/store";
import { mergeReading } from "../../progress/client";
import { downloadText } from "../../progress/download";
import { currentProgress, replaceProgress } from "./progress-client";

/** The backup keys in `storage`, quiz ones first. */
export function backupKeys(storage: Storage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k?.includes(BACKUP_INFIX) && [QUIZ_KEY, QUIZ_KEY_V0, PROGRESS_KEY].includes(k.slice(0, k.indexOf(BACKUP_INFIX)))) keys.push(k);
  }
  return keys.sort((a, b) => Number(b.startsWith(QUIZ_KEY)) - Number(a.startsWith(QUIZ_KEY)) || a.localeCompare(b));
}

/** Merges what can be read from the backup at `key` into the current progress; returns the message to show. */
export function restoreBackup(storage: Storage, key: string): string {
  const raw = storage.getItem(key) ?? "";
  const source = key.slice(0, key.indexOf(BACKUP_INFIX));
  if (source === PROGRESS_KEY) {
    const { progress } = readProgress(raw);
    if (!Object.keys(progress.chapters).length) return t("quiz.dash.restoreNothing", { key });
    return t("quiz.dash.restored", { key, answers: 0, cards: 0, chapters: mergeReading(progress) ?? 0 });
  }
  // Read the copy as if it were the stored record, in a throwaway store: its own damage is salvaged, not re-backed up.
  const scratch = new Map([[QUIZ_KEY, raw]]);
  const found = loadQuizProgress({ getItem: (k) => scratch.get(k) ?? null, setItem: (k, v) => void scratch.set(k, v) }).progress;
  if (!found.history.length && !Object.keys(found.cards).length) return t("quiz.dash.restoreNothing", { key });
  const merged = mergeQuizProgress(currentProgress().progress, found);
  const saved = replaceProgress(merged.progress);
  const message = t("quiz.dash.restored", { key, answers: merged.addedAnswers, cards: merged.updatedCards, chapters: 0 });
  return saved.ok ? message : `${message} ${saved.message}`;
}

/**
 * The list of backups with a Download and a Restore button each, or null when there are none. `report` shows the
 * outcome of a restore.
 *
 * @example
 *   const list = backupList(localStorage, (m) => (notice.textContent = m)); if (list) box.append(list);
 */
export function backupList(storage: Storage, report: (message: string) => void): HTMLElement | null {
  const keys = backupKeys(storage);
  if (!keys.length) return null;
  const box = document.createElement("div");
  box.className = "dl-quiz-backups";
  const title = document.createElement("p");
  title.textContent = t("quiz.dash.backups");
  const list = document.createElement("ul");
  for (const key of keys) {
    const raw = storage.getItem(key) ?? "";
    const li = document.createElement("li");
    li.setAttribute("data-backup", key);
    const what = key.startsWith(PROGRESS_KEY) ? t("quiz.dash.backupReading") : t("quiz.dash.backupQuiz");
    const name = document.createElement("code");
    name.textContent = key;
    name.style.overflowWrap = "anywhere"; // a long key must wrap on a 390 px phone (CSSOM style is allowed by the CSP)
    const download = button(t("quiz.dash.downloadBackup"), t("quiz.dash.downloadBackupLabel", { key }), () =>
      downloadText(`${key}.json`, raw, "text/plain"),
    );
    const restore = button(t("quiz.dash.restore"), t("quiz.dash.restoreLabel", { key }), () => report(restoreBackup(storage, key)));
    restore.setAttribute("data-restore", "");
    li.append(
      `${t("quiz.dash.backupItem", { what, size: Math.max(1, Math.round(raw.length / 1024)) })} `,
      name,
      " ",
      download,
      " ",
      restore,
    );
    list.append(li);
  }
  box.append(title, list);
  return box;
}

function button(text: string, label: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "dl-quiz-secondary";
  b.textContent = text;
  b.setAttribute("aria-label", label);
  b.addEventListener("click", onClick);
  return b;
}
