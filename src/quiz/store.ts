// Quiz progress kept in the browser (localStorage), written against a small key-value interface so tests run in
// Node: FSRS cards, the history of answers, settings. Versioned by a zod schema; older versions are migrated,
// corrupt data is salvaged and backed up (never silently wiped), a full storage is reported.
import { currentChapter } from "../content/chapter-renames";
import { z } from "astro/zod";
import type { KeyValueStore } from "../progress/store";
import { backupRaw, isQuotaError } from "../progress/recover";
import { readProgress, type Progress } from "../progress/store";
import { t } from "../i18n";
import { storedCardSchema, review, type StoredCard } from "./schedule";
import type { Rating } from "./grade";

export type { KeyValueStore };

/** Where the quiz progress lives in localStorage. */
export const QUIZ_KEY = "dlf.quiz.v1";
/** Where a first prototype kept it (version 0, see `migrateV0`). */
export const QUIZ_KEY_V0 = "dlf.quiz";

const RATING = z.enum(["again", "hard", "good", "easy"]);

/**
 * A question id as the bank writes it, "<topic>/<slug>". It always holds a "/", so it can never be the name of a
 * property every object inherits ("__proto__", "toString", "constructor"): a stored id outside this shape is
 * dropped (the raw record is backed up first) rather than used as a key.
 */
export const QUESTION_ID = /^[\w-]+\/[\w.-]+$/;
const questionId = z.string().regex(QUESTION_ID);

/** A card table without a prototype: `cards[id]` is a card or undefined, whatever the id. */
export function cardTable(entries: Iterable<[string, StoredCard]> = []): Record<string, StoredCard> {
  const cards = Object.create(null) as Record<string, StoredCard>;
  for (const [id, c] of entries) if (QUESTION_ID.test(id)) cards[id] = c;
  return cards;
}

