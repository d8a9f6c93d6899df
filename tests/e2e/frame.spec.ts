// The course frame: home page, progress, theme, search, print and the 404 page.
import { test, expect } from "@playwright/test";
import { CHAPTER_RENAMES } from "../../src/content/chapter-renames";

const CH1 = "chapters/01-what-is-deep-learning/";

test("home page lists every chapter with a summary and a reading time", async ({ page }) => {
  await page.goto("./");
  const items = page.locator(".dl-chapter-list li");
  expect(await items.count()).toBeGreaterThanOrEqual(3);
  for (const li of await items.all()) {
    await expect(li.locator("a")).toHaveAttribute("href", /chapters\//);
    await expect(li.locator(".dl-chapter-minutes")).toHaveText(/\d+ min read/);
    expect((await li.locator("p").textContent())!.length).toBeGreaterThan(10);
  }
});

test("reading a chapter ticks it in the sidebar and the home page continues there", async ({ page }) => {
  await page.goto(CH1);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect
    .poll(() =>
      page.evaluate(
        () => JSON.parse(localStorage.getItem("dlf.progress.v1") ?? "{}").chapters?.["chapters/01-what-is-deep-learning"]?.read,
      ),
    )
    .toBe(true);
  await page.reload();
  await expect(page.locator(`#starlight__sidebar a[href$="${CH1}"][data-read]`)).toHaveCount(1);
  await page.goto("./");
  const link = page.locator(".dl-continue-link");
  await expect(link).toHaveAttribute("href", new RegExp(`${CH1}\\?continue$`));
  await expect(link).toContainText("What is deep learning");
  await link.click();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
});

test("corrupt saved progress is kept aside, not wiped, and the page still works", async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem("dlf.progress.v1", "{broken");
      sessionStorage.setItem("seeded", "1");
    }
  });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(CH1);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys.some((k) => k.startsWith("dlf.progress.v1.unreadable."))).toBe(true);
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem("dlf.progress.v1")!).last)).toBe("chapters/01-what-is-deep-learning");
  expect(errors).toEqual([]);
});

test("theme follows the system, and the toggle's choice is remembered without a flash", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(CH1);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.emulateMedia({ colorScheme: "light" });
  await page.locator("starlight-theme-select select").first().selectOption("dark");
  // The theme must be set before the first paint: record it as soon as <body> exists.
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.body) {
        (window as unknown as { __firstTheme?: string }).__firstTheme = document.documentElement.dataset.theme;
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload();
  expect(await page.evaluate(() => (window as unknown as { __firstTheme?: string }).__firstTheme)).toBe("dark");
});

test("search finds chapter text", async ({ page }) => {
  await page.goto("./");
  await page.locator("site-search button[data-open-modal]").click();
  await page.keyboard.type("activation");
  const result = page.locator(".pagefind-ui__result-link").first();
  await expect(result).toBeVisible({ timeout: 15_000 });
  const href = await result.getAttribute("href");
  // Results link into the site, under its base path, and the linked page exists.
  expect(href).toMatch(new RegExp(`^${new URL(page.url()).pathname}(chapters|reference|questions)/`));
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
});

test("search loads Pagefind only when asked, and keeps what is typed before it is ready", async ({ page }) => {
  const requested: string[] = [];
  page.on("request", (r) => requested.push(r.url()));
  await page.goto("./");
  await page.waitForLoadState("networkidle");
  expect(requested.filter((u) => u.includes("pagefind") || u.includes("ui-core"))).toEqual([]);
  await page.locator("main").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Control+k");
  await page.keyboard.type("gradient", { delay: 0 });
  await expect(page.locator("#starlight__search input")).toHaveValue("gradient", { timeout: 15_000 });
  await expect(page.locator(".pagefind-ui__result-link").first()).toBeVisible({ timeout: 15_000 });
});

test("a chapter prints without navigation and with the widget's figure", async ({ page }) => {
  await page.goto(CH1);
  await page.locator("dl-neuron").scrollIntoViewIfNeeded();
  await expect(page.locator("dl-neuron")).toHaveAttribute("data-hydrated", "");
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("nav.sidebar, #starlight__sidebar").first()).toBeHidden();
  await expect(page.locator("header").first()).toBeHidden();
  await expect(page.locator("dl-neuron .dl-controls")).toBeHidden();
  await expect(page.locator("dl-neuron [data-figure] svg")).toBeVisible();
  const pdf = await page.pdf();
  expect(pdf.length).toBeGreaterThan(10_000);
});

test("an unknown address shows the 404 page", async ({ page }) => {
  const response = await page.goto("no-such-page/");
  expect(response?.status()).toBe(404);
  await expect(page.locator("h1")).toContainText(/404|not found/i);
});

