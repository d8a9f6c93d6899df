// Every widget of every chapter, photographed in light and dark mode at desktop width and at phone
// width, once hydrated. The pictures are kept in test-results/screenshots/ for a person to look at
// (as Plot keeps test/output/); the test checks what a picture can show without a reference image:
// the widget drew something, fits the viewport and is not blank.
import { test, expect } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { builtPages } from "./pages";
import { hydrateAll } from "./widgets";

const OUT = "test-results/screenshots";
const MODES = [
  { name: "light", theme: "light", width: 1280 },
  { name: "dark", theme: "dark", width: 1280 },
  { name: "phone", theme: "light", width: 360 },
] as const;

const chapters = builtPages().filter((p) => p.startsWith("chapters/") && p !== "chapters/errata/");

for (const path of chapters) {
  for (const mode of MODES) {
    test(`widgets of ${path} photographed in ${mode.name} mode`, async ({ page }) => {
      test.setTimeout(180_000);
      mkdirSync(OUT, { recursive: true });
      await page.setViewportSize({ width: mode.width, height: 900 });
      await page.addInitScript((t) => localStorage.setItem("starlight-theme", t), mode.theme);
      await page.goto(path);
      const widgets = await hydrateAll(page);
      for (const [i, widget] of widgets.entries()) {
        await widget.scrollIntoViewIfNeeded();
        const box = (await widget.boundingBox())!;
        const id = (await widget.getAttribute("id")) ?? `widget-${i}`;
        expect(box.width, `${id} has a width`).toBeGreaterThan(mode.width === 360 ? 250 : 400);
        expect(box.height, `${id} has a height`).toBeGreaterThan(100);
        expect(box.x + box.width, `${id} fits the viewport`).toBeLessThanOrEqual(mode.width + 1);
        const png = await widget.screenshot({ path: `${OUT}/${path.replace(/[^\w]+/g, "_")}${id}-${mode.name}.png`, animations: "disabled" });
        // A blank picture compresses to ~0.005 bytes per pixel; a drawn widget takes over 0.1.
        const ratio = png.length / (box.width * box.height);
        expect(ratio, `${id} in ${mode.name} mode is not blank`).toBeGreaterThan(0.02);
      }
    });
  }
}