/** One answer in the history. */
export const answerSchema = z.object({
  /** Question id, "<topic>/<slug>". */
  id: questionId,
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

/** The learner's settings. Fields added later carry defaults, so an older record still validates (no version bump). */
export const settingsSchema = z.object({
  newPerDay: z.number().int().min(0).max(200).default(10),
  mockSize: z.number().int().min(1).max(100).default(10),
  mockMinutes: z.number().min(1).max(240).default(30),
  /** FSRS request_retention: the chance of recall the schedule aims for when a card falls due. */
  retention: z.number().min(0.7).max(0.99).default(0.9),
  /** Chapter slugs the daily review draws from; empty means every chapter. */
  chapters: z
    .array(z.string().regex(/^\d\d-[a-z0-9-]+$/))
    .max(50)
    .default([])
    // A chapter chosen before it was renamed stays chosen under its new slug.
    .transform((slugs) => [...new Set(slugs.map(currentChapter))]),
  /** Question ids taken out of the review (suspended) until the learner puts them back. */
  suspended: z.array(questionId).max(10_000).default([]),
});
export type QuizSettings = z.infer<typeof settingsSchema>;

/** A coding exercise of /exercises/ the learner solved: when, and when it is due for another go. */
export const solvedExerciseSchema = z.object({ solvedAt: z.number().finite(), due: z.number().finite() });
/** An exercise id: kebab-case, so never an inherited property name. */
export const EXERCISE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The stored record, version 1. `exercises` came later and is optional, so older records load unchanged. */
export const quizProgressSchema = z.object({
  version: z.literal(1),
  cards: z.record(questionId, storedCardSchema),
  history: z.array(answerSchema),
  settings: settingsSchema,
  exercises: z.record(z.string().regex(EXERCISE_ID), solvedExerciseSchema).optional(),
});
export type QuizProgress = z.infer<typeof quizProgressSchema>;

/** Empty progress with default settings. */
export function emptyQuizProgress(): QuizProgress {
  return { version: 1, cards: cardTable(), history: [], settings: settingsSchema.parse({}) };
}

/** What loading found: the progress, and a message for the learner when something was migrated or recovered. */
export interface LoadResult {
  progress: QuizProgress;
  status: "empty" | "ok" | "migrated" | "recovered" | "unreadable" | "newer";
  message?: string;
  /** Where the unreadable raw text was copied (null: no room for a copy). */
  backupKey?: string | null;
  /**
   * The stored record must not be overwritten: it is damaged (or newer) and no backup of it fitted, so it is the
   * only copy. Answers are then kept in memory, and `raw` is the original, for the reader to download.
   */
  memoryOnly?: boolean;
  raw?: string;
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
  return migrateV0Counted(old).progress;
}

/** `migrateV0`, also counting the attempts dropped because their id is not a question id (e.g. "__proto__"). */
function migrateV0Counted(old: unknown): { progress: QuizProgress; dropped: number } {
  const v0 = v0Schema.parse(old);
  const progress = emptyQuizProgress();
  const attempts = v0.attempts.filter((a) => QUESTION_ID.test(a.q)).sort((a, b) => a.t - b.t);
  for (const a of attempts)
    recordAnswer(progress, { id: a.q, at: a.t, correct: a.ok, topics: [a.q.split("/")[0]], rating: a.ok ? "good" : "again" });
  return { progress, dropped: v0.attempts.length - attempts.length };
}

/** Appends an answer to the history and, when it has a rating, reviews the question's card (in place). */
export function recordAnswer(progress: QuizProgress, answer: Answer): QuizProgress {
  progress.history.push(answer);
  if (answer.rating && QUESTION_ID.test(answer.id)) {
    const before = Object.hasOwn(progress.cards, answer.id) ? progress.cards[answer.id] : undefined;
    progress.cards[answer.id] = review(before, answer.rating as Rating, answer.at, progress.settings.retention);
  }
  return progress;
}

/** What `undoAnswer` needs to put a question back as it was before an answer. */
export interface AnswerUndo {
  id: string;
  /** The card before the answer (undefined: the question had never been answered). */
  card: StoredCard | undefined;
  /** The history's length before the answer. */
  historyLength: number;
}

/**
 * Records an answer as `recordAnswer` does and returns what undoes it.
 *
 * @example
 *   const undo = recordUndoable(progress, answer);   // later: undoAnswer(progress, undo)
 */
export function recordUndoable(progress: QuizProgress, answer: Answer): AnswerUndo {
  const undo = {
    id: answer.id,
    card: Object.hasOwn(progress.cards, answer.id) ? progress.cards[answer.id] : undefined,
    historyLength: progress.history.length,
  };
  recordAnswer(progress, answer);
  return undo;
}

/** Undoes the last answer: the question's card as it was, the history cut back (in place). */
export function undoAnswer(progress: QuizProgress, undo: AnswerUndo): QuizProgress {
  progress.history.length = Math.min(progress.history.length, undo.historyLength);
  if (undo.card) progress.cards[undo.id] = undo.card;
  else delete progress.cards[undo.id];
  return progress;
}

/**
 * Forgets a question's schedule (its card), so it counts as new again; its answers stay in the history.
 *
 * @example
 *   resetCard(progress, "adam/bias");
 */
export function resetCard(progress: QuizProgress, id: string): QuizProgress {
  delete progress.cards[id];
  return progress;
}

/** Takes a question out of the review (true) or puts it back (false). */
export function setSuspended(progress: QuizProgress, id: string, suspended: boolean): QuizProgress {
  const rest = progress.settings.suspended.filter((x) => x !== id);
  progress.settings.suspended = suspended && QUESTION_ID.test(id) ? [...rest, id] : rest;
  return progress;
}

/** Keeps every part of a damaged version-1 record that still validates; counts what was dropped. */
function salvage(obj: Record<string, unknown>): { progress: QuizProgress; kept: number; dropped: number } {
  const progress = emptyQuizProgress();
  let kept = 0,
    dropped = 0;
  const cards = obj.cards && typeof obj.cards === "object" ? (obj.cards as Record<string, unknown>) : {};
  if (obj.cards !== undefined && cards !== obj.cards) dropped++;
  for (const [id, c] of Object.entries(cards)) {
    const r = storedCardSchema.safeParse(c);
    if (r.success && QUESTION_ID.test(id)) {
      progress.cards[id] = r.data;
      kept++;
    } else dropped++;
  }
  const history = Array.isArray(obj.history) ? obj.history : [];
  if (obj.history !== undefined && !Array.isArray(obj.history)) dropped++;
  for (const a of history) {
    const r = answerSchema.safeParse(a);
    if (r.success) {
      progress.history.push(r.data);
      kept++;
    } else dropped++;
  }
  const solved = obj.exercises && typeof obj.exercises === "object" ? Object.entries(obj.exercises) : [];
  for (const [id, e] of solved) {
    const r = solvedExerciseSchema.safeParse(e);
    if (r.success && EXERCISE_ID.test(id)) {
      (progress.exercises ??= {})[id] = r.data;
      kept++;
    } else dropped++;
  }
  const s = obj.settings && typeof obj.settings === "object" ? (obj.settings as Record<string, unknown>) : {};
  for (const k of Object.keys(settingsSchema.shape) as (keyof QuizSettings)[]) {
    const r = settingsSchema.shape[k].safeParse(s[k]);
    if (r.success) (progress.settings as Record<string, unknown>)[k] = r.data;
    else dropped++;
  }
  return { progress, kept, dropped };
}

/**
 * Reads the quiz progress; never throws. Older versions are migrated (a v0 record under `QUIZ_KEY_V0` too, which
 * stays where it is); a damaged record keeps whatever validates and its raw text is copied to a backup key first;
 * a record from a newer version is backed up and read as far as possible. Nothing is deleted, and when no backup
 * fits, `memoryOnly` says the stored record must be left as it is.
 *
 * @example
 *   const { progress, message } = loadQuizProgress(localStorage);
 *   if (message) showNotice(message);
 */
export function loadQuizProgress(store: KeyValueStore): LoadResult {
  let raw: string | null = null,
    key = QUIZ_KEY;
  try {
    raw = store.getItem(QUIZ_KEY);
    if (raw === null) {
      raw = store.getItem(QUIZ_KEY_V0);
      key = QUIZ_KEY_V0;
    }
    if (raw === null) return { progress: emptyQuizProgress(), status: "empty" };
    return readRecord(store, key, raw);
  } catch {
    // NOTE: a last guard: whatever slipped past the checks above must not leave every quiz on the page stuck.
    return damaged(store, key, raw ?? "", "unreadable", (backup) => t("quizCore.storeUnreadable", { backup }), emptyQuizProgress());
  }
}

/** Backs `raw` up and says where; with no room for a copy, the stored text is the only one: keep it, offer it as a file. */
function damaged(
  store: KeyValueStore,
  key: string,
  raw: string,
  status: LoadResult["status"],
  say: (backup: string) => string,
  progress: QuizProgress,
): LoadResult {
  const backup = raw ? backupRaw(store, key, raw) : null;
  if (backup) return { progress, status, backupKey: backup.key, message: say(backup.key) };
  return { progress, status, backupKey: null, memoryOnly: true, raw, message: t("quizCore.storeNoRoom") };
}

function readRecord(store: KeyValueStore, key: string, raw: string): LoadResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return damaged(store, key, raw, "unreadable", (backup) => t("quizCore.storeUnreadable", { backup }), emptyQuizProgress());
  }
  const obj = (parsed && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : {}) as Record<string, unknown>;
  if (obj.version === undefined && v0Schema.safeParse(parsed).success) {
    const { progress, dropped } = migrateV0Counted(parsed);
    const message = t("quizCore.storeMigrated", { answers: progress.history.length });
    if (dropped === 0) return { progress, status: "migrated", message };
    // The dropped attempts live on in the original record; it is backed up too if it sits under the current key.
    const r =
      key === QUIZ_KEY
        ? damaged(store, key, raw, "migrated", () => "", progress)
        : { progress, status: "migrated" as const, backupKey: undefined };
    return {
      ...r,
      message: `${message} ${t("quizCore.storeDroppedIds", { dropped, key: r.backupKey ?? key })}`,
      memoryOnly: r.memoryOnly,
      raw: r.raw,
    };
  }
  const ok = quizProgressSchema.safeParse(parsed);
  if (ok.success) return { progress: { ...ok.data, cards: cardTable(Object.entries(ok.data.cards)) }, status: "ok" };
  const { progress, kept, dropped } = salvage(obj);
  if (typeof obj.version === "number" && obj.version > 1)
    return damaged(store, key, raw, "newer", (backup) => t("quizCore.storeNewer", { backup }), progress);
  if (kept === 0) return damaged(store, key, raw, "unreadable", (backup) => t("quizCore.storeUnreadable", { backup }), progress);
  return damaged(store, key, raw, "recovered", (backup) => t("quizCore.storeRecovered", { kept, dropped, backup }), progress);
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
export function saveQuizProgress(store: KeyValueStore, progress: QuizProgress, serialized?: string): SaveResult {
  try {
    // `serialized`: JSON.stringify(progress) made elsewhere (the import worker), so the page need not make it again.
    store.setItem(QUIZ_KEY, serialized ?? JSON.stringify(progress));
    return { ok: true };
  } catch (e) {
    if (isQuotaError(e)) return { ok: false, reason: "quota", message: t("quizCore.storeFull") };
    return { ok: false, reason: "blocked", message: t("quizCore.storeBlocked", { reason: e instanceof Error ? e.message : String(e) }) };
  }
}

/** The export file's marker. */
export const EXPORT_FORMAT = "dlf-quiz-progress";

/** The largest file `importQuizProgress` reads: far above any real export (a year of daily practice is ~1 MB). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** The storage-key prefix of the reader's edits to code cells (src/cells/store.ts). */
export const CELL_PREFIX = "dlf.cell.v1:";
/** The longest cell edit an import accepts (a real one is a few KB). */
const CELL_MAX_CHARS = 100_000;

/**
 * Everything saved, as a JSON string to save to a file (`importQuizProgress` reads it back): the quiz progress
 * (cards, history, settings), under `reading` the reading progress, and under `cells` the edited code cells
 * (storage key → code).
 *
 * @example
 *   download("quiz-progress.json", exportQuizProgress(progress, Date.now(), reading, cells));
 */
export function exportQuizProgress(progress: QuizProgress, now = Date.now(), reading?: Progress, cells?: Record<string, string>): string {
  const extra = { ...(reading ? { reading } : {}), ...(cells && Object.keys(cells).length ? { cells } : {}) };
  return JSON.stringify({ format: EXPORT_FORMAT, exportedAt: now, ...progress, ...extra }, null, 1);
}

/** The cell edits of an export: string code under keys with the cell prefix; anything else is left out. */
export function readCells(value: unknown): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  if (!value || typeof value !== "object" || Array.isArray(value)) return out;
  for (const [k, v] of Object.entries(value))
    if (k.startsWith(CELL_PREFIX) && k.length < 500 && typeof v === "string" && v.length <= CELL_MAX_CHARS) out[k] = v;
  return out;
}