test("a renamed chapter's old address lands on its new one at the same section, and progress saved under it follows", async ({ page }) => {
  expect(Object.keys(CHAPTER_RENAMES).length).toBeGreaterThan(0);
  for (const [old, current] of Object.entries(CHAPTER_RENAMES)) {
    await page.goto(`chapters/${old}/`);
    await expect(page).toHaveURL(new RegExp(`chapters/${current}/$`));
    await expect(page.locator("h1")).toHaveCount(1);
    const id = await page.locator("main h2[id]").nth(1).getAttribute("id");
    await page.goto(`chapters/${old}/#${id}`);
    await expect(page).toHaveURL(new RegExp(`chapters/${current}/#${id}$`));
    await expect.poll(() => page.locator(`#${id}`).evaluate((h) => Math.round(h.getBoundingClientRect().top))).toBeLessThan(200);
  }
  const [old, current] = Object.entries(CHAPTER_RENAMES)[0];
  // From a page that keeps no reading position, so that leaving it does not write progress over this record.
  await page.goto("./");
  await page.evaluate(
    (slug) =>
      localStorage.setItem(
        "dlf.progress.v1",
        JSON.stringify({ version: 1, chapters: { [slug]: { position: 1, read: true, visitedAt: 1 } }, last: slug }),
      ),
    `chapters/${old}`,
  );
  await page.goto(CH1);
  await expect(page.locator(`#starlight__sidebar a[href$="chapters/${current}/"][data-read]`)).toHaveCount(1);
});

test("'On this page' marks the part being read, on a wide screen and in the mobile list", async ({ page }) => {
  // The list's element is ours (src/components/frame/starlight-toc.ts), in place of Starlight's.
  for (const [width, toc] of [
    [1280, "starlight-toc"],
    [390, "mobile-starlight-toc"],
  ] as const) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(CH1);
    const links = page.locator(`${toc} nav a[href^="#"]`);
    const hash = await links.nth(2).getAttribute("href");
    // Native scrolling, as a reader's; the element watches intersections from an idle callback after load.
    await expect
      .poll(async () => {
        await page.evaluate((id) => document.getElementById(decodeURIComponent(id.slice(1)))!.scrollIntoView(), hash!);
        return page.locator(`${toc} a[aria-current="true"]`).first().getAttribute("href");
      })
      .toBe(hash);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(page.locator(`${toc} a[aria-current="true"]`).first()).toHaveAttribute("href", "#_top");
  }
});

test("a #fragment lands its heading at the top on a long chapter, on load and from 'On this page', though prose below the fold is skipped", async ({
  page,
}) => {
  // Runs of prose off screen keep an estimated height until shown (content-visibility, course.css); the landing
  // is re-aligned as they render (anchor-landing.ts). The reference: where the browser puts a heading scrolled to
  // with every run shown.
  const CH4 = "chapters/04-optimization-algorithms/";
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto(CH4);
    const ids = await page.locator(".sl-markdown-content h2[id]").evaluateAll((hs) => hs.map((h) => h.id));
    const target = ids.at(-2)!;
    const top = () => page.evaluate((id) => Math.round(document.getElementById(id)!.getBoundingClientRect().top), target);
    expect(await page.locator(".prose-run").count()).toBeGreaterThan(10);
    const expected = await page.evaluate((id) => {
      const style = document.createElement("style");
      style.textContent = ".prose-run { content-visibility: visible !important; }";
      document.head.append(style);
      document.getElementById(id)!.scrollIntoView();
      const y = Math.round(document.getElementById(id)!.getBoundingClientRect().top);
      style.remove();
      return y;
    }, target);
    await page.goto(`${CH4}#${target}`);
    await expect.poll(top).toBe(expected);
    await page.goto(CH4);
    if (width < 1000) await page.locator("mobile-starlight-toc summary").click();
    await page.locator(`${width < 1000 ? "mobile-starlight-toc" : "starlight-toc"} a[href="#${ids[2]}"]`).click();
    await expect
      .poll(() => page.evaluate((id) => Math.round(document.getElementById(id)!.getBoundingClientRect().top), ids[2]))
      .toBe(expected);
  }
});

test("the engine reference's entries are skipped off screen with heights near their real ones, and a jump to one lands", async ({
  page,
}) => {
  const REFERENCE = "reference/engine/";
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto(REFERENCE);
    const entries = page.locator(".dl-api-entry");
    expect(await entries.count()).toBeGreaterThan(300);
    expect(await entries.last().evaluate((e) => getComputedStyle(e).contentVisibility)).toBe("auto");
    const target = await entries.nth(-5).getAttribute("id");
    // Estimated (most entries never shown) against real (every entry shown), summed over the page.
    const [estimated, real, expected] = await page.evaluate((id) => {
      const sum = () => [...document.querySelectorAll(".dl-api-entry")].reduce((n, e) => n + e.getBoundingClientRect().height, 0);
      const before = sum();
      const style = document.createElement("style");
      style.textContent = ".dl-api-entry { content-visibility: visible !important; }";
      document.head.append(style);
      const after = sum();
      document.getElementById(id!)!.scrollIntoView();
      const y = Math.round(document.getElementById(id!)!.getBoundingClientRect().top);
      style.remove();
      return [before, after, y];
    }, target);
    expect(Math.abs(estimated / real - 1), `estimated ${Math.round(estimated)} px, real ${Math.round(real)} px`).toBeLessThan(0.1);
    await page.goto(`${REFERENCE}#${target}`);
    await expect
      .poll(() => page.evaluate((id) => Math.round(document.getElementById(id!)!.getBoundingClientRect().top), target))
      .toBe(expected);
  }
});

