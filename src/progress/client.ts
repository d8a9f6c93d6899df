// Browser glue for reading progress: records the scroll position of the chapter being read,
// ticks read chapters in the sidebar, and fills the home page's "continue" box.
import { loadProgress, mergeProgress, recordVisit, saveProgress, PROGRESS_KEY, type Progress, type ProgressLoad } from "./store";
import { showProgressNotice } from "./notice";
import { tFrame as t } from "../i18n/frame";
import { siteBase, withoutLangPrefix } from "../i18n/lang";

/**
 * "chapters/01-what-is-deep-learning" for "/course/chapters/01-what-is-deep-learning/", and for its Chinese page
 * "/course/zh-cn/chapters/…" too: reading progress is the reader's, whatever the language.
 */
export function slugFromPath(pathname: string): string {
  const base = siteBase();
  const path = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, "");
  return withoutLangPrefix(path).replace(/\/?(index\.html)?$/, "");
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage blocked: progress is simply not kept
  }
}

let loaded: ProgressLoad | undefined;

/** Whether the stored record may be overwritten: not when it is damaged and no backup of it fits (the only copy). */
const writable = (l: ProgressLoad) => !l.recovered || !!l.backupKey;

/** The page's one reading of the progress: damage is backed up once, repaired in storage, and shown to the reader once. */
function load(store: Storage): ProgressLoad {
  if (loaded) return loaded;
  const raw = store.getItem(PROGRESS_KEY);
  loaded = loadProgress(store);
  if (loaded.recovered) {
    // Write the repaired record back once it is safe elsewhere, so the next page view reads it cleanly.
    if (loaded.backupKey) saveProgress(store, loaded.progress);
    showProgressNotice(loaded.backupKey ?? null, raw ?? "");
  }
  return loaded;
}

export function currentProgress(): Progress | null {
  const store = storage();
  return store ? load(store).progress : null;
}

/**
 * Merges reading progress from an imported file or a restored backup into this browser's, and saves it (unless the
 * stored record is a damaged only copy). Returns how many chapters changed, or null when storage is unavailable.
 *
 * @example
 *   mergeReading(fromFile);   // 3
 */
export function mergeReading(incoming: Progress): number | null {
  const store = storage();
  if (!store) return null;
  const l = load(store);
  const { progress, changed } = mergeProgress(l.progress, incoming);
  l.progress = progress;
  if (writable(l)) saveProgress(store, progress);
  markSidebar(progress);
  return changed;
}

function scrollFraction(): number {
  const doc = document.documentElement;
  const max = doc.scrollHeight - window.innerHeight;
  return max <= 0 ? 1 : window.scrollY / max;
}

/** Keeps the reader's position in `slug` up to date; restores it when the URL asks to continue. */
export function trackChapter(slug: string): void {
  const store = storage();
  if (!store) return;
  const params = new URLSearchParams(location.search);
  const first = load(store);
  const saved = Object.hasOwn(first.progress.chapters, slug) ? first.progress.chapters[slug] : undefined;
  if (params.has("continue") && saved) {
    const doc = document.documentElement;
    window.scrollTo(0, saved.position * (doc.scrollHeight - window.innerHeight));
  }
  let pending = 0;
  const save = () => {
    pending = 0;
    const progress = first.progress;
    recordVisit(progress, slug, scrollFraction());
    // NOTE: a damaged record that could not be backed up is the only copy: positions are kept in memory only.
    if (writable(first)) saveProgress(store, progress);
    markSidebar(progress);
  };
  save();
  window.addEventListener(
    "scroll",
    () => {
      if (!pending) pending = window.setTimeout(save, 400);
    },
    { passive: true },
  );
  window.addEventListener("pagehide", save);
}

/** Adds a tick to the sidebar link of every chapter that has been read. */
export function markSidebar(progress = currentProgress()): void {
  if (!progress) return;
  document.querySelectorAll<HTMLAnchorElement>("#starlight__sidebar a[href], nav.sidebar a[href]").forEach((a) => {
    const slug = slugFromPath(new URL(a.href, location.href).pathname);
    const read = Object.hasOwn(progress.chapters, slug) && progress.chapters[slug].read === true;
    a.toggleAttribute("data-read", read);
    let mark = a.querySelector<HTMLElement>(".dl-read-mark");
    if (read && !mark) {
      mark = document.createElement("span");
      mark.className = "dl-read-mark";
      mark.setAttribute("aria-label", t("progress.read"));
      mark.setAttribute("role", "img");
      mark.textContent = "✓";
      a.append(mark);
    } else if (!read && mark) mark.remove();
  });
}
