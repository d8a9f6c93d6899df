// Quiz progress kept in the browser (localStorage), written against a small key-value interface so tests run in
// Node: FSRS cards, the history of answers, settings. Versioned by a zod schema; older versions are migrated,
// corrupt data is salvaged and backed up (never silently wiped), a full storage is reported.
import { z } from "astro/zod";
import type { KeyValueStore } from "../progress/store";
import { backupRaw, isQuotaError } from "../progress/recover";
import { t } from "../i18n";
import { storedCardSchema, review, type StoredCard } from "./schedule";
import type { Rating } from "./grade";

export type { KeyValueStore };

/** Where the quiz progress lives in localStorage. */
export const QUIZ_KEY = "dlf.quiz.v1";
/** Where a first prototype kept it (version 0, see `migrateV0`). */
export const QUIZ_KEY_V0 = "dlf.quiz";

const RATING = z.enum(["again", "hard", "good", "easy"]);

/** One answer in the history. */
export const answerSchema = z.object({
  /** Question id, "<topic>/<slug>". */
  id: z.string().min(1),
  /** Milliseconds since the epoch. */
  at: z.number().finite(),
  correct: z.boolean(),
  /** The question's topic tags at the time. */
  topics: z.array(z.string()).min(1),
  rating: RATING.optional(),
  /** Where it was answered: practice, review, mock, check (a chapter's embedded check). */
  mode: z.enum(["practice", "review", "mock", "check"]).optional(),
});
export type Answer = z.infer<typeof answerSchema>;

export const settingsSchema = z.object({
  newPerDay: z.number().int().min(0).max(200).default(10),
  mockSize: z.number().int().min(1).max(100).default(10),
  mockMinutes: z.number().min(1).max(240).default(30),
});
export type QuizSettings = z.infer<typeof settingsSchema>;

/** The stored record, version 1. */
export const quizProgressSchema = z.object({
  version: z.literal(1),
  cards: z.record(z.string(), storedCardSchema),
  history: z.array(answerSchema),
  settings: settingsSchema,
});
export type QuizProgress = z.infer<typeof quizProgressSchema>;

/** Empty progress with default settings. */
export function emptyQuizProgress(): QuizProgress {
  return { version: 1, cards: {}, history: [], settings: settingsSchema.parse({}) };
}

/** What loading found: the progress, and a message for the learner when something was migrated or recovered. */
export interface LoadResult {
  progress: QuizProgress;
  status: "empty" | "ok" | "migrated" | "recovered" | "unreadable" | "newer";
  message?: string;
  /** Where the unreadable raw text was copied. */
  backupKey?: string | null;
}

/** The shape of the first prototype (version 0): no version field, Leitner boxes, terse attempts. */
const v0Schema = z.object({
  attempts: z.array(z.object({ q: z.string().min(1), t: z.number().finite(), ok: z.boolean() })),
  boxes: z.record(z.string(), z.number()).optional(),
});

/**
 * Migrates the version-0 record `{ attempts: [{ q, t, ok }], boxes }` to version 1: attempts become history
 * (topic = the id's folder), and each question's FSRS card is rebuilt by replaying its attempts in time order
 * (right → Good, wrong → Again). The Leitner boxes are dropped: the replayed cards replace them.
 *
 * @example
 *   migrateV0({ attempts: [{ q: "adam/bias", t: 1e12, ok: true }] }).history[0].topics;   // ["adam"]
 */
export function migrateV0(old: unknown): QuizProgress {
  const v0 = v0Schema.parse(old);
  const progress = emptyQuizProgress();
  const attempts = [...v0.attempts].sort((a, b) => a.t - b.t);
  for (const a of attempts) recordAnswer(progress, { id: a.q, at: a.t, correct: a.ok, topics: [a.q.split("/")[0]], rating: a.ok ? "good" : "again" });
  return progress;
}

/** Appends an answer to the history and, when it has a rating, reviews the question's card (in place). */
export function recordAnswer(progress: QuizProgress, answer: Answer): QuizProgress {
  progress.history.push(answer);
  if (answer.rating) progress.cards[answer.id] = review(progress.cards[answer.id], answer.rating as Rating, answer.at);
  return progress;
}

