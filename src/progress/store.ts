// Reading progress kept in the browser: which chapters are read, where the reader stopped,
// and the last chapter opened. Plain TypeScript over a Storage-like object so tests run in Node.
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

export const emptyProgress = (): Progress => ({ version: 1, chapters: {}, last: null });

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * Reads progress, keeping every entry that is still valid. Whatever cannot be read is not
 * thrown away: the raw text is copied to a backup key first, and `recovered` says so.
 */
export function loadProgress(store: KeyValueStore, now = Date.now()): { progress: Progress; recovered: boolean } {
  const raw = store.getItem(PROGRESS_KEY);
  if (raw === null) return { progress: emptyProgress(), recovered: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    backup(store, raw, now);
    return { progress: emptyProgress(), recovered: true };
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
    progress.chapters[slug] = {
      position: clamp01(e.position),
      read: e.read === true || e.position >= READ_THRESHOLD,
      visitedAt: typeof e.visitedAt === "number" && Number.isFinite(e.visitedAt) ? e.visitedAt : 0,
    };
  }
  if (typeof obj.last === "string") progress.last = obj.last;
  else if (obj.last !== undefined && obj.last !== null) dropped = true;
  if (dropped) backup(store, raw, now);
  return { progress, recovered: dropped };
}

function backup(store: KeyValueStore, raw: string, now: number) {
  // Storage full or blocked: the reader keeps the in-memory progress either way.
  backupRaw(store, PROGRESS_KEY, raw, now);
}

/** Records that `slug` was visited with the given scroll fraction; `read` never goes back to false. */
export function recordVisit(progress: Progress, slug: string, position: number, now = Date.now()): Progress {
  const before = progress.chapters[slug];
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
