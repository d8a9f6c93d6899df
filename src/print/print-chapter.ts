// "Print this chapter": a widget the reader never scrolled to has only its build-time fallback, so
// the button first loads every widget (and draws every formula still kept as data), waits until each has drawn
// its figure (or 10 s), then opens the browser's print dialog. The print stylesheet (src/styles/print.css) does
// the rest.
import { LOAD_ALL } from "../widgets/lazy";

const HYDRATED_WAIT_MS = 10_000;

/** Resolves once every widget on the page has hydrated, or after `timeoutMs`. */
export function widgetsReady(timeoutMs = HYDRATED_WAIT_MS): Promise<void> {
  const pending = () =>
    [...document.querySelectorAll("[data-widget]")].some((w) => !w.hasAttribute("data-hydrated") && !w.hasAttribute("data-load-error"));
  return new Promise((resolve) => {
    const t0 = performance.now();
    const check = () => (!pending() || performance.now() - t0 > timeoutMs ? resolve() : setTimeout(check, 50));
    check();
  });
}

/** Wires the button: load every widget and draw every formula, wait for them and two frames of drawing, then print. */
export function setUpPrintButton(button: HTMLButtonElement, status: HTMLElement, preparing: string, showAllFormulas: () => void): void {
  button.addEventListener("click", async () => {
    button.disabled = true;
    status.textContent = preparing;
    document.dispatchEvent(new Event(LOAD_ALL));
    showAllFormulas();
    await widgetsReady();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    status.textContent = "";
    button.disabled = false;
    window.print();
  });
}