/** Keeps every part of a damaged version-1 record that still validates; counts what was dropped. */
function salvage(obj: Record<string, unknown>): { progress: QuizProgress; kept: number; dropped: number } {
  const progress = emptyQuizProgress();
  let kept = 0, dropped = 0;
  const cards = obj.cards && typeof obj.cards === "object" ? (obj.cards as Record<string, unknown>) : {};
  if (obj.cards !== undefined && cards !== obj.cards) dropped++;
  for (const [id, c] of Object.entries(cards)) {
    const r = storedCardSchema.safeParse(c);
    if (r.success) { progress.cards[id] = r.data; kept++; } else dropped++;
  }
  const history = Array.isArray(obj.history) ? obj.history : [];
  if (obj.history !== undefined && !Array.isArray(obj.history)) dropped++;
  for (const a of history) {
    const r = answerSchema.safeParse(a);
    if (r.success) { progress.history.push(r.data); kept++; } else dropped++;
  }
  const s = obj.settings && typeof obj.settings === "object" ? (obj.settings as Record<string, unknown>) : {};
  for (const k of Object.keys(settingsSchema.shape) as (keyof QuizSettings)[]) {
    const r = settingsSchema.shape[k].safeParse(s[k]);
    if (r.success) progress.settings[k] = r.data; else dropped++;
  }
  return { progress, kept, dropped };
}

/**
 * Reads the quiz progress. Older versions are migrated (a v0 record under `QUIZ_KEY_V0` too); a damaged record
 * keeps whatever validates and its raw text is copied to a backup key first; a record from a newer version is
 * backed up and read as far as possible. Nothing is deleted.
 *
 * @example
 *   const { progress, message } = loadQuizProgress(localStorage);
 *   if (message) showNotice(message);
 */
export function loadQuizProgress(store: KeyValueStore, now = Date.now()): LoadResult {
  let raw = store.getItem(QUIZ_KEY);
  let fromV0Key = false;
  if (raw === null) {
    raw = store.getItem(QUIZ_KEY_V0);
    fromV0Key = raw !== null;
  }
  if (raw === null) return { progress: emptyQuizProgress(), status: "empty" };
  const key = fromV0Key ? QUIZ_KEY_V0 : QUIZ_KEY;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    const backupKey = backupRaw(store, key, raw, now);
    return { progress: emptyQuizProgress(), status: "unreadable", backupKey, message: t("quizCore.storeUnreadable", { backup: backupKey ?? "—" }) };
  }
  const obj = (parsed && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : {}) as Record<string, unknown>;
  if (obj.version === undefined && v0Schema.safeParse(parsed).success) {
    const progress = migrateV0(parsed);
    return { progress, status: "migrated", message: t("quizCore.storeMigrated", { answers: progress.history.length }) };
  }
  const ok = quizProgressSchema.safeParse(parsed);
  if (ok.success) return { progress: ok.data, status: "ok" };
  const backupKey = backupRaw(store, key, raw, now);
  const { progress, kept, dropped } = salvage(obj);
  if (typeof obj.version === "number" && obj.version > 1) {
    return { progress, status: "newer", backupKey, message: t("quizCore.storeNewer", { backup: backupKey ?? "—" }) };
  }
  if (kept === 0) return { progress, status: "unreadable", backupKey, message: t("quizCore.storeUnreadable", { backup: backupKey ?? "—" }) };
  return { progress, status: "recovered", backupKey, message: t("quizCore.storeRecovered", { kept, dropped, backup: backupKey ?? "—" }) };
}

/** What saving did: saved, or why not (full storage is reported, never swallowed). */
export type SaveResult = { ok: true } | { ok: false; reason: "quota" | "blocked"; message: string };

/**
 * Writes the progress; a full storage (QuotaExceededError) or a refusal comes back as `ok: false` with a message.
 *
 * @example
 *   const r = saveQuizProgress(localStorage, progress);
 *   if (!r.ok) showNotice(r.message);
 */
