// Generic widget checks: every widget on a page hydrates when scrolled into view, and every
// control changes its figure.
import { mkdirSync, writeFileSync } from "node:fs";
import { expect, type Locator, type Page } from "@playwright/test";

export async function hydrateAll(page: Page): Promise<Locator[]> {
  const widgets = await page.locator("[data-widget]").all();
  for (const w of widgets) {
    await w.scrollIntoViewIfNeeded();
    await expect(w).toHaveAttribute("data-hydrated", "", { timeout: 15_000 });
    await expect(w.locator("[data-figure]")).toBeVisible();
  }
  return widgets;
}

/** Changes each control once (by keyboard for sliders), or the first `limit` controls, and expects the figure to
 * change each time; returns how many controls it changed. */
export async function everyControlChangesFigure(widget: Locator, limit = Number.POSITIVE_INFINITY): Promise<number> {
  const figure = widget.locator("[data-figure]");
  // Controls are taken one at a time from the live list, by name and place among controls of that name:
  // a change may rebuild controls (a sort button, a layer's width slider appears) or disable some with
  // a reason (they drop data-control), so a list of elements taken once would point at elements that no
  // longer exist. A control is visited once, whatever element holds it now.
  const seen = new Set<string>();
  while (seen.size < limit) {
    const keys = await widget.locator("[data-control]").evaluateAll((els) => {
      const count = new Map<string, number>();
      return els.map((el) => {
        const name = el.getAttribute("data-control") ?? "";
        const n = count.get(name) ?? 0;
        count.set(name, n + 1);
        return { name, n };
      });
    });
    const key = keys.find((k) => !seen.has(`${k.name}#${k.n}`));
    if (!key) break;
    seen.add(`${key.name}#${key.n}`);
    const name = key.name;
    const control = widget.locator(`[data-control="${name}"]`).nth(key.n);
    // A control inside folded settings (WidgetBase.settingsGroup) is reached by unfolding them first.
    await control.evaluate((el) => {
      for (let d = el.closest("details"); d; d = d.parentElement?.closest("details") ?? null) d.open = true;
    });
    const before = await figure.innerHTML();
    // Time from the control's event to the next frame after the widget handled it (recorded, not asserted).
    await control.evaluate((el) => {
      const w = window as unknown as { __interaction?: Promise<number> };
      w.__interaction = new Promise((done) => {
        const start = (event: Event) => {
          for (const type of ["input", "change", "click"]) el.removeEventListener(type, start, true);
          const t0 = event.timeStamp;
          requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0)));
        };
        for (const type of ["input", "change", "click"]) el.addEventListener(type, start, true);
      });
    });
    const tag = await control.evaluate((el) => `${el.tagName}:${(el as HTMLInputElement).type}`);
    if (tag === "INPUT:range") {
      await control.focus();
      const value = await control.inputValue();
      const max = await control.getAttribute("max");
      await control.press(value === max ? "Home" : "End");
    } else if (tag.startsWith("SELECT")) {
      const options = await control.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      const current = await control.inputValue();
      await control.selectOption(options.find((o) => o !== current)!);
    } else {
      await control.focus();
      await control.press("Space");
    }
    await expect.poll(() => figure.innerHTML(), { message: `control "${name}" should change the figure` }).not.toBe(before);
    const ms = await widget.page().evaluate(() => (window as unknown as { __interaction?: Promise<number> }).__interaction);
    interactionTimes.push({ widget: (await widget.getAttribute("id")) ?? "", control: name, ms: Math.round(ms ?? Number.NaN) });
  }
  return seen.size;
}

/** Each control's time to the next frame, as everyControlChangesFigure measured it on this page. */
export const interactionTimes: { widget: string; control: string; ms: number }[] = [];

/** Writes the page's interaction times to test-results/interaction-times/ and prints the slowest. */
export function reportInteractionTimes(path: string): void {
  if (interactionTimes.length === 0) return;
  mkdirSync("test-results/interaction-times", { recursive: true });
  writeFileSync(`test-results/interaction-times/${path.replace(/[^\w]+/g, "_") || "home"}.json`, JSON.stringify(interactionTimes, null, 1));
  const slowest = [...interactionTimes].sort((a, b) => b.ms - a.ms).slice(0, 3);
  console.log(
    `[interaction] ${path}: ${interactionTimes.length} controls, slowest ${slowest.map((x) => `${x.widget}/${x.control} ${x.ms} ms`).join(", ")}`,
  );
  interactionTimes.length = 0;
}
