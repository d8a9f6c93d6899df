// Reading progress kept in the browser: which chapters are read, where the reader stopped,
// and the last chapter opened. Plain TypeScript over a Storage-like object so tests run in Node.
import { currentChapter } from "../content/chapter-renames";
import { backupRaw } from "./recover";

export interface ChapterProgress {
  /** Fraction of the chapter scrolled through, 0–1. */
  position: number;
  read: boolean;
  /** Milliseconds since the epoch of the last visit. */
  visitedAt: number;
}
export interface Progress {
  version: 1;
  chapters: Record<string, ChapterProgress>;
  last: string | null;
}
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const PROGRESS_KEY = "dlf.progress.v1";
/** A chapter counts as read once this much of it has been scrolled through. */
export const READ_THRESHOLD = 0.9;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Empty progress; `chapters` has no prototype, so a slug such as "__proto__" or "toString" is only ever data. */
export const emptyProgress = (): Progress => ({ version: 1, chapters: Object.create(null) as Record<string, ChapterProgress>, last: null });

/** The reading progress in `raw` (JSON text or an already parsed value), keeping every valid entry;
 * `dropped` says whether anything was not. */
export function readProgress(raw: unknown): { progress: Progress; dropped: boolean } {
  let parsed = raw;
  if (typeof raw === "string") {
    try {
      parsed = JSON.parse(raw);
    } catch {
      return { progress: emptyProgress(), dropped: true };
    }
  }
  const progress = emptyProgress();
  let dropped = false;
  const obj = (parsed && typeof parsed === "object" ? parsed : {}) as Record<string, unknown>;
  if (!(parsed && typeof parsed === "object")) dropped = true;
  const chapters = obj.chapters && typeof obj.chapters === "object" ? (obj.chapters as Record<string, unknown>) : {};
  if (obj.chapters !== undefined && chapters !== obj.chapters) dropped = true;
  for (const [slug, entry] of Object.entries(chapters)) {
    const e = entry as Partial<ChapterProgress> | null;
    if (!e || typeof e !== "object" || typeof e.position !== "number" || !Number.isFinite(e.position)) {
      dropped = true;
      continue;
    }
    const read: ChapterProgress = {
      position: clamp01(e.position),
      read: e.read === true || e.position >= READ_THRESHOLD,
      visitedAt: typeof e.visitedAt === "number" && Number.isFinite(e.visitedAt) ? e.visitedAt : 0,
    };
    // A renamed chapter's entry moves to its new slug, merged with any entry already there.
    const key = currentChapter(slug);
    const there = Object.hasOwn(progress.chapters, key) ? progress.chapters[key] : undefined;
    progress.chapters[key] = there
      ? {
          position: Math.max(there.position, read.position),
          read: there.read || read.read,
          visitedAt: Math.max(there.visitedAt, read.visitedAt),
        }
      : read;
  }
  if (typeof obj.last === "string") progress.last = currentChapter(obj.last);
  else if (obj.last !== undefined && obj.last !== null) dropped = true;
  return { progress, dropped };
}

/** What loading found. `backupKey`: where damaged text was copied (null: no room, so the original must stay untouched). */
export interface ProgressLoad {
  progress: Progress;
  recovered: boolean;
  backupKey?: string | null;
  /** True only on the load that made the backup: later loads of the same text find it already there. */
  freshBackup?: boolean;
}

/**
 * Reads progress, keeping every entry that is still valid. Whatever cannot be read is not thrown away: the raw
 * text is copied to a backup key named after its content (once, however often it is read), and `recovered` says so.
 *
 * @example
 *   const { progress, recovered, backupKey } = loadProgress(localStorage);
 */
export function loadProgress(store: KeyValueStore): ProgressLoad {
  const raw = store.getItem(PROGRESS_KEY);
  if (raw === null) return { progress: emptyProgress(), recovered: false };
  const { progress, dropped } = readProgress(raw);
  if (!dropped) return { progress, recovered: false };
  const backup = backupRaw(store, PROGRESS_KEY, raw);
  return { progress, recovered: true, backupKey: backup?.key ?? null, freshBackup: backup?.fresh ?? false };
}

/**
 * Merges reading progress from another device or a backup: a chapter read on either is read, the position of
 * the later visit wins, and `last` is the more recently visited chapter.
 *
 * @example
 *   mergeProgress(here, fromFile).chapters["chapters/01"].read;
 */
export function mergeProgress(current: Progress, incoming: Progress): { progress: Progress; changed: number } {
  const out = emptyProgress();
  let changed = 0;
  for (const [slug, c] of Object.entries(current.chapters)) out.chapters[slug] = { ...c };
  for (const [slug, c] of Object.entries(incoming.chapters)) {
    const mine = Object.hasOwn(out.chapters, slug) ? out.chapters[slug] : undefined;
    const next = !mine ? { ...c } : { ...(c.visitedAt > mine.visitedAt ? c : mine), read: mine.read || c.read };
    if (!mine || next.read !== mine.read || next.position !== mine.position) changed++;
    out.chapters[slug] = next;
  }
  const at = (p: Progress) => (p.last && Object.hasOwn(p.chapters, p.last) ? p.chapters[p.last].visitedAt : -Infinity);
  out.last = at(incoming) > at(current) ? incoming.last : (current.last ?? incoming.last);
  return { progress: out, changed };
}

/** Records that `slug` was visited with the given scroll fraction; `read` never goes back to false. */
export function recordVisit(progress: Progress, slug: string, position: number, now = Date.now()): Progress {
  const before = Object.hasOwn(progress.chapters, slug) ? progress.chapters[slug] : undefined;
  const p = clamp01(Number.isFinite(position) ? position : 0);
  progress.chapters[slug] = {
    position: p,
    read: (before?.read ?? false) || p >= READ_THRESHOLD,
    visitedAt: now,
  };
  progress.last = slug;
  return progress;
}

export function saveProgress(store: KeyValueStore, progress: Progress): boolean {
  try {
    store.setItem(PROGRESS_KEY, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}
