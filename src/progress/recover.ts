// Shared by the reading-progress store and the quiz store: what cannot be read is copied aside, never wiped.
import type { KeyValueStore } from "./store";

/**
 * Copies `raw` to `<key>.unreadable.<now>` and returns that key, or null when storage refuses (full or blocked);
 * the caller keeps its in-memory state either way.
 *
 * @example
 *   const where = backupRaw(localStorage, "dlf.quiz.v1", raw, Date.now());   // "dlf.quiz.v1.unreadable.1700000000000"
 */
export function backupRaw(store: KeyValueStore, key: string, raw: string, now: number): string | null {
  const backupKey = `${key}.unreadable.${now}`;
  try {
    store.setItem(backupKey, raw);
    return backupKey;
  } catch {
    return null;
  }
}

/**
 * Whether an error thrown by `setItem` means the storage quota is used up (the names and codes browsers use).
 *
 * @example
 *   try { store.setItem(k, v); } catch (e) { if (isQuotaError(e)) report(); }
 */
export function isQuotaError(e: unknown): boolean {
  const err = e as { name?: string; code?: number } | null;
  return !!err && (err.name === "QuotaExceededError" || err.name === "NS_ERROR_DOM_QUOTA_REACHED" || err.code === 22 || err.code === 1014);
}
