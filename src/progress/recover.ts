// Shared by the reading-progress store and the quiz store: what cannot be read is copied aside, never wiped, and
// copied once: the backup key is named after the content, so the same damaged text read on every page view
// (or by every element on a page) lands on the same key instead of filling the quota with copies.
import type { KeyValueStore } from "./store";

/** FNV-1a over the UTF-16 code units, as 8 hex digits: a name for a text, not a security hash. */
export function contentHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}

/** The infix every backup key carries: "<key>.unreadable.<hash>". */
export const BACKUP_INFIX = ".unreadable.";

/** Where `raw`, read under `key`, is (or would be) backed up. */
export function backupKeyFor(key: string, raw: string): string {
  return `${key}${BACKUP_INFIX}${contentHash(raw)}`;
}

/**
 * Copies `raw` to `<key>.unreadable.<hash of raw>` and returns that key; when that key already holds the same
 * text nothing is written (`fresh` is false). Returns null when storage refuses (full or blocked): the caller then
 * must leave `key` untouched, since the original is the only copy.
 *
 * @example
 *   backupRaw(localStorage, "dlf.quiz.v1", raw);   // { key: "dlf.quiz.v1.unreadable.5f2c09ab", fresh: true }
 */
export function backupRaw(store: KeyValueStore, key: string, raw: string): { key: string; fresh: boolean } | null {
  const backupKey = backupKeyFor(key, raw);
  try {
    if (store.getItem(backupKey) === raw) return { key: backupKey, fresh: false };
    store.setItem(backupKey, raw);
    return { key: backupKey, fresh: true };
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