/** What importing did: the merged progress and counts, or the validation errors (path: problem). */
export type ImportResult =
  | {
      ok: true;
      progress: QuizProgress;
      addedAnswers: number;
      updatedCards: number;
      message: string;
      /** Every distinct question id the file mentions (to compare with the bank). */
      ids: string[];
      /** The file's reading progress, when it has one (merge it with `mergeProgress`). */
      reading?: Progress;
      /** The file's cell edits (storage key → code). */
      cells?: Record<string, string>;
    }
  | { ok: false; errors: string[]; message: string };

/**
 * The ids among `ids` that `bank` does not hold, for the import report.
 *
 * @example
 *   idsNotInBank(["adam/bias", "old/gone"], new Set(["adam/bias"]));   // ["old/gone"]
 */
export function idsNotInBank(ids: readonly string[], bank: ReadonlySet<string>): string[] {
  return ids.filter((id) => !bank.has(id));
}

const answerKey = (a: Answer) => `${a.id}\u0000${a.at}\u0000${a.correct}`;
const cardTime = (c: StoredCard) => c.last_review ?? -Infinity;

/**
 * Merges two progress records: the union of the histories (an answer with the same id, time and result is kept
 * once, sorted by time) and, per question, the card reviewed last. Settings are `current`'s.
 *
 * @example
 *   mergeQuizProgress(onThisDevice, fromFile).history.length;
 */
