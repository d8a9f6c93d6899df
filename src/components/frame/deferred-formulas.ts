// Puts in place the formulas a chapter ships as data (src/build/rehype-deferred-formulas.mjs and
// deferred-formulas-integration.mjs) before their run of prose is shown: each run is watched from a viewport and a
// half away, farther than the browser starts laying out a run it skips (content-visibility: auto), so a reader
// scrolling sees every formula drawn. Printing (the browser's own or "Print this chapter") puts every one in place
// first.
const DEFERRED = "template[data-formula]";

/** The event that puts every deferred formula of the page in place now. */
export const SHOW_FORMULAS = "dl-show-formulas";

let formulas: string[] | null = null;

/** Each deferred template in `root` replaced by its formula's drawn part, read from the page's data block. */
function show(root: ParentNode): void {
  const deferred = root.querySelectorAll<HTMLTemplateElement>(DEFERRED);
  if (deferred.length === 0) return;
  formulas ??= JSON.parse(document.getElementById("dl-formulas")?.textContent ?? "[]") as string[];
  for (const t of deferred) {
    const html = formulas[Number(t.dataset.formula)];
    if (html === undefined) continue;
    t.innerHTML = html;
    t.replaceWith(t.content);
  }
}

/** Watches the runs holding deferred formulas; returns what puts every one in place now ("Print this chapter"). */
export function showFormulasNearby(): () => void {
  const runs = new Set<Element>();
  for (const t of document.querySelectorAll(DEFERRED)) runs.add(t.closest(".prose-run") ?? t.parentElement!);
  if (runs.size === 0) return () => {};
  const draw = (run: Element) => {
    runs.delete(run);
    watch.unobserve(run);
    show(run);
    if (runs.size === 0) removeEventListener("scroll", onScroll);
  };
  const watch = new IntersectionObserver(
    (entries) => {
      for (const e of entries) if (e.isIntersecting) draw(e.target);
    },
    { rootMargin: "150% 0px" },
  );
  for (const run of runs) watch.observe(run);
  // A jump (a #fragment, a link of the table of contents or the search) can land on runs the observer has not reported:
  // its callback comes after the frame that paints them (a clean-clone CI run counted two such frames × runs). The
  // frame's animation callback, which runs after its scroll event and before it paints, draws the runs on screen. A
  // reader's scroll moves less than half a screen a frame, and the observer's margin is ahead of it.
  const onScreen = () => {
    for (const run of runs) {
      const r = run.getBoundingClientRect();
      if (r.bottom > 0 && r.top < innerHeight) draw(run);
    }
  };
  let lastY = scrollY;
  let queued = false;
  const onScroll = () => {
    if (!queued && Math.abs(scrollY - lastY) > innerHeight / 2) {
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        onScreen();
      });
    }
    lastY = scrollY;
  };
  addEventListener("scroll", onScroll, { passive: true });
  // Landed below the top before this ran (a link to a #fragment): draw what is on screen now.
  if (scrollY > 0) onScreen();
  const all = () => {
    watch.disconnect();
    removeEventListener("scroll", onScroll);
    runs.clear();
    show(document);
  };
  window.addEventListener("beforeprint", all, { once: true });
  document.addEventListener(SHOW_FORMULAS, all, { once: true });
  return all;
}