export function saveQuizProgress(store: KeyValueStore, progress: QuizProgress): SaveResult {
  try {
    store.setItem(QUIZ_KEY, JSON.stringify(progress));
    return { ok: true };
  } catch (e) {
    if (isQuotaError(e)) return { ok: false, reason: "quota", message: t("quizCore.storeFull") };
    return { ok: false, reason: "blocked", message: t("quizCore.storeBlocked", { reason: e instanceof Error ? e.message : String(e) }) };
  }
}

/** The export file's marker. */
export const EXPORT_FORMAT = "dlf-quiz-progress";

/**
 * The progress as a JSON string to save to a file (`importQuizProgress` reads it back).
 *
 * @example
 *   download("quiz-progress.json", exportQuizProgress(progress));
 */
export function exportQuizProgress(progress: QuizProgress, now = Date.now()): string {
  return JSON.stringify({ format: EXPORT_FORMAT, exportedAt: now, ...progress }, null, 1);
}

/** What importing did: the merged progress and counts, or the validation errors (path: problem). */
export type ImportResult =
  | { ok: true; progress: QuizProgress; addedAnswers: number; updatedCards: number; message: string }
  | { ok: false; errors: string[]; message: string };

const answerKey = (a: Answer) => `${a.id}\u0000${a.at}\u0000${a.correct}`;
const cardTime = (c: StoredCard) => c.last_review ?? -Infinity;

/**
 * Merges two progress records: the union of the histories (an answer with the same id, time and result is kept
 * once, sorted by time) and, per question, the card reviewed last. Settings are `current`'s.
 *
 * @example
 *   mergeQuizProgress(onThisDevice, fromFile).history.length;
 */
export function mergeQuizProgress(current: QuizProgress, incoming: QuizProgress): { progress: QuizProgress; addedAnswers: number; updatedCards: number } {
  const seen = new Set(current.history.map(answerKey));
  const added = incoming.history.filter((a) => !seen.has(answerKey(a)) && (seen.add(answerKey(a)), true));
  const history = [...current.history, ...added].sort((a, b) => a.at - b.at);
  const cards = { ...current.cards };
  let updatedCards = 0;
  for (const [id, c] of Object.entries(incoming.cards)) {
    if (!cards[id] || cardTime(c) > cardTime(cards[id])) { cards[id] = c; updatedCards++; }
  }
  return { progress: { version: 1, cards, history, settings: { ...current.settings } }, addedAnswers: added.length, updatedCards };
}

/**
 * Reads an exported file and merges it into `current`. The file must validate completely (a version-0 export is
 * migrated first); otherwise nothing changes and `errors` lists each problem as "path: message".
 *
 * @example
 *   const r = importQuizProgress(progress, await file.text());
 *   if (r.ok) saveQuizProgress(localStorage, r.progress); else showErrors(r.errors);
 */
export function importQuizProgress(current: QuizProgress, text: string): ImportResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, errors: [t("quizCore.importNotJson")], message: t("quizCore.importNotJson") };
  }
  const obj = (parsed && typeof parsed === "object" ? parsed : {}) as Record<string, unknown>;
  let incoming: QuizProgress;
  if (obj.version === undefined && v0Schema.safeParse(parsed).success) incoming = migrateV0(parsed);
  else {
    if (obj.format !== EXPORT_FORMAT && obj.version === undefined) return { ok: false, errors: [t("quizCore.importWrongFormat")], message: t("quizCore.importWrongFormat") };
    const { format: _f, exportedAt: _e, ...rest } = obj;
    const r = quizProgressSchema.safeParse(rest);
    if (!r.success) {
      const errors = r.error.issues.slice(0, 20).map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`);
      return { ok: false, errors, message: t("quizCore.importInvalid", { errors: errors.join("; ") }) };
    }
    incoming = r.data;
  }
  const merged = mergeQuizProgress(current, incoming);
  return { ok: true, ...merged, message: t("quizCore.importDone", { answers: merged.addedAnswers, cards: merged.updatedCards }) };
}
