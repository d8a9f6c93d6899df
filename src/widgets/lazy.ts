// Loads a widget's code only when one of its elements comes near the viewport, so a page ships
// none of Plot or the engine until the reader reaches a widget.
import { loadCatalog } from "../i18n/load";
import { currentLang } from "../i18n/lang";

/** The event that makes every widget on the page load now, wherever it is. */
export const LOAD_ALL = "dl-load-all";

/** Calls `load` once, the first time any `tag` element is within 200px of the viewport. */
export function whenVisible(tag: string, load: () => Promise<unknown>): void {
  const elements = document.querySelectorAll(tag);
  if (elements.length === 0) return;
  // The figure is watched, not the element in it: until the widget loads, the figure's content may be skipped.
  const figures = [...elements].map((el) => el.closest<HTMLElement>("figure.dl-widget") ?? (el as HTMLElement));
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    observer?.disconnect();
    // A translated page's strings load with its first widget, before that widget's code asks for any.
    loadCatalog(currentLang())
      .then(load)
      .then(() => figures.forEach((f) => f.classList.remove("dl-widget-static")))
      .catch((error: unknown) => {
        elements.forEach((el) => el.setAttribute("data-load-error", String(error)));
        console.error(`Could not load <${tag}>:`, error);
      });
  };
  const observer =
    "IntersectionObserver" in window
      ? new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start(), { rootMargin: "200px" })
      : null;
  if (!observer) return start();
  figures.forEach((f) => observer.observe(f));
  // Printing shows the widget's current figure, so load before a print of an unvisited widget;
  // "Print this chapter" (src/print/print-chapter.ts) asks for every widget first and waits for them.
  window.addEventListener("beforeprint", start, { once: true });
  document.addEventListener(LOAD_ALL, start, { once: true });
}
