// Keeps a picture of every widget on a page the crawl has already loaded and hydrated (light and dark
// at desktop width, and at phone width), in test-results/screenshots/, for a person to look at, as
// Plot keeps test/output/. It checks what a picture can show without a reference image: the widget
// drew something, fits the viewport and is not blank.
import { expect, type Locator, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";

const OUT = "test-results/screenshots";

export async function photographWidgets(page: Page, path: string, widgets: Locator[], mode: "light" | "dark" | "phone"): Promise<void> {
  if (!path.startsWith("chapters/") || widgets.length === 0) return;
  mkdirSync(OUT, { recursive: true });
  const width = page.viewportSize()!.width;
  const viewport = page.viewportSize()!;
  for (const [i, widget] of widgets.entries()) {
    // The widget's top at the viewport's top, and the picture cut at the viewport's bottom: what a reader sees
    // at once. (A picture of an element taller than the viewport made Chromium capture beyond it: 24-35 s for
    // the interview chapter's dashboard.)
    // Prose runs above take their real heights as they come into view and may move the widget: scroll until it stays.
    await expect
      .poll(() =>
        widget.evaluate(async (el) => {
          el.scrollIntoView({ block: "start" });
          const top = el.getBoundingClientRect().top;
          await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
          return Math.abs(el.getBoundingClientRect().top - top) < 1;
        }),
      )
      .toBe(true);
    const box = (await widget.boundingBox())!;
    const id = (await widget.getAttribute("id")) ?? `widget-${i}`;
    expect(box.width, `${id} has a width`).toBeGreaterThan(mode === "phone" ? 250 : 400);
    expect(box.height, `${id} has a height`).toBeGreaterThan(100);
    expect(box.x + box.width, `${id} fits the viewport`).toBeLessThanOrEqual(width + 1);
    const clip = { x: box.x, y: Math.max(0, box.y), width: box.width, height: Math.min(box.height, viewport.height - Math.max(0, box.y)) };
    const png = await page.screenshot({ path: `${OUT}/${path.replace(/[^\w]+/g, "_")}${id}-${mode}.png`, clip, animations: "disabled" });
    // A blank picture compresses to ~0.005 bytes per pixel; a drawn widget takes over 0.1.
    expect(png.length / (clip.width * clip.height), `${id} in ${mode} mode is not blank`).toBeGreaterThan(0.02);
  }
}
