// Where a reader's edits to a cell are kept: localStorage, one key per page path and cell id.
// Storage can be missing or full (private mode); then edits simply are not kept.

/** The storage key of cell `id` on the page at `path`. */
export const cellKey = (path: string, id: string) => `dlf.cell.v1:${path}#${id}`;

/** The reader's saved code for a cell, or null. */
export function loadEdit(path: string, id: string): string | null {
  try {
    return localStorage.getItem(cellKey(path, id));
  } catch {
    return null;
  }
}

/** Saves `code`, or forgets the cell's edit when `code` is the original. */
export function saveEdit(path: string, id: string, code: string, original: string): void {
  try {
    if (code === original) localStorage.removeItem(cellKey(path, id));
    else localStorage.setItem(cellKey(path, id), code);
  } catch {
    /* storage unavailable: the edit lives only in the editor */
  }
}
