// Formulas far below a chapter's first screens ship as data and are drawn when their prose comes near
// (src/build/rehype-deferred-formulas.mjs, src/components/frame/deferred-formulas.ts): a reader scrolling never sees
// prose on screen without its formulas, a #fragment landing draws those around it, and printing draws them all.
import { test, expect, type Page } from "@playwright/test";

const CH4 = "chapters/04-optimization-algorithms/";

const counts = (page: Page) =>
  page.evaluate(() => ({
    formulas: document.querySelectorAll(".katex").length,
    drawn: document.querySelectorAll(".katex-html").length,
    deferred: document.querySelectorAll("template[data-formula]").length,
  }));

type Counting = Window & { undrawnNow: () => number; undrawnOnScreen: number };

/** Gives the page `undrawnNow()`: the runs of prose on screen that still hold an undrawn formula. */
const countUndrawn = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as Counting).undrawnNow = () => {
      let n = 0;
      for (const t of document.querySelectorAll("template[data-formula]")) {
        const r = (t.closest(".prose-run") ?? t.parentElement!).getBoundingClientRect();
        if (r.bottom > 0 && r.top < innerHeight && r.height > 0) n++;
      }
      return n;
    };
  });

/** Counts, at every frame from now on, the runs of prose on screen that still hold an undrawn formula. */
const watchScreen = async (page: Page) => {
  await countUndrawn(page);
  await page.evaluate(() => {
    const w = window as unknown as Counting;
    w.undrawnOnScreen = 0;
    const frame = () => {
      w.undrawnOnScreen += w.undrawnNow();
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
};
const undrawnOnScreen = (page: Page) => page.evaluate(() => (window as unknown as Counting).undrawnOnScreen);

for (const [width, height] of [
  [390, 844],
  [1280, 800],
] as const)
  test(`scrolling through a long chapter at ${width} px, every formula is drawn before its prose comes on screen`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height });
    await page.goto(CH4);
    const atLoad = await counts(page);
    // Most of the chapter's formulas wait as data; those of the first screens are drawn as built.
    expect(atLoad.deferred, "formulas deferred").toBeGreaterThan(atLoad.formulas / 2);
    expect(atLoad.drawn, "formulas drawn at load").toBe(atLoad.formulas - atLoad.deferred);
    expect(atLoad.drawn, "formulas drawn at load").toBeGreaterThan(10);
    await watchScreen(page);
    // A reader's pace: a wheel step, then a moment, to the end of the page (which grows as widgets load).
    for (let step = 0; step < 1000; step++) {
      await page.mouse.wheel(0, 500);
      await page.waitForTimeout(20);
      const end = await page.evaluate(() => scrollY + innerHeight >= document.documentElement.scrollHeight - 2);
      if (end) break;
    }
    expect(await undrawnOnScreen(page), "frames × runs on screen with an undrawn formula").toBe(0);
    const after = await counts(page);
    // (A widget's figure, once loaded, replaces its fallback, formulas and all: the count may change.)
    expect(after).toEqual({ formulas: after.formulas, drawn: after.formulas, deferred: 0 });
    // What was put in place is KaTeX's drawing: the last display formula has its glyphs and a size.
    const last = page.locator(".sl-markdown-content .katex-display").last();
    await last.scrollIntoViewIfNeeded();
    expect((await last.locator(".katex-html").boundingBox())!.height).toBeGreaterThan(10);
    expect(await last.locator(".katex-html .mord").count()).toBeGreaterThan(0);
  });

test("a #fragment landing deep in a chapter draws the formulas around its heading", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(CH4);
  const ids = await page.locator(".sl-markdown-content h2[id]").evaluateAll((hs) => hs.map((h) => h.id));
  const target = ids.at(-2)!;
  // The frame that first shows the landing, just before it paints (an animation callback asked for by a scroll listener
  // added after the page's own): the observer reports only after that frame, so its runs are drawn there by the page.
  await countUndrawn(page);
  const atJump = await page.evaluate(
    (id) =>
      new Promise<number>((done) => {
        const w = window as unknown as Counting;
        addEventListener("scroll", () => requestAnimationFrame(() => done(w.undrawnNow())), { once: true, passive: true });
        location.hash = id;
      }),
    target,
  );
  expect(atJump, "runs on screen with an undrawn formula in the landing's first frame").toBe(0);
  await expect
    .poll(() => page.evaluate((id) => Math.round(document.getElementById(id)!.getBoundingClientRect().top), target))
    .toBeLessThan(200);
  await watchScreen(page);
  await page.waitForTimeout(300);
  expect(await undrawnOnScreen(page)).toBe(0);
  // The section after the heading has formulas, drawn; far above it, formulas still wait.
  const section = page.locator(`section.page-part:has(> h2#${target})`);
  expect(await section.locator(".katex-html").count()).toBeGreaterThan(0);
  expect((await counts(page)).deferred).toBeGreaterThan(0);
});

test("printing draws every deferred formula first", async ({ page }) => {
  await page.goto(CH4);
  expect((await counts(page)).deferred).toBeGreaterThan(0);
  // The browser's own print (Ctrl+P) sends beforeprint before it lays out the pages.
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  const c = await counts(page);
  expect(c).toEqual({ formulas: c.formulas, drawn: c.formulas, deferred: 0 });
});
