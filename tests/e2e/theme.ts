// Switching the colour theme in place, as Starlight's theme picker does: the page is not reloaded, and every
// widget redraws on the change. Reloading for each theme would load and hydrate the page a second time.
import type { Page } from "@playwright/test";

/** Sets the theme the way the picker does and waits two frames for widgets to redraw; leaves the page at its top. */
export function switchTheme(page: Page, name: "light" | "dark"): Promise<void> {
  return page.evaluate(async (name) => {
    localStorage.setItem("starlight-theme", name);
    document.documentElement.dataset.theme = name;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    window.scrollTo(0, 0);
  }, name);
}