export function mergeQuizProgress(
  current: QuizProgress,
  incoming: QuizProgress,
): { progress: QuizProgress; addedAnswers: number; updatedCards: number } {
  const seen = new Set(current.history.map(answerKey));
  const added = incoming.history.filter((a) => !seen.has(answerKey(a)) && (seen.add(answerKey(a)), true));
  const history = [...current.history, ...added].sort((a, b) => a.at - b.at);
  const cards = cardTable(Object.entries(current.cards));
  let updatedCards = 0;
  for (const [id, c] of Object.entries(incoming.cards)) {
    if (!QUESTION_ID.test(id)) continue;
    if (!cards[id] || cardTime(c) > cardTime(cards[id])) {
      cards[id] = c;
      updatedCards++;
    }
  }
  // Solved exercises: the union, keeping the earlier solve of an exercise solved on both sides.
  const exercises = { ...incoming.exercises, ...current.exercises };
  for (const [id, e] of Object.entries(incoming.exercises ?? {})) if (exercises[id].solvedAt > e.solvedAt) exercises[id] = e;
  const solved = Object.keys(exercises).length ? { exercises } : {};
  return {
    progress: { version: 1, cards, history, settings: { ...current.settings }, ...solved },
    addedAnswers: added.length,
    updatedCards,
  };
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
  return mergeImport(current, readImport(text));
}

