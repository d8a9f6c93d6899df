// Browser glue for reading progress: records the scroll position of the chapter being read,
// ticks read chapters in the sidebar, and fills the home page's "continue" box.
import { loadProgress, recordVisit, saveProgress, type Progress } from "./store";
import { tFrame as t } from "../i18n/frame";

const base = import.meta.env.BASE_URL.replace(/\/?$/, "/");

/** "chapters/01-what-is-deep-learning" for "/course/chapters/01-what-is-deep-learning/". */
export function slugFromPath(pathname: string): string {
  const path = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, "");
  return path.replace(/\/?(index\.html)?$/, "");
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage blocked: progress is simply not kept
  }
}

export function currentProgress(): Progress | null {
  const store = storage();
  if (!store) return null;
  const { progress, recovered } = loadProgress(store);
  if (recovered) console.info(t("progress.recovered"));
  return progress;
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
  const saved = loadProgress(store).progress.chapters[slug];
  if (params.has("continue") && saved) {
    const doc = document.documentElement;
    window.scrollTo(0, saved.position * (doc.scrollHeight - window.innerHeight));
  }
  let pending = 0;
  const save = () => {
    pending = 0;
    const progress = loadProgress(store).progress;
    saveProgress(store, recordVisit(progress, slug, scrollFraction()));
    markSidebar(progress);
  };
  save();
  window.addEventListener("scroll", () => {
    if (!pending) pending = window.setTimeout(save, 400);
  }, { passive: true });
  window.addEventListener("pagehide", save);
}

/** Adds a tick to the sidebar link of every chapter that has been read. */
export function markSidebar(progress = currentProgress()): void {
  if (!progress) return;
  document.querySelectorAll<HTMLAnchorElement>("#starlight__sidebar a[href], nav.sidebar a[href]").forEach((a) => {
    const slug = slugFromPath(new URL(a.href, location.href).pathname);
    const read = progress.chapters[slug]?.read === true;
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
