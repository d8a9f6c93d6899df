// The "On this page" list's custom element, in place of Starlight's (astro.config.mjs points Starlight's
// import of components-internals/TableOfContents/starlight-toc here; both the side and the mobile table of
// contents use it). Same behaviour: the link of the part being read is marked aria-current. Starlight finds
// the elements to watch with four `:has()` selectors over the whole of <main>, which on a chapter with
// thousands of formula spans took 100-360 ms in one idle task (the largest task on a phone, in Lighthouse's
// trace); here they are found by walking only the headings' ancestors and siblings (tocTargets).

const PAGE_TITLE_ID = "_top";

/** The headings the list links to: the page title and h`min`..h`max` with an id. */
export const headingSelector = (min: number, max: number): string =>
  `h1#${PAGE_TITLE_ID},:where(${Array.from({ length: 1 + max - min }, (_, i) => `h${min + i}`).join()})[id]`;

/**
 * The elements whose entering the viewport tells which part is being read, in document order: within `main`,
 * every heading, every later sibling of a heading (or of its .sl-heading-wrapper) that holds no heading, and
 * every child of `main` or of its .sl-markdown-content that holds no heading. The same set as Starlight's
 * selectors `main :where(H, .sl-heading-wrapper) ~ *:not(:has(H))` and the like, at the cost of the headings.
 */
export function tocTargets(main: Element, selector: string): Element[] {
  const headings = [...main.querySelectorAll(selector)];
  const holdsHeading = new Set<Element>();
  for (const h of headings) for (let e = h.parentElement; e && e !== main; e = e.parentElement) holdsHeading.add(e);
  const out = new Set<Element>(headings);
  const addIfFree = (e: Element) => !holdsHeading.has(e) && out.add(e);
  const starts = [...headings, ...main.querySelectorAll(".sl-heading-wrapper")];
  for (const start of starts) for (let e = start.nextElementSibling; e; e = e.nextElementSibling) addIfFree(e);
  for (const e of main.querySelectorAll(".sl-markdown-content")) for (const c of e.children) addIfFree(c);
  for (const c of main.children) addIfFree(c);
  // 4 is Node.DOCUMENT_POSITION_FOLLOWING (the number is shorter on every page's script).
  return [...out].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
}

/** `<starlight-toc>`: marks the link of the part in view as current. */
export class StarlightTOC extends HTMLElement {
  private _current = this.querySelector<HTMLAnchorElement>('a[aria-current="true"]');
  private readonly selector = headingSelector(Number(this.dataset.minH || 2), Number(this.dataset.maxH || 3));

  set current(link: HTMLAnchorElement) {
    if (link === this._current) return;
    this._current?.removeAttribute("aria-current");
    link.setAttribute("aria-current", "true");
    this._current = link;
  }

  constructor() {
    super();
    onIdle(() => this.init());
  }

  private init(): void {
    const links = [...this.querySelectorAll("a")];
    // Every Starlight page has a <main>.
    const targets = tocTargets(document.querySelector("main")!, this.selector);
    const setCurrent: IntersectionObserverCallback = (entries) => {
      for (const { isIntersecting, target } of entries) {
        if (!isIntersecting) continue;
        const heading = this.headingOf(target);
        const link = heading && links.find((l) => l.hash === `#${encodeURIComponent(heading.id)}`);
        if (link) {
          this.current = link;
          break;
        }
      }
    };
    let observer: IntersectionObserver | undefined;
    const observe = () => {
      if (observer) return;
      observer = new IntersectionObserver(setCurrent, { rootMargin: this.rootMargin() });
      for (const t of targets) observer.observe(t);
    };
    observe();
    let timeout = 0;
    window.addEventListener("resize", () => {
      observer?.disconnect();
      observer = undefined;
      clearTimeout(timeout);
      timeout = window.setTimeout(() => onIdle(observe), 200);
    });
  }

  /** The heading a watched element belongs to: itself, one inside it, or the nearest one before it. */
  private headingOf(start: Element): Element | null {
    let el: Element | null = start;
    while (el) {
      if (el.matches(".sl-markdown-content, main > *")) return document.getElementById(PAGE_TITLE_ID);
      if (el.matches(this.selector)) return el;
      const inside = el.querySelector(this.selector);
      if (inside) return inside;
      let prev: Element | null = el.previousElementSibling;
      while (prev?.lastElementChild) prev = prev.lastElementChild;
      el = prev ?? el.parentElement;
    }
    return null;
  }

  /** Intersections count below the header and the mobile list's summary, plus 2rem. */
  private rootMargin(): string {
    const top =
      (document.querySelector("header")?.getBoundingClientRect().height || 0) +
      (this.querySelector("summary")?.getBoundingClientRect().height || 0) +
      32;
    return `-${top}px 0% ${top + 53 - document.documentElement.clientHeight}px`;
  }
}

const onIdle = (run: () => void) => (window.requestIdleCallback ? window.requestIdleCallback(() => run()) : window.setTimeout(run, 1));

customElements.define("starlight-toc", StarlightTOC);