/** A file read and validated, not yet merged: what a worker sends back (plain data, structured-cloneable). */
export type ReadImport =
  | { ok: true; incoming: QuizProgress; ids: string[]; reading?: Progress; cells?: Record<string, string> }
  | { ok: false; errors: string[]; message: string };

/**
 * The slow half of an import, safe to run in a worker: size bound, JSON.parse, migration or full validation.
 *
 * @example
 *   const read = readImport(await file.text());   // then mergeImport(progress, read)
 */
export function readImport(text: string): ReadImport {
  if (text.length > IMPORT_MAX_BYTES) return tooBig(text.length);
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
    if (obj.format !== EXPORT_FORMAT && obj.version === undefined)
      return { ok: false, errors: [t("quizCore.importWrongFormat")], message: t("quizCore.importWrongFormat") };
    const { format: _f, exportedAt: _e, reading: _r, cells: _c, ...rest } = obj;
    const r = quizProgressSchema.safeParse(rest);
    if (!r.success) {
      const errors = r.error.issues.slice(0, 20).map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`);
      return { ok: false, errors, message: t("quizCore.importInvalid", { errors: errors.join("; ") }) };
    }
    incoming = r.data;
  }
  const ids = [...new Set([...incoming.history.map((a) => a.id), ...Object.keys(incoming.cards)])];
  const reading = obj.reading !== undefined ? readProgress(obj.reading).progress : undefined;
  const cells = obj.cells !== undefined ? readCells(obj.cells) : undefined;
  return { ok: true, incoming, ids, reading, cells };
}

/** The quick half of an import: merges what `readImport` found into `current`. */
export function mergeImport(current: QuizProgress, read: ReadImport): ImportResult {
  if (!read.ok) return read;
  const merged = mergeQuizProgress(current, read.incoming);
  return {
    ok: true,
    ...merged,
    ids: read.ids,
    reading: read.reading,
    cells: read.cells,
    message: t("quizCore.importDone", { answers: merged.addedAnswers, cards: merged.updatedCards }),
  };
}

/** The refusal for a file over `IMPORT_MAX_BYTES` (checked on `File.size` before reading, and here again). */
export function tooBig(bytes: number): { ok: false; errors: string[]; message: string } {
  const message = t("quizCore.importTooBig", { size: (bytes / 1048576).toFixed(1), max: IMPORT_MAX_BYTES / 1048576 });
  return { ok: false, errors: [message], message };
}
