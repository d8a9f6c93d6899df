// Runs of prose off screen have estimated heights until they are first shown (src/styles/course.css), so the
// browser's jump to a #fragment lands off by the estimates' error once the runs near the target render. After a
// jump (the page loading with a fragment, a hash change, a click on a link to the fragment already in the
// address) this scrolls the target back to the top, frame after frame, until it has stayed put for a few
// frames, unless the reader scrolls, types or touches meanwhile.

const STILL_FRAMES = 5;
const MAX_FRAMES = 120;

let clicks = false;

/**
 * Scrolls the address's #fragment target back to the top until it stays put. Loaded after the first jump
 * (PageTitle.astro: a page loaded with a fragment, or a hash change); from then on a click on a link to the
 * fragment already in the address, which scrolls without a hash change, lands too.
 */
export function land(): void {
  if (!clicks) {
    clicks = true;
    document.addEventListener("click", (event) => {
      const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>("a[href*='#']") : null;
      if (link && link.pathname === location.pathname && link.hash && link.hash === location.hash) requestAnimationFrame(land);
    });
  }
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (!target) return;
  const reader = new AbortController();
  for (const type of ["wheel", "touchstart", "keydown", "pointerdown"])
    window.addEventListener(type, () => reader.abort(), { passive: true, capture: true, signal: reader.signal });
  let last = Number.NaN;
  let still = 0;
  let frames = 0;
  const step = () => {
    if (reader.signal.aborted) return;
    target.scrollIntoView({ block: "start", behavior: "instant" });
    const top = target.getBoundingClientRect().top;
    still = Math.abs(top - last) < 1 ? still + 1 : 0;
    last = top;
    if (still >= STILL_FRAMES || ++frames >= MAX_FRAMES) reader.abort();
    else requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}