test("widget figures not yet loaded are skipped off screen with heights near their real ones, and load when scrolled to", async ({
  page,
}) => {
  // Two chapters whose fallbacks are mostly tables (3) and mostly text (8), at a phone's width and a wide screen's.
  const pages = ["chapters/03-training-neural-networks/", "chapters/08-rnns-and-lstms/"];
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    let estimated = 0;
    let real = 0;
    for (const path of pages) {
      await page.goto(path);
      const [e, r] = await page.evaluate(() => {
        // Far below the fold: no widget there has loaded yet.
        const figures = [...document.querySelectorAll("figure.dl-widget-static")].filter(
          (f) => f.getBoundingClientRect().top > 2 * innerHeight,
        );
        const sum = () => figures.reduce((n, f) => n + f.getBoundingClientRect().height, 0);
        const before = sum();
        const style = document.createElement("style");
        style.textContent = ".dl-widget-static { content-visibility: visible !important; }";
        document.head.append(style);
        const after = sum();
        style.remove();
        return [before, after];
      });
      expect(r, `${path}: figures below the fold`).toBeGreaterThan(1000);
      estimated += e;
      real += r;
    }
    // Skipped, not laid out: their heights are the estimates, which are never exact.
    expect(Math.abs(estimated - real)).toBeGreaterThan(1);
    expect(Math.abs(estimated / real - 1), `${width} px: estimated ${Math.round(estimated)} px, real ${Math.round(real)} px`).toBeLessThan(
      0.15,
    );
  }
  // Scrolled to, a skipped figure's widget loads and its figure is laid out from then on.
  await page.goto(pages[0]);
  const figure = page.locator("figure.dl-widget", { has: page.locator("dl-backward-stepper") });
  await expect(figure).toHaveClass(/dl-widget-static/);
  await figure.scrollIntoViewIfNeeded();
  await expect(page.locator("dl-backward-stepper")).toHaveAttribute("data-hydrated", "");
  await expect(figure).not.toHaveClass(/dl-widget-static/);
  await expect(figure.locator("[data-figure]")).toBeVisible();
});

test("a question page does not shift while it loads on a phone: its first answers are not skipped", async ({ browser, baseURL }) => {
  // The first answers fill the first screen; skipped for the first frame, an estimate short of their real height moved
  // what follows down by 114 px (questions/activations, whose first answer is mostly formulas: CLS 0.022).
  const context = await browser.newContext({
    baseURL,
    serviceWorkers: "block",
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
  });
  const page = await context.newPage();
  // Answers moved down the page while loading. Not counted: a move in the frame after one whose layout waited for a
  // KaTeX face (font-display: block lays text out with the fallback's metrics until the face is decoded; even a face
  // inlined in the stylesheet decodes after the first layout on a busy machine, and rewraps a line: 28 px), nor a
  // font's swap nudging a formula sideways.
  await page.addInitScript(() => {
    const w = window as unknown as { moved: string[] };
    w.moved = [];
    // After each frame: its start time and whether a face was still loading when it was laid out.
    const frames: { at: number; fontsLoading: boolean }[] = [];
    const sample = (at: number) => {
      setTimeout(() => frames.push({ at, fontsLoading: [...document.fonts].some((f) => f.status === "loading") }));
      if (frames.length < 600) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
    const afterFontFrame = (at: number) => frames.findLast((f) => f.at < at - 0.5)?.fontsLoading ?? false;
    type Source = { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        for (const s of (e as unknown as { sources: Source[] }).sources)
          if (s.node instanceof Element && s.node.closest(".dl-question-item") && Math.abs(s.currentRect.y - s.previousRect.y) > 2)
            if (!afterFontFrame(e.startTime))
              w.moved.push(`${s.node.className} ${Math.round(s.previousRect.y)} -> ${Math.round(s.currentRect.y)}`);
    }).observe({ type: "layout-shift", buffered: true });
  });
  for (const path of ["questions/activations/", "zh-cn/questions/losses/"]) {
    // Measured on a second load, fonts in the memory cache, so that most loads have no frame waiting for a face.
    await page.goto(path, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.reload({ waitUntil: "load" });
    await page.waitForTimeout(500);
    const items = page.locator(".dl-question-item");
    await expect(items.nth(1)).toBeInViewport();
    expect(await items.nth(0).locator(".prose-run").count()).toBe(0);
    expect(await items.nth(2).locator(".prose-run").count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { moved: string[] }).moved)).toEqual([]);
  }
  await context.close();
});
